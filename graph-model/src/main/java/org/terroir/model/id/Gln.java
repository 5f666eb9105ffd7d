package org.terroir.model.id;

/**
 * A Global Location Number: 13 digits, the last one the GS1 check digit. A physical location
 * (AI 414) is an {@link Sgln}, which adds the optional extension.
 *
 * @param value the 13 digits
 */
public record Gln(String value) {

    static final String LABEL = "GLN";

    /** Validates digits, length and check digit. */
    public Gln {
        Rules.requireKey(LABEL, value, 13);
    }

    /** A GLN from its 13 digits. */
    public static Gln of(String digits) {
        return new Gln(digits);
    }

    /** A GLN from 12 data digits, with the GS1 check digit computed and appended. */
    public static Gln withCheckDigit(String dataDigits) {
        return new Gln(Rules.appendCheckDigit(LABEL, dataDigits, 12));
    }

    @Override
    public String toString() {
        return value;
    }
}
