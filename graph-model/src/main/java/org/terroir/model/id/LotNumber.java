package org.terroir.model.id;

/**
 * A batch or lot number (AI 10): 1 to 20 characters from GS1 AI encodable character set 82.
 *
 * @param value the lot number, unescaped
 */
public record LotNumber(String value) {

    static final String LABEL = "lot (AI 10)";

    /** Validates length and character set. */
    public LotNumber {
        Rules.requireCharacterSet82(LABEL, value, 20);
    }

    /** A lot number from its text. */
    public static LotNumber of(String value) {
        return new LotNumber(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
