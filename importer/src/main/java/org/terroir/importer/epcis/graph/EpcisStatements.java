package org.terroir.importer.epcis.graph;

import java.util.List;
import org.terroir.model.cypher.Statement;

/**
 * The statements that write EPCIS documents (see {@code docs/epcis-mapping.md}), beside the code that
 * makes their rows ({@link EventRows}, {@code EpcisMasterData}) and runs them ({@link EpcisImport}).
 * Events: each statement UNWINDs its own flat {@code $rows} (events; objects, pairs, packings and hops
 * each naming their event). An event is written whole in one transaction, so an event already in the
 * graph is skipped ({@code epcis.existingEvents}) and a new event's own relationships are CREATEd;
 * everything events share (locations, objects, hops, ...) is MERGEd on its key. Master data of the
 * documents: the same nodes as the CSV's, MERGEd on the same keys; what an element does not say stays
 * as it was. Each has an example run against Neo4j in {@code EpcisStatementsIT}.
 */
public final class EpcisStatements {

    private EpcisStatements() {
    }

    /**
     * The {@code by} of a relationship {@code r} an event's row ({@code %s}, with its {@code eventId})
     * asserts: the ids of the events that assert it, each once.
     */
    private static final String ASSERTED_BY = """
            CASE WHEN %1$s.eventId IN coalesce(r.by, []) THEN r.by ELSE coalesce(r.by, []) + %1$s.eventId END""";

    /** Which of {@code $ids} are events already in the graph. */
    public static final Statement EPCIS_EXISTING_EVENTS = new Statement("epcis.existingEvents", """
            UNWIND $ids AS id MATCH (e:Event {eventId: id}) RETURN collect(id) AS found
            """);

    /**
     * Which of the GS1 event hashes {@code $hashes} an event in the graph has ({@code found}), and
     * which of those an event declared erroneous has ({@code declared}). An error declaration repeats
     * its event, so it names it by the hash (which leaves the declaration out), also under another
     * {@code eventID}: a declaration whose event is in the graph only marks it, and an event whose
     * declaration came first is in the graph already, marked.
     */
    public static final Statement EPCIS_EXISTING_HASHES = new Statement("epcis.existingHashes", """
            UNWIND $hashes AS hash
            MATCH (e:Event {hash: hash})
            WITH hash, max(CASE WHEN e.errorDeclaredAt IS NULL THEN 0 ELSE 1 END) AS declared
            RETURN collect(hash) AS found, collect(CASE WHEN declared = 1 THEN hash END) AS declared
            """);

    /**
     * Marks erroneous the events that error declarations name ({@code $rows}: each declaration's
     * {@code eventId}, {@code hash}, {@code errorDeclaredAt}, {@code errorReason},
     * {@code correctiveEventIds}): the event of that id, and any event of that hash (the same event
     * under another {@code eventID}). Queries leave a marked event out, or show it marked.
     *
     * <p>What a marked event alone asserted goes: a {@code MADE_FROM}, {@code PACKED_IN},
     * {@code PRODUCED_AT} or {@code OF_BATCH} whose asserting events ({@code by}) are all marked is
     * deleted (its events keep their objects, so the event queries still show what was claimed), and
     * the {@code until} a marked unpacking set is taken back. A corrective event asserts its own.
     */
    public static final Statement EPCIS_DECLARE_ERRORS = new Statement("epcis.declareErrors", """
            UNWIND $rows AS d
            CALL (d) {
              MATCH (e:Event {eventId: d.eventId}) RETURN e
              UNION
              MATCH (e:Event {hash: d.hash}) RETURN e
            }
            SET e.errorDeclaredAt = d.errorDeclaredAt, e.errorReason = d.errorReason,
                e.correctiveEventIds = d.correctiveEventIds
            WITH DISTINCT e
            CALL (e) {
              MATCH (e)-[:OBSERVED|OUTPUT|CHILD]->()-[r:MADE_FROM|PACKED_IN|PRODUCED_AT|OF_BATCH]->()
              WHERE e.eventId IN r.by
              WITH DISTINCT r
              WHERE NOT EXISTS { MATCH (standing:Event) WHERE standing.eventId IN r.by AND standing.errorDeclaredAt IS NULL }
              DELETE r
            }
            CALL (e) {
              MATCH (e)-[:CHILD]->()-[r:PACKED_IN]->()
              WHERE r.untilBy = e.eventId
              REMOVE r.until, r.untilBy
            }
            """);

