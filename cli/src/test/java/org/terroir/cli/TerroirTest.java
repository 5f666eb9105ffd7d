package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerroirTest {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Terroir.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run run = run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "stats", "Exit codes:", "usage error or missing file");
    }

    @Test
    void everyCommandHasHelpAndPicocliWarnsOfNothingInIt() {
        // picocli warns on standard error (not the command's writer) of a help text it cannot format
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"demo", "serve", "tokens", "import", "stats", "id", "keys", "trust-list", "labels",
                "verify", "keys create-root", "keys issue-brand", "keys issue-signer", "keys revoke", "labels issue"}) {
                String[] args = (command + " --help").split(" ");
                Run run = run(args);
                assertThat(run.exitCode()).as(command).isZero();
                assertThat(run.out()).as(command).contains("Usage: terroir " + command, "--help").doesNotContain("WARN");
                assertThat(run.err()).as(command).doesNotContain("WARN");
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("WARN").isEmpty();
    }

    @Test
    void quickCommandsAreTheProgramsOwnSubcommandsWithTheSameHelp() {
        picocli.CommandLine whole = new picocli.CommandLine(new Terroir());
        for (var quick : Terroir.QUICK.entrySet()) {
            picocli.CommandLine registered = whole.getSubcommands().get(quick.getKey());
            assertThat(registered).as(quick.getKey()).isNotNull();
            assertThat(registered.getCommand().getClass()).isEqualTo(quick.getValue().get().getClass());
            java.io.StringWriter alone = new java.io.StringWriter();
            Terroir.commandLine(quick.getKey()).getSubcommands().get(quick.getKey()).usage(new PrintWriter(alone));
            java.io.StringWriter within = new java.io.StringWriter();
            registered.usage(new PrintWriter(within));
            assertThat(alone.toString()).as(quick.getKey()).isEqualTo(within.toString());
        }
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLineWithAHint() {
        Run run = run("harvest");
        assertThat(run.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(run.err().lines()).containsExactly("terroir: Unmatched argument at index 0: 'harvest'", "Try 'terroir --help'.");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run().exitCode()).isEqualTo(Terroir.USAGE);
    }

    @Test
    void aNeo4jUriThatIsNotBoltIsAUsageErrorWithoutStackTrace() {
        Run run = run("stats", "--neo4j-uri", "http://localhost:7474");
        assertThat(run.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(run.err()).startsWith("terroir: Neo4j URI \"http://localhost:7474\" must start with bolt://")
                .doesNotContain("Exception", "\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anUnreachableServerIsADomainFailureOnOneLine(@TempDir Path dataDir) {
        Run run = run("stats", "--neo4j-uri", "bolt://localhost:1", "--data-dir", dataDir.toString());
        assertThat(run.exitCode()).isEqualTo(Terroir.DOMAIN_FAILURE);
        assertThat(run.err()).startsWith("terroir: cannot use Neo4j server bolt://localhost:1: ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void versionNamesTheJava() {
        Run run = run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("terroir ").contains("Java " + Runtime.version().feature());
    }

    @Test
    void idConvertsAnSgtinUrnToItsDigitalLinkAndBackToTheSameKey() {
        Run fromUrn = run("id", "urn:epc:id:sgtin:9520001.000001.SN1");
        Run fromLink = run("id", "https://brand.example/01/09520001000010/21/SN1");

        assertThat(fromUrn.exitCode()).isZero();
        assertThat(fromUrn.out()).contains("key:          01/09520001000010/21/SN1",
                "Digital Link: https://id.gs1.org/01/09520001000010/21/SN1");
        assertThat(fromLink.out()).isEqualTo(fromUrn.out()).contains("EPC URN:      urn:epc:id:sgtin:9520001.000001.SN1");
    }

    @Test
    void idRejectsAWrongCheckDigitAndA21CharacterLotNamingTheRule() {
        Run gtin = run("id", "--as", "gtin", "09520001000017");
        Run lot = run("id", "urn:epc:class:lgtin:9520001.000001.ABCDEFGHIJKLMNOPQRSTU");

        assertThat(gtin.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(gtin.err()).isEqualTo("terroir: invalid: GTIN \"09520001000017\": check digit is 7, expected 0 (GS1 mod-10)\n");
        assertThat(lot.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(lot.err()).contains("lot (AI 10)", "21 characters, at most 20 allowed");
    }
}
