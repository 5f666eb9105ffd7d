package org.terroir.labels.internal;

/**
 * Strict, canonical base64url (RFC 4648 section 5) without padding: every byte string has exactly
 * one encoding, and {@link #decode} accepts nothing else. Rejected: characters outside
 * {@code A-Z a-z 0-9 - _} (so also {@code =}, {@code +}, {@code /}, white space), a length of 1
 * modulo 4 (no whole byte), and a last character whose unused low bits are not zero (a second
 * spelling of the same bytes, e.g. {@code AB} and {@code AA} both decode to {@code 0x00}).
 */
public final class Base64Url {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
    }

    private Base64Url() {
    }

    /** The canonical unpadded encoding. */
    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 5) / 6);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | (b & 0xFF);
            bits += 8;
            while (bits >= 6) {
                bits -= 6;
                out.append(ALPHABET[buffer >> bits & 0x3F]);
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[buffer << (6 - bits) & 0x3F]);
        }
        return out.toString();
    }

    /** Whether {@code c} is one of the 64 characters of the base64url alphabet. */
    public static boolean isAlphabet(int c) {
        return c >= 0 && c < VALUES.length && VALUES[c] >= 0;
    }

    /**
     * Decodes a canonical unpadded encoding.
     *
     * @throws IllegalArgumentException naming the first offending character or rule
     */
    public static byte[] decode(String text) {
        if (text.length() % 4 == 1) {
            throw new IllegalArgumentException(text.length()
                    + " characters: a length of 1 modulo 4 encodes no whole byte");
        }
        byte[] out = new byte[text.length() * 6 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = c < VALUES.length ? VALUES[c] : -1;
            if (value < 0) {
                throw new IllegalArgumentException("character " + describe(c) + " at position " + (i + 1)
                        + " is not in the base64url alphabet A-Z a-z 0-9 - _ (no padding)");
            }
            buffer = buffer << 6 | value;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (buffer >> bits);
            }
            buffer &= (1 << bits) - 1;
        }
        if (buffer != 0) {
            throw new IllegalArgumentException("last character " + describe(text.charAt(text.length() - 1))
                    + " has non-zero unused low bits: not the canonical encoding of these bytes");
        }
        return out;
    }

    private static String describe(char c) {
        return c > ' ' && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
