package org.terroir.trace.scans;

import org.terroir.labels.DigitalLink;

/**
 * What the resolver learned of one scanned link.
 *
 * @param link         the link as read
 * @param uri          the link as scanned (the request's URI)
 * @param product      the product of its GTIN, null when the graph holds none
 * @param batchKnown   whether the graph holds the lot the link names (false when it names none)
 * @param itemKnown    whether the graph holds the unit the link names (false when it names none)
 * @param certified    whether the product or its brand holds a certification
 * @param authenticity whether the label is genuine
 * @param flags        the kinds of copy flag raised on the unit (e.g. {@code SPEED}), empty when none
 */
record LinkCheck(DigitalLink link, String uri, Product product, boolean batchKnown, boolean itemKnown, boolean certified,
                 Authenticity authenticity, java.util.List<String> flags) {

    /** A product's GTIN and names. */
    record Product(String gtin, String nameZh, String nameEn) {}

    /** Whether the graph knows the GTIN at all (a product, or a lot of it). */
    boolean gtinKnown() {
        return product != null || batchKnown || itemKnown;
    }

    /** Whether the label is known not to be genuine. */
    boolean notGenuine() {
        return authenticity instanceof Authenticity.NotGenuine;
    }
}
