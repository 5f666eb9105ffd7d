package org.terroir.model.id;

/**
 * A GTIN serial number (AI 21): 1 to 20 characters from GS1 AI encodable character set 82.
 *
 * @param value the serial number, unescaped
 */
public record SerialNumber(String value) {

    static final String LABEL = "serial (AI 21)";

    /** Validates length and character set. */
    public SerialNumber {
        Rules.requireCharacterSet82(LABEL, value, 20);
    }

    /** A serial number from its text. */
    public static SerialNumber of(String value) {
        return new SerialNumber(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
