package org.terroir.model;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The secret key of {@link Producer#pseudonymFor}: at least 16 random bytes, one per Terroir
 * installation, kept in its configuration or secret store and never in the graph. Whoever holds
 * it can test a guessed ID number or phone number against a pseudonym; without it a pseudonym
 * reveals nothing. Changing it changes every pseudonym derived from it afterwards.
 *
 * <p>Not a record, so that the bytes cannot leak through an accessor, {@code equals} or
 * {@code toString}.
 */
public final class PseudonymSalt {

    /** The fewest bytes a salt may have (128 bits). */
    public static final int MIN_BYTES = 16;

    private static final int GENERATED_BYTES = 32;

    private final byte[] bytes;

    private PseudonymSalt(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A salt from its bytes (copied). */
    public static PseudonymSalt of(byte[] bytes) {
        Check.present("PseudonymSalt", bytes);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("PseudonymSalt must be at least " + MIN_BYTES + " bytes, got "
                    + bytes.length);
        }
        return new PseudonymSalt(bytes.clone());
    }

    /** A salt from its Base64 form (RFC 4648, standard alphabet), as kept in configuration. */
    public static PseudonymSalt fromBase64(String base64) {
        Check.present("PseudonymSalt", base64);
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PseudonymSalt must be Base64 (RFC 4648): " + e.getMessage(), e);
        }
        return of(decoded);
    }

    /** A new random salt of 32 bytes from {@link SecureRandom}, for a new installation. */
    public static PseudonymSalt random() {
        byte[] bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new PseudonymSalt(bytes);
    }

    /** The Base64 form, to store the salt in configuration; treat it as a secret. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A copy of the bytes. */
    byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    /** Never shows the bytes. */
    @Override
    public String toString() {
        return "PseudonymSalt[" + bytes.length + " bytes, hidden]";
    }
}
