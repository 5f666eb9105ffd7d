package org.terroir.labels;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.terroir.labels.internal.CertificateSignatures;
import org.terroir.labels.internal.Pem;

/**
 * The document verifiers load: the brand and signer certificates in force and the revocations,
 * issued and signed by a regulator root, like a CRL or an EU trust list. DER, in PEM as
 * {@code TERROIR TRUST LIST}:
 *
 * <pre>
 * TrustList ::= SEQUENCE {
 *   tbsTrustList        TBSTrustList,
 *   signatureAlgorithm  AlgorithmIdentifier,   -- as in X.509 certificates of the root's key
 *   signature           BIT STRING }           -- over the DER of tbsTrustList
 * TBSTrustList ::= SEQUENCE {
 *   contentType     OBJECT IDENTIFIER,          -- {@value #CONTENT_TYPE_OID}
 *   version         INTEGER (1),
 *   issuer          Name,                       -- the signing root's subject
 *   sequenceNumber  INTEGER,                    -- grows with every issue
 *   issuedAt        GeneralizedTime,
 *   nextUpdate      GeneralizedTime,
 *   certificates    SEQUENCE OF Certificate,    -- brand and signer certificates
 *   revocations     SEQUENCE OF Revoked }
 * Revoked ::= SEQUENCE {
 *   issuer Name, serialNumber INTEGER, revokedAt GeneralizedTime,
 *   reason ENUMERATED }                         -- {@link Revocation.Reason} in declaration order
 * </pre>
 *
 * @param issuer         the signing root's subject name
 * @param sequenceNumber grows with every list the root issues
 * @param issuedAt       when it was issued
 * @param nextUpdate     when the next list is due; after it a verifier should fetch a new one
 * @param certificates   brand and signer certificates
 * @param revocations    revoked certificates
 */
