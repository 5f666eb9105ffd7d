package org.terroir.trace.provenance;

import org.neo4j.driver.Value;

/**
 * What one producer household contributed to a batch, as the public may see it: the household by
 * its pseudonym, never by name, phone or ID number.
 *
 * @param pseudonym      the household's pseudonym, {@code P-} and 12 Base32 characters
 * @param registeredPoor whether it is a registered poor household
 * @param quantity       how much it contributed
 * @param unit           the unit of {@code quantity}, a UN/ECE Recommendation 20 code such as {@code KGM}
 * @param cooperative    the cooperative it is a member of, if any
 */
public record ProducerContribution(String pseudonym, Boolean registeredPoor, Double quantity, String unit,
                                   Party cooperative) {

    /** The contribution of a {@code trace.contributions} row. */
    static ProducerContribution from(org.neo4j.driver.Record row) {
        Value poor = row.get("registeredPoor");
        Value quantity = row.get("quantity");
        return new ProducerContribution(row.get("pseudonym").asString(), poor.isNull() ? null : poor.asBoolean(),
                quantity.isNull() ? null : quantity.asDouble(), row.get("unit").isNull() ? null : row.get("unit").asString(),
                Party.from(row.get("cooperative")));
    }
}
