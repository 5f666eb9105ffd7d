package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.terroir.cli.TerroirTest.Run;

/** keys, trust-list, labels issue and verify, as a user runs them: files, one-line verdicts, exit codes. */
class LabelCommandsTest {

    @TempDir
    static Path dir;

    static Path pki;
    static String today = LocalDate.now().toString();

    static Run ok(String... args) {
        Run run = TerroirTest.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    /** The 4-command demo PKI of 'terroir keys --help', in {@code folder}, with one algorithm. */
    static Path demoPki(Path folder, String algorithm) {
        String p = folder.toString();
        ok("keys", "create-root", "--name", "Demo Regulator", "--algorithm", algorithm, "--out", p);
        ok("keys", "issue-brand", "--issuer-key", p + "/root.key.pem", "--issuer-cert", p + "/root.cert.pem",
                "--name", "Linxia Apples", "--gs1-prefix", "9520001,9520002", "--algorithm", algorithm, "--out", p);
        ok("keys", "issue-signer", "--issuer-key", p + "/brand.key.pem", "--issuer-cert", p + "/brand.cert.pem",
                "--name", "Packhouse 1", "--algorithm", algorithm, "--out", p);
        ok("trust-list", "create", "--root-key", p + "/root.key.pem", "--root-cert", p + "/root.cert.pem",
                "--cert", p + "/brand.cert.pem", "--cert", p + "/signer.cert.pem", "--out", p + "/trust-list.pem");
        return folder;
    }

    static Path issue(Path pkiFolder, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("labels", "issue", "--gtin", "09520001000010", "--lot", "L1",
                "--date", today, "--key", pkiFolder + "/signer.key.pem", "--cert", pkiFolder + "/signer.cert.pem",
                "--host", "brand.example", "--out", out.toString()));
        args.addAll(List.of(more));
        if (!args.contains("--serials")) {
            args.addAll(List.of("--count", "3"));
        }
        ok(args.toArray(String[]::new));
        return out;
    }

