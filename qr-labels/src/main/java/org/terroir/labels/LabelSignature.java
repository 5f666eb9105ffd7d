package org.terroir.labels;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.terroir.labels.internal.Base64Url;
import org.terroir.labels.internal.Crypto;
import org.terroir.model.id.InvalidIdentifierException;

/**
 * The value of AI 8030 on a Terroir label: 67 bytes, the signer's {@link CertificateId} (3 bytes)
 * followed by the 64-byte signature, written as canonical unpadded base64url: exactly 90
 * characters, the GS1 maximum of AI 8030 ({@code Z..90}: 90 characters of 6 bits hold 67 bytes and
 * 4 bits, which must be zero). The first 4 characters encode the certificate id alone.
 *
 * <p>The signed message ({@link #signedBytes}) is the ASCII domain tag {@value #DOMAIN_TAG}, the
 * 3 certificate id bytes, and the {@linkplain DigitalLink#elementStringBytes() element string} of
 * the label without AI 8030, which must contain AI 01, AI 21 and AI 11 or 13. The resolver base
 * (host and path) is not signed.
 */
public final class LabelSignature {

    /** Domain separation: a signer key's signature over a label can never be one over anything else. */
    public static final String DOMAIN_TAG = "terroir-label-v1";

    /** Bytes of the decoded AI 8030 value. */
    public static final int LENGTH = CertificateId.LENGTH + Crypto.SIGNATURE_LENGTH;

    /** Characters of the encoded AI 8030 value. */
    public static final int ENCODED_LENGTH = 90;

    private final CertificateId signer;
    private final byte[] signature;

    /**
     * @param signer    the signer's certificate id
     * @param signature the 64-byte signature
     */
    public LabelSignature(CertificateId signer, byte[] signature) {
        this.signer = Objects.requireNonNull(signer, "signer");
        if (signature.length != Crypto.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature must be " + Crypto.SIGNATURE_LENGTH + " bytes, got " + signature.length);
        }
        this.signature = signature.clone();
    }

    /**
     * Reads an AI 8030 value.
     *
     * @throws InvalidIdentifierException if it is not exactly 90 characters of canonical unpadded
     *                                    base64url (the message names the rule)
     */
    public static LabelSignature parse(String value) {
        if (value == null) {
            throw new InvalidIdentifierException(DigitalLink.DIGSIG_LABEL, null, "must not be null");
        }
        if (value.length() != ENCODED_LENGTH) {
            throw new InvalidIdentifierException(DigitalLink.DIGSIG_LABEL, value, value.length()
                    + " characters, a Terroir label signature is exactly " + ENCODED_LENGTH
                    + " (3-byte certificate id and 64-byte signature, unpadded base64url)");
        }
        byte[] bytes;
        try {
            bytes = Base64Url.decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentifierException(DigitalLink.DIGSIG_LABEL, value, e.getMessage());
        }
        return new LabelSignature(CertificateId.fromBytes(bytes), Arrays.copyOfRange(bytes, CertificateId.LENGTH, LENGTH));
    }

    /** The 90-character AI 8030 value. */
    public String encode() {
        byte[] bytes = Arrays.copyOf(signer.toBytes(), LENGTH);
        System.arraycopy(signature, 0, bytes, CertificateId.LENGTH, signature.length);
        return Base64Url.encode(bytes);
    }

    /** The signer's certificate id. */
    public CertificateId signer() {
        return signer;
    }

    /** The 64-byte signature (a copy). */
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * The bytes a label's signature covers: {@value #DOMAIN_TAG} (ASCII, 16 bytes), the signer's
     * 3-byte certificate id, then the element string of {@code label} without AI 8030.
     *
     * @throws InvalidIdentifierException if the label lacks AI 21 or both AI 11 and AI 13
     */
    public static byte[] signedBytes(DigitalLink label, CertificateId signer) {
        DigitalLink unsigned = label.withoutDigitalSignature();
        if (unsigned.serial().isEmpty()) {
            throw new InvalidIdentifierException(DigitalLink.LABEL, unsigned.toUri(),
                    "a signed label needs a serial (AI 21): AI 8030 requires AI 01 with AI 21");
        }
        if (unsigned.productionDate().isEmpty() && unsigned.packagingDate().isEmpty()) {
            throw new InvalidIdentifierException(DigitalLink.LABEL, unsigned.toUri(),
                    "a signed label needs a production date (AI 11) or packaging date (AI 13)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.writeBytes(DOMAIN_TAG.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(signer.toBytes());
        out.writeBytes(unsigned.elementStringBytes());
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelSignature that && signer.equals(that.signer) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * signer.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return encode();
    }
}
