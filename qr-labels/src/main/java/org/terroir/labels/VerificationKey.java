package org.terroir.labels;

import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.terroir.labels.internal.Crypto;
import org.terroir.labels.internal.Pem;

/**
 * A signer's public key: its DER SubjectPublicKeyInfo, the {@link SignatureAlgorithm} that key
 * implies, and its {@link CertificateId}. Ed25519 keys are Ed25519; EC keys on P-256 are ECDSA
 * P-256 with SHA-256; EC keys on the SM2 curve are SM2 with SM3 and the default distinguishing ID
 * unless {@link #withSm2DistinguishingId} says otherwise.
 */
public final class VerificationKey {

    private final byte[] spki;
    private final AsymmetricKeyParameter key;
    private final SignatureAlgorithm algorithm;
    private final CertificateId certificateId;

    private VerificationKey(byte[] spki, AsymmetricKeyParameter key, SignatureAlgorithm algorithm) {
        this.spki = spki;
        this.key = key;
        this.algorithm = algorithm;
        this.certificateId = CertificateId.ofSubjectPublicKeyInfo(spki);
    }

    /**
     * A key from its DER SubjectPublicKeyInfo.
     *
     * @throws IllegalArgumentException if it is not DER, or not an Ed25519, EC P-256 or EC SM2 key
     */
    public static VerificationKey fromSubjectPublicKeyInfo(byte[] der) {
        byte[] copy = der.clone();
        return new VerificationKey(copy, Crypto.publicKey(copy), algorithmOf(Crypto.kindOf(copy)));
    }

    /** A key from PEM text with a {@code PUBLIC KEY} block (as {@code openssl pkey -pubout} writes). */
    public static VerificationKey fromPem(String pem) {
        return fromSubjectPublicKeyInfo(Pem.decode("PUBLIC KEY", pem));
    }

    static VerificationKey of(AsymmetricKeyParameter publicKey, SignatureAlgorithm algorithm) {
        byte[] spki = Crypto.spki(publicKey);
        requireCompatible(algorithmOf(Crypto.kindOf(spki)), algorithm);
        return new VerificationKey(spki, publicKey, algorithm);
    }

    /**
     * The same SM2 key with another distinguishing ID.
     *
     * @throws IllegalStateException if this is not an SM2 key
     */
    public VerificationKey withSm2DistinguishingId(String distinguishingId) {
        if (!(algorithm instanceof SignatureAlgorithm.Sm2)) {
            throw new IllegalStateException("a distinguishing ID applies to SM2 keys only, this key is " + algorithm.name());
        }
        return new VerificationKey(spki, key, new SignatureAlgorithm.Sm2(distinguishingId));
    }

    /** The BouncyCastle key parameters. */
    AsymmetricKeyParameter key() {
        return key;
    }

    /** The algorithm this key verifies with. */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** The id labels signed with this key carry. */
    public CertificateId certificateId() {
        return certificateId;
    }

    /** The DER SubjectPublicKeyInfo (a copy). */
    public byte[] subjectPublicKeyInfo() {
        return spki.clone();
    }

    /** PEM text with a {@code PUBLIC KEY} block, readable by {@code openssl pkey -pubin}. */
    public String toPem() {
        return Pem.encode("PUBLIC KEY", spki);
    }

    /**
     * Whether {@code signature} is a valid 64-byte signature of {@code message} under this key;
     * {@code false}, never an exception, for a wrong length or malformed signature.
     */
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null) {
            return false;
        }
        return Crypto.verify(kindOf(algorithm), key, sm2Id(algorithm), message, signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationKey that && Arrays.equals(spki, that.spki) && algorithm.equals(that.algorithm);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(spki), algorithm);
    }

    @Override
    public String toString() {
        return "VerificationKey[" + algorithm.name() + ", id " + certificateId + "]";
    }

    static Crypto.Kind kindOf(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case SignatureAlgorithm.Ed25519 e -> Crypto.Kind.ED25519;
            case SignatureAlgorithm.EcdsaP256 e -> Crypto.Kind.ECDSA_P256;
            case SignatureAlgorithm.Sm2 s -> Crypto.Kind.SM2;
        };
    }

    static SignatureAlgorithm algorithmOf(Crypto.Kind kind) {
        return switch (kind) {
            case ED25519 -> SignatureAlgorithm.ED25519;
            case ECDSA_P256 -> SignatureAlgorithm.ECDSA_P256;
            case SM2 -> SignatureAlgorithm.SM2;
        };
    }

    static String sm2Id(SignatureAlgorithm algorithm) {
        return algorithm instanceof SignatureAlgorithm.Sm2 sm2 ? sm2.distinguishingId() : null;
    }

    static void requireCompatible(SignatureAlgorithm ofKey, SignatureAlgorithm wanted) {
        if (kindOf(ofKey) != kindOf(wanted)) {
            throw new IllegalArgumentException("the key is a " + ofKey.name() + " key, not " + wanted.name());
        }
    }
}
