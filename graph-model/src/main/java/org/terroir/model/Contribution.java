package org.terroir.model;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.terroir.model.id.Lgtin;

/**
 * What a producer household contributed to a batch, relationship
 * {@code (Producer)-[:CONTRIBUTED {quantity, unit}]->(Batch)}.
 *
 * @param producerPseudonym the household's pseudonym (see {@link Producer})
 * @param batch             the batch, whose key is {@link #batchKey()}
 * @param quantity          how much, greater than zero
 * @param unit              the unit as a UN/ECE Recommendation 20 code, as EPCIS quantities use:
 *                          2 or 3 upper-case letters or digits, e.g. {@code KGM} (kilogram),
 *                          {@code TNE} (tonne), {@code H87} (piece). A jin (斤) is 0.5 KGM.
 */
public record Contribution(String producerPseudonym, Lgtin batch, BigDecimal quantity, String unit) {

    /** A UN/ECE Recommendation 20 common code. */
    public static final Pattern UNIT = Pattern.compile("[A-Z0-9]{2,3}");

    /** Validates the pseudonym, that the quantity is positive, and the unit. */
    public Contribution {
        Producer.requirePseudonym("Contribution.producerPseudonym", producerPseudonym);
        Check.present("Contribution.batch", batch);
        Check.present("Contribution.quantity", quantity);
        if (quantity.signum() <= 0) {
            throw Check.invalid("Contribution.quantity", quantity.toPlainString(), "greater than 0");
        }
        Check.present("Contribution.unit", unit);
        if (!UNIT.matcher(unit).matches()) {
            throw Check.invalid("Contribution.unit", unit,
                    "a UN/ECE Recommendation 20 unit code of 2 or 3 upper-case letters or digits, e.g. KGM");
        }
    }

    /** A contribution to the batch with key {@code batchKey}, e.g. {@code 01/09520001000010/10/LOT7}. */
    public static Contribution of(String producerPseudonym, String batchKey, BigDecimal quantity, String unit) {
        return new Contribution(producerPseudonym, Check.key(Lgtin.class, "Batch.key", "01/{gtin14}/10/{lot}", batchKey), quantity,
                unit);
    }

    /** The batch's natural key, {@code 01/{gtin14}/10/{lot}}. */
    public String batchKey() {
        return batch.key();
    }
}
