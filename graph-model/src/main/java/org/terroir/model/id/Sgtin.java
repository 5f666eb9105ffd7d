package org.terroir.model.id;

import java.util.Objects;

/**
 * A serialised trade item: GTIN (AI 01) plus serial number (AI 21). EPC URN
 * {@code urn:epc:id:sgtin:CompanyPrefix.IndicatorItemRef.Serial}, Digital Link
 * {@code /01/{gtin14}/21/{serial}}, key {@code 01/{gtin14}/21/{serial}}.
 *
 * @param gtin   the trade item
 * @param serial the serial number
 */
public record Sgtin(Gtin gtin, SerialNumber serial) implements EpcIdentifier {

    /** Requires both parts. */
    public Sgtin {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(serial, "serial");
    }

    /** An SGTIN from a GTIN and the serial's text. */
    public static Sgtin of(Gtin gtin, String serial) {
        return new Sgtin(gtin, new SerialNumber(serial));
    }

    /** Reads {@code urn:epc:id:sgtin:CompanyPrefix.IndicatorItemRef.Serial}. */
    public static Sgtin parse(String epcUrn) {
        return Rules.expect(Sgtin.class, "an SGTIN", EpcUrns.LABEL, epcUrn, EpcUrns.parse(epcUrn));
    }

    /**
     * Reads a GS1 Digital Link URI with AI 01 and 21. A lot (AI 10) before the serial is validated
     * and then dropped: GTIN and serial alone identify the item, as in the EPC SGTIN.
     */
    public static Sgtin parseDigitalLink(String uri) {
        return Rules.expect(Sgtin.class, "an SGTIN", DigitalLinks.LABEL, uri, DigitalLinks.parse(uri));
    }

    @Override
    public String key() {
        return gtin.key() + "/21/" + DigitalLinks.encode(serial.value());
    }

    @Override
    public String toEpcUrn(CompanyPrefixLengths lengths) {
        return EpcUrns.SGTIN + EpcUrns.gtinComponents(gtin, lengths) + '.' + EpcUrns.escape(serial.value());
    }
}
