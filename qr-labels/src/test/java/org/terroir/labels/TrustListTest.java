package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;

class TrustListTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final Gtin APPLES = Gtin.withCheckDigit("0952000100001");

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(LabelVerifier.CHINA).toInstant();
    }

    private record Pki(SigningKey rootKey, LabelCertificate root, SigningKey brandKey, LabelCertificate brand,
            SigningKey signerKey, LabelCertificate signer) {

        static Pki of(SignatureAlgorithm algorithm) {
            SigningKey rootKey = SigningKey.generate(algorithm);
            LabelCertificate root = CertificateIssuer.regulatorRoot(rootKey, "国家市场监督管理总局 Test Root", day("2026-01-01"),
                    day("2036-01-01"));
            SigningKey brandKey = SigningKey.generate(algorithm);
            LabelCertificate brand = new CertificateIssuer(root, rootKey).issueBrand(brandKey.verificationKey(),
                    "Linxia Apple Association", List.of("9520001"), day("2026-01-01"), day("2031-01-01"));
            SigningKey signerKey = SigningKey.generate(algorithm);
            LabelCertificate signer = new CertificateIssuer(brand, brandKey).issueSigner(signerKey.verificationKey(),
                    "Yongjing Packing Cooperative", day("2026-06-01"), day("2027-06-01"));
            return new Pki(rootKey, root, brandKey, brand, signerKey, signer);
        }

        DigitalLink label(String serial) {
            return new LabelSigner(signerKey).sign(DigitalLink.of("https://id.example.cn", APPLES, LotNumber.of("L1"),
                    SerialNumber.of(serial)).withProductionDate("261120"));
        }
    }

    static Stream<SignatureAlgorithm> algorithms() {
        return SigningKeyTest.algorithms();
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void aVerifierLoadedFromASignedTrustListSaysGenuineAndRevoked(SignatureAlgorithm algorithm) {
        Pki pki = Pki.of(algorithm);
        Revocation revocation = Revocation.of(pki.signer(), day("2026-11-22"), Revocation.Reason.KEY_COMPROMISE);
        String pem = TrustList.signPem(pki.root(), pki.rootKey(), BigInteger.ONE, day("2026-11-01"), day("2026-12-01"),
                List.of(pki.brand(), pki.signer()), List.of());
        String pemRevoked = TrustList.signPem(pki.root(), pki.rootKey(), BigInteger.TWO, day("2026-11-22"), day("2026-12-22"),
                List.of(pki.brand(), pki.signer()), List.of(revocation));

        TrustList list = TrustList.verifyPem(pem, List.of(pki.root()));
        assertThat(list.certificates()).containsExactly(pki.brand(), pki.signer());
        assertThat(list.issuer()).isEqualTo(pki.root().subject());
        LabelVerifier verifier = LabelVerifier.trusting(List.of(pki.root()), list, NOW, LabelVerifier.CHINA);
        assertThat(verifier.verify(pki.label("S1")).isGenuine()).isTrue();

        TrustList revoked = TrustList.verifyPem(pemRevoked, List.of(pki.root()));
        assertThat(revoked.revocations()).containsExactly(new Revocation(pki.signer().issuer(), pki.signer().serialNumber(),
                day("2026-11-22"), Revocation.Reason.KEY_COMPROMISE));
        assertThat(revoked.sequenceNumber()).isEqualTo(2);
        Verdict verdict = LabelVerifier.trusting(List.of(pki.root()), revoked, NOW, LabelVerifier.CHINA).verify(pki.label("S1"));
        assertThat(verdict.toString()).startsWith("not genuine: revoked");
    }

    @Test
    void rejectsAListSignedByAnUntrustedRootOrChanged() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519);
        Pki other = Pki.of(SignatureAlgorithm.ED25519);
        byte[] der = TrustList.sign(pki.root(), pki.rootKey(), BigInteger.ONE, day("2026-11-01"), day("2026-12-01"),
                List.of(pki.brand(), pki.signer()), List.of());
        assertThatThrownBy(() -> TrustList.verify(der, List.of(other.root()))).hasMessageContaining("not signed by a trusted");
        assertThat(TrustList.verify(der, List.of(other.root(), pki.root())).certificates()).hasSize(2);
        int flipped = 0;
        for (int i = 0; i < der.length; i += 7) {
            byte[] changed = der.clone();
            changed[i] ^= 0x01;
            try {
                TrustList.verify(changed, List.of(pki.root()));
            } catch (IllegalArgumentException e) {
                flipped++;
                continue;
            }
            throw new AssertionError("byte " + i + " changed and the list still verifies");
        }
        assertThat(flipped).isGreaterThan(10);
        assertThatThrownBy(() -> TrustList.verify(new byte[] {0x30, 0x00}, List.of(pki.root()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isSignedOnlyByARootWithItsOwnKeyAndKnowsWhenItIsStale() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519);
        assertThatThrownBy(() -> TrustList.sign(pki.brand(), pki.brandKey(), BigInteger.ONE, day("2026-11-01"),
                day("2026-12-01"), List.of(), List.of())).hasMessageContaining("signed by a regulator root");
        assertThatThrownBy(() -> TrustList.sign(pki.root(), pki.brandKey(), BigInteger.ONE, day("2026-11-01"),
                day("2026-12-01"), List.of(), List.of())).hasMessageContaining("does not belong");
        TrustList list = TrustList.verify(TrustList.sign(pki.root(), pki.rootKey(), BigInteger.ONE, day("2026-11-01"),
                day("2026-12-01"), List.of(), List.of()), List.of(pki.root()));
        assertThat(list.isStale(day("2026-11-30"))).isFalse();
        assertThat(list.isStale(day("2026-12-02"))).isTrue();
    }
}
