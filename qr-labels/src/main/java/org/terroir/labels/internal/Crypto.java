package org.terroir.labels.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The signature primitives over BouncyCastle's lightweight API, on raw key parameters and byte
 * arrays. Every signature is 64 bytes: Ed25519 as RFC 8032, ECDSA and SM2 as raw {@code r || s}
 * (two 32-byte big-endian integers). Verification returns {@code false} for any malformed input.
 */
public final class Crypto {

    /** The signature schemes, identified by the key's SubjectPublicKeyInfo. */
    public enum Kind {
        /** Ed25519 (RFC 8032), OID 1.3.101.112. */
        ED25519,
        /** ECDSA on NIST P-256 with SHA-256; key: id-ecPublicKey with curve prime256v1. */
        ECDSA_P256,
        /** SM2 with SM3 (GM/T 0003, GB/T 32918); key: id-ecPublicKey with curve sm2p256v1. */
        SM2
    }

    /** Length of every signature in bytes. */
    public static final int SIGNATURE_LENGTH = 64;

    private Crypto() {
    }

    /** The scheme of a DER SubjectPublicKeyInfo, or an exception naming what was found. */
    public static Kind kindOf(byte[] spki) {
        SubjectPublicKeyInfo info = spkiInfo(spki);
        return kindOf(info.getAlgorithm().getAlgorithm(), info.getAlgorithm().getParameters() == null
                ? null : info.getAlgorithm().getParameters().toASN1Primitive());
    }

