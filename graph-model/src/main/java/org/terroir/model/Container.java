package org.terroir.model;

import org.terroir.model.id.Sscc;

/**
 * A logistic unit (case, pallet, parcel), node {@code (:Container {key, sscc})}, keyed by its SSCC
 * key {@code 00/{sscc}}. Aggregation: {@code (Item|Batch|Container)-[:PACKED_IN]->(Container)}.
 *
 * @param sscc the container's Serial Shipping Container Code
 */
public record Container(Sscc sscc) {

    /** Requires the SSCC. */
    public Container {
        Check.present("Container.sscc", sscc);
    }

    /**
     * The container with key {@code key}, e.g. {@code 00/095200010000000010}.
     *
     * @throws IllegalArgumentException if the key is not the canonical key of an SSCC
     */
    public static Container fromKey(String key) {
        return new Container(Check.key(Sscc.class, "Container.key", "00/{sscc}", key));
    }

    /** The natural key, {@code 00/{sscc}}. */
    public String key() {
        return sscc.key();
    }
}
