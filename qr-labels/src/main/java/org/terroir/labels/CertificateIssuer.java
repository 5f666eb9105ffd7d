package org.terroir.labels;

import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.terroir.labels.internal.CertificateSignatures;
import org.terroir.labels.internal.Crypto;

/**
 * Issues the certificates of the label PKI: a regulator's self-signed root
 * ({@link #regulatorRoot}), brand association certificates issued by a root, signer
 * certificates issued by a brand. Each certificate gets basic constraints (root: CA, path length
 * 1; brand: CA, path length 0; signer: no CA), key usage, subject and authority key identifiers
 * (RFC 7093 method 1: SHA-256 of the public key bits, first 160 bits), a random 127-bit serial
 * number and the {@linkplain LabelCertificate Terroir label policy}. A certificate's validity must
 * lie within its issuer's.
 */
public final class CertificateIssuer {

    private final LabelCertificate certificate;
    private final SigningKey key;

    /**
     * An issuer with its certificate and the matching private key.
     *
     * @throws IllegalArgumentException if the key is not the certificate's, or the certificate is a signer's
     */
    public CertificateIssuer(LabelCertificate certificate, SigningKey key) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.key = Objects.requireNonNull(key, "key");
        if (!Arrays.equals(certificate.publicKey().subjectPublicKeyInfo(), key.verificationKey().subjectPublicKeyInfo())) {
            throw new IllegalArgumentException("the key " + key + " does not belong to certificate " + certificate.subject());
        }
        if (certificate.role() == CertificateRole.SIGNER) {
            throw new IllegalArgumentException("a signer certificate issues no certificates: " + certificate.subject());
        }
    }

    /** A regulator's self-signed root certificate. */
    public static LabelCertificate regulatorRoot(SigningKey key, String name, Instant notBefore, Instant notAfter) {
        X500Name subject = name(name);
        return build(subject, subject, key, key.verificationKey(), CertificateRole.REGULATOR_ROOT, List.of(), notBefore, notAfter);
    }

    /** This issuer (a root) with its certificate, for issuing brand certificates. */
    public LabelCertificate certificate() {
        return certificate;
    }

    /**
     * A brand association certificate, bound to the brand's GS1 company prefixes.
     *
     * @throws IllegalStateException if this issuer is not a regulator root
     */
    public LabelCertificate issueBrand(VerificationKey brandKey, String name, List<String> companyPrefixes,
            Instant notBefore, Instant notAfter) {
        requireRole(CertificateRole.REGULATOR_ROOT, "brand");
        if (companyPrefixes.isEmpty()) {
            throw new IllegalArgumentException("a brand certificate needs at least one GS1 company prefix");
        }
        return issue(brandKey, name, CertificateRole.BRAND, companyPrefixes, notBefore, notAfter);
    }

    /**
     * A signer certificate for GTINs of all the brand's company prefixes.
     *
     * @throws IllegalStateException if this issuer is not a brand
     */
    public LabelCertificate issueSigner(VerificationKey signerKey, String name, Instant notBefore, Instant notAfter) {
        return issueSigner(signerKey, name, List.of(), notBefore, notAfter);
    }

    /**
     * A signer certificate for GTINs of some of the brand's company prefixes (each must begin
     * with one of the brand's).
     */
    public LabelCertificate issueSigner(VerificationKey signerKey, String name, List<String> companyPrefixes,
            Instant notBefore, Instant notAfter) {
        requireRole(CertificateRole.BRAND, "signer");
        for (String prefix : companyPrefixes) {
            if (certificate.companyPrefixes().stream().noneMatch(prefix::startsWith)) {
                throw new IllegalArgumentException("company prefix " + prefix + " is not within the brand's "
                        + certificate.companyPrefixes());
            }
        }
        return issue(signerKey, name, CertificateRole.SIGNER, companyPrefixes, notBefore, notAfter);
    }

    private LabelCertificate issue(VerificationKey subjectKey, String name, CertificateRole role, List<String> prefixes,
            Instant notBefore, Instant notAfter) {
        notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
        notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (notBefore.isBefore(certificate.notBefore()) || notAfter.isAfter(certificate.notAfter())) {
            throw new IllegalArgumentException("validity " + notBefore + " to " + notAfter + " is not within the issuer's "
                    + certificate.notBefore() + " to " + certificate.notAfter());
        }
        return build(certificate.subjectName(), name(name), key, subjectKey, role, prefixes, notBefore, notAfter);
    }

    private void requireRole(CertificateRole role, String what) {
        if (certificate.role() != role) {
            throw new IllegalStateException("a " + what + " certificate is issued by a " + role + ", not by "
                    + certificate.role() + " " + certificate.subject());
        }
    }

    private static X500Name name(String commonName) {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("a certificate needs a name");
        }
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static LabelCertificate build(X500Name issuer, X500Name subject, SigningKey issuerKey, VerificationKey subjectKey,
            CertificateRole role, List<String> prefixes, Instant notBefore, Instant notAfter) {
        notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS); // X.509 times have whole seconds
        notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("validity must end after it starts: " + notBefore + " to " + notAfter);
        }
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(subjectKey.subjectPublicKeyInfo());
        BigInteger serial = new BigInteger(127, issuerKey.random()).setBit(0);
        Optional<String> sm2Id = subjectKey.algorithm() instanceof SignatureAlgorithm.Sm2 sm2
                && !sm2.distinguishingId().equals(SignatureAlgorithm.Sm2.DEFAULT_DISTINGUISHING_ID)
                ? Optional.of(sm2.distinguishingId()) : Optional.empty();
        var builder = new X509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, spki);
        try {
            builder.addExtension(Extension.basicConstraints, true, switch (role) {
                case REGULATOR_ROOT -> new BasicConstraints(1);
                case BRAND -> new BasicConstraints(0);
                case SIGNER -> new BasicConstraints(false);
            });
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(role == CertificateRole.SIGNER
                    ? KeyUsage.digitalSignature : KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, keyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(keyIdentifier(issuerKey.verificationKey()).getKeyIdentifier()));
            builder.addExtension(LabelCertificate.POLICY, false, LabelCertificate.policy(role, prefixes, sm2Id));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot add certificate extension", e);
        }
        var signer = CertificateSignatures.contentSigner(VerificationKey.kindOf(issuerKey.algorithm()), issuerKey.key(),
                issuerKey.random());
        return LabelCertificate.of(builder.build(signer));
    }

    private static SubjectKeyIdentifier keyIdentifier(VerificationKey key) {
        byte[] bits = SubjectPublicKeyInfo.getInstance(key.subjectPublicKeyInfo()).getPublicKeyData().getBytes();
        return new SubjectKeyIdentifier(Arrays.copyOf(Crypto.sha256(bits), 20));
    }
}