    /**
     * The event nodes, where they happened, the parties named in their source and destination lists,
     * and the capture job {@code $job} that wrote them, {@code CAPTURED_IN} (who handed them in and
     * when: audit; the jobs subscriptions follow); {@code $job} is null for an import.
     */
    public static final Statement EPCIS_EVENTS = new Statement("epcis.events", """
            OPTIONAL MATCH (job:CaptureJob {id: $job})
            UNWIND $rows AS row
            CREATE (e:Event {eventId: row.eventId})
            SET e.type = row.type, e.action = row.action, e.bizStep = row.bizStep, e.disposition = row.disposition,
                e.eventTime = row.eventTime, e.eventTimeZoneOffset = row.eventTimeZoneOffset,
                e.recordTime = row.recordTime, e.hash = row.hash, e.bizTransactions = row.bizTransactions,
                e.certificationInfo = row.certificationInfo, e.extensions = row.extensions, e.document = row.document,
                e.epcis = row.epcis, e.identifiers = row.identifiers,
                e.errorDeclaredAt = row.errorDeclaredAt, e.errorReason = row.errorReason,
                e.correctiveEventIds = row.correctiveEventIds
            FOREACH (key IN row.readPoint | MERGE (l:Location {key: key}) CREATE (e)-[:READ_AT]->(l))
            FOREACH (key IN row.bizLocation | MERGE (l:Location {key: key}) CREATE (e)-[:AT]->(l))
            FOREACH (p IN row.parties |
              MERGE (party:Party {gln: p.gln})
              CREATE (e)-[:INVOLVES {role: p.role, type: p.type}]->(party))
            FOREACH (j IN CASE WHEN job IS NULL THEN [] ELSE [job] END | CREATE (e)-[:CAPTURED_IN]->(j))
            """);

    /**
     * Events in the graph that an earlier version stored without their JSON-LD and identifiers (what the
     * query interface answers with and matches on) get them from {@code $rows} when their document is
     * imported or captured again; every other event is left as it is.
     */
    public static final Statement EPCIS_BACKFILL = new Statement("epcis.backfill", """
            UNWIND $rows AS row
            MATCH (e:Event {eventId: row.eventId}) WHERE e.epcis IS NULL
            SET e.epcis = row.epcis, e.identifiers = row.identifiers
            """);

    /**
     * The objects an event names (label Batch, Item, Container or Product, per {@code o.label}), its
     * relationship to each ({@code o.rel}: OBSERVED, INPUT, OUTPUT, PARENT or CHILD; created, the
     * event being new, never merged: a MERGE on a dynamic type scans every relationship of that type), and what the
     * event says about them: the product of a batch or item, the batch of an item (its lot, from the
     * ILMD), where a batch or item was produced (commissioning, transformation output). The last two
     * record the events that assert them ({@code by}), so that an error declaration can take them back.
     */
    public static final Statement EPCIS_OBJECTS = new Statement("epcis.objects", """
            UNWIND $rows AS o
            MATCH (e:Event {eventId: o.eventId})
            CALL (o) {
              WITH o WHERE o.label = 'Product'
              MERGE (n:Product {gtin: o.gtin})
              RETURN n
              UNION
              WITH o WHERE o.label = 'Batch'
              MERGE (n:Batch {key: o.key})
              ON CREATE SET n.gtin = o.gtin, n.lot = o.lot
              RETURN n
              UNION
              WITH o WHERE o.label = 'Item'
              MERGE (n:Item {key: o.key})
              ON CREATE SET n.gtin = o.gtin, n.serial = o.serial
              RETURN n
              UNION
              WITH o WHERE o.label = 'Container'
              MERGE (n:Container {key: o.key})
              ON CREATE SET n.sscc = o.sscc
              RETURN n
            }
            CREATE (e)-[:$(o.rel) {quantity: o.quantity, uom: o.uom}]->(n)
            FOREACH (gtin IN CASE WHEN o.label = 'Batch' THEN [o.gtin] ELSE [] END |
              MERGE (p:Product {gtin: gtin}) MERGE (n)-[:OF_PRODUCT]->(p))
            FOREACH (batchKey IN o.batchKey |
              MERGE (b:Batch {key: batchKey}) ON CREATE SET b.gtin = o.gtin, b.lot = o.lot
              MERGE (n)-[r:OF_BATCH]->(b)
              SET r.by = %1$s
              MERGE (p:Product {gtin: o.gtin}) MERGE (b)-[:OF_PRODUCT]->(p))
            FOREACH (where IN o.producedAt |
              MERGE (l:Location {key: where}) MERGE (n)-[r:PRODUCED_AT]->(l)
              SET r.by = %1$s)
            """.formatted(ASSERTED_BY.formatted("o")));

    /** Transformations: each output batch MADE_FROM each input batch (asserted {@code by} the event). */
    public static final Statement EPCIS_MADE_FROM = new Statement("epcis.madeFrom", """
            UNWIND $rows AS pair
            MATCH (output:Batch {key: pair.output}), (input:Batch {key: pair.input})
            MERGE (output)-[r:MADE_FROM]->(input)
            SET r.by = %s
            """.formatted(ASSERTED_BY.formatted("pair")));

