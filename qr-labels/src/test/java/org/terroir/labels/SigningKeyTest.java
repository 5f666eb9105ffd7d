package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SigningKeyTest {

    static Stream<SignatureAlgorithm> algorithms() {
        return Stream.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ECDSA_P256, SignatureAlgorithm.SM2);
    }

    private static final byte[] MESSAGE = "terroir".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @MethodSource("algorithms")
    void signsWith64BytesThatItsVerificationKeyAccepts(SignatureAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        byte[] signature = key.sign(MESSAGE);
        assertThat(signature).hasSize(64);
        assertThat(key.algorithm()).isEqualTo(algorithm);
        assertThat(key.verificationKey().verify(MESSAGE, signature)).isTrue();
        assertThat(SigningKey.generate(algorithm).verificationKey().verify(MESSAGE, signature)).as("another key").isFalse();
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void takesTheAlgorithmFromTheKeyWhenReadBackFromPem(SignatureAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        SigningKey read = SigningKey.fromPem(key.toPkcs8Pem());
        VerificationKey publicKey = VerificationKey.fromPem(key.verificationKey().toPem());
        assertThat(read.algorithm()).isEqualTo(algorithm);
        assertThat(publicKey).isEqualTo(key.verificationKey());
        assertThat(publicKey.certificateId()).isEqualTo(key.verificationKey().certificateId());
        assertThat(publicKey.verify(MESSAGE, read.sign(MESSAGE))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void rejectsWrongLengthAndBitFlippedSignatures(SignatureAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        byte[] signature = key.sign(MESSAGE);
        VerificationKey verifier = key.verificationKey();
        for (int length : new int[] {0, 1, 32, 63, 65, 72, 128}) {
            byte[] resized = java.util.Arrays.copyOf(signature, length);
            assertThat(verifier.verify(MESSAGE, resized)).as("%d bytes", length).isFalse();
        }
        for (int bit = 0; bit < 512; bit++) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(verifier.verify(MESSAGE, flipped)).as("bit %d flipped", bit).isFalse();
        }
        assertThat(verifier.verify(MESSAGE, new byte[64])).as("all zero").isFalse();
        byte[] allOnes = new byte[64];
        java.util.Arrays.fill(allOnes, (byte) 0xFF);
        assertThat(verifier.verify(MESSAGE, allOnes)).as("r, s above the group order").isFalse();
        assertThat(verifier.verify(null, signature)).isFalse();
        assertThat(verifier.verify(MESSAGE, null)).isFalse();
    }

    @Test
    void signsEcdsaDeterministically() {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ECDSA_P256);
        assertThat(key.sign(MESSAGE)).isEqualTo(key.sign(MESSAGE));
    }

    @Test
    void bindsSm2SignaturesToTheDistinguishingId() {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.SM2);
        byte[] signature = key.sign(MESSAGE);
        VerificationKey other = key.verificationKey().withSm2DistinguishingId("terroir-brand-7");
        assertThat(other.algorithm()).isEqualTo(new SignatureAlgorithm.Sm2("terroir-brand-7"));
        assertThat(other.certificateId()).isEqualTo(key.verificationKey().certificateId());
        assertThat(other.verify(MESSAGE, signature)).isFalse();
        assertThat(other.verify(MESSAGE, key.withSm2DistinguishingId("terroir-brand-7").sign(MESSAGE))).isTrue();
        assertThatThrownBy(() -> SigningKey.generate(SignatureAlgorithm.ED25519).withSm2DistinguishingId("x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void neverShowsKeyMaterialInItsDescription() {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        String pkcs8 = key.toPkcs8Pem().lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        byte[] der = Base64.getDecoder().decode(pkcs8);
        String seedHex = java.util.HexFormat.of().formatHex(der, der.length - 32, der.length);
        assertThat(key.toString()).startsWith("SigningKey[Ed25519, id ")
                .doesNotContain(pkcs8).doesNotContain(seedHex);
    }

    @Test
    void rejectsKeysOfOtherAlgorithmsNamingThem() {
        // RSA SubjectPublicKeyInfo header with a tiny modulus: algorithm 1.2.840.113549.1.1.1
        byte[] rsa = java.util.HexFormat.of().parseHex("301c300d06092a864886f70d0101010500030b003008020301000102010" + "3");
        assertThatThrownBy(() -> VerificationKey.fromSubjectPublicKeyInfo(rsa))
                .hasMessageContaining("unsupported key algorithm 1.2.840.113549.1.1.1");
        assertThatThrownBy(() -> SigningKey.fromPem("no pem here")).hasMessageContaining("no PEM block \"PRIVATE KEY\"");
    }

    @Test
    void derivesTheCertificateIdFromTheSha256OfTheSubjectPublicKeyInfo() {
        VerificationKey key = SigningKey.generate(SignatureAlgorithm.ED25519).verificationKey();
        byte[] digest = org.terroir.labels.internal.Crypto.sha256(key.subjectPublicKeyInfo());
        assertThat(key.certificateId().toBytes()).containsExactly(digest[0], digest[1], digest[2]);
        assertThat(key.certificateId().toString()).isEqualTo(java.util.HexFormat.of().formatHex(digest, 0, 3));
    }
}
