package org.terroir.trace.trace;

import org.terroir.model.cypher.Statement;

/**
 * The statements of the trace: read only, each takes a list of batch (or item) keys ({@code $keys}) so
 * that one statement serves every batch of a GraphQL request at one depth. None but
 * {@link #PERSONAL_IDENTITIES} reads {@code ProducerIdentity} or follows {@code IDENTIFIED_BY}:
 * households appear by pseudonym. The journey fragments ({@link #BATCH_HOPS}, {@link #WHILE_PACKED},
 * {@link #HOP_RECORDED}, {@link #HOP_COLUMNS}) are shared with the scans' copy detection and the carriers' events, so that
 * every feature means the same by "the hops that moved a batch". Each statement has an example run
 * against a real Neo4j in {@code TraceStatementsIT}.
 */
public final class TraceStatements {

    private TraceStatements() {}

    /** What the trace shows of each batch {@code b}: its product and brand, where it was produced, its origin, its certifications. */
    private static final String BATCH_VIEW = """
            CALL (b) {
              OPTIONAL MATCH (b)-[:OF_PRODUCT]->(p:Product)
              OPTIONAL MATCH (p)-[:OF_BRAND]->(brand:Brand)
              RETURN p, brand ORDER BY p.gtin, brand.id LIMIT 1
            }
            CALL (b) {
              OPTIONAL MATCH (b)-[:PRODUCED_AT]->(at:Location)
              OPTIONAL MATCH (at)-[:IN_REGION]->(r:Region)
              RETURN at, r ORDER BY at.key, r.code LIMIT 1
            }
            """;

    /** The columns of a batch {@code b} after {@link #BATCH_VIEW}. Parties carry their kind label as {@code kind}. */
    private static final String BATCH_COLUMNS = """
            b.key AS key, b.gtin AS gtin, b.lot AS lot,
                   p {.gtin, .nameZh, .nameEn} AS product,
                   brand {.id, .kind, .nameZh, .nameEn, .giRegistration, .storyZh, .storyEn,
                          owner: [(brand)-[:OWNED_BY]->(o:Party) |
                                  o {.gln, .nameZh, .nameEn, kind: [l IN labels(o) WHERE l <> 'Party'][0]}][0]} AS brand,
                   at {.key, .gln, .kind, .nameZh, .nameEn, region: r {.code, .level, .nameZh, .nameEn}} AS producedAt,
                   COLLECT {
                     MATCH path = (r)-[:PART_OF*0..]->(o:Region)
                     RETURN o {.code, .level, .nameZh, .nameEn} ORDER BY length(path)
                   } AS origin,
                   COLLECT {
                     MATCH (c:Certification)-[:CERTIFIES]->(s) WHERE s = p OR s = brand
                     RETURN c {.id, .kind, .number, .issuer, .validFrom, .validUntil,
                               subject: CASE WHEN s = p THEN 'PRODUCT' ELSE 'BRAND' END}
                     ORDER BY c.id
                   } AS certifications
            """;

    /**
     * The batches of {@code $keys} that exist, one row each, in the order of their keys: their product,
     * its brand and the brand's owner, where the batch was produced (location and the region it lies
     * in), the regions it comes from (that region and those it is part of, nearest first) and the
     * certifications of its product and brand.
     */
    public static final Statement TRACE_BATCHES = new Statement("trace.batches", """
            UNWIND $keys AS key
            MATCH (b:Batch {key: key})
            """ + BATCH_VIEW + "RETURN " + BATCH_COLUMNS);

    /**
     * What the batches of {@code $keys} were made from, one level of transformations deep: a row per
     * batch ({@code madeInto}) and input, the input with the columns of {@link #TRACE_BATCHES}, by batch
     * then input key. One statement where the inputs' keys and then their batches would take two.
     */
    public static final Statement TRACE_INPUT_BATCHES = new Statement("trace.inputBatches", """
            UNWIND $keys AS madeInto
            MATCH (:Batch {key: madeInto})-[:MADE_FROM]->(b:Batch)
            """ + BATCH_VIEW + "RETURN madeInto, " + BATCH_COLUMNS + "ORDER BY madeInto, key\n");

    /**
     * The households that contributed to the batches of {@code $keys}: pseudonym, poor-household flag,
     * how much, their cooperative, and the GLNs of the associations that own the batch's brand (who
     * may see the households' personal data beside regulators).
     */
    public static final Statement TRACE_CONTRIBUTIONS = new Statement("trace.contributions", """
            UNWIND $keys AS key
            MATCH (b:Batch {key: key})<-[c:CONTRIBUTED]-(p:Producer)
            RETURN key AS batch, p.pseudonym AS pseudonym, p.registeredPoor AS registeredPoor,
                   c.quantity AS quantity, c.unit AS unit,
                   [(p)-[:MEMBER_OF]->(coop:Party) |
                    coop {.gln, .nameZh, .nameEn, kind: [l IN labels(coop) WHERE l <> 'Party'][0]}][0] AS cooperative,
                   COLLECT {
                     MATCH (b)-[:OF_PRODUCT]->(:Product)-[:OF_BRAND]->(:Brand)-[:OWNED_BY]->(owner:Party)
                     RETURN DISTINCT owner.gln ORDER BY owner.gln
                   } AS brandOwners
            ORDER BY batch, quantity DESC, pseudonym
            """);

