package org.terroir.cli.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.terroir.model.id.Gtin;

/**
 * {@code terroir labels issue} refuses, before writing anything, labels that could never verify:
 * a GTIN outside the signer's company prefixes, a date outside its certificate's validity.
 */
class LabelsIssueTest {

    @TempDir
    static Path dir;

    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.write(dir.resolve("pki"), "Demo Regulator");
    }

    /** {@code labels issue} of 2 serials of lot L1 as PNG and SVG images into {@code out}, signed by {@code signer}. */
    static CommandRun issue(TestPki signer, Gtin gtin, String date, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("issue", "--gtin", gtin.value(), "--lot", "L1", "--count", "2",
                "--date", date, "--key", signer.file("signer.key.pem"), "--cert", signer.file("signer.cert.pem"),
                "--host", "brand.example", "--out", out.toString()));
        args.addAll(List.of(more));
        return CommandRun.of(new LabelsCommand(), args.toArray(String[]::new));
    }

    static void assertRefusedWritingNothing(CommandRun run, Path out) {
        assertThat(run.exitCode()).as(run.out()).isEqualTo(CommandRun.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("terroir: ");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesAGtinOutsideTheCompanyPrefixesTheSignerInheritsAndWritesNothing() {
        Path out = dir.resolve("other-company");

        CommandRun run = issue(pki, TestPki.OTHER_COMPANY, "2026-11-20", out);

        assertRefusedWritingNothing(run, out);
        assertThat(run.err()).contains("GTIN 09530001000019", "[9520001]", "CN=Packhouse 1");
    }

    @Test
    void refusesAGtinOutsideTheSignersOwnCompanyPrefixes() {
        TestPki narrow = TestPki.write(dir.resolve("narrow"), "Demo Regulator", List.of("95200019"));
        Path out = dir.resolve("narrow-out");

        CommandRun run = issue(narrow, TestPki.APPLES, "2026-11-20", out);

        assertRefusedWritingNothing(run, out);
        assertThat(run.err()).contains("GTIN 09520001000010", "[95200019]");
    }

    @ParameterizedTest(name = "--date {1}: {2}")
    @CsvSource({"too-early, 2026-05-31, not yet valid", "too-late, 270602, expired"})
    void refusesADateOutsideTheSignerCertificatesValidityAndWritesNothing(String folder, String date, String why) {
        Path out = dir.resolve(folder);

        CommandRun run = issue(pki, TestPki.APPLES, date, out);

        assertRefusedWritingNothing(run, out);
        assertThat(run.err()).contains("--date " + date, "CN=Packhouse 1", "valid " + pki.signer().notBefore() + " to "
                + pki.signer().notAfter(), why);
    }

    @Test
    void issuesLabelsThatVerifyOnTheFirstAndLastDaysOfTheSignersValidity() throws IOException {
        for (String date : new String[] {"2026-06-01", "2027-06-01"}) {
            Path out = dir.resolve("edge-" + date);

            CommandRun run = issue(pki, TestPki.APPLES, date, out);

            assertThat(run.exitCode()).as(run.err()).isZero();
            String uri = Files.readAllLines(out.resolve(LabelsCommand.URIS)).getFirst();
            VerifyCommand verify = new VerifyCommand();
            verify.environment = Map.<String, String>of()::get;
            CommandRun verdict = CommandRun.of(verify, "--trust-list", pki.file("trust-list.pem"), "--root",
                    pki.file("root.cert.pem"), uri);
            assertThat(verdict.out()).as(date).startsWith("genuine: 01/09520001000010/10/L1/21/1, signed by Packhouse 1");
        }
    }

    @Test
    void refusesASignerThatInheritsItsPrefixesWhenItsBrandCertificateIsNotBesideIt() throws IOException {
        TestPki alone = signerAlone("alone");
        Path out = dir.resolve("alone-out");

        CommandRun run = issue(alone, TestPki.APPLES, "2026-11-20", out);

        assertRefusedWritingNothing(run, out);
        assertThat(run.err()).contains("inherits its brand's GS1 company prefixes", "--brand-cert FILE");
    }

    @Test
    void checksTheGtinAgainstTheBrandCertificateGivenWithBrandCert() throws IOException {
        TestPki alone = signerAlone("alone-with-brand");

        CommandRun allowed = issue(alone, TestPki.APPLES, "2026-11-20", dir.resolve("brand-given"),
                "--brand-cert", pki.file("brand.cert.pem"));
        CommandRun refused = issue(alone, TestPki.OTHER_COMPANY, "2026-11-20", dir.resolve("brand-given-other"),
                "--brand-cert", pki.file("brand.cert.pem"));

        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertRefusedWritingNothing(refused, dir.resolve("brand-given-other"));
        assertThat(refused.err()).contains("GTIN 09530001000019", "[9520001]");
    }

    @Test
    void refusesABrandCertificateThatDidNotIssueTheSigner() {
        TestPki other = TestPki.write(dir.resolve("other"), "Demo Regulator");
        Path out = dir.resolve("wrong-brand");

        CommandRun run = issue(pki, TestPki.APPLES, "2026-11-20", out, "--brand-cert", other.file("brand.cert.pem"));

        assertRefusedWritingNothing(run, out);
        assertThat(run.err()).contains("--brand-cert " + other.file("brand.cert.pem"), "did not issue");
    }

    /** This test's signer key and certificate copied into a folder of their own, without the brand's certificate. */
    private static TestPki signerAlone(String folder) throws IOException {
        Path alone = Files.createDirectories(dir.resolve(folder));
        Files.copy(pki.folder().resolve("signer.cert.pem"), alone.resolve("signer.cert.pem"));
        Files.copy(pki.folder().resolve("signer.key.pem"), alone.resolve("signer.key.pem"));
        return new TestPki(alone, pki.root(), pki.brand(), pki.signerKey(), pki.signer());
    }
}
