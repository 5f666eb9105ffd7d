package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
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

    /** Each test is reported skipped, saying what to install, where the tool is missing. */
    @BeforeEach
    void requireShellAndOpenSsl() {
        Tools.assumeInstalled("openssl version && od --version >/dev/null 2>&1 || od -An -tx1 </dev/null", "sh or openssl not found on the PATH: install openssl (Debian: apt-get install -y openssl) "
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

        Tools.Result good = Tools.shell(dir, script);
        assertThat(good.exitCode()).as(good.output()).isZero();
        assertThat(good.output()).contains("matches signer.pem").contains(success);

        Tools.Result bad = Tools.shell(dir, script.replace("'S000123'", "'S000124'"));
        assertThat(bad.exitCode()).as("a changed serial must fail: " + bad.output()).isNotZero();
    }

}
