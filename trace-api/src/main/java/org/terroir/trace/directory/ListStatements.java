package org.terroir.trace.directory;

import org.terroir.model.cypher.Statement;

/**
 * The statements of the lists: pages by natural key (keyset: the key after {@code $after}, '' for the
 * first page), {@code $limit} rows, and the count of the same filter. A null filter matches everything.
 * Where a page projects a map of the node, it projects {@code properties(n)}: Neo4j 2026.08 fails to
 * plan "ORDER BY n.key" (index-backed) beside "n {.key, ...}" ("n.key should not appear non-cached").
 * Examples in {@code ListStatementsIT}.
 */
public final class ListStatements {

    private ListStatements() {}

    private static final String BRAND_FILTER = """
            ($kind IS NULL OR brand.kind = $kind)
            AND ($region IS NULL OR EXISTS { (brand)-[:PROTECTS]->(:Region)-[:PART_OF*0..]->(:Region {code: $region}) })""";

    /** A page of brands by id: kind ({@code regional}, {@code gi}) and a region they protect (any level). */
    public static final Statement LIST_BRANDS = new Statement("list.brands", """
            MATCH (brand:Brand) WHERE brand.id > $after AND %s
            WITH brand ORDER BY brand.id LIMIT $limit
            WITH brand, properties(brand) AS p
            RETURN p {.id, .kind, .nameZh, .nameEn, .giRegistration, .storyZh, .storyEn,
                          owner: [(brand)-[:OWNED_BY]->(o:Party) |
                                  o {.gln, .nameZh, .nameEn, kind: [l IN labels(o) WHERE l <> 'Party'][0]}][0]} AS node
            """.formatted(BRAND_FILTER));

    /** How many brands {@link #LIST_BRANDS} pages through. */
    public static final Statement COUNT_BRANDS = count("count.brands", "brand", "Brand", BRAND_FILTER);

    private static final String PARTY_FILTER = """
            $kind IN labels(party)
            AND ($region IS NULL OR EXISTS { (party)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $region}) })
            AND ($brand IS NULL OR EXISTS { (party)<-[:OWNED_BY]-(:Brand {id: $brand}) }
                 OR EXISTS { (party)<-[:MEMBER_OF]-(:Producer)-[:CONTRIBUTED]->(:Batch)-[:OF_PRODUCT]->(:Product)
                             -[:OF_BRAND]->(:Brand {id: $brand}) })""";

    /**
     * A page of parties of one kind ({@code $kind}: {@code Association}, {@code Cooperative},
     * {@code Enterprise}, {@code Carrier}, {@code Regulator}) by GLN: based in a region (any level),
     * of a brand (its owner, or a cooperative whose members contributed to it).
     */
    public static final Statement LIST_PARTIES = new Statement("list.parties", """
            MATCH (party:Party) WHERE party.gln > $after AND %s
            RETURN party {.gln, .nameZh, .nameEn, kind: [l IN labels(party) WHERE l <> 'Party'][0]} AS node
            ORDER BY party.gln LIMIT $limit
            """.formatted(PARTY_FILTER));

    /** How many parties {@link #LIST_PARTIES} pages through. */
    public static final Statement COUNT_PARTIES = count("count.parties", "party", "Party", PARTY_FILTER);

    private static final String REGION_FILTER = """
            ($level IS NULL OR region.level = $level)
            AND ($within IS NULL OR EXISTS { (region)-[:PART_OF*1..]->(:Region {code: $within}) })""";

    /** A page of regions by code: of a level, within a region. */
    public static final Statement LIST_REGIONS = new Statement("list.regions", """
            MATCH (region:Region) WHERE region.code > $after AND %s
            RETURN region {.code, .level, .nameZh, .nameEn} AS node
            ORDER BY region.code LIMIT $limit
            """.formatted(REGION_FILTER));

    /** How many regions {@link #LIST_REGIONS} pages through. */
    public static final Statement COUNT_REGIONS = count("count.regions", "region", "Region", REGION_FILTER);

    private static final String LOCATION_FILTER = """
            ($kind IS NULL OR location.kind = $kind)
            AND ($region IS NULL OR EXISTS { (location)-[:IN_REGION]->(:Region)-[:PART_OF*0..]->(:Region {code: $region}) })""";

    /** A page of locations by key: of a kind, in a region (any level). */
    public static final Statement LIST_LOCATIONS = new Statement("list.locations", """
            MATCH (location:Location) WHERE location.key > $after AND %s
            WITH location ORDER BY location.key LIMIT $limit
            WITH location, properties(location) AS p
            RETURN p {.key, .gln, .kind, .nameZh, .nameEn,
                             region: [(location)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]} AS node
            """.formatted(LOCATION_FILTER));

