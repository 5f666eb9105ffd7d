package org.terroir.trace.trace;

import java.util.List;
import org.neo4j.driver.Value;

/**
 * What one producer household contributed to a batch. The household is named by its pseudonym; its
 * personal data ({@code identity}) and its poor-household flag are fields that only some callers may
 * read (see {@code org.terroir.trace.access.Access}), which is why the contribution carries the batch
 * and the associations that own the batch's brand.
 *
 * @param batch          the key of the batch contributed to
 * @param pseudonym      the household's pseudonym, {@code P-} and 12 Base32 characters
 * @param registeredPoor whether it is a registered poor household
 * @param quantity       how much it contributed
 * @param unit           the unit of {@code quantity}, a UN/ECE Recommendation 20 code such as {@code KGM}
 * @param cooperative    the cooperative it is a member of, if any
 * @param brandOwners    the GLNs of the associations that own the batch's brand
 */
public record ProducerContribution(String batch, String pseudonym, Boolean registeredPoor, Double quantity, String unit,
                                   Party cooperative, List<String> brandOwners) {

    public ProducerContribution {
        brandOwners = List.copyOf(brandOwners);
    }

    /** The contribution of a {@code trace.contributions} row. */
    static ProducerContribution from(org.neo4j.driver.Record row) {
        Value poor = row.get("registeredPoor");
        Value quantity = row.get("quantity");
        return new ProducerContribution(row.get("batch").asString(), row.get("pseudonym").asString(),
                poor.isNull() ? null : poor.asBoolean(),
                quantity.isNull() ? null : quantity.asDouble(), row.get("unit").isNull() ? null : row.get("unit").asString(),
                Party.from(row.get("cooperative")), row.get("brandOwners").asList(Value::asString));
    }
}
