package org.terroir.store;

import org.terroir.model.cypher.Statement;

/** The statements of the graph's figures ({@link GraphStats}). Examples in {@code StatsStatementsIT}. */
final class StatsStatements {

    private StatsStatements() {}

    /** Nodes per label of the model (neo4j-migrations' records of the schema, labelled {@code __Neo4j…}, apart). */
    public static final Statement STATS_NODES_PER_LABEL = new Statement("stats.nodesPerLabel", """
            CALL db.labels() YIELD label
            WITH label WHERE NOT label STARTS WITH '__'
            CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
            RETURN label, count
            ORDER BY label
            """);

    /** Relationships per type (neo4j-migrations' {@code MIGRATED_TO} apart). */
    public static final Statement STATS_RELATIONSHIPS_PER_TYPE = new Statement("stats.relationshipsPerType", """
            CALL db.relationshipTypes() YIELD relationshipType AS type
            WITH type WHERE type <> 'MIGRATED_TO'
            CALL (type) { MATCH ()-[r:$(type)]->() RETURN count(r) AS count }
            RETURN type, count
            ORDER BY type
            """);

    /**
     * Per county: the brands protecting a region in it, the batches produced at a location in
     * it, the hops that leave from or arrive at a location in it, and the producer households
     * living in it (how many of them registered poor).
     */
    public static final Statement STATS_PER_COUNTY = new Statement("stats.perCounty", """
            MATCH (county:Region {level: 'county'})
            OPTIONAL MATCH (parent:Region)<-[:PART_OF]-(county)
            CALL (county) {
              OPTIONAL MATCH (brand:Brand)-[:PROTECTS]->(:Region)-[:PART_OF*0..]->(county)
              RETURN count(DISTINCT brand) AS brands
            }
            CALL (county) {
              OPTIONAL MATCH (batch:Batch)-[:PRODUCED_AT]->(:Location)-[:IN_REGION]->(:Region)-[:PART_OF*0..]->(county)
              RETURN count(DISTINCT batch) AS batches
            }
            CALL (county) {
              OPTIONAL MATCH (hop:Hop)-[:FROM|TO]->(:Location)-[:IN_REGION]->(:Region)-[:PART_OF*0..]->(county)
              RETURN count(DISTINCT hop) AS hops
            }
            CALL (county) {
              OPTIONAL MATCH (producer:Producer)-[:LIVES_IN]->(:Region)-[:PART_OF*0..]->(county)
              RETURN count(DISTINCT producer) AS households,
                     count(DISTINCT CASE WHEN producer.registeredPoor THEN producer END) AS registeredPoorHouseholds
            }
            RETURN county.code AS code, county.nameZh AS nameZh, county.nameEn AS nameEn,
                   parent.code AS parentCode, brands, batches, hops, households, registeredPoorHouseholds
            ORDER BY code
            """);
}