    /** How many locations {@link #LIST_LOCATIONS} pages through. */
    public static final Statement COUNT_LOCATIONS = count("count.locations", "location", "Location", LOCATION_FILTER);

    private static final String BATCH_FILTER = """
            ($brand IS NULL OR EXISTS { (batch)-[:OF_PRODUCT]->(:Product)-[:OF_BRAND]->(:Brand {id: $brand}) })
            AND ($region IS NULL OR EXISTS { (batch)-[:PRODUCED_AT]->(:Location)-[:IN_REGION]->(:Region)
                                             -[:PART_OF*0..]->(:Region {code: $region}) })
            AND ($from IS NULL AND $until IS NULL OR EXISTS {
                   (e:Event)-[:OBSERVED|OUTPUT|INPUT|CHILD]->(batch)
                   WHERE ($from IS NULL OR e.eventTime >= datetime($from)) AND ($until IS NULL OR e.eventTime < datetime($until)) })
            AND ($certification IS NULL OR EXISTS {
                   (batch)-[:OF_PRODUCT]->(p:Product)
                   WHERE EXISTS { (:Certification {kind: $certification})-[:CERTIFIES]->(p) }
                      OR EXISTS { (p)-[:OF_BRAND]->(:Brand)<-[:CERTIFIES]-(:Certification {kind: $certification}) } })""";

    /**
     * A page of batch keys: of a brand, produced in a region (any level), with an EPCIS event in the
     * time window [{@code $from}, {@code $until}) (ISO 8601), certified ({@code $certification}:
     * {@code gi}, {@code green_food}, {@code organic}, {@code halal}) through their product or brand.
     */
    public static final Statement LIST_BATCHES = new Statement("list.batches", """
            MATCH (batch:Batch) WHERE batch.key > $after AND %s
            RETURN batch.key AS node
            ORDER BY batch.key LIMIT $limit
            """.formatted(BATCH_FILTER));

    /** How many batches {@link #LIST_BATCHES} pages through. */
    public static final Statement COUNT_BATCHES = count("count.batches", "batch", "Batch", BATCH_FILTER);

    private static final String PRODUCER_FILTER = """
            ($brand IS NULL OR EXISTS { (producer)-[:CONTRIBUTED]->(:Batch)-[:OF_PRODUCT]->(:Product)-[:OF_BRAND]->(:Brand {id: $brand}) })
            AND ($region IS NULL OR EXISTS { (producer)-[:LIVES_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $region}) })
            AND ($cooperative IS NULL OR EXISTS { (producer)-[:MEMBER_OF]->(:Party {gln: $cooperative}) })""";

    /**
     * A page of producer households by pseudonym: that contributed to a brand's batches, live in a
     * region (any level), are members of a cooperative (GLN). Each with its village, cooperatives,
     * the brands it contributed to and the GLNs of their owners (who may read the household's
     * personal fields), and its {@code registeredPoor} flag, which the API shows only to those.
     */
    public static final Statement LIST_PRODUCERS = new Statement("list.producers", """
            MATCH (producer:Producer) WHERE producer.pseudonym > $after AND %s
            WITH producer ORDER BY producer.pseudonym LIMIT $limit
            WITH producer, properties(producer) AS p, COLLECT { MATCH (producer)-[:CONTRIBUTED]->(:Batch)-[:OF_PRODUCT]->(:Product)-[:OF_BRAND]->(b:Brand)
                                     RETURN DISTINCT b } AS brands
            RETURN {pseudonym: p.pseudonym, registeredPoor: p.registeredPoor,
                    village: [(producer)-[:LIVES_IN]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0],
                    cooperatives: COLLECT { MATCH (producer)-[:MEMBER_OF]->(c:Party) WITH c ORDER BY c.gln
                                            RETURN c {.gln, .nameZh, .nameEn, kind: [l IN labels(c) WHERE l <> 'Party'][0]} },
                    brands: COLLECT { UNWIND brands AS b RETURN b.id ORDER BY b.id },
                    brandOwners: COLLECT { UNWIND brands AS b MATCH (b)-[:OWNED_BY]->(o:Party) RETURN DISTINCT o.gln }} AS node
            ORDER BY node.pseudonym
            """.formatted(PRODUCER_FILTER));

    /** How many households {@link #LIST_PRODUCERS} pages through. */
    public static final Statement COUNT_PRODUCERS = count("count.producers", "producer", "Producer", PRODUCER_FILTER);

    /** How many nodes {@code (variable:label)} match {@code filter}, the filter of a page's statement. */
    private static Statement count(String name, String variable, String label, String filter) {
        return new Statement(name, "MATCH (%s:%s) WHERE %s\nRETURN count(%s) AS count"
                .formatted(variable, label, filter, variable));
    }
}
