package org.terroir.model.id;

/**
 * A Serial Shipping Container Code (AI 00): 18 digits, the last one the GS1 check digit. EPC URN
 * {@code urn:epc:id:sscc:CompanyPrefix.ExtensionSerialRef}, key {@code 00/{sscc}}.
 *
 * @param value the 18 digits
 */
public record Sscc(String value) implements EpcIdentifier {

    static final String LABEL = "SSCC";

    /** Validates digits, length and check digit. */
    public Sscc {
        Rules.requireKey(LABEL, value, 18);
    }

    /** An SSCC from its 18 digits. */
    public static Sscc of(String digits) {
        return new Sscc(digits);
    }

    /** An SSCC from 17 data digits, with the GS1 check digit computed and appended. */
    public static Sscc withCheckDigit(String dataDigits) {
        return new Sscc(Rules.appendCheckDigit(LABEL, dataDigits, 17));
    }

    /** Reads {@code urn:epc:id:sscc:CompanyPrefix.ExtensionSerialRef}. */
    public static Sscc parse(String epcUrn) {
        return Rules.expect(Sscc.class, "an SSCC", EpcUrns.LABEL, epcUrn, EpcUrns.parse(epcUrn));
    }

    /** Reads a GS1 Digital Link URI with AI 00. */
    public static Sscc parseDigitalLink(String uri) {
        return Rules.expect(Sscc.class, "an SSCC", DigitalLinks.LABEL, uri, DigitalLinks.parse(uri));
    }

    @Override
    public String key() {
        return "00/" + value;
    }

    @Override
    public String toEpcUrn(CompanyPrefixLengths lengths) {
        int cp = EpcUrns.companyPrefixLength(lengths, LABEL, value, value.substring(1));
        return EpcUrns.SSCC + value.substring(1, 1 + cp) + '.' + value.charAt(0) + value.substring(1 + cp, 17);
    }

    @Override
    public String toString() {
        return value;
    }
}
