package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.terroir.labels.Verdict.Reason;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;

/** Regulator root → brand association (bound to GS1 company prefixes) → signer, judged at the label's date. */
class LabelPkiTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final Gtin APPLES = Gtin.withCheckDigit("0952000100001"); // company prefix 9520001
    private static final Gtin OTHER_BRAND = Gtin.withCheckDigit("0952000200001"); // company prefix 9520002

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(LabelVerifier.CHINA).toInstant();
    }

    /** One PKI: keys and certificates of a root, a brand for 9520001 and a signer valid June 2026 to May 2027. */
    private record Pki(SigningKey rootKey, LabelCertificate root, SigningKey brandKey, LabelCertificate brand,
            SigningKey signerKey, LabelCertificate signer) {

        static Pki of(SignatureAlgorithm rootAlgorithm, SignatureAlgorithm brandAlgorithm, SignatureAlgorithm signerAlgorithm) {
            SigningKey rootKey = SigningKey.generate(rootAlgorithm);
            LabelCertificate root = CertificateIssuer.regulatorRoot(rootKey, "Gansu Market Supervision Root",
                    day("2026-01-01"), day("2036-01-01"));
            SigningKey brandKey = SigningKey.generate(brandAlgorithm);
            LabelCertificate brand = new CertificateIssuer(root, rootKey).issueBrand(brandKey.verificationKey(),
                    "临夏苹果协会 Linxia Apple Association", List.of("9520001"), day("2026-01-01"), day("2031-01-01"));
            SigningKey signerKey = SigningKey.generate(signerAlgorithm);
            LabelCertificate signer = new CertificateIssuer(brand, brandKey).issueSigner(signerKey.verificationKey(),
                    "Yongjing Packing Cooperative", day("2026-06-01"), day("2027-06-01"));
            return new Pki(rootKey, root, brandKey, brand, signerKey, signer);
        }

        LabelVerifier verifier() {
            return LabelVerifier.trusting(List.of(root), List.of(brand, signer), NOW, LabelVerifier.CHINA);
        }

        DigitalLink label(Gtin gtin, String productionDate) {
            return new LabelSigner(signerKey).sign(DigitalLink.of("https://id.example.cn", gtin, LotNumber.of("L1"),
                    SerialNumber.of("S1")).withProductionDate(productionDate));
        }
    }

    static Stream<SignatureAlgorithm> algorithms() {
        return SigningKeyTest.algorithms();
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void findsALabelGenuineWhenItsChainWasValidOnItsDate(SignatureAlgorithm algorithm) {
        Pki pki = Pki.of(algorithm, algorithm, algorithm);
        Verdict verdict = pki.verifier().verify(pki.label(APPLES, "261120").toUri());
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Genuine.class, genuine -> {
            assertThat(genuine.chain()).contains(new CertificateChain(pki.signer(), pki.brand(), pki.root()));
            assertThat(genuine.signer()).isEqualTo(pki.signer().publicKey());
        });
        assertThat(verdict.toString()).contains("Yongjing Packing Cooperative of 临夏苹果协会 Linxia Apple Association");
    }

    @Test
    void acceptsChainsMixingAlgorithms() {
        Pki pki = Pki.of(SignatureAlgorithm.SM2, SignatureAlgorithm.ECDSA_P256, SignatureAlgorithm.ED25519);
        assertThat(pki.verifier().verify(pki.label(APPLES, "261120")).isGenuine()).isTrue();
    }

    @Test
    void stillVerifiesLabelsSignedWhileTheCertificateWasValid() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        Clock later = Clock.fixed(Instant.parse("2029-03-01T00:00:00Z"), ZoneOffset.UTC);
        LabelVerifier verifier = LabelVerifier.trusting(List.of(pki.root()), List.of(pki.brand(), pki.signer()), later,
                LabelVerifier.CHINA);
        assertThat(verifier.verify(pki.label(APPLES, "270531")).isGenuine()).as("signer expired 2027-06-01").isTrue();
    }

    @Test
    void saysCertificateExpiredForALabelDatedAfterTheSignerCertificate() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        assertThat(reason(pki.verifier().verify(pki.label(APPLES, "270602")))).isEqualTo(Reason.CERTIFICATE_EXPIRED);
        assertThat(pki.verifier().verify(pki.label(APPLES, "270602")).toString())
                .startsWith("not genuine: certificate expired").contains("CN=Yongjing Packing Cooperative");
    }

    @Test
    void saysNotYetValidForALabelDatedBeforeTheSignerCertificate() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        assertThat(reason(pki.verifier().verify(pki.label(APPLES, "260531")))).isEqualTo(Reason.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void readsTheLabelDateAsADayInChina() {
        // the signer certificate starts 2026-06-01 00:00 in Shanghai, i.e. 2026-05-31T16:00Z
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        assertThat(pki.verifier().verify(pki.label(APPLES, "260601")).isGenuine()).isTrue();
        LabelVerifier utc = LabelVerifier.trusting(List.of(pki.root()), List.of(pki.brand(), pki.signer()), NOW, ZoneOffset.UTC);
        assertThat(utc.verify(pki.label(APPLES, "260531")).isGenuine()).as("31 May in UTC overlaps the validity").isTrue();
    }

    @Test
    void judgesAMonthOnlyDateByTheWholeMonthAndPrefersThePackagingDate() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        assertThat(pki.verifier().verify(pki.label(APPLES, "260500")).isGenuine()).as("May 2026 ends before the signer certificate starts")
                .isFalse();
        assertThat(pki.verifier().verify(pki.label(APPLES, "270500")).isGenuine()).isTrue();
        DigitalLink packedLater = new LabelSigner(pki.signerKey()).sign(DigitalLink.of("https://id.example.cn", APPLES,
                LotNumber.of("L1"), SerialNumber.of("S2")).withProductionDate("260520").withPackagingDate("260602"));
        assertThat(pki.verifier().verify(packedLater).isGenuine()).as("judged at the packaging date").isTrue();
    }

    @Test
    void saysNotAllowedForAGtinOutsideTheBrandsCompanyPrefixes() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        Verdict verdict = pki.verifier().verify(pki.label(OTHER_BRAND, "261120"));
        assertThat(reason(verdict)).isEqualTo(Reason.NOT_ALLOWED_FOR_GTIN);
        assertThat(verdict.toString()).contains("[9520001]");
    }

    @Test
    void restrictsASignerToItsOwnPrefixesWithinTheBrands() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        SigningKey narrowKey = SigningKey.generate(SignatureAlgorithm.ED25519);
        LabelCertificate narrow = new CertificateIssuer(pki.brand(), pki.brandKey()).issueSigner(narrowKey.verificationKey(),
                "Narrow Packer", List.of("95200019"), day("2026-06-01"), day("2027-06-01"));
        LabelVerifier verifier = LabelVerifier.trusting(List.of(pki.root()), List.of(pki.brand(), narrow), NOW, LabelVerifier.CHINA);
        DigitalLink allowed = new LabelSigner(narrowKey).sign(DigitalLink.of("https://id.example.cn",
                Gtin.withCheckDigit("0952000190001"), LotNumber.of("L1"), SerialNumber.of("S1")).withProductionDate("261120"));
        DigitalLink outside = new LabelSigner(narrowKey).sign(DigitalLink.of("https://id.example.cn", APPLES,
                LotNumber.of("L1"), SerialNumber.of("S1")).withProductionDate("261120"));
        assertThat(verifier.verify(allowed).isGenuine()).isTrue();
        assertThat(reason(verifier.verify(outside))).isEqualTo(Reason.NOT_ALLOWED_FOR_GTIN);
        assertThatThrownBy(() -> new CertificateIssuer(pki.brand(), pki.brandKey()).issueSigner(narrowKey.verificationKey(),
                "Greedy Packer", List.of("9520002"), day("2026-06-01"), day("2027-06-01")))
                .hasMessageContaining("not within the brand's [9520001]");
    }

    @Test
    void saysUnknownSignerWhenTheChainEndsAtAnUntrustedRoot() {
        Pki trusted = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        Pki rogue = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        LabelVerifier verifier = LabelVerifier.trusting(List.of(trusted.root()),
                List.of(trusted.brand(), trusted.signer(), rogue.brand(), rogue.signer()), NOW, LabelVerifier.CHINA);
        Verdict verdict = verifier.verify(rogue.label(APPLES, "261120"));
        assertThat(reason(verdict)).isEqualTo(Reason.UNKNOWN_SIGNER);
        assertThat(verdict.toString()).contains("does not chain");
        assertThat(verifier.verify(trusted.label(APPLES, "261120")).isGenuine()).isTrue();
    }

    @Test
    void doesNotAcceptASignerCertificateIssuedByAnotherBrandsKeyUnderTheSameName() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        // an impostor makes its own "brand" certificate with the same name, signed by itself
        SigningKey impostorKey = SigningKey.generate(SignatureAlgorithm.ED25519);
        LabelCertificate fakeRoot = CertificateIssuer.regulatorRoot(impostorKey, "Gansu Market Supervision Root",
                day("2026-01-01"), day("2036-01-01"));
        LabelCertificate fakeBrand = new CertificateIssuer(fakeRoot, impostorKey).issueBrand(impostorKey.verificationKey(),
                "临夏苹果协会 Linxia Apple Association", List.of("9520001"), day("2026-01-01"), day("2031-01-01"));
        SigningKey signerKey = SigningKey.generate(SignatureAlgorithm.ED25519);
        LabelCertificate fakeSigner = new CertificateIssuer(fakeBrand, impostorKey).issueSigner(signerKey.verificationKey(),
                "Yongjing Packing Cooperative", day("2026-06-01"), day("2027-06-01"));
        LabelVerifier verifier = LabelVerifier.trusting(List.of(pki.root()), List.of(pki.brand(), fakeBrand, fakeSigner),
                NOW, LabelVerifier.CHINA);
        DigitalLink label = new LabelSigner(signerKey).sign(DigitalLink.of("https://id.example.cn", APPLES,
                LotNumber.of("L1"), SerialNumber.of("S1")).withProductionDate("261120"));
        assertThat(reason(verifier.verify(label))).isEqualTo(Reason.UNKNOWN_SIGNER);
    }

    @Test
    void saysTamperedWhenTheSignatureDoesNotMatchEvenWithCertificates() {
        Pki pki = Pki.of(SignatureAlgorithm.ECDSA_P256, SignatureAlgorithm.ECDSA_P256, SignatureAlgorithm.ECDSA_P256);
        DigitalLink label = pki.label(APPLES, "261120");
        assertThat(reason(pki.verifier().verify(label.withLot("L2")))).isEqualTo(Reason.TAMPERED);
    }

    @Test
    void readsCertificatesBackFromPemWithRolePrefixesAndValidity() {
        Pki pki = Pki.of(SignatureAlgorithm.SM2, SignatureAlgorithm.SM2, SignatureAlgorithm.SM2);
        LabelCertificate brand = LabelCertificate.fromPem(pki.brand().toPem());
        assertThat(brand).isEqualTo(pki.brand());
        assertThat(brand.role()).isEqualTo(CertificateRole.BRAND);
        assertThat(brand.companyPrefixes()).containsExactly("9520001");
        assertThat(brand.name()).isEqualTo("临夏苹果协会 Linxia Apple Association");
        assertThat(brand.notBefore()).isEqualTo(day("2026-01-01"));
        assertThat(brand.notAfter()).isEqualTo(day("2031-01-01"));
        assertThat(brand.issuer()).isEqualTo(pki.root().subject());
        assertThat(brand.isIssuedBy(pki.root())).isTrue();
        assertThat(brand.isIssuedBy(brand)).isFalse();
        assertThat(pki.signer().certificateId()).isEqualTo(pki.signerKey().verificationKey().certificateId());
        assertThat(LabelCertificate.fromPem(pki.signer().toPem()).role()).isEqualTo(CertificateRole.SIGNER);
        assertThat(LabelCertificate.fromPem(pki.root().toPem()).companyPrefixes()).isEmpty();
    }

    @Test
    void carriesANonDefaultSm2DistinguishingIdInTheSignerCertificate() {
        Pki pki = Pki.of(SignatureAlgorithm.SM2, SignatureAlgorithm.SM2, SignatureAlgorithm.SM2);
        SigningKey key = SigningKey.generate(new SignatureAlgorithm.Sm2("yongjing-coop-01"));
        LabelCertificate signer = new CertificateIssuer(pki.brand(), pki.brandKey()).issueSigner(key.verificationKey(),
                "Yongjing Cooperative SM2", day("2026-06-01"), day("2027-06-01"));
        LabelCertificate read = LabelCertificate.fromDer(signer.encoded());
        assertThat(read.publicKey().algorithm()).isEqualTo(new SignatureAlgorithm.Sm2("yongjing-coop-01"));
        LabelVerifier verifier = LabelVerifier.trusting(List.of(pki.root()), List.of(pki.brand(), read), NOW, LabelVerifier.CHINA);
        DigitalLink label = new LabelSigner(key).sign(DigitalLink.of("https://id.example.cn", APPLES, LotNumber.of("L1"),
                SerialNumber.of("S1")).withProductionDate("261120"));
        assertThat(verifier.verify(label).isGenuine()).isTrue();
    }

    @Test
    void enforcesWhoIssuesWhatAndValidityWithinTheIssuers() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        VerificationKey someKey = SigningKey.generate(SignatureAlgorithm.ED25519).verificationKey();
        assertThatThrownBy(() -> new CertificateIssuer(pki.root(), pki.rootKey()).issueSigner(someKey, "x",
                day("2026-06-01"), day("2027-06-01"))).hasMessageContaining("issued by a BRAND");
        assertThatThrownBy(() -> new CertificateIssuer(pki.brand(), pki.brandKey()).issueBrand(someKey, "x", List.of("9520001"),
                day("2026-06-01"), day("2027-06-01"))).hasMessageContaining("issued by a REGULATOR_ROOT");
        assertThatThrownBy(() -> new CertificateIssuer(pki.signer(), pki.signerKey()))
                .hasMessageContaining("a signer certificate issues no certificates");
        assertThatThrownBy(() -> new CertificateIssuer(pki.brand(), pki.rootKey())).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new CertificateIssuer(pki.brand(), pki.brandKey()).issueSigner(someKey, "x",
                day("2026-06-01"), day("2032-01-01"))).hasMessageContaining("not within the issuer's");
        assertThatThrownBy(() -> new CertificateIssuer(pki.root(), pki.rootKey()).issueBrand(someKey, "x", List.of("95200"),
                day("2026-06-01"), day("2027-06-01"))).hasMessageContaining("must be 6 to 12 digits");
    }

    @Test
    void saysRevokedForEveryLabelOfAKeyCompromisedSigner() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        Revocation compromised = Revocation.of(pki.signer(), day("2026-11-01"), Revocation.Reason.KEY_COMPROMISE);
        LabelVerifier verifier = LabelVerifier.trusting(List.of(pki.root()), List.of(pki.brand(), pki.signer()),
                List.of(compromised), NOW, LabelVerifier.CHINA);
        assertThat(reason(verifier.verify(pki.label(APPLES, "260701")))).as("dated before the revocation").isEqualTo(Reason.REVOKED);
        assertThat(verifier.verify(pki.label(APPLES, "261120")).toString())
                .startsWith("not genuine: revoked").contains("key compromise").contains("voids all its labels");
    }

    @Test
    void voidsOnlyLabelsDatedFromTheRevocationDayForOtherReasons() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        Revocation ceased = Revocation.of(pki.signer(), day("2026-11-01").plusSeconds(3600), Revocation.Reason.CESSATION_OF_OPERATION);
        LabelVerifier verifier = LabelVerifier.trusting(List.of(pki.root()), List.of(pki.brand(), pki.signer()),
                List.of(ceased), NOW, LabelVerifier.CHINA);
        assertThat(verifier.verify(pki.label(APPLES, "261031")).isGenuine()).isTrue();
        assertThat(reason(verifier.verify(pki.label(APPLES, "261101")))).isEqualTo(Reason.REVOKED);
        assertThat(reason(verifier.verify(pki.label(APPLES, "261120")))).isEqualTo(Reason.REVOKED);
    }

    @Test
    void revokingTheBrandVoidsItsSignersLabels() {
        Pki pki = Pki.of(SignatureAlgorithm.SM2, SignatureAlgorithm.SM2, SignatureAlgorithm.SM2);
        Revocation brandWithdrawn = Revocation.of(pki.brand(), day("2026-10-01"), Revocation.Reason.PRIVILEGE_WITHDRAWN);
        LabelVerifier verifier = LabelVerifier.trusting(List.of(pki.root()), List.of(pki.brand(), pki.signer()),
                List.of(brandWithdrawn), NOW, LabelVerifier.CHINA);
        assertThat(reason(verifier.verify(pki.label(APPLES, "261120")))).isEqualTo(Reason.REVOKED);
        assertThat(verifier.verify(pki.label(APPLES, "260920")).isGenuine()).isTrue();
        Revocation other = Revocation.of(pki.root(), day("2026-10-01"), Revocation.Reason.KEY_COMPROMISE);
        assertThat(other.revokes(pki.brand())).isFalse();
    }

    @Test
    void refusesBeforeSigningWhatVerificationWouldRefuseAfter() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        for (DigitalLink label : List.of(pki.label(APPLES, "261120"), pki.label(APPLES, "260531"), pki.label(APPLES, "270602"),
                pki.label(APPLES, "260500"), pki.label(OTHER_BRAND, "261120"))) {
            Verdict verified = pki.verifier().verify(label);
            java.util.Optional<Verdict.NotGenuine> refused = LabelVerifier.refusal(label.withoutDigitalSignature(), pki.signer(),
                    java.util.Optional.of(pki.brand()), NOW, LabelVerifier.CHINA);
            assertThat(refused).as(label.toUri()).isEqualTo(verified.isGenuine() ? java.util.Optional.empty()
                    : java.util.Optional.of(verified));
        }
    }

    @Test
    void needsTheBrandCertificateToJudgeTheGtinOfASignerThatInheritsItsPrefixes() {
        Pki pki = Pki.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519, SignatureAlgorithm.ED25519);
        assertThatThrownBy(() -> LabelVerifier.refusal(pki.label(APPLES, "261120"), pki.signer(), java.util.Optional.empty(), NOW,
                LabelVerifier.CHINA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CN=Yongjing Packing Cooperative inherits its brand's company prefixes");
    }

    private static Reason reason(Verdict verdict) {
        return verdict instanceof Verdict.NotGenuine notGenuine ? notGenuine.reason() : null;
    }
}
