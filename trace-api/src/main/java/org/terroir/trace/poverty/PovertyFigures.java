package org.terroir.trace.poverty;

import java.util.List;
import org.terroir.trace.trace.Region;

/**
 * The households behind one brand in one county: how many, how many registered poor, and what they
 * contributed. Aggregates only.
 *
 * @param brand                    the brand's id
 * @param owners                   the GLNs of the associations that own it
 * @param region                   the county
 * @param households               households that contributed to the brand's batches
 * @param registeredPoorHouseholds of those, registered poor households
 * @param volumes                  what they contributed, per unit
 */
public record PovertyFigures(String brand, List<String> owners, Region region, long households,
                             long registeredPoorHouseholds, List<Volume> volumes) {

    /** A quantity of one unit, and the part of it from registered poor households. */
    public record Volume(String unit, double quantity, double registeredPoorQuantity) {}

    static PovertyFigures from(org.neo4j.driver.Record row) {
        return new PovertyFigures(row.get("brand").asString(), row.get("owners").asList(v -> v.asString()),
                Region.from(row.get("region")), row.get("households").asLong(), row.get("registeredPoorHouseholds").asLong(),
                row.get("volumes").asList(v -> new Volume(v.get("unit").asString(null), v.get("quantity").asDouble(),
                        v.get("registeredPoorQuantity").asDouble())));
    }
}
