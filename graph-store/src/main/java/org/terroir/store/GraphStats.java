package org.terroir.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/** What the graph holds: nodes per label, relationships per type, and per county. */
public final class GraphStats {

    /** Figures for one county (or county-level city / district). */
    public record County(String code, String nameZh, String nameEn, String parentCode, long brands, long batches, long hops,
            long households, long registeredPoorHouseholds) {}

    /** The whole answer; maps are sorted by name. */
    public record Stats(Map<String, Long> nodesPerLabel, Map<String, Long> relationshipsPerType, List<County> counties) {}

    private GraphStats() {}

    /** Reads the figures in one read transaction. */
    public static Stats read(Driver driver) {
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            return session.executeRead(tx -> {
                Map<String, Long> nodes = new LinkedHashMap<>();
                tx.run(StatsStatements.STATS_NODES_PER_LABEL.cypher())
                        .forEachRemaining(r -> nodes.put(r.get("label").asString(), r.get("count").asLong()));
                Map<String, Long> relationships = new LinkedHashMap<>();
                tx.run(StatsStatements.STATS_RELATIONSHIPS_PER_TYPE.cypher())
                        .forEachRemaining(r -> relationships.put(r.get("type").asString(), r.get("count").asLong()));
                List<County> counties = tx.run(StatsStatements.STATS_PER_COUNTY.cypher()).list(r -> new County(
                        r.get("code").asString(),
                        r.get("nameZh").asString(null),
                        r.get("nameEn").asString(null),
                        r.get("parentCode").asString(null),
                        r.get("brands").asLong(),
                        r.get("batches").asLong(),
                        r.get("hops").asLong(),
                        r.get("households").asLong(),
                        r.get("registeredPoorHouseholds").asLong()));
                return new Stats(nodes, relationships, counties);
            });
        }
    }
}