    /**
     * Aggregations: each child PACKED_IN the parent container, since ADD ({@code by} the adding
     * events), until DELETE ({@code untilBy} the event that set it).
     */
    public static final Statement EPCIS_PACKED_IN = new Statement("epcis.packedIn", """
            UNWIND $rows AS pack
            MATCH (parent:Container {key: pack.parent})
            CALL (pack) {
              MATCH (child:Item {key: pack.child}) RETURN child
              UNION
              MATCH (child:Batch {key: pack.child}) RETURN child
              UNION
              MATCH (child:Container {key: pack.child}) RETURN child
            }
            MERGE (child)-[r:PACKED_IN]->(parent)
            FOREACH (_ IN CASE WHEN pack.added THEN [1] ELSE [] END | SET r.since = pack.eventTime, r.by = %s)
            FOREACH (_ IN CASE WHEN pack.added THEN [] ELSE [1] END | SET r.until = pack.eventTime, r.untilBy = pack.eventId)
            """.formatted(ASSERTED_BY.formatted("pack")));

    /**
     * Logistics hops: a shipping event gives a hop its departure, a receiving event its arrival;
     * both name the same hop (its id derives from from, to and the objects moved), in any order.
     */
    public static final Statement EPCIS_HOPS = new Statement("epcis.hops", """
            UNWIND $rows AS h
            MATCH (e:Event {eventId: h.eventId})
            MERGE (hop:Hop {id: h.id})
            SET hop.departed = coalesce(h.departed, hop.departed), hop.arrived = coalesce(h.arrived, hop.arrived)
            MERGE (f:Location {key: h.from})
            MERGE (hop)-[:FROM]->(f)
            MERGE (t:Location {key: h.to})
            MERGE (hop)-[:TO]->(t)
            FOREACH (gln IN h.carrier | MERGE (c:Party {gln: gln}) MERGE (hop)-[:CARRIED_BY]->(c))
            FOREACH (_ IN CASE WHEN h.departed IS NULL THEN [] ELSE [1] END | CREATE (hop)-[:DEPARTED_WITH]->(e))
            FOREACH (_ IN CASE WHEN h.arrived IS NULL THEN [] ELSE [1] END | CREATE (hop)-[:ARRIVED_WITH]->(e))
            WITH hop, h
            UNWIND h.moved AS key
            CALL (key) {
              MATCH (n:Batch {key: key}) RETURN n
              UNION
              MATCH (n:Item {key: key}) RETURN n
              UNION
              MATCH (n:Container {key: key}) RETURN n
            }
            MERGE (hop)-[:MOVED]->(n)
            """);

    /** Locations by key: GLN and extension, names, place, and every attribute as given ({@code masterData}, JSON). */
    public static final Statement MASTER_EPCIS_LOCATIONS = new Statement("masterData.epcisLocations", """
            UNWIND $rows AS row
            MERGE (l:Location {key: row.key})
            SET l.gln = coalesce(row.gln, l.gln), l.extension = coalesce(row.extension, l.extension),
                l.nameZh = coalesce(row.nameZh, l.nameZh), l.nameEn = coalesce(row.nameEn, l.nameEn),
                l.latitude = coalesce(row.latitude, l.latitude), l.longitude = coalesce(row.longitude, l.longitude),
                l.masterData = coalesce(row.masterData, l.masterData)
            """);

    /** A location's {@code children}: each child location lies WITHIN it. */
    public static final Statement MASTER_EPCIS_WITHIN = new Statement("masterData.epcisWithin", """
            UNWIND $rows AS row
            MERGE (parent:Location {key: row.parent})
            MERGE (child:Location {key: row.child})
            MERGE (child)-[:WITHIN]->(parent)
            """);

    public static final Statement MASTER_EPCIS_PARTIES = new Statement("masterData.epcisParties", """
            UNWIND $rows AS row
            MERGE (p:Party {gln: row.gln})
            SET p.nameZh = coalesce(row.nameZh, p.nameZh), p.nameEn = coalesce(row.nameEn, p.nameEn),
                p.masterData = coalesce(row.masterData, p.masterData)
            """);

    public static final Statement MASTER_EPCIS_PRODUCTS = new Statement("masterData.epcisProducts", """
            UNWIND $rows AS row
            MERGE (p:Product {gtin: row.gtin})
            SET p.nameZh = coalesce(row.nameZh, p.nameZh), p.nameEn = coalesce(row.nameEn, p.nameEn),
                p.masterData = coalesce(row.masterData, p.masterData)
            """);

    /** All of them, in declaration order. */
    public static List<Statement> all() {
        return Statement.declaredIn(EpcisStatements.class);
    }
}
