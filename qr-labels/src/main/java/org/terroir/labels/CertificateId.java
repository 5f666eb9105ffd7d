package org.terroir.labels;

import java.util.HexFormat;

import org.terroir.labels.internal.Crypto;

/**
 * The short identifier of a signer's certificate carried in every label signature: the first
 * {@value #LENGTH} bytes of the SHA-256 of the signer's DER SubjectPublicKeyInfo. It only selects
 * candidate keys; it is not unique, and a verifier tries every trusted key with the same id.
 *
 * @param value the 24-bit id, 0 to 0xFFFFFF
 */
public record CertificateId(int value) {

    /** Bytes of the id inside the signature. */
    public static final int LENGTH = 3;

    /** Requires 24 bits. */
    public CertificateId {
        if (value < 0 || value > 0xFFFFFF) {
            throw new IllegalArgumentException("certificate id must be 0 to 0xFFFFFF, got " + value);
        }
    }

    /** The id of a key: SHA-256 of its DER SubjectPublicKeyInfo, first 3 bytes. */
    public static CertificateId ofSubjectPublicKeyInfo(byte[] spki) {
        return fromBytes(Crypto.sha256(spki));
    }

    /** The id from its first 3 bytes (big-endian); further bytes are ignored. */
    public static CertificateId fromBytes(byte[] bytes) {
        if (bytes.length < LENGTH) {
            throw new IllegalArgumentException("certificate id needs " + LENGTH + " bytes, got " + bytes.length);
        }
        return new CertificateId((bytes[0] & 0xFF) << 16 | (bytes[1] & 0xFF) << 8 | bytes[2] & 0xFF);
    }

    /** The 3 bytes, big-endian. */
    public byte[] toBytes() {
        return new byte[] {(byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }

    /** Six lower-case hex digits, e.g. {@code 3fa01c}. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(toBytes());
    }
}
