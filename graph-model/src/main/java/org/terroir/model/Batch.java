package org.terroir.model;

import org.terroir.model.id.Gtin;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.LotNumber;

/**
 * A batch or lot of a product, node {@code (:Batch {key, gtin, lot})}, keyed by its LGTIN key
 * {@code 01/{gtin14}/10/{lot}} (lot percent-encoded as in a GS1 Digital Link).
 *
 * @param lgtin the batch's identifier: GTIN and lot number
 */
public record Batch(Lgtin lgtin) {

    /** Requires the identifier. */
    public Batch {
        Check.present("Batch.lgtin", lgtin);
    }

    /** The batch of lot {@code lot} of {@code gtin}. */
    public static Batch of(Gtin gtin, String lot) {
        return new Batch(Lgtin.of(gtin, lot));
    }

    /**
     * The batch with key {@code key}, e.g. {@code 01/09520001000010/10/LOT7}.
     *
     * @throws IllegalArgumentException if the key is not the canonical key of an LGTIN
     */
    public static Batch fromKey(String key) {
        return new Batch(Check.key(Lgtin.class, "Batch.key", "01/{gtin14}/10/{lot}", key));
    }

    /** The natural key, {@code 01/{gtin14}/10/{lot}}. */
    public String key() {
        return lgtin.key();
    }

    /** The product's GTIN. */
    public Gtin gtin() {
        return lgtin.gtin();
    }

    /** The lot number, unescaped. */
    public LotNumber lot() {
        return lgtin.lot();
    }
}