    private static Kind kindOf(ASN1ObjectIdentifier algorithm, ASN1Primitive parameters) {
        if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
            return Kind.ED25519;
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm) && parameters instanceof ASN1ObjectIdentifier curve) {
            if (SECObjectIdentifiers.secp256r1.equals(curve)) {
                return Kind.ECDSA_P256;
            }
            if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
                return Kind.SM2;
            }
            throw new IllegalArgumentException("unsupported elliptic curve " + curve.getId()
                    + "; supported: P-256 (1.2.840.10045.3.1.7) and SM2 (1.2.156.10197.1.301) as named curves");
        }
        throw new IllegalArgumentException("unsupported key algorithm " + algorithm.getId()
                + "; supported: Ed25519 (1.3.101.112), EC P-256 and EC SM2 (id-ecPublicKey with a named curve)");
    }

    /** Parses a DER SubjectPublicKeyInfo of a supported kind. */
    public static AsymmetricKeyParameter publicKey(byte[] spki) {
        kindOf(spki);
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(spki);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid public key: " + e.getMessage(), e);
        }
        if (key instanceof ECPublicKeyParameters ec && ec.getParameters() instanceof ECNamedDomainParameters named) {
            ECNamedDomainParameters fast = fastDomain(named.getName());
            return new ECPublicKeyParameters(fast.getCurve().decodePoint(ec.getQ().getEncoded(false)), fast);
        }
        return key;
    }

    /** Parses a DER PKCS#8 PrivateKeyInfo of a supported kind. */
    public static AsymmetricKeyParameter privateKey(byte[] pkcs8) {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(pkcs8);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a DER PKCS#8 PrivateKeyInfo", e);
        }
        var algorithm = info.getPrivateKeyAlgorithm();
        kindOf(algorithm.getAlgorithm(), algorithm.getParameters() == null ? null : algorithm.getParameters().toASN1Primitive());
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            // The message of a parsing failure never contains key material.
            throw new IllegalArgumentException("not a valid private key", e);
        }
        if (key instanceof ECPrivateKeyParameters ec && ec.getParameters() instanceof ECNamedDomainParameters named) {
            return new ECPrivateKeyParameters(ec.getD(), fastDomain(named.getName()));
        }
        return key;
    }

    /** The DER SubjectPublicKeyInfo of a public key (EC keys with their named curve). */
    public static byte[] spki(AsymmetricKeyParameter publicKey) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode public key", e);
        }
    }

    /**
     * The DER PKCS#8 PrivateKeyInfo (version 1, RFC 5208) of a private key. Ed25519 keys are written
     * without the optional public key of RFC 5958 version 2, which OpenSSL 3.0 cannot read.
     */
    public static byte[] pkcs8(AsymmetricKeyParameter privateKey) {
        try {
            if (privateKey instanceof Ed25519PrivateKeyParameters ed) {
                return new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                        new DEROctetString(ed.getEncoded())).getEncoded("DER");
            }
            return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode private key", e);
        }
    }

    /** The public key belonging to a private key. */
    public static AsymmetricKeyParameter publicKeyOf(AsymmetricKeyParameter privateKey) {
        if (privateKey instanceof Ed25519PrivateKeyParameters ed) {
            return ed.generatePublicKey();
        }
        if (privateKey instanceof ECPrivateKeyParameters ec) {
            var q = new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()).normalize();
            return new ECPublicKeyParameters(q, ec.getParameters());
        }
        throw new IllegalArgumentException("unsupported private key type " + privateKey.getClass().getSimpleName());
    }

    /** An Ed25519 private key from its 32-byte seed (RFC 8032 "secret key"). */
    public static AsymmetricKeyParameter ed25519PrivateKey(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + seed.length);
        }
        return new Ed25519PrivateKeyParameters(seed, 0);
    }

    /** A new key pair. */
    public static AsymmetricCipherKeyPair generate(Kind kind, SecureRandom random) {
        return switch (kind) {
            case ED25519 -> {
                var generator = new Ed25519KeyPairGenerator();
                generator.init(new Ed25519KeyGenerationParameters(random));
                yield generator.generateKeyPair();
            }
            case ECDSA_P256 -> ecPair(SECObjectIdentifiers.secp256r1, random);
            case SM2 -> ecPair(GMObjectIdentifiers.sm2p256v1, random);
        };
    }

    private static AsymmetricCipherKeyPair ecPair(ASN1ObjectIdentifier curve, SecureRandom random) {
        var domain = fastDomain(curve);
        var generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, random));
        return generator.generateKeyPair();
    }

    /**
     * The curve with BouncyCastle's specialised field arithmetic (CustomNamedCurves), many times
     * faster than the generic curve of the same parameters that key parsing yields.
     */
    private static ECNamedDomainParameters fastDomain(ASN1ObjectIdentifier curve) {
        X9ECParameters parameters = CustomNamedCurves.getByOID(curve);
        return new ECNamedDomainParameters(curve, parameters != null ? parameters : ECNamedCurveTable.getByOID(curve));
    }

    /**
     * Signs: Ed25519 (pure, deterministic); ECDSA P-256 over SHA-256 with deterministic k (RFC
     * 6979), raw r || s; SM2 with SM3 and the distinguishing ID (randomised), raw r || s.
     */
    public static byte[] sign(Kind kind, AsymmetricKeyParameter privateKey, String sm2Id, byte[] message,
            SecureRandom random) {
        try {
            return switch (kind) {
                case ED25519 -> {
                    var signer = new Ed25519Signer();
                    signer.init(true, privateKey);
                    signer.update(message, 0, message.length);
                    yield signer.generateSignature();
                }
                case ECDSA_P256 -> {
                    var signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
                    signer.init(true, privateKey);
                    BigInteger[] rs = signer.generateSignature(sha256(message));
                    yield PlainDSAEncoding.INSTANCE.encode(((ECPrivateKeyParameters) privateKey).getParameters().getN(),
                            rs[0], rs[1]);
                }
                case SM2 -> {
                    var signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
                    signer.init(true, new ParametersWithID(new ParametersWithRandom(privateKey, random),
                            sm2Id.getBytes(StandardCharsets.UTF_8)));
                    signer.update(message, 0, message.length);
                    yield signer.generateSignature();
                }
            };
        } catch (CryptoException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** Verifies a 64-byte signature; {@code false} for a wrong length or anything malformed. */
    public static boolean verify(Kind kind, AsymmetricKeyParameter publicKey, String sm2Id, byte[] message,
            byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            return switch (kind) {
                case ED25519 -> {
                    var signer = new Ed25519Signer();
                    signer.init(false, publicKey);
                    signer.update(message, 0, message.length);
                    yield signer.verifySignature(signature);
                }
                case ECDSA_P256 -> {
                    var key = (ECPublicKeyParameters) publicKey;
                    BigInteger[] rs = PlainDSAEncoding.INSTANCE.decode(key.getParameters().getN(), signature);
                    var signer = new ECDSASigner();
                    signer.init(false, key);
                    yield signer.verifySignature(sha256(message), rs[0], rs[1]);
                }
                case SM2 -> {
                    var signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
                    signer.init(false, new ParametersWithID(publicKey, sm2Id.getBytes(StandardCharsets.UTF_8)));
                    signer.update(message, 0, message.length);
                    yield signer.verifySignature(signature);
                }
            };
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** SHA-256. */
    public static byte[] sha256(byte[] data) {
        var digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static SubjectPublicKeyInfo spkiInfo(byte[] spki) {
        try {
            return SubjectPublicKeyInfo.getInstance(spki);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a DER SubjectPublicKeyInfo", e);
        }
    }
}
