package org.terroir.labels.internal;

import java.util.Base64;

/** PEM (RFC 7468) text: one block of a given label, base64 in 64-character lines. */
public final class Pem {

    private Pem() {
    }

    /** {@code -----BEGIN label-----}, the DER in base64 lines of 64, {@code -----END label-----}. */
    public static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * The DER of the first block with this label; text around it is ignored.
     *
     * @throws IllegalArgumentException if there is no such block or its base64 is broken
     */
    public static byte[] decode(String label, String pem) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int start = pem.indexOf(begin);
        int stop = start < 0 ? -1 : pem.indexOf(end, start);
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("no PEM block \"" + label + "\" found");
        }
        String body = pem.substring(start + begin.length(), stop).replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM block \"" + label + "\" is not valid base64", e);
        }
    }
}
