package org.terroir.labels.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.operator.ContentSigner;

/**
 * Signatures inside X.509 certificates: Ed25519 (RFC 8410, 64 raw bytes), ECDSA with SHA-256
 * and SM2 with SM3 (DER {@code SEQUENCE {r, s}}; SM2 with the default distinguishing ID
 * {@code 1234567812345678} of GM/T 0015 for certificates).
 */
public final class CertificateSignatures {

    /** The SM2 distinguishing ID used inside certificates. */
    public static final String SM2_CERTIFICATE_ID = "1234567812345678";

    private CertificateSignatures() {
    }

    /** The signature algorithm of certificates signed by a key of this kind. */
    public static ASN1ObjectIdentifier algorithmOf(Crypto.Kind kind) {
        return switch (kind) {
            case ED25519 -> EdECObjectIdentifiers.id_Ed25519;
            case ECDSA_P256 -> X9ObjectIdentifiers.ecdsa_with_SHA256;
            case SM2 -> GMObjectIdentifiers.sm2sign_with_sm3;
        };
    }

    /** A BouncyCastle {@link ContentSigner} over {@link Crypto#sign}. */
    public static ContentSigner contentSigner(Crypto.Kind kind, AsymmetricKeyParameter privateKey, SecureRandom random) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(1024);
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(algorithmOf(kind));
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return data;
            }

            @Override
            public byte[] getSignature() {
                byte[] raw = Crypto.sign(kind, privateKey, SM2_CERTIFICATE_ID, data.toByteArray(), random);
                if (kind == Crypto.Kind.ED25519) {
                    return raw;
                }
                BigInteger n = ((ECKeyParameters) privateKey).getParameters().getN();
                try {
                    BigInteger[] rs = PlainDSAEncoding.INSTANCE.decode(n, raw);
                    return StandardDSAEncoding.INSTANCE.encode(n, rs[0], rs[1]);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot encode signature", e);
                }
            }
        };
    }

    /**
     * Whether {@code signature} over {@code signedData} verifies under the issuer's key, and the
     * certificate's signature algorithm is the one that key implies. Never throws.
     */
    public static boolean verify(Crypto.Kind issuerKind, AsymmetricKeyParameter issuerKey,
            ASN1ObjectIdentifier signatureAlgorithm, byte[] signedData, byte[] signature) {
        if (!algorithmOf(issuerKind).equals(signatureAlgorithm)) {
            return false;
        }
        byte[] raw = signature;
        if (issuerKind != Crypto.Kind.ED25519) {
            try {
                BigInteger n = ((ECKeyParameters) issuerKey).getParameters().getN();
                BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, signature);
                raw = PlainDSAEncoding.INSTANCE.encode(n, rs[0], rs[1]);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return Crypto.verify(issuerKind, issuerKey, SM2_CERTIFICATE_ID, signedData, Arrays.copyOf(raw, raw.length));
    }
}
