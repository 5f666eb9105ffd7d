package org.terroir.bench;

import static org.terroir.trace.trace.TraceStatements.BATCH_HOPS;
import static org.terroir.trace.trace.TraceStatements.HOP_RECORDED;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.terroir.model.cypher.Statement;
import org.terroir.trace.recall.RecallStatements;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The benchmark's baseline: for each question {@link TraceApiLoad} asks over GraphQL, one hand-written
 * statement that returns the whole answer as one row of one column (nested maps and lists), as the
 * public sees it. The graph's rules are those of the catalogue statements the API runs: a batch's
 * product and brand are the first by product GTIN, then brand id ({@code trace.batches}); the hops
 * of a journey are {@code trace.journeys}'s (its fragments {@link org.terroir.trace.trace.TraceStatements#BATCH_HOPS}
 * and {@link org.terroir.trace.trace.TraceStatements#HOP_RECORDED}, shared here); a recall reaches
 * what {@code trace.downstream} reaches (its walk {@link RecallStatements#DOWNSTREAM}, shared here). Kinds come as the API's enum values
 * ({@code village_station} as {@code VILLAGE_STATION}, the {@code Carrier} label as {@code CARRIER}).
 * The hops' times come as datetimes: {@link #json} writes them as the API does.
 */
final class HandWritten {

    private HandWritten() {}

    /** Batch {@code %1$s}'s product {@code %2$s} and brand {@code %3$s}, as {@code trace.batches} chooses them. */
    private static final String PRODUCT_AND_BRAND = """
            CALL (%1$s) {
                OPTIONAL MATCH (%1$s)-[:OF_PRODUCT]->(%2$s:Product)
                OPTIONAL MATCH (%2$s)-[:OF_BRAND]->(%3$s:Brand)
                RETURN %2$s, %3$s ORDER BY %2$s.gtin, %3$s.id LIMIT 1
              }""";

    /** The households of batch {@code %1$s} as the trace lists them: largest contribution first, then by pseudonym. */
    private static final String PRODUCERS = """
            COLLECT {
                MATCH (%1$s)<-[c:CONTRIBUTED]-(household:Producer)
                RETURN {pseudonym: household.pseudonym, quantity: c.quantity, unit: c.unit}
                ORDER BY c.quantity DESC, household.pseudonym
              }""";

    /**
     * {@code data.trace} of {@link TraceApiLoad#TRACE} for the batch of {@code $key}, in column
     * {@code trace}: its key, product and brand names (and the brand's GI registration); its households;
     * its inputs by key, each with its households; its journey in time order (departure, else
     * arrival, then hop id): the hops of the batch, of its items, and of the containers it or its items
     * were packed in while packed, but not those only erroneous events recorded, each with where it
     * left from and arrived at (kind and name), when, and its carrier's name. No row for no batch.
     */
    static final Statement TRACE = new Statement("bench.trace", """
            MATCH (b:Batch {key: $key})
            %1$s
            RETURN b {
              .key,
              product: p {.nameEn},
              brand: brand {.nameEn, .giRegistration},
              producers: %2$s,
              inputs: COLLECT {
                MATCH (b)-[:MADE_FROM]->(input:Batch)
                RETURN input {.key, producers: %3$s}
                ORDER BY input.key
              },
              journey: COLLECT {
                %4$s
                WITH h WHERE %5$s
                RETURN {
                  from: [(h)-[:FROM]->(l:Location) | {kind: toUpper(l.kind), nameEn: l.nameEn}][0],
                  to: [(h)-[:TO]->(l:Location) | {kind: toUpper(l.kind), nameEn: l.nameEn}][0],
                  departed: h.departed,
                  arrived: h.arrived,
                  carrier: [(h)-[:CARRIED_BY]->(c:Party) | {nameEn: c.nameEn}][0]
                }
                ORDER BY coalesce(h.departed, h.arrived), h.id
              }
            } AS trace
            """.formatted(PRODUCT_AND_BRAND.formatted("b", "p", "brand"), PRODUCERS.formatted("b"), PRODUCERS.formatted("input"),
            BATCH_HOPS, HOP_RECORDED));

    /**
     * {@code data.recall} of {@link TraceApiLoad#RECALL} for the batch of {@code $key}, in column
     * {@code recall}: the batch (key, product name); how many batches were made from it at any depth
     * (up to 16 transformations) and the first 100 by key with their product and brand names; how
     * many items of it and of them; how many containers any of these were packed in (up to 8 levels);
     * how many locations they were produced at or their hops (not those only erroneous events
     * recorded) left from or arrived at, and the first 100 by key (kind, name); how many carriers of
     * those hops and operators of those locations, and the first 100 by GLN (kind, name). No row for
     * no batch.
     */
    static final Statement RECALL = new Statement("bench.recall", """
            MATCH (root:Batch {key: $key})
            %2$s
            %3$s
            RETURN {
              batch: {key: root.key, product: p {.nameEn}},
              batches: {
                totalCount: size(derived),
                nodes: COLLECT {
                  UNWIND derived AS d
                  WITH d ORDER BY d.key LIMIT %1$d
                  %4$s
                  RETURN {key: d.key, product: dp {.nameEn}, brand: db {.nameEn}}
                  ORDER BY d.key
                }
              },
              items: {totalCount: size(items)},
              containers: {totalCount: size(containers)},
              locations: {
                totalCount: size(locations),
                nodes: COLLECT {
                  UNWIND locations AS l
                  WITH l ORDER BY l.key LIMIT %1$d
                  RETURN {kind: toUpper(l.kind), nameEn: l.nameEn}
                  ORDER BY l.key
                }
              },
              parties: {
                totalCount: size(parties),
                nodes: COLLECT {
                  UNWIND parties AS party
                  WITH party ORDER BY party.gln LIMIT %1$d
                  RETURN {kind: toUpper([x IN labels(party) WHERE x <> 'Party'][0]), nameEn: party.nameEn}
                  ORDER BY party.gln
                }
              }
            } AS recall
            """.formatted(RecallStatements.DOWNSTREAM_LIST_CAP, RecallStatements.DOWNSTREAM,
            PRODUCT_AND_BRAND.formatted("root", "p", "brand"), PRODUCT_AND_BRAND.formatted("d", "dp", "db")));

    /**
     * An answer's value as the JSON GraphQL would give for it, parsed by {@code json}: maps and lists
     * alike, nulls kept, datetimes written as the API writes a hop's ({@code Hop}: ISO 8601 with the
     * offset recorded), and the numbers read back from their text, so that they are the nodes parsing
     * GraphQL's answer gives ({@code 500.0} a double on both sides).
     */
    static JsonNode json(Value answer, ObjectMapper json) {
        return json.readTree(json.writeValueAsString(plain(answer.asObject())));
    }

    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k, plain(v)));
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>();
                list.forEach(v -> copy.add(plain(v)));
                yield copy;
            }
            case ZonedDateTime time -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.toOffsetDateTime());
            case OffsetDateTime time -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
            default -> value;
        };
    }
}
