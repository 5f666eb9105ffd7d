package org.terroir.labels;

import java.security.SecureRandom;
import java.util.Objects;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.terroir.labels.internal.Crypto;
import org.terroir.labels.internal.Pem;

/**
 * A signer's private key with its {@link VerificationKey}. {@link #toString()} never shows key
 * material; only {@link #toPkcs8Pem()} writes the private key, for storing it.
 */
public final class SigningKey {

    private final AsymmetricKeyParameter key;
    private final VerificationKey verificationKey;
    private final SecureRandom random;

    private SigningKey(AsymmetricKeyParameter key, SignatureAlgorithm algorithm, SecureRandom random) {
        this.key = key;
        this.verificationKey = VerificationKey.of(Crypto.publicKeyOf(key), algorithm);
        this.random = random;
    }

    /** A new key for the algorithm, from a fresh {@link SecureRandom}. */
    public static SigningKey generate(SignatureAlgorithm algorithm) {
        return generate(algorithm, new SecureRandom());
    }

    /** A new key for the algorithm; {@code random} also randomises SM2 signatures. */
    public static SigningKey generate(SignatureAlgorithm algorithm, SecureRandom random) {
        Objects.requireNonNull(algorithm, "algorithm");
        var pair = Crypto.generate(VerificationKey.kindOf(algorithm), random);
        return new SigningKey(pair.getPrivate(), algorithm, random);
    }

    /**
     * A key from its DER PKCS#8 PrivateKeyInfo; the algorithm follows from the key.
     *
     * @throws IllegalArgumentException if it is not such a key of a supported algorithm (the
     *                                  message never contains key material)
     */
    public static SigningKey fromPkcs8(byte[] der) {
        AsymmetricKeyParameter key = Crypto.privateKey(der);
        byte[] spki = Crypto.spki(Crypto.publicKeyOf(key));
        return new SigningKey(key, VerificationKey.algorithmOf(Crypto.kindOf(spki)), new SecureRandom());
    }

    /** A key from PEM text with a {@code PRIVATE KEY} (PKCS#8, unencrypted) block. */
    public static SigningKey fromPem(String pem) {
        return fromPkcs8(Pem.decode("PRIVATE KEY", pem));
    }

    /** An Ed25519 key from its 32-byte seed, the "secret key" of RFC 8032. */
    public static SigningKey ed25519FromSeed(byte[] seed) {
        return new SigningKey(Crypto.ed25519PrivateKey(seed), SignatureAlgorithm.ED25519, new SecureRandom());
    }

    /**
     * The same SM2 key signing with another distinguishing ID.
     *
     * @throws IllegalStateException if this is not an SM2 key
     */
    public SigningKey withSm2DistinguishingId(String distinguishingId) {
        if (!(algorithm() instanceof SignatureAlgorithm.Sm2)) {
            throw new IllegalStateException("a distinguishing ID applies to SM2 keys only, this key is " + algorithm().name());
        }
        return new SigningKey(key, new SignatureAlgorithm.Sm2(distinguishingId), random);
    }

    /** The BouncyCastle private key parameters; never leaves the package. */
    AsymmetricKeyParameter key() {
        return key;
    }

    /** The random source of this key's signatures. */
    SecureRandom random() {
        return random;
    }

    /** The public half. */
    public VerificationKey verificationKey() {
        return verificationKey;
    }

    /** The algorithm this key signs with. */
    public SignatureAlgorithm algorithm() {
        return verificationKey.algorithm();
    }

    /** The 64-byte signature of {@code message} (see {@link SignatureAlgorithm} for each encoding). */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        SignatureAlgorithm algorithm = algorithm();
        return Crypto.sign(VerificationKey.kindOf(algorithm), key, VerificationKey.sm2Id(algorithm), message, random);
    }

    /** The private key as unencrypted PKCS#8 PEM ({@code PRIVATE KEY}): for storing it, never for logs. */
    public String toPkcs8Pem() {
        return Pem.encode("PRIVATE KEY", Crypto.pkcs8(key));
    }

    /** Algorithm and certificate id only, never key material. */
    @Override
    public String toString() {
        return "SigningKey[" + algorithm().name() + ", id " + verificationKey.certificateId() + "]";
    }
}
