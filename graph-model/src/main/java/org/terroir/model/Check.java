package org.terroir.model;

import java.util.Optional;
import java.util.regex.Pattern;
import org.terroir.model.id.EpcIdentifier;

/**
 * Guard clauses shared by the domain records. A missing value is a {@link NullPointerException},
 * an invalid one an {@link IllegalArgumentException}; every message names the field as
 * {@code Record.field} and says what is expected, e.g.
 * {@code Region.code must be 12 digits for a village, got "350825100"}.
 */
final class Check {

    /** Longest rejected value quoted in a message. */
    private static final int MAX_QUOTED = 80;

    /** Free-form identifiers (hop and certification ids): a letter or digit, then letters, digits, {@code . _ : -}. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private Check() {
    }

    /** Requires a value. */
    static <T> T present(String field, T value) {
        if (value == null) {
            throw new NullPointerException(field + " must not be null");
        }
        return value;
    }

    /**
     * A one-line text: surrounding white space stripped, then 1 to {@code maxLength} characters
     * (code points) without control characters.
     */
    static String text(String field, String value, int maxLength) {
        return text(field, value, maxLength, false);
    }

    /** Like {@link #text} but line breaks and tabs are allowed inside: for prose such as a brand's story. */
    static String prose(String field, String value, int maxLength) {
        return text(field, value, maxLength, true);
    }

    /** An optional one-line text: present, and if it holds a value, valid as {@link #text}. */
    static Optional<String> optionalText(String field, Optional<String> value, int maxLength) {
        return present(field, value).map(v -> text(field, v, maxLength));
    }

    /** An identifier of 1 to 128 characters: a letter or digit first, then letters, digits, {@code . _ : -}. */
    static String identifier(String field, String value) {
        present(field, value);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw invalid(field, value, "1 to 128 characters, a letter or digit first, then letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }

    /**
     * Reads a canonical identifier key ({@link EpcIdentifier#fromKey}) and requires an identifier of
     * {@code type}; {@code form} describes the expected key, e.g. {@code 01/{gtin14}/10/{lot}}.
     */
    static <T extends EpcIdentifier> T key(Class<T> type, String field, String form, String key) {
        present(field, key);
        EpcIdentifier id = EpcIdentifier.fromKey(key);
        if (!type.isInstance(id)) {
            throw invalid(field, key, "a key of the form " + form);
        }
        return type.cast(id);
    }

    /** {@code field must be expectation, got "value"}. */
    static IllegalArgumentException invalid(String field, Object value, String expectation) {
        return new IllegalArgumentException(field + " must be " + expectation + ", got " + quote(value));
    }

    /** {@code field must be expectation} without the value: for personal data, which must not reach logs. */
    static IllegalArgumentException invalidWithheld(String field, String expectation) {
        return new IllegalArgumentException(field + " must be " + expectation + " (value withheld: personal data)");
    }

    private static String text(String field, String value, int maxLength, boolean multiLine) {
        present(field, value);
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        int length = stripped.codePointCount(0, stripped.length());
        if (length > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters, got " + length);
        }
        int position = 1;
        for (int i = 0; i < stripped.length(); position++) {
            int cp = stripped.codePointAt(i);
            boolean allowed = multiLine && (cp == '\n' || cp == '\r' || cp == '\t');
            if (Character.isISOControl(cp) && !allowed) {
                throw new IllegalArgumentException(field + " must not contain control characters"
                        + (multiLine ? " other than line breaks and tabs" : "") + ", found "
                        + String.format("U+%04X", cp) + " at position " + position);
            }
            if (isBidiControl(cp)) {
                throw new IllegalArgumentException(field + " must not contain bidirectional embedding, override or isolate"
                        + " characters (they reorder what a page shows), found " + String.format("U+%04X", cp)
                        + " at position " + position);
            }
            i += Character.charCount(cp);
        }
        return stripped;
    }

    /**
     * U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates): they make a page show
     * text in another order than it is stored ("Trojan Source"); the plain marks U+200E/U+200F, which
     * right-to-left scripts need, remain allowed.
     */
    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** A value for a message: quoted, control characters escaped, long values shortened. */
    static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        String tail = "";
        if (text.codePointCount(0, text.length()) > MAX_QUOTED) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_QUOTED));
            tail = "…";
        }
        StringBuilder out = new StringBuilder(text.length() + 4).append('"');
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || isBidiControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').append(tail).toString();
    }
}
