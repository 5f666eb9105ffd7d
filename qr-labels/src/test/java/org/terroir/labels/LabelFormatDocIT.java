package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the shell steps of docs/label-format.md section 9, as written, on the example labels of
 * section 8 with {@code sh} and {@code openssl}; and once more with a changed serial, which must fail.
 */
class LabelFormatDocIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void requireShellAndOpenSsl() {
        boolean available;
        try {
            available = new ProcessBuilder("sh", "-c", "openssl version && od --version >/dev/null 2>&1 || od -An -tx1 </dev/null")
                    .redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        assumeTrue(available, "sh or openssl not found on the PATH: install openssl (Debian: apt-get install -y openssl) "
                + "to run the documented verification steps");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ed25519,    '',                 Signature Verified Successfully",
            "ecdsa-p256, step-4-raw-to-der,  Verified OK",
            "sm2,        step-4-raw-to-der,  Signature Verified Successfully",
    })
    void documentedOpenSslStepsVerifyTheExampleLabel(String algorithm, String conversion, String success) throws Exception {
        Files.writeString(dir.resolve("signer.pem"), LabelFormatDoc.block("example-" + algorithm + "-pem"));
        String label = LabelFormatDoc.block("example-" + algorithm + "-label").strip();
        String script = "set -e\nLABEL='" + label + "'\n"
                + LabelFormatDoc.block("step-1-decode-ai-8030")
                + LabelFormatDoc.block("step-2-check-certificate-id")
                + LabelFormatDoc.block("step-3-build-message")
                + (conversion.isEmpty() ? "" : LabelFormatDoc.block(conversion))
                + LabelFormatDoc.block("step-4-verify-" + algorithm);

        String[] good = run(script);
        assertThat(good[0]).as(good[1]).isEqualTo("0");
        assertThat(good[1]).contains("matches signer.pem").contains(success);

        String[] bad = run(script.replace("'S000123'", "'S000124'"));
        assertThat(bad[0]).as("a changed serial must fail: " + bad[1]).isNotEqualTo("0");
    }

    private String[] run(String script) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out:\n" + script);
        }
        return new String[] {String.valueOf(process.exitValue()), output};
    }
}
