package org.terroir.trace.poverty;

import org.terroir.model.cypher.Statement;

/** The statements of the poverty-alleviation figures. Examples in {@code PovertyStatementsIT}. */
public final class PovertyStatements {

    private PovertyStatements() {}

    /**
     * Poverty-alleviation figures per brand and county: the households that contributed to the
     * brand's batches from the county, how many of them are registered poor, and the volumes per
     * unit, with the part attributed to registered poor households. {@code $brands}: brand ids, or
     * null for every brand; {@code $region}: a region code the households must live in (a county,
     * township or village, or a prefecture), or null. Aggregates only: no household is named.
     */
    public static final Statement POVERTY_FIGURES = new Statement("poverty.figures", """
            MATCH (brand:Brand)<-[:OF_BRAND]-(:Product)<-[:OF_PRODUCT]-(:Batch)<-[c:CONTRIBUTED]-(p:Producer)
                  -[:LIVES_IN]->(village:Region)
            WHERE $brands IS NULL OR brand.id IN $brands
            MATCH (village)-[:PART_OF*0..]->(county:Region {level: 'county'})
            WHERE $region IS NULL OR county.code = $region
                  OR EXISTS { (village)-[:PART_OF*0..]->(:Region {code: $region}) }
                  OR EXISTS { (county)-[:PART_OF*1..]->(:Region {code: $region}) }
            WITH brand, county, p, c.unit AS unit, sum(c.quantity) AS quantity
            WITH brand, county, p, collect({unit: unit, quantity: quantity}) AS contributed
            WITH brand, county, count(p) AS households,
                 sum(CASE WHEN p.registeredPoor THEN 1 ELSE 0 END) AS registeredPoorHouseholds,
                 collect({poor: coalesce(p.registeredPoor, false), contributed: contributed}) AS rows
            UNWIND rows AS row
            UNWIND row.contributed AS v
            WITH brand, county, households, registeredPoorHouseholds, v.unit AS unit, sum(v.quantity) AS quantity,
                 sum(CASE WHEN row.poor THEN v.quantity ELSE 0.0 END) AS registeredPoorQuantity
            WITH brand, county, households, registeredPoorHouseholds,
                 collect({unit: unit, quantity: quantity, registeredPoorQuantity: registeredPoorQuantity}) AS volumes
            RETURN brand.id AS brand, [(brand)-[:OWNED_BY]->(owner:Party) | owner.gln] AS owners,
                   county {.code, .level, .nameZh, .nameEn} AS region,
                   households, registeredPoorHouseholds, volumes
            ORDER BY brand, region.code
            """);

    /** The ids of the brands the associations of {@code $glns} own. */
    public static final Statement BRANDS_OWNED = new Statement("brands.owned", """
            UNWIND $glns AS gln
            MATCH (:Party {gln: gln})<-[:OWNED_BY]-(brand:Brand)
            RETURN DISTINCT brand.id AS brand
            ORDER BY brand
            """);
}
