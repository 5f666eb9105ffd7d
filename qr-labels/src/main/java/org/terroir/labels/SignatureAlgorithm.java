package org.terroir.labels;

import java.nio.charset.StandardCharsets;

/**
 * The signature algorithms a label can be signed with. The algorithm is a property of the
 * signer's key (its SubjectPublicKeyInfo) and certificate, never read from the label: a label
 * cannot ask to be checked with a weaker algorithm. Every signature is 64 bytes.
 */
public sealed interface SignatureAlgorithm
        permits SignatureAlgorithm.Ed25519, SignatureAlgorithm.EcdsaP256, SignatureAlgorithm.Sm2 {

    /** Ed25519, the default. */
    Ed25519 ED25519 = new Ed25519();

    /** ECDSA on P-256 with SHA-256. */
    EcdsaP256 ECDSA_P256 = new EcdsaP256();

    /** SM2 with SM3 and the default distinguishing ID {@code 1234567812345678}. */
    Sm2 SM2 = new Sm2(Sm2.DEFAULT_DISTINGUISHING_ID);

    /** A short, stable name, e.g. {@code Ed25519}. */
    String name();

    /** Ed25519 (RFC 8032, pure, no pre-hash): the 64-byte signature R || S; S must be below the group order. */
    record Ed25519() implements SignatureAlgorithm {
        @Override
        public String name() {
            return "Ed25519";
        }
    }

    /**
     * ECDSA on NIST P-256 over the SHA-256 of the message (FIPS 186-5), the signature as raw
     * {@code r || s}, each a 32-byte big-endian integer. Signing uses deterministic k (RFC 6979).
     * Low-S is not required: like OpenSSL, verification accepts both {@code s} and {@code n - s},
     * so a label's signature bytes are not unique and must not be used as its identifier.
     */
    record EcdsaP256() implements SignatureAlgorithm {
        @Override
        public String name() {
            return "ECDSA-P256-SHA256";
        }
    }

    /**
     * SM2 digital signature with SM3 (GM/T 0003.2-2012, GB/T 32918.2-2016): the message is hashed
     * as SM3(Z || M), Z binding the signer's public key and distinguishing ID; raw {@code r || s},
     * each a 32-byte big-endian integer. Signing is randomised.
     *
     * @param distinguishingId the signer's distinguishing ID (UTF-8), by default {@code 1234567812345678}
     */
    record Sm2(String distinguishingId) implements SignatureAlgorithm {

        /** The default distinguishing ID of GM/T 0009 and GB/T 35276. */
        public static final String DEFAULT_DISTINGUISHING_ID = "1234567812345678";

        /** Requires 1 to 8191 bytes (its bit length must fit the 16-bit ENTL field). */
        public Sm2 {
            if (distinguishingId == null || distinguishingId.isEmpty()
                    || distinguishingId.getBytes(StandardCharsets.UTF_8).length > 8191) {
                throw new IllegalArgumentException("SM2 distinguishing ID must be 1 to 8191 bytes, got "
                        + (distinguishingId == null ? "null" : distinguishingId.getBytes(StandardCharsets.UTF_8).length));
            }
        }

        @Override
        public String name() {
            return "SM2-SM3";
        }
    }
}
