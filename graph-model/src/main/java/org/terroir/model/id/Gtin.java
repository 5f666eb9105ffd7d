package org.terroir.model.id;

/**
 * A Global Trade Item Number (AI 01), always held as GTIN-14. As an {@link EpcIdentifier} it
 * denotes the product class: every instance of the trade item, EPC pattern
 * {@code urn:epc:idpat:sgtin:CompanyPrefix.IndicatorItemRef.*}, key {@code 01/{gtin14}}.
 *
 * @param value the GTIN-14; the constructor also accepts GTIN-8, -12 and -13 and pads them with zeros
 */
public record Gtin(String value) implements EpcIdentifier {

    static final String LABEL = "GTIN";

    /** Validates digits, length (8, 12, 13 or 14) and check digit, and normalises to 14 digits. */
    public Gtin {
        Rules.requireDigits(LABEL, value);
        switch (value.length()) {
            case 8, 12, 13, 14 -> Rules.requireCheckDigit(LABEL, value, value);
            default -> throw new InvalidIdentifierException(LABEL, value,
                    value.length() + " digits, expected 8, 12, 13 or 14");
        }
        value = "0".repeat(14 - value.length()) + value;
    }

    /** A GTIN from 8, 12, 13 or 14 digits including the check digit. */
    public static Gtin of(String digits) {
        return new Gtin(digits);
    }

    /** A GTIN from 7, 11, 12 or 13 data digits, with the GS1 check digit computed and appended. */
    public static Gtin withCheckDigit(String dataDigits) {
        Rules.requireDigits(LABEL, dataDigits);
        return switch (dataDigits.length()) {
            case 7, 11, 12, 13 -> new Gtin(dataDigits + GS1.checkDigit(dataDigits));
            default -> throw new InvalidIdentifierException(LABEL, dataDigits,
                    dataDigits.length() + " data digits, expected 7, 11, 12 or 13 (without check digit)");
        };
    }

    /** Reads the EPC pattern {@code urn:epc:idpat:sgtin:CompanyPrefix.IndicatorItemRef.*}. */
    public static Gtin parse(String epcPattern) {
        return Rules.expect(Gtin.class, "a GTIN pattern", EpcUrns.LABEL, epcPattern, EpcUrns.parse(epcPattern));
    }

    /** Reads a GS1 Digital Link URI with AI 01 and no key qualifier. */
    public static Gtin parseDigitalLink(String uri) {
        return Rules.expect(Gtin.class, "a GTIN", DigitalLinks.LABEL, uri, DigitalLinks.parse(uri));
    }

    /**
     * The GTIN written with {@code length} digits (8, 12, 13 or 14), e.g. the GTIN-13 printed under
     * an EAN-13 bar code.
     *
     * @throws IllegalArgumentException if the length is not 8, 12, 13 or 14, or the leading digits
     *                                  that would be dropped are not all zero
     */
    public String digits(int length) {
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            throw new IllegalArgumentException("GTIN length must be 8, 12, 13 or 14, got " + length);
        }
        int dropped = 14 - length;
        for (int i = 0; i < dropped; i++) {
            if (value.charAt(i) != '0') {
                throw new IllegalArgumentException("GTIN " + value + " has no " + length
                        + "-digit form: digit " + (i + 1) + " is " + value.charAt(i) + ", not 0");
            }
        }
        return value.substring(dropped);
    }

    @Override
    public String key() {
        return "01/" + value;
    }

    @Override
    public String toEpcUrn(CompanyPrefixLengths lengths) {
        return EpcUrns.GTIN_PATTERN + EpcUrns.gtinComponents(this, lengths) + ".*";
    }

    @Override
    public String toString() {
        return value;
    }
}
