package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.terroir.model.id.InvalidIdentifierException;

class LabelSignatureTest {

    private static LabelSignature sample() {
        byte[] signature = new byte[64];
        new Random(3).nextBytes(signature);
        return new LabelSignature(new CertificateId(0x3FA01C), signature);
    }

    @Test
    void encodesCertificateIdAndSignatureInExactly90Characters() {
        String encoded = sample().encode();
        assertThat(encoded).hasSize(LabelSignature.ENCODED_LENGTH).matches("[A-Za-z0-9_-]{90}");
        assertThat(encoded).startsWith(org.terroir.labels.internal.Base64Url.encode(new byte[] {0x3F, (byte) 0xA0, 0x1C}));
        assertThat(LabelSignature.parse(encoded)).isEqualTo(sample());
    }

    @Test
    void rejectsOtherLengthsNamingAi8030() {
        String encoded = sample().encode();
        for (String wrong : new String[] {encoded.substring(0, 89), encoded + "A", encoded.substring(0, 88), ""}) {
            assertThatThrownBy(() -> LabelSignature.parse(wrong))
                    .isInstanceOf(InvalidIdentifierException.class)
                    .hasMessageStartingWith("digital signature (AI 8030)")
                    .hasMessageContaining("exactly 90");
        }
        assertThatThrownBy(() -> LabelSignature.parse(encoded.substring(0, 88) + "==")).hasMessageContaining("'='");
    }

    @Test
    void rejectsANonCanonicalLastCharacter() {
        String encoded = sample().encode();
        String head = encoded.substring(0, 89);
        int accepted = 0;
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            try {
                LabelSignature.parse(head + c);
                accepted++;
            } catch (InvalidIdentifierException e) {
                assertThat(e.getMessage()).contains("non-zero unused low bits");
            }
        }
        assertThat(accepted).as("90 characters hold 67 bytes and 4 zero bits: 4 of 64 last characters").isEqualTo(4);
    }

    @Test
    void rejectsCharactersOutsideTheUrlSafeAlphabet() {
        String encoded = sample().encode();
        for (char c : "+/= .~%\u00e9".toCharArray()) {
            String wrong = encoded.substring(0, 40) + c + encoded.substring(41);
            assertThatThrownBy(() -> LabelSignature.parse(wrong)).as("%s", c).hasMessageContaining("position 41");
        }
    }

    @Test
    void signsDomainTagCertificateIdAndTheElementStringWithoutAi8030() {
        DigitalLink label = DigitalLinkTest.sample().withDigitalSignature("AAAA").withBase("https://elsewhere.example");
        byte[] bytes = LabelSignature.signedBytes(label, new CertificateId(0x3FA01C));
        String expected = "terroir-label-v1" + "\u003F\u00A0\u001C"
                + "0109520001000010" + "10L2611A\u001D" + "11261120" + "17270531" + "21S0001";
        assertThat(bytes).isEqualTo(expected.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void requiresASerialAndAProductionOrPackagingDate() {
        DigitalLink noDate = DigitalLink.parse("https://id.example.cn/01/09520001000010/21/S1?17=270531");
        assertThatThrownBy(() -> LabelSignature.signedBytes(noDate, new CertificateId(1)))
                .hasMessageContaining("production date (AI 11) or packaging date (AI 13)");
        assertThat(LabelSignature.signedBytes(noDate.withPackagingDate("261120"), new CertificateId(1))).isNotEmpty();
        DigitalLink noSerial = DigitalLink.parse("https://id.example.cn/01/09520001000010/10/L1?11=261120");
        assertThatThrownBy(() -> LabelSignature.signedBytes(noSerial, new CertificateId(1)))
                .hasMessageContaining("serial (AI 21)");
    }
}
