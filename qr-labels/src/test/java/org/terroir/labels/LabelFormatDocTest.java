package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples of docs/label-format.md are what the code produces and accepts. */
class LabelFormatDocTest {

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa-p256", "sm2"})
    void exampleLabelsAreGenuineUnderTheirExampleKeys(String algorithm) {
        VerificationKey key = VerificationKey.fromPem(LabelFormatDoc.block("example-" + algorithm + "-pem"));
        String label = LabelFormatDoc.block("example-" + algorithm + "-label").strip();
        Verdict verdict = new LabelVerifier(List.of(key)).verify(label);
        assertThat(verdict.isGenuine()).as(verdict.toString()).isTrue();
        assertThat(new LabelVerifier(List.of(key)).verify(label.replace("S000123", "S000124")).toString())
                .startsWith("not genuine: tampered");
    }

    @Test
    void statesTheQrVersionOfTheExampleLabel() {
        String label = LabelFormatDoc.block("example-ed25519-label").strip();
        var code = org.terroir.labels.render.QrCode.of(label, org.terroir.labels.render.ErrorCorrection.M);
        assertThat(LabelFormatDoc.text().replaceAll("\\s+", " ")).contains("the " + label.length()
                + "-character example of section 8 is a version " + code.version() + " symbol, " + code.size() + " × "
                + code.size() + " modules");
    }

    @Test
    void workedExampleIsTheRfc8032Test1KeySigningTheExampleLabel() {
        SigningKey key = SigningKey.ed25519FromSeed(
                HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        DigitalLink unsigned = DigitalLink.parse("https://id.example.cn/01/09520001000010/10/L2611A/21/S000123?11=261120&17=270500");
        DigitalLink signed = new LabelSigner(key).sign(unsigned);
        assertThat(signed.toUri()).isEqualTo(LabelFormatDoc.block("example-ed25519-label").strip());
        assertThat(key.verificationKey().toPem()).isEqualTo(LabelFormatDoc.block("example-ed25519-pem"));
        assertThat(key.verificationKey().certificateId()).hasToString("06e3fd");

        String doc = LabelFormatDoc.text();
        byte[] message = LabelSignature.signedBytes(signed, key.verificationKey().certificateId());
        assertThat(doc).contains("The signed message, " + message.length + " bytes:");
        String dumped = doc.substring(doc.indexOf("The signed message,"));
        dumped = dumped.substring(dumped.indexOf("```\n") + 4, dumped.indexOf("\n```", dumped.indexOf("```\n") + 4));
        StringBuilder hex = new StringBuilder();
        for (String line : dumped.split("\n")) {
            hex.append(line.replaceAll("\\s{2,}\".*$|\\s{2,}[a-z].*$", "").replace(" ", ""));
        }
        assertThat(hex.toString()).isEqualTo(HexFormat.of().formatHex(message));
        assertThat(doc).contains(unsigned.elementString());
    }
}
