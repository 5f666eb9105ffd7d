package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8032 section 7.1, TEST 1 to 3, through {@link SigningKey} and {@link VerificationKey}. */
class Ed25519VectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    /** DER SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410), followed by the 32 key bytes. */
    private static final String SPKI_PREFIX = "302a300506032b6570032100";

    @ParameterizedTest(name = "RFC 8032 {0}")
    @CsvSource({
            "TEST 1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, "
                    + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', "
                    + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            "TEST 2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, "
                    + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, "
                    + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
            "TEST 3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7, "
                    + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82, "
                    + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    })
    void signsAndVerifiesTheRfc8032Vectors(String name, String secret, String publicKey, String message, String signature) {
        byte[] msg = HEX.parseHex(message == null ? "" : message);
        byte[] sig = HEX.parseHex(signature);
        SigningKey key = SigningKey.ed25519FromSeed(HEX.parseHex(secret));

        assertThat(HEX.formatHex(key.verificationKey().subjectPublicKeyInfo())).isEqualTo(SPKI_PREFIX + publicKey);
        assertThat(HEX.formatHex(key.sign(msg))).isEqualTo(signature);

        VerificationKey verifier = VerificationKey.fromSubjectPublicKeyInfo(HEX.parseHex(SPKI_PREFIX + publicKey));
        assertThat(verifier.algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(verifier.verify(msg, sig)).isTrue();

        byte[] longer = java.util.Arrays.copyOf(msg, msg.length + 1);
        assertThat(verifier.verify(longer, sig)).as("message with an extra byte").isFalse();
        for (int bit = 0; bit < sig.length * 8; bit++) {
            byte[] flipped = sig.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(verifier.verify(msg, flipped)).as("signature bit %d flipped", bit).isFalse();
        }
        assertThat(verifier.verify(msg, java.util.Arrays.copyOf(sig, 63))).as("63 bytes").isFalse();
        assertThat(verifier.verify(msg, java.util.Arrays.copyOf(sig, 65))).as("65 bytes").isFalse();
        assertThat(verifier.verify(msg, new byte[0])).as("empty").isFalse();
    }
}