    /**
     * The personal data of the households of {@code $pseudonyms} that have it: name, phone, ID
     * number. Only for callers allowed to see it (regulators; an association for its own brands):
     * the API checks before it runs this.
     */
    public static final Statement PERSONAL_IDENTITIES = new Statement("personal.identities", """
            UNWIND $pseudonyms AS pseudonym
            MATCH (i:ProducerIdentity {pseudonym: pseudonym})
            RETURN i.pseudonym AS pseudonym, i.name AS name, i.phone AS phone, i.idNumber AS idNumber
            ORDER BY pseudonym
            """);

    /** A hop's time lies within every packing of {@code packings} (since ADD, until DELETE). */
    public static final String WHILE_PACKED = """
            all(r IN packings WHERE
                        (r.since IS NULL OR coalesce(h.departed, h.arrived) >= r.since)
                        AND (r.until IS NULL OR coalesce(h.departed, h.arrived) <= r.until))""";

    /**
     * Hop {@code h} stands: no event that recorded it was declared erroneous, or one that was not
     * recorded it too. A hop that only erroneous events made (the wrong lot shipped, as its error
     * declaration says) is no part of any journey; the corrective events make their own hops.
     */
    public static final String HOP_RECORDED = """
            (NOT EXISTS { (h)-[:DEPARTED_WITH|ARRIVED_WITH]->(declared:Event) WHERE declared.errorDeclaredAt IS NOT NULL }
                   OR EXISTS { (h)-[:DEPARTED_WITH|ARRIVED_WITH]->(recorded:Event) WHERE recorded.errorDeclaredAt IS NULL })""";

    /** The columns of a hop {@code h}, as the journey statements return them. */
    public static final String HOP_COLUMNS = """
            h.id AS id, h.departed AS departed, h.arrived AS arrived,
                   [(h)-[:FROM]->(l:Location) | l {.key, .gln, .kind, .nameZh, .nameEn,
                     region: [(l)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]}][0] AS from,
                   [(h)-[:TO]->(l:Location) | l {.key, .gln, .kind, .nameZh, .nameEn,
                     region: [(l)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]}][0] AS to,
                   [(h)-[:CARRIED_BY]->(c:Party) |
                    c {.gln, .nameZh, .nameEn, kind: [l IN labels(c) WHERE l <> 'Party'][0]}][0] AS carrier""";

    /**
     * Each hop {@code h} that moved batch {@code b}: the batch itself, its items, or a container the
     * batch or one of its items was packed in (at any depth) while it was packed ({@link #WHILE_PACKED});
     * a row per hop, hops only erroneous events recorded included ({@link #HOP_RECORDED} leaves them out).
     */
    public static final String BATCH_HOPS = """
            CALL (b) {
              MATCH (b)<-[:MOVED]-(h:Hop)
              RETURN h
              UNION
              MATCH (b)<-[:OF_BATCH]-(:Item)<-[:MOVED]-(h:Hop)
              RETURN h
              UNION
              MATCH (b)<-[:OF_BATCH*0..1]-()-[packings:PACKED_IN*1..]->(:Container)<-[:MOVED]-(h:Hop)
              WHERE %s
              RETURN h
            }""".formatted(WHILE_PACKED);

    /**
     * The hops that moved each batch of {@code $keys}: the batch itself, its items, or a container the
     * batch or one of its items was packed in (at any depth) while it was packed, by the hop's time.
     * One row per batch and hop, in time order (departure, else arrival), with both locations (and
     * their regions) and the carrier.
     */
    public static final Statement TRACE_JOURNEYS = new Statement("trace.journeys", """
            UNWIND $keys AS key
            MATCH (b:Batch {key: key})
            %1$s
            WITH key, h WHERE %3$s
            RETURN key AS batch, %2$s
            ORDER BY batch, coalesce(h.departed, h.arrived), h.id
            """.formatted(BATCH_HOPS, HOP_COLUMNS, HOP_RECORDED));

    /**
     * The serialised items of {@code $keys} (SGTIN keys, {@code 01/{gtin}/21/{serial}}) that exist, one
     * row each, in the order of their keys: GTIN, serial and the key of the batch the item belongs to
     * ({@code OF_BATCH}), null when none is recorded.
     */
    public static final Statement TRACE_ITEMS = new Statement("trace.items", """
            UNWIND $keys AS key
            MATCH (i:Item {key: key})
            RETURN i.key AS key, i.gtin AS gtin, i.serial AS serial,
                   [(i)-[:OF_BATCH]->(b:Batch) | b.key][0] AS batch
            """);

    /**
     * The hops that moved each item of {@code $keys}: the item itself, or a container it was packed in
     * (at any depth) while it was packed, by the hop's time. Hops that moved its batch as a quantity
     * are the batch's journey ({@code trace.journeys}), not the item's. One row per item and hop, in
     * time order, with the columns of {@code trace.journeys} ({@code item} instead of {@code batch}).
     */
    public static final Statement TRACE_ITEM_JOURNEYS = new Statement("trace.itemJourneys", """
            UNWIND $keys AS key
            MATCH (i:Item {key: key})
            CALL (i) {
              MATCH (i)<-[:MOVED]-(h:Hop)
              RETURN h
              UNION
              MATCH (i)-[packings:PACKED_IN*1..]->(:Container)<-[:MOVED]-(h:Hop)
              WHERE %1$s
              RETURN h
            }
            WITH key, h WHERE %3$s
            RETURN key AS item, %2$s
            ORDER BY item, coalesce(h.departed, h.arrived), h.id
            """.formatted(WHILE_PACKED, HOP_COLUMNS, HOP_RECORDED));
}
