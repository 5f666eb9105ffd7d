package org.terroir.model.id;

import java.util.Objects;

/**
 * A batch or lot of a trade item: GTIN (AI 01) plus lot number (AI 10). EPC class URN
 * {@code urn:epc:class:lgtin:CompanyPrefix.IndicatorItemRef.Lot}, Digital Link
 * {@code /01/{gtin14}/10/{lot}}, key {@code 01/{gtin14}/10/{lot}}.
 *
 * @param gtin the trade item
 * @param lot  the lot number
 */
public record Lgtin(Gtin gtin, LotNumber lot) implements EpcIdentifier {

    /** Requires both parts. */
    public Lgtin {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(lot, "lot");
    }

    /** An LGTIN from a GTIN and the lot's text. */
    public static Lgtin of(Gtin gtin, String lot) {
        return new Lgtin(gtin, new LotNumber(lot));
    }

    /** Reads {@code urn:epc:class:lgtin:CompanyPrefix.IndicatorItemRef.Lot}. */
    public static Lgtin parse(String epcClassUrn) {
        return Rules.expect(Lgtin.class, "an LGTIN", EpcUrns.LABEL, epcClassUrn, EpcUrns.parse(epcClassUrn));
    }

    /** Reads a GS1 Digital Link URI with AI 01 and 10 (and no serial). */
    public static Lgtin parseDigitalLink(String uri) {
        return Rules.expect(Lgtin.class, "an LGTIN", DigitalLinks.LABEL, uri, DigitalLinks.parse(uri));
    }

    @Override
    public String key() {
        return gtin.key() + "/10/" + DigitalLinks.encode(lot.value());
    }

    @Override
    public String toEpcUrn(CompanyPrefixLengths lengths) {
        return EpcUrns.LGTIN + EpcUrns.gtinComponents(gtin, lengths) + '.' + EpcUrns.escape(lot.value());
    }
}
