package org.terroir.trace.scans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Ids of scans and of the devices that scan: 128 random bits each, written base64url (22 characters),
 * from a DRBG seeded once at start (drawing from it then reads no system entropy source, so an
 * event-loop thread may). A device's id lives in its browser's cookie; the graph holds only its hash.
 */
@Component
class ScanIds {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final SecureRandom random;

    ScanIds() {
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the DRBG is part of every Java runtime", e);
        }
        random.nextBytes(new byte[16]); // seeds it now, not on the first request
    }

    String next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the graph keeps of a device id: 96 bits of its SHA-256, in hex; it cannot be turned back into the cookie. */
    static String deviceHash(String deviceId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deviceId.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
