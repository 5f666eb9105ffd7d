package org.terroir.labels;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNumericString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.terroir.labels.internal.CertificateSignatures;
import org.terroir.labels.internal.Pem;

/**
 * An X.509 certificate of the label PKI (regulator root → brand association → signer). Besides
 * the standard fields it carries the non-critical <em>Terroir label policy</em> extension
 * ({@value #POLICY_OID}):
 *
 * <pre>
 * TerroirLabelPolicy ::= SEQUENCE {
 *   role                 ENUMERATED { regulatorRoot(0), brand(1), signer(2) },
 *   companyPrefixes      SEQUENCE OF NumericString,  -- 6 to 12 digits each; empty for a root
 *   sm2DistinguishingId  [0] IMPLICIT UTF8String OPTIONAL }
 * </pre>
 *
 * A brand certificate lists the GS1 company prefixes of its brand; a signer certificate lists
 * a subset of them, or none to inherit its brand's. The OID is under the UUID arc 2.25 (ITU-T
 * X.667), so it needs no registration. The {@linkplain #certificateId() certificate id} is that of
 * the subject's public key, as carried in label signatures.
 */
public final class LabelCertificate {

    /** The OID of the Terroir label policy extension. */
    public static final String POLICY_OID = "2.25.135339716161971216783239497808479167213.1";

    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier(POLICY_OID);

    private final X509CertificateHolder holder;
    private final VerificationKey publicKey;
    private final CertificateRole role;
    private final List<String> companyPrefixes;

    private LabelCertificate(X509CertificateHolder holder) {
        this.holder = holder;
        Extension extension = holder.getExtension(POLICY);
        if (extension == null) {
            throw new IllegalArgumentException("certificate " + holder.getSubject()
                    + " is not a label certificate: it has no Terroir label policy extension " + POLICY_OID);
        }
        CertificateRole parsedRole;
        List<String> prefixes = new ArrayList<>();
        Optional<String> sm2Id = Optional.empty();
        try {
            ASN1Sequence policy = ASN1Sequence.getInstance(extension.getParsedValue());
            int roleValue = ASN1Enumerated.getInstance(policy.getObjectAt(0)).intValueExact();
            if (roleValue < 0 || roleValue >= CertificateRole.values().length) {
                throw new IllegalArgumentException("unknown role " + roleValue);
            }
            parsedRole = CertificateRole.values()[roleValue];
            for (ASN1Encodable prefix : ASN1Sequence.getInstance(policy.getObjectAt(1))) {
                prefixes.add(requirePrefix(DERNumericString.getInstance(prefix).getString()));
            }
            if (policy.size() > 2) {
                sm2Id = Optional.of(DERUTF8String.getInstance(ASN1TaggedObject.getInstance(policy.getObjectAt(2)), false).getString());
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("certificate " + holder.getSubject()
                    + ": malformed Terroir label policy extension: " + e.getMessage(), e);
        }
        this.role = parsedRole;
        this.companyPrefixes = List.copyOf(prefixes);
        BasicConstraints constraints = BasicConstraints.fromExtensions(holder.getExtensions());
        boolean ca = constraints != null && constraints.isCA();
        if (ca != (role != CertificateRole.SIGNER)) {
            throw new IllegalArgumentException("certificate " + holder.getSubject() + ": role " + role
                    + (ca ? " must not be a CA" : " must be a CA (basic constraints)"));
        }
        if (role == CertificateRole.BRAND && companyPrefixes.isEmpty()) {
            throw new IllegalArgumentException("brand certificate " + holder.getSubject() + " lists no GS1 company prefix");
        }
        try {
            VerificationKey key = VerificationKey.fromSubjectPublicKeyInfo(holder.getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER));
            this.publicKey = sm2Id.isPresent() ? key.withSm2DistinguishingId(sm2Id.get()) : key;
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException("certificate " + holder.getSubject() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A certificate from its DER encoding.
     *
     * @throws IllegalArgumentException if it is not DER X.509, lacks or breaks the label policy,
     *                                  or its key is not Ed25519, EC P-256 or EC SM2
     */
    public static LabelCertificate fromDer(byte[] der) {
        try {
            return new LabelCertificate(new X509CertificateHolder(der));
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("certificate")) {
                throw iae;
            }
            throw new IllegalArgumentException("not a DER X.509 certificate: " + e.getMessage(), e);
        }
    }

        /**
     * Every certificate of a PEM text holding one or more {@code CERTIFICATE} blocks (a roots file, a
     * chain), in order.
     *
     * @throws IllegalArgumentException if there is none, or one is not a certificate
     */
    public static List<LabelCertificate> allFromPem(String pem) {
        List<byte[]> blocks = Pem.decodeAll("CERTIFICATE", pem);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no PEM block \"CERTIFICATE\" found");
        }
        return blocks.stream().map(LabelCertificate::fromDer).toList();
    }

/** A certificate from PEM text with a {@code CERTIFICATE} block. */
    public static LabelCertificate fromPem(String pem) {
        return fromDer(Pem.decode("CERTIFICATE", pem));
    }

