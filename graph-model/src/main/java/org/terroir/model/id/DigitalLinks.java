package org.terroir.model.id;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The identifier part of GS1 Digital Link URIs: primary key AI 01, 414 or 00 and its key
 * qualifiers in path order. Query string and fragment are left to callers.
 */
final class DigitalLinks {

    static final String LABEL = "GS1 Digital Link";
    static final String KEY_LABEL = "identifier key";

    /** Key qualifiers each supported primary key allows, in the order the Digital Link standard requires. */
    private static final Map<String, List<String>> QUALIFIERS =
            Map.of("01", List.of("22", "10", "21"), "414", List.of("254"), "00", List.of());

    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private DigitalLinks() {
    }

    static boolean hasWebScheme(String uri) {
        return uri != null && (uri.regionMatches(true, 0, "https://", 0, 8) || uri.regionMatches(true, 0, "http://", 0, 7));
    }

    static EpcIdentifier parse(String uri) {
        Rules.requireNonNull(LABEL, uri);
        if (!hasWebScheme(uri)) {
            throw new InvalidIdentifierException(LABEL, uri, "must start with http:// or https://");
        }
        int authorityStart = uri.indexOf("//") + 2;
        int pathStart = indexOfAny(uri, "/?#", authorityStart);
        if (pathStart == authorityStart) {
            throw new InvalidIdentifierException(LABEL, uri, "has no host");
        }
        int pathEnd = indexOfAny(uri, "?#", pathStart);
        String path = uri.substring(pathStart, pathEnd);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] segments = path.isEmpty() ? new String[0] : path.substring(1).split("/", -1);

        // As in the standard's grammar, the path prefix is the shortest one after which a primary
        // key and its qualifiers, in order, make up the rest of the path.
        String firstError = null;
        for (int i = 0; i < segments.length; i++) {
            if (QUALIFIERS.containsKey(segments[i]) && (segments.length - i) % 2 == 0) {
                String error = structureError(segments, i);
                if (error == null) {
                    return fromPairs(LABEL, uri, segments, i);
                }
                firstError = firstError == null ? error : firstError;
            }
        }
        if (firstError != null) {
            throw new InvalidIdentifierException(LABEL, uri, firstError);
        }
        for (String segment : segments) {
            if (QUALIFIERS.containsKey(segment)) {
                throw new InvalidIdentifierException(LABEL, uri, "path after AI " + segment
                        + " is not AI/value pairs: \"" + segments[segments.length - 1] + "\" at the end has no value");
            }
        }
        throw new InvalidIdentifierException(LABEL, uri, "no supported primary key (AI 01, 414 or 00) in the path");
    }

    static EpcIdentifier parseKey(String key) {
        Rules.requireNonNull(KEY_LABEL, key);
        String[] segments = key.split("/", -1);
        if (!QUALIFIERS.containsKey(segments[0])) {
            throw new InvalidIdentifierException(KEY_LABEL, key, "must start with 01/, 414/ or 00/");
        }
        if (segments.length % 2 != 0) {
            throw new InvalidIdentifierException(KEY_LABEL, key, "is not AI/value pairs");
        }
        String error = structureError(segments, 0);
        if (error != null) {
            throw new InvalidIdentifierException(KEY_LABEL, key, error);
        }
        EpcIdentifier id = fromPairs(KEY_LABEL, key, segments, 0);
        if (!id.key().equals(key)) {
            throw new InvalidIdentifierException(KEY_LABEL, key, "not in canonical form, expected \"" + id.key() + "\"");
        }
        return id;
    }

    /** {@code base/key}, checking the base. */
    static String format(String base, String key) {
        int hostStart = base == null ? 0 : base.indexOf("//") + 2;
        if (!hasWebScheme(base) || indexOfAny(base, "?#", 0) < base.length()
                || indexOfAny(base, "/", hostStart) == hostStart) {
            throw new IllegalArgumentException("Digital Link base \"" + base
                    + "\" must be an http:// or https:// URI with host and no query or fragment");
        }
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed + '/' + key;
    }

    /** Percent-encodes every character outside the URI unreserved set, hex digits upper case. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /**
     * Why the AI/value pairs from {@code start} on are not a supported primary key followed by its
     * key qualifiers in the required order, or {@code null} if they are.
     */
    private static String structureError(String[] segments, int start) {
        String primary = segments[start];
        List<String> allowed = QUALIFIERS.get(primary);
        int last = -1;
        for (int i = start + 2; i < segments.length; i += 2) {
            String ai = segments[i];
            int rank = allowed.indexOf(ai);
            if (rank < 0) {
                return allowed.isEmpty()
                        ? "AI " + primary + " takes no key qualifier, found AI " + ai
                        : "AI " + ai + " is not a key qualifier of AI " + primary + " (allowed, in order: "
                                + String.join(", ", allowed) + ")";
            }
            if (rank == last) {
                return "AI " + ai + " appears more than once";
            }
            if (rank < last) {
                return "AI " + ai + " must come before AI " + allowed.get(last) + " (order after AI " + primary
                        + ": " + String.join(", ", allowed) + ")";
            }
            last = rank;
        }
        return null;
    }

    /** Builds the identifier from pairs that passed {@link #structureError}. */
    private static EpcIdentifier fromPairs(String label, String input, String[] segments, int start) {
        String primary = segments[start];
        String primaryValue = decode(label, input, primary, segments[start + 1]);
        List<String> allowed = QUALIFIERS.get(primary);
        String[] values = new String[allowed.size()];
        for (int i = start + 2; i < segments.length; i += 2) {
            values[allowed.indexOf(segments[i])] = decode(label, input, segments[i], segments[i + 1]);
        }
        return switch (primary) {
            case "01" -> gtinBased(label, input, Gtin.of(primaryValue), values[0], values[1], values[2]);
            case "414" -> values[0] == null ? Sgln.of(Gln.of(primaryValue)) : Sgln.of(Gln.of(primaryValue), values[0]);
            default -> Sscc.of(primaryValue);
        };
    }

    private static EpcIdentifier gtinBased(String label, String input, Gtin gtin, String variant, String lot,
            String serial) {
        if (variant != null) {
            throw new InvalidIdentifierException(label, input,
                    "AI 22 (consumer product variant) has no EPC pure-identity form and is not supported");
        }
        if (serial != null) {
            if (lot != null) {
                LotNumber.of(lot); // validated, then dropped: GTIN + serial identify the item
            }
            return Sgtin.of(gtin, serial);
        }
        return lot != null ? Lgtin.of(gtin, lot) : gtin;
    }

    /** Decodes a path segment's percent-encoding (UTF-8); the value types check the characters. */
    private static String decode(String label, String input, String ai, String raw) {
        if (raw.isEmpty()) {
            throw new InvalidIdentifierException(label, input, "AI " + ai + " has an empty value");
        }
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                flush(pending, out);
                out.append(c);
                continue;
            }
            int high = i + 1 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
            int low = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
            if (high < 0 || low < 0) {
                throw new InvalidIdentifierException(label, input, "malformed percent-encoding \""
                        + raw.substring(i, Math.min(i + 3, raw.length())) + "\" in the value of AI " + ai);
            }
            pending.write(high << 4 | low);
            i += 2;
        }
        flush(pending, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream pending, StringBuilder out) {
        if (pending.size() > 0) {
            out.append(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char upper = (char) (c & ~0x20);
        return upper >= 'A' && upper <= 'F' ? upper - 'A' + 10 : -1;
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
