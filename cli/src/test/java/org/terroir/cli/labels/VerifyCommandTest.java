package org.terroir.cli.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terroir verify}: a trust list is only as good as the root that pins it. A rogue list, made
 * by anyone with a root of the same name, must never give the "genuine" of the regulator's own.
 */
class VerifyCommandTest {

    @TempDir
    static Path dir;

    static TestPki regulator;
    static TestPki rogue;

    @BeforeAll
    static void pkis() {
        regulator = TestPki.write(dir.resolve("regulator"), "Demo Regulator");
        rogue = TestPki.write(dir.resolve("rogue"), "Demo Regulator");
    }

    /** {@code terroir verify} with these arguments and these environment variables only. */
    static CommandRun verify(Map<String, String> environment, String... args) {
        VerifyCommand command = new VerifyCommand();
        command.environment = environment::get;
        return CommandRun.of(command, args);
    }

    static CommandRun verify(String... args) {
        return verify(Map.of(), args);
    }

    @Test
    void aRogueTrustListWithoutAPinnedRootIsNotVerified() {
        CommandRun run = verify("--trust-list", rogue.file("trust-list.pem"), rogue.label());

        assertThat(run.out()).doesNotStartWith("genuine").startsWith("not verified: trust anchor not pinned: give --root FILE");
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.exitCode()).isEqualTo(CommandRun.USAGE);
    }

    @Test
    void theRegulatorsTrustListWithoutAPinnedRootIsNotVerifiedEither() {
        CommandRun run = verify("--trust-list", regulator.file("trust-list.pem"), regulator.label());

        assertThat(run.out()).startsWith("not verified: trust anchor not pinned: ");
        assertThat(run.exitCode()).isEqualTo(CommandRun.USAGE);
    }

    @Test
    void aRogueTrustListIsRefusedAgainstTheRegulatorsRoot() {
        CommandRun run = verify("--trust-list", rogue.file("trust-list.pem"), "--root", regulator.file("root.cert.pem"),
                rogue.label());

        assertThat(run.exitCode()).isEqualTo(CommandRun.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("is not signed by a trusted regulator root");
    }

    @Test
    void theRegulatorsTrustListWithItsRootIsGenuine() {
        CommandRun run = verify("--trust-list", regulator.file("trust-list.pem"), "--root", regulator.file("root.cert.pem"),
                regulator.label());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("genuine: 01/09520001000010/10/L1/21/1, signed by Packhouse 1 of Linxia Apples (Ed25519)\n");
    }

    @Test
    void theConfiguredRootPinsTheTrustListWhenNoRootIsGiven() {
        Map<String, String> configured = Map.of(VerifyCommand.TRUST_ROOT_VARIABLE, regulator.file("root.cert.pem"));

        CommandRun genuine = verify(configured, "--trust-list", regulator.file("trust-list.pem"), regulator.label());
        CommandRun forged = verify(configured, "--trust-list", rogue.file("trust-list.pem"), rogue.label());

        assertThat(genuine.exitCode()).as(genuine.err()).isZero();
        assertThat(genuine.out()).startsWith("genuine: ");
        assertThat(forged.exitCode()).isEqualTo(CommandRun.USAGE);
        assertThat(forged.out()).isEmpty();
        assertThat(forged.err()).contains("is not signed by a trusted regulator root");
    }

    @Test
    void aRootGivenWithRootOverridesTheConfiguredRoot() {
        Map<String, String> configured = Map.of(VerifyCommand.TRUST_ROOT_VARIABLE, rogue.file("root.cert.pem"));

        CommandRun run = verify(configured, "--trust-list", rogue.file("trust-list.pem"), "--root", regulator.file("root.cert.pem"),
                rogue.label());

        assertThat(run.exitCode()).isEqualTo(CommandRun.USAGE);
        assertThat(run.err()).contains("is not signed by a trusted regulator root");
    }

    @Test
    void aRootThatIsNoRegulatorRootIsRefusedNamingTheFile() {
        CommandRun run = verify("--trust-list", regulator.file("trust-list.pem"), "--root", regulator.file("brand.cert.pem"),
                regulator.label());

        assertThat(run.exitCode()).isEqualTo(CommandRun.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--root " + regulator.file("brand.cert.pem"), "not a self-signed regulator root");
    }

    @Test
    void aTrustListGivenAsItsOwnRootIsRefused() {
        CommandRun run = verify("--trust-list", rogue.file("trust-list.pem"), "--root", rogue.file("trust-list.pem"), rogue.label());

        assertThat(run.exitCode()).isEqualTo(CommandRun.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--root " + rogue.file("trust-list.pem") + " is a trust list, not a root certificate");
    }

    @Test
    void certificatesAreTrustedUnderTheRootGivenAmongThem() {
        CommandRun run = verify("--cert", regulator.file("root.cert.pem"), "--cert", regulator.file("brand.cert.pem"),
                "--cert", regulator.file("signer.cert.pem"), regulator.label());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("genuine: 01/09520001000010/10/L1/21/1, signed by Packhouse 1 of Linxia Apples");
    }

    @Test
    void aRootGivenWithRootIsTheOnlyAnchorForCertificatesToo() {
        CommandRun run = verify("--cert", rogue.file("root.cert.pem"), "--cert", rogue.file("brand.cert.pem"),
                "--cert", rogue.file("signer.cert.pem"), "--root", regulator.file("root.cert.pem"), rogue.label());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("not genuine: unknown signer: ");
    }

    @Test
    void helpSaysWhichRootIsTrustedAndThatAnUnpinnedListIsUnusable() {
        CommandRun run = verify("--help");

        assertThat(run.out().replaceAll("\\s+", " ")).contains(VerifyCommand.TRUST_ROOT_VARIABLE,
                "never the root in the trust list file", "2 unusable input (no such file, no QR code found, no trust list,"
                + " trust anchor not pinned)");
    }
}