    static LabelCertificate of(X509CertificateHolder holder) {
        return new LabelCertificate(holder);
    }

    /** The extension value for a role, prefixes and optional SM2 distinguishing ID. */
    static ASN1Encodable policy(CertificateRole role, List<String> prefixes, Optional<String> sm2Id) {
        List<ASN1Encodable> items = new ArrayList<>();
        items.add(new ASN1Enumerated(role.ordinal()));
        items.add(new DERSequence(prefixes.stream().map(p -> (ASN1Encodable) new DERNumericString(requirePrefix(p))).toArray(ASN1Encodable[]::new)));
        sm2Id.ifPresent(id -> items.add(new DERTaggedObject(false, 0, new DERUTF8String(id))));
        return new DERSequence(items.toArray(ASN1Encodable[]::new));
    }

    static String requirePrefix(String prefix) {
        if (prefix == null || prefix.length() < 6 || prefix.length() > 12 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("GS1 company prefix \"" + prefix + "\" must be 6 to 12 digits");
        }
        return prefix;
    }

    /** The role from the label policy. */
    public CertificateRole role() {
        return role;
    }

    /** The GS1 company prefixes this certificate lists (empty for a root, and for a signer that inherits its brand's). */
    public List<String> companyPrefixes() {
        return companyPrefixes;
    }

    /** The subject's common name. */
    public String name() {
        var cn = holder.getSubject().getRDNs(BCStyle.CN);
        return cn.length == 0 ? holder.getSubject().toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    X500Name subjectName() {
        return holder.getSubject();
    }

    /** The subject distinguished name, e.g. {@code CN=Linxia Apple Association}. */
    public String subject() {
        return holder.getSubject().toString();
    }

    /** The issuer distinguished name. */
    public String issuer() {
        return holder.getIssuer().toString();
    }

    /** The serial number. */
    public BigInteger serialNumber() {
        return holder.getSerialNumber();
    }

    /** Start of validity. */
    public Instant notBefore() {
        return holder.getNotBefore().toInstant();
    }

    /** End of validity (inclusive). */
    public Instant notAfter() {
        return holder.getNotAfter().toInstant();
    }

    /** The subject's public key, with the SM2 distinguishing ID of the label policy if any. */
    public VerificationKey publicKey() {
        return publicKey;
    }

    /** The id labels signed by the subject's key carry. */
    public CertificateId certificateId() {
        return publicKey.certificateId();
    }

    /** Whether {@code issuer} issued this certificate: names match and its key verifies the signature. */
    public boolean isIssuedBy(LabelCertificate issuer) {
        if (!holder.getIssuer().equals(issuer.holder.getSubject())) {
            return false;
        }
        try {
            byte[] tbs = holder.toASN1Structure().getTBSCertificate().getEncoded(ASN1Encoding.DER);
            return CertificateSignatures.verify(VerificationKey.kindOf(issuer.publicKey.algorithm()), issuer.publicKey.key(),
                    holder.getSignatureAlgorithm().getAlgorithm(), tbs, holder.getSignature());
        } catch (IOException e) {
            return false;
        }
    }

    /** The DER encoding. */
    public byte[] encoded() {
        try {
            return holder.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    /** PEM text with a {@code CERTIFICATE} block, readable by {@code openssl x509}. */
    public String toPem() {
        return Pem.encode("CERTIFICATE", encoded());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelCertificate that && holder.equals(that.holder);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(holder);
    }

    @Override
    public String toString() {
        return role + " " + subject() + " (id " + certificateId() + ", " + notBefore() + " to " + notAfter() + ")";
    }
}