public record TrustList(String issuer, BigInteger sequenceNumber, Instant issuedAt, Instant nextUpdate,
        List<LabelCertificate> certificates, List<Revocation> revocations) {

    /** The content type that starts every trust list's signed part. */
    public static final String CONTENT_TYPE_OID = "2.25.135339716161971216783239497808479167213.2";

    private static final ASN1ObjectIdentifier CONTENT_TYPE = new ASN1ObjectIdentifier(CONTENT_TYPE_OID);
    /** The label of a trust list's PEM block. */
    public static final String PEM_LABEL = "TERROIR TRUST LIST";

    /** Copies the lists and requires every part. */
    public TrustList {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        nextUpdate = nextUpdate.truncatedTo(ChronoUnit.SECONDS);
        certificates = List.copyOf(certificates);
        revocations = List.copyOf(revocations);
        if (!nextUpdate.isAfter(issuedAt)) {
            throw new IllegalArgumentException("next update " + nextUpdate + " must be after issue " + issuedAt);
        }
    }

    /**
     * Signs a trust list with a regulator root's key.
     *
     * @return the DER of the signed list
     * @throws IllegalArgumentException if the key is not the root's, or the certificate is no root
     */
    public static byte[] sign(LabelCertificate root, SigningKey rootKey, BigInteger sequenceNumber, Instant issuedAt,
            Instant nextUpdate, List<LabelCertificate> certificates, List<Revocation> revocations) {
        if (root.role() != CertificateRole.REGULATOR_ROOT) {
            throw new IllegalArgumentException("a trust list is signed by a regulator root, not by " + root);
        }
        if (!java.util.Arrays.equals(root.publicKey().subjectPublicKeyInfo(), rootKey.verificationKey().subjectPublicKeyInfo())) {
            throw new IllegalArgumentException("the key " + rootKey + " does not belong to " + root.subject());
        }
        TrustList list = new TrustList(root.subject(), sequenceNumber, issuedAt, nextUpdate, certificates, revocations);
        try {
            byte[] tbs = list.tbs(root.subjectName()).getEncoded(ASN1Encoding.DER);
            var signer = CertificateSignatures.contentSigner(VerificationKey.kindOf(rootKey.algorithm()), rootKey.key(),
                    rootKey.random());
            signer.getOutputStream().write(tbs);
            return new DERSequence(new ASN1Encodable[] {ASN1Sequence.getInstance(tbs), signer.getAlgorithmIdentifier(),
                    new DERBitString(signer.getSignature())}).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode trust list", e);
        }
    }

    /** {@link #sign} as PEM text. */
    public static String signPem(LabelCertificate root, SigningKey rootKey, BigInteger sequenceNumber, Instant issuedAt,
            Instant nextUpdate, List<LabelCertificate> certificates, List<Revocation> revocations) {
        return Pem.encode(PEM_LABEL, sign(root, rootKey, sequenceNumber, issuedAt, nextUpdate, certificates, revocations));
    }

    /**
     * Reads a signed trust list and checks its signature against the trusted roots.
     *
     * @throws IllegalArgumentException if it is malformed, or no trusted root signed it
     */
    public static TrustList verify(byte[] der, List<LabelCertificate> trustedRoots) {
        ASN1Sequence outer;
        ASN1Sequence tbs;
        try {
            outer = ASN1Sequence.getInstance(der);
            tbs = ASN1Sequence.getInstance(outer.getObjectAt(0));
            if (!CONTENT_TYPE.equals(ASN1ObjectIdentifier.getInstance(tbs.getObjectAt(0)))
                    || ASN1Integer.getInstance(tbs.getObjectAt(1)).intValueExact() != 1) {
                throw new IllegalArgumentException("not a version 1 Terroir trust list");
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a Terroir trust list: " + e.getMessage(), e);
        }
        X500Name issuer = X500Name.getInstance(tbs.getObjectAt(2));
        boolean signed = false;
        try {
            byte[] tbsBytes = tbs.getEncoded(ASN1Encoding.DER);
            var algorithm = AlgorithmIdentifier.getInstance(outer.getObjectAt(1)).getAlgorithm();
            byte[] signature = DERBitString.getInstance(outer.getObjectAt(2)).getOctets();
            for (LabelCertificate root : trustedRoots) {
                if (root.role() == CertificateRole.REGULATOR_ROOT && root.subjectName().equals(issuer)
                        && CertificateSignatures.verify(VerificationKey.kindOf(root.publicKey().algorithm()),
                                root.publicKey().key(), algorithm, tbsBytes, signature)) {
                    signed = true;
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("trust list signature unreadable: " + e.getMessage(), e);
        }
        if (!signed) {
            throw new IllegalArgumentException("trust list of " + issuer + " is not signed by a trusted regulator root");
        }
        try {
            List<LabelCertificate> certificates = new ArrayList<>();
            for (ASN1Encodable certificate : ASN1Sequence.getInstance(tbs.getObjectAt(6))) {
                certificates.add(LabelCertificate.fromDer(Certificate.getInstance(certificate).getEncoded(ASN1Encoding.DER)));
            }
            List<Revocation> revocations = new ArrayList<>();
            for (ASN1Encodable item : ASN1Sequence.getInstance(tbs.getObjectAt(7))) {
                ASN1Sequence revoked = ASN1Sequence.getInstance(item);
                revocations.add(new Revocation(X500Name.getInstance(revoked.getObjectAt(0)).toString(),
                        ASN1Integer.getInstance(revoked.getObjectAt(1)).getValue(),
                        ASN1GeneralizedTime.getInstance(revoked.getObjectAt(2)).getDate().toInstant(),
                        Revocation.Reason.values()[ASN1Enumerated.getInstance(revoked.getObjectAt(3)).intValueExact()]));
            }
            return new TrustList(issuer.toString(), ASN1Integer.getInstance(tbs.getObjectAt(3)).getValue(),
                    ASN1GeneralizedTime.getInstance(tbs.getObjectAt(4)).getDate().toInstant(),
                    ASN1GeneralizedTime.getInstance(tbs.getObjectAt(5)).getDate().toInstant(), certificates, revocations);
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            throw new IllegalArgumentException("malformed trust list content: " + e.getMessage(), e);
        }
    }

    /** {@link #verify(byte[], List)} of PEM text with a {@code TERROIR TRUST LIST} block. */
    public static TrustList verifyPem(String pem, List<LabelCertificate> trustedRoots) {
        return verify(Pem.decode(PEM_LABEL, pem), trustedRoots);
    }

    /** Whether a verifier should fetch a newer list at {@code now}. */
    public boolean isStale(Instant now) {
        return now.isAfter(nextUpdate);
    }

    private ASN1Sequence tbs(X500Name issuerName) throws IOException {
        List<ASN1Encodable> revoked = new ArrayList<>();
        for (Revocation revocation : revocations) {
            revoked.add(new DERSequence(new ASN1Encodable[] {new X500Name(revocation.issuer()),
                    new ASN1Integer(revocation.serialNumber()), new DERGeneralizedTime(Date.from(revocation.revokedAt())),
                    new ASN1Enumerated(revocation.reason().ordinal())}));
        }
        List<ASN1Encodable> certs = new ArrayList<>();
        for (LabelCertificate certificate : certificates) {
            certs.add(Certificate.getInstance(certificate.encoded()));
        }
        return new DERSequence(new ASN1Encodable[] {CONTENT_TYPE, new ASN1Integer(1), issuerName,
                new ASN1Integer(sequenceNumber), new DERGeneralizedTime(Date.from(issuedAt)),
                new DERGeneralizedTime(Date.from(nextUpdate)), new DERSequence(certs.toArray(ASN1Encodable[]::new)),
                new DERSequence(revoked.toArray(ASN1Encodable[]::new))});
    }
}