    static List<String> uris(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve("labels.txt"));
    }

    @BeforeAll
    static void demo() throws IOException {
        pki = demoPki(Files.createDirectories(dir.resolve("pki")), "ed25519");
    }

    @Test
    void keysHelpShowsTheDemoPkiInFourCommandsWithoutAPicocliWarning() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, StandardCharsets.UTF_8));
        Run run;
        try {
            run = ok("keys", "--help");
        } finally {
            System.setErr(stderr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).as("picocli's warnings go to standard error").doesNotContain("WARN");
        assertThat(run.out() + run.err()).doesNotContain("WARN");
        assertThat(run.out()).contains("create-root", "issue-brand", "issue-signer", "revoke",
                "A demo PKI in 4 commands", "terroir trust-list create", "--date $(date +%F) --key pki/signer.key.pem");
        for (String command : new String[] {"trust-list", "labels", "verify"}) {
            assertThat(ok(command, "--help").out()).as(command).contains("Usage: terroir " + command);
        }
        assertThat(ok("verify", "--help").out()).contains("0   genuine", "1   not genuine", "2   unusable input");
    }

    @Test
    void privateKeysAreOwnerOnlyAndNeverPrinted() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("perm"));
        Run run = ok("keys", "create-root", "--name", "R", "--out", folder.toString());
        Path key = folder.resolve("root.key.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String pem = Files.readString(key);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        String base64 = pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(run.out() + run.err()).doesNotContain(base64).doesNotContain("BEGIN PRIVATE KEY");
    }

    @Test
    void existingKeysAreNeverOverwritten() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("twice"));
        ok("keys", "create-root", "--name", "R", "--out", folder.toString());
        String before = Files.readString(folder.resolve("root.key.pem"));
        Run again = TerroirTest.run("keys", "create-root", "--name", "R", "--out", folder.toString());
        assertThat(again.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(again.err()).contains("exists; nothing was written").doesNotContain("\tat ");
        assertThat(Files.readString(folder.resolve("root.key.pem"))).isEqualTo(before);
    }

    @Test
    void anIssuedLabelIsGenuineWithTheTrustListAndWithCertificates() throws IOException {
        Path out = issue(pki, dir.resolve("genuine/sheet.pdf"));
        assertThat(out).isRegularFile();
        String uri = uris(out.getParent()).getFirst();
        assertThat(uri).startsWith("https://brand.example/01/09520001000010/10/L1/21/1?").contains("8030=");

        Run byList = TerroirTest.run("verify", "--trust-list", pki + "/trust-list.pem", "--root", pki + "/root.cert.pem", uri);
        Run byCerts = TerroirTest.run("verify", "--cert", pki + "/root.cert.pem", "--cert", pki + "/brand.cert.pem",
                "--cert", pki + "/signer.cert.pem", uri);

        assertThat(byList.exitCode()).as(byList.err()).isZero();
        assertThat(byList.out()).isEqualTo("genuine: 01/09520001000010/10/L1/21/1, signed by Packhouse 1 of Linxia Apples (Ed25519)\n");
        assertThat(byCerts.exitCode()).as(byCerts.err()).isZero();
        assertThat(byCerts.out()).isEqualTo(byList.out());
    }

    @Test
    void aTamperedLabelIsNotGenuineExitOne() throws IOException {
        issue(pki, dir.resolve("tampered/sheet.pdf"));
        String uri = uris(dir.resolve("tampered")).get(1).replace("/10/L1/", "/10/L2/");

        Run run = TerroirTest.run("verify", "--trust-list", pki + "/trust-list.pem", "--root", pki + "/root.cert.pem", uri);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("not genuine: tampered: ");
        assertThat(run.out().lines()).hasSize(1);
    }

    @Test
    void aMalformedLinkIsNotGenuineExitOne() {
        Run run = TerroirTest.run("verify", "--trust-list", pki + "/trust-list.pem", "--root", pki + "/root.cert.pem",
                "https://brand.example/01/09520001000017/21/1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("not genuine: malformed: ").contains("check digit");
    }

    @Test
    void aLabelOfARevokedSignerIsRevoked() throws IOException {
        Path folder = demoPki(Files.createDirectories(dir.resolve("revoked")), "ed25519");
        issue(folder, folder.resolve("labels/sheet.pdf"));
        ok("keys", "revoke", "--cert", folder + "/signer.cert.pem", "--issuer-key", folder + "/brand.key.pem",
                "--reason", "key-compromise", "--out", folder + "/signer.revoked");
        ok("trust-list", "create", "--root-key", folder + "/root.key.pem", "--root-cert", folder + "/root.cert.pem",
                "--cert", folder + "/brand.cert.pem", folder + "/signer.cert.pem", "--revocation", folder + "/signer.revoked",
                "--out", folder + "/trust-list-2.pem");

        Run run = TerroirTest.run("verify", "--trust-list", folder + "/trust-list-2.pem", "--root", folder + "/root.cert.pem",
                uris(folder.resolve("labels")).getFirst());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("not genuine: revoked: ").contains("key compromise");
    }

    @Test
    void aRevocationNotSignedByTheIssuerIsRefused() {
        ok("keys", "revoke", "--cert", pki + "/signer.cert.pem", "--issuer-key", pki + "/signer.key.pem",
                "--reason", "superseded", "--out", dir + "/forged.revoked");
        Run run = TerroirTest.run("trust-list", "create", "--root-key", pki + "/root.key.pem", "--root-cert", pki + "/root.cert.pem",
                "--cert", pki + "/brand.cert.pem", "--revocation", dir + "/forged.revoked", "--out", dir + "/never.pem");
        assertThat(run.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(run.err()).contains("not signed by a certificate of its issuer CN=Linxia Apples");
        assertThat(dir.resolve("never.pem")).doesNotExist();
    }

    @Test
    void aLabelFromAnotherPkiIsAnUnknownSigner() throws IOException {
        Path other = demoPki(Files.createDirectories(dir.resolve("other")), "ed25519");
        issue(other, other.resolve("labels/sheet.pdf"));
        Run run = TerroirTest.run("verify", "--trust-list", pki + "/trust-list.pem", "--root", pki + "/root.cert.pem",
                uris(other.resolve("labels")).getFirst());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("not genuine: unknown signer: ");
    }

    @Test
    void unusableInputIsExitTwoOnOneLine() throws IOException {
        Path notAnImage = Files.writeString(dir.resolve("note.txt"), "hello");
        Path blank = dir.resolve("blank.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(50, 50, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                blank.toFile());
        String list = pki + "/trust-list.pem";
        String root = pki + "/root.cert.pem";
        for (String[] args : new String[][] {
            {"verify", "--trust-list", list, "--root", root, dir + "/missing.png"},
            {"verify", "--trust-list", list, "--root", root, notAnImage.toString()},
            {"verify", "--trust-list", list, "--root", root, blank.toString()},
            {"verify", "https://brand.example/01/09520001000010/21/1"},
            {"verify", "--trust-list", dir + "/no-list.pem", "--root", root, "https://brand.example/01/09520001000010/21/1"},
            {"verify", "--trust-list", pki + "/signer.cert.pem", "--root", root, "https://brand.example/01/09520001000010/21/1"}}) {
            Run run = TerroirTest.run(args);
            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(Terroir.USAGE);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err()).as(String.join(" ", args)).startsWith("terroir: ").doesNotContain("\tat ", "Exception");
        }
        assertThat(TerroirTest.run("verify", "--trust-list", list, "--root", root, blank.toString()).err())
                .isEqualTo("terroir: no QR code found in " + blank + "\n");
    }

    @Test
    void aFolderOfImagesVerifiesFromThePngAndZbarReadsTheSameLink() throws Exception {
        Path folder = issue(pki, dir.resolve("images"), "--serials", "A0008..A0010");
        assertThat(uris(folder)).hasSize(3);
        Path png = folder.resolve("09520001000010-A0009.png");
        assertThat(png).isRegularFile();
        assertThat(folder.resolve("09520001000010-A0009.svg")).isRegularFile();

        Run run = TerroirTest.run("verify", "--trust-list", pki + "/trust-list.pem", "--root", pki + "/root.cert.pem", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("genuine: 01/09520001000010/10/L1/21/A0009, signed by Packhouse 1");

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/zbarimg")), "zbarimg (zbar-tools) not installed");
        Process zbar = new ProcessBuilder("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(zbar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String decoded = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(decoded).isEqualTo(uris(folder).get(1));
        Run fromZbar = TerroirTest.run("verify", "--trust-list", pki + "/trust-list.pem", "--root", pki + "/root.cert.pem", decoded);
        assertThat(fromZbar.out()).isEqualTo(run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecdsa-p256", "sm2"})
    void everyAlgorithmGivesGenuineLabels(String algorithm) throws IOException {
        Path folder = demoPki(Files.createDirectories(dir.resolve(algorithm)), algorithm);
        issue(folder, folder.resolve("labels/sheet.pdf"), "--date-kind", "packing", "--expiry", "271231");
        String uri = uris(folder.resolve("labels")).getFirst();
        assertThat(uri).contains("13=", "17=271231");

        Run run = TerroirTest.run("verify", "--trust-list", folder + "/trust-list.pem", "--root", folder + "/root.cert.pem", uri);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("(" + (algorithm.equals("sm2") ? "SM2-SM3" : "ECDSA-P256-SHA256") + ")\n");
    }

    @Test
    void theCommissioningDocumentNamesTheSerialsTheLotTheDateAndTheSite() throws IOException {
        Path folder = issue(pki, dir.resolve("epcis/sheet.pdf"), "--location", "9520001000010").getParent();
        String json = Files.readString(folder.resolve("commissioning.jsonld"));
        assertThat(json).contains("\"type\": \"ObjectEvent\"", "\"action\": \"ADD\"", "\"bizStep\": \"commissioning\"",
                "\"disposition\": \"active\"", "\"urn:epc:id:sgtin:9520001.000001.1\"", "\"urn:epc:id:sgtin:9520001.000001.3\"",
                "\"ilmd\": {\"cbvmda:lotNumber\": \"L1\"}", "\"eventTime\": \"" + today + "T00:00:00+08:00\"",
                "\"readPoint\": {\"id\": \"urn:epc:id:sgln:9520001.00001.0\"}",
                "\"bizLocation\": {\"id\": \"urn:epc:id:sgln:9520001.00001.0\"}");
    }

    @Test
    void badLabelOptionsAreUsageErrorsNamingTheOption() {
        Run range = TerroirTest.run("labels", "issue", "--gtin", "09520001000010", "--lot", "L1", "--serials", "9..1",
                "--date", today, "--key", pki + "/signer.key.pem", "--cert", pki + "/signer.cert.pem", "--host", "b.example",
                "--out", dir + "/bad.pdf");
        Run both = TerroirTest.run("labels", "issue", "--gtin", "09520001000010", "--lot", "L1", "--serials", "1..2", "--count", "2",
                "--date", today, "--key", pki + "/signer.key.pem", "--cert", pki + "/signer.cert.pem", "--host", "b.example",
                "--out", dir + "/bad.pdf");
        Run foreign = TerroirTest.run("labels", "issue", "--gtin", "09530001000019", "--lot", "L1", "--count", "2",
                "--date", today, "--key", pki + "/signer.key.pem", "--cert", pki + "/root.cert.pem", "--host", "b.example",
                "--out", dir + "/bad.pdf");
        assertThat(range.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(range.err()).startsWith("terroir: --serials \"9..1\"");
        assertThat(both.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(foreign.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(foreign.err()).contains("is not the key of --cert");
        assertThat(dir.resolve("bad.pdf")).doesNotExist();
    }
}
