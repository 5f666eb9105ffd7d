package org.terroir.model.id;

/**
 * Thrown when a value is not a valid GS1 identifier. The message names the identifier (and its
 * Application Identifier where there is one), the rejected input and the rule it breaks, e.g.
 * {@code lot (AI 10) "ABCDEFGHIJKLMNOPQRSTU": 21 characters, at most 20 allowed}.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {

    private static final int MAX_QUOTED_LENGTH = 100;

    private final String identifier;
    private final String input;
    private final String rule;

    /**
     * @param identifier what was being read, e.g. {@code GTIN} or {@code serial (AI 21)}
     * @param input      the rejected input, may be {@code null}
     * @param rule       the rule it breaks
     */
    public InvalidIdentifierException(String identifier, String input, String rule) {
        super(identifier + ' ' + quote(input) + ": " + rule);
        this.identifier = identifier;
        this.input = input;
        this.rule = rule;
    }

    /** What was being read, e.g. {@code GTIN} or {@code serial (AI 21)}. */
    public String identifier() {
        return identifier;
    }

    /** The rejected input, unabridged; {@code null} if the input was null. */
    public String input() {
        return input;
    }

    /** The rule the input breaks, without identifier or input. */
    public String rule() {
        return rule;
    }

    /** Quotes an input for a message: control characters escaped, long inputs shortened. */
    static String quote(String input) {
        if (input == null) {
            return "null";
        }
        String shown = input;
        String tail = "";
        if (input.codePointCount(0, input.length()) > MAX_QUOTED_LENGTH) {
            shown = input.substring(0, input.offsetByCodePoints(0, MAX_QUOTED_LENGTH));
            tail = "…";
        }
        StringBuilder out = new StringBuilder(shown.length() + 4).append('"');
        shown.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').append(tail).toString();
    }
}
