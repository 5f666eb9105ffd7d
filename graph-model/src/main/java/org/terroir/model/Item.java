package org.terroir.model;

import org.terroir.model.id.Gtin;
import org.terroir.model.id.SerialNumber;
import org.terroir.model.id.Sgtin;

/**
 * A serialised unit of a product, node {@code (:Item {key, gtin, serial})}, keyed by its SGTIN key
 * {@code 01/{gtin14}/21/{serial}}. {@code (Item)-[:OF_BATCH]->(Batch)}.
 *
 * @param sgtin the item's identifier: GTIN and serial number
 */
public record Item(Sgtin sgtin) {

    /** Requires the identifier. */
    public Item {
        Check.present("Item.sgtin", sgtin);
    }

    /** The item with serial {@code serial} of {@code gtin}. */
    public static Item of(Gtin gtin, String serial) {
        return new Item(Sgtin.of(gtin, serial));
    }

    /**
     * The item with key {@code key}, e.g. {@code 01/09520001000010/21/SN1}.
     *
     * @throws IllegalArgumentException if the key is not the canonical key of an SGTIN
     */
    public static Item fromKey(String key) {
        return new Item(Check.key(Sgtin.class, "Item.key", "01/{gtin14}/21/{serial}", key));
    }

    /** The natural key, {@code 01/{gtin14}/21/{serial}}. */
    public String key() {
        return sgtin.key();
    }

    /** The product's GTIN. */
    public Gtin gtin() {
        return sgtin.gtin();
    }

    /** The serial number, unescaped. */
    public SerialNumber serial() {
        return sgtin.serial();
    }
}
