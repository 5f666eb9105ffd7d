package org.terroir.trace.recall;

import static org.terroir.trace.trace.TraceStatements.HOP_RECORDED;

import org.terroir.model.cypher.Statement;

/**
 * The statements of recalls: marking a batch recalled, the notices of batches, and what a batch went
 * into and where it went. Examples in {@code RecallStatementsIT}.
 */
public final class RecallStatements {

    private RecallStatements() {}

    /**
     * Marks the batch of {@code $key} recalled: a {@code Recall} node with the reason, the time and
     * who did it, linked to the batch. No row when there is no such batch (nothing is written then).
     */
    public static final Statement RECALL_MARK = new Statement("recall.mark", """
            MATCH (b:Batch {key: $key})
            CREATE (r:Recall {id: $id, reason: $reason, recalledAt: datetime($recalledAt), recalledBy: $recalledBy, role: $role})
                   -[:RECALLS]->(b)
            RETURN r.id AS id, b.key AS batch, r.reason AS reason, toString(r.recalledAt) AS recalledAt
            """);

    /**
     * The recalls whose EPCIS events ({@code eventID} {@code urn:uuid:} and the recall's id) are not in
     * the graph, oldest first, with who marked them.
     */
    public static final Statement RECALLS_UNANNOUNCED = new Statement("recall.unannounced", """
            MATCH (r:Recall)-[:RECALLS]->(b:Batch)
            WHERE NOT EXISTS { MATCH (e:Event {eventId: 'urn:uuid:' + r.id}) }
            RETURN r.id AS id, b.key AS batch, r.reason AS reason, toString(r.recalledAt) AS recalledAt, r.recalledBy AS recalledBy
            ORDER BY r.recalledAt, r.id
            """);

    /**
     * The recalls that affect each batch of {@code $keys}: those of the batch itself and of every
     * batch it was made from, at any depth, oldest first.
     */
    public static final Statement TRACE_RECALLS = new Statement("trace.recalls", """
            UNWIND $keys AS key
            MATCH (:Batch {key: key})-[:MADE_FROM*0..]->(source:Batch)<-[:RECALLS]-(r:Recall)
            RETURN DISTINCT key AS batch, r.id AS id, source.key AS recalledBatch, r.reason AS reason,
                   toString(r.recalledAt) AS recalledAt, r.recalledAt AS at
            ORDER BY batch, at, id
            """);

    /**
     * What is downstream of batch {@code root}, as lists: {@code derived} (the batches made from it at
     * any depth, up to 16 transformations), {@code batches} (it and them), {@code items} (theirs),
     * {@code containers} (any of these were packed in, up to 8 levels), {@code hops} (that moved any of
     * these, but not those only erroneous events recorded), {@code locations} (where they were produced
     * or their hops left from or arrived at) and {@code parties} (carriers of those hops, operators of
     * those locations). The variables in scope before it stay in scope.
     */
    public static final String DOWNSTREAM = """
            CALL (root) {
              OPTIONAL MATCH (root)<-[:MADE_FROM*1..16]-(b:Batch)
              RETURN collect(DISTINCT b) AS derived
            }
            WITH *, [root] + derived AS batches
            CALL (batches) {
              UNWIND batches AS b
              MATCH (i:Item)-[:OF_BATCH]->(b)
              RETURN collect(DISTINCT i) AS items
            }
            CALL (batches, items) {
              UNWIND batches + items AS o
              MATCH (o)-[:PACKED_IN*1..8]->(c:Container)
              RETURN collect(DISTINCT c) AS containers
            }
            CALL (batches, items, containers) {
              UNWIND batches + items + containers AS m
              MATCH (h:Hop)-[:MOVED]->(m)
              WHERE %s
              RETURN collect(DISTINCT h) AS hops
            }
            CALL (batches, items, hops) {
              CALL (batches, items, hops) {
                UNWIND batches + items AS o
                MATCH (o)-[:PRODUCED_AT]->(l:Location)
                RETURN l
              UNION
                UNWIND hops AS h
                MATCH (h)-[:FROM|TO]->(l:Location)
                RETURN l
              }
              RETURN collect(DISTINCT l) AS locations
            }
            CALL (hops, locations) {
              CALL (hops, locations) {
                UNWIND hops AS h
                MATCH (h)-[:CARRIED_BY]->(p:Party)
                RETURN p
              UNION
                UNWIND locations AS l
                MATCH (l)-[:OPERATED_BY]->(p:Party)
                RETURN p
              }
              RETURN collect(DISTINCT p) AS parties
            }
            """.formatted(HOP_RECORDED);

    /** At most this many batches, items, containers, locations or parties in a {@link #TRACE_DOWNSTREAM} row's lists. */
    public static final int DOWNSTREAM_LIST_CAP = 100;

    /**
     * Everything downstream of each batch of {@code $keys}, for a recall: the batches made from it at
     * any depth (up to 16 transformations), the items of it and of them, the containers any of these
     * were packed in (up to 8 levels of containers), the locations where they were produced or that
     * their hops left from or arrived at, and the carriers of those hops and the operators of those
     * locations. Counts of each, and the first {@value #DOWNSTREAM_LIST_CAP} of each by key or GLN.
     * A key of no batch gives no row.
     */
    public static final Statement TRACE_DOWNSTREAM = new Statement("trace.downstream", """
            UNWIND $keys AS key
            MATCH (root:Batch {key: key})
            """ + DOWNSTREAM + """
            RETURN key AS batch,
                   size(derived) AS batchCount,
                   COLLECT { UNWIND derived AS b RETURN b.key ORDER BY b.key LIMIT %1$d } AS batches,
                   size(items) AS itemCount,
                   COLLECT { UNWIND items AS i WITH i ORDER BY i.key LIMIT %1$d RETURN i {.key, .gtin, .serial} } AS items,
                   size(containers) AS containerCount,
                   COLLECT { UNWIND containers AS c WITH c ORDER BY c.key LIMIT %1$d RETURN c {.key, .sscc} } AS containers,
                   size(locations) AS locationCount,
                   COLLECT { UNWIND locations AS l WITH l ORDER BY l.key LIMIT %1$d
                             RETURN l {.key, .gln, .kind, .nameZh, .nameEn,
                               region: [(l)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]} } AS locations,
                   size(parties) AS partyCount,
                   COLLECT { UNWIND parties AS p WITH p ORDER BY p.gln LIMIT %1$d
                             RETURN p {.gln, .nameZh, .nameEn, kind: [x IN labels(p) WHERE x <> 'Party'][0]} } AS parties
            ORDER BY batch
            """.formatted(DOWNSTREAM_LIST_CAP));
}
