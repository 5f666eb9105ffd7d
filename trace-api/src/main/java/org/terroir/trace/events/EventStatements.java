package org.terroir.trace.events;

import static org.terroir.trace.trace.TraceStatements.HOP_COLUMNS;
import static org.terroir.trace.trace.TraceStatements.HOP_RECORDED;

import org.terroir.model.cypher.Statement;

/**
 * The statements of the event queries: one per way in (an object, a location, the time index), the
 * same filters and columns, a keyset page in time order (eventTime, then eventId); and the logistics
 * operator's view, the hops a carrier carried. Examples in {@code EventStatementsIT}.
 */
public final class EventStatements {

    private EventStatements() {}

    /**
     * Whether the caller may see event {@code e}, the one place the event queries (GraphQL
     * {@code events}, the EPCIS query interface) decide it: {@code $brandOwners} (an association:
     * events about goods of the brands these GLNs own, also through the containers they were packed
     * in), {@code $carriers} (a carrier: events recorded with hops it carried), {@code $operators} (a
     * cooperative or enterprise: events at the locations it runs, or about batches and items produced
     * there) and {@code $station} (a station's GLN: events at the station), null for a regulator, who
     * sees every event. {@link Events#view} gives the parameters of a caller.
     */
    public static final String VISIBLE = """
            ($brandOwners IS NULL OR EXISTS {
                   (e)-[:OBSERVED|INPUT|OUTPUT|PARENT|CHILD]->()<-[:PACKED_IN*0..4]-()-[:OF_BATCH*0..1]->(:Batch)
                      -[:OF_PRODUCT]->(:Product)-[:OF_BRAND]->(:Brand)-[:OWNED_BY]->(owner:Party)
                   WHERE owner.gln IN $brandOwners })
            AND ($carriers IS NULL OR EXISTS {
                   (e)<-[:DEPARTED_WITH|ARRIVED_WITH]-(:Hop)-[:CARRIED_BY]->(carrier:Party) WHERE carrier.gln IN $carriers })
            AND ($operators IS NULL
                 OR EXISTS { (e)-[:AT|READ_AT]->(:Location)-[:WITHIN*0..4]->(:Location)-[:OPERATED_BY]->(operator:Party)
                             WHERE operator.gln IN $operators }
                 OR EXISTS { (e)-[:OBSERVED|INPUT|OUTPUT|PARENT|CHILD]->()-[:OF_BATCH*0..1]->()-[:PRODUCED_AT]->(:Location)
                             -[:WITHIN*0..4]->(:Location)-[:OPERATED_BY]->(operator:Party) WHERE operator.gln IN $operators })
            AND ($station IS NULL OR EXISTS {
                   (e)-[:AT|READ_AT]->(l:Location) WHERE l.key = '414/' + $station OR l.key STARTS WITH '414/' + $station + '/' })""";

    /**
     * What every event query filters on. {@code $bizStep} (a CBV name as stored, or a URI),
     * {@code $type} ({@code ObjectEvent}, …), {@code $location} (a location key the event happened at
     * or was read at), the window [{@code $from}, {@code $until}) and the cursor ({@code $afterTime},
     * {@code $afterId}), each null for "any"; and what the caller may see ({@link #VISIBLE}).
     */
    private static final String EVENT_FILTER = """
            ($bizStep IS NULL OR e.bizStep = $bizStep)
            AND ($type IS NULL OR e.type = $type)
            AND ($location IS NULL OR EXISTS { (e)-[:AT|READ_AT]->(:Location {key: $location}) })
            AND ($from IS NULL OR time >= datetime($from))
            AND ($until IS NULL OR time < datetime($until))
            AND ($afterTime IS NULL OR time > datetime($afterTime)
                 OR (time = datetime($afterTime) AND e.eventId > $afterId))
            AND """ + VISIBLE;

    /** At most this many objects and parties per event in an {@link #EVENTS_BY_ID} row ({@code objectCount} counts them all). */
    public static final int EVENT_LIST_CAP = 100;

    /**
     * The page of an event query, in time order: ids and times only. The events' columns come from
     * {@link #EVENTS_BY_ID}: Neo4j 2026.08 fails to plan a statement that reads a property an index
     * seek cached and then expands from the same node in its columns.
     */
    private static final String EVENT_PAGE = """
            WITH e, time ORDER BY time, e.eventId LIMIT $limit
            RETURN e.eventId AS eventId, time AS eventTime""";

    /**
     * A page of the events that name the batch, item or container of key {@code $object} (as
     * observed, input, output, parent or child), with the filters of every event query.
     */
    public static final Statement EVENTS_OF_OBJECT = new Statement("events.ofObject", """
            CALL () {
              MATCH (o:Batch {key: $object}) RETURN o
              UNION
              MATCH (o:Item {key: $object}) RETURN o
              UNION
              MATCH (o:Container {key: $object}) RETURN o
            }
            MATCH (o)<-[:OBSERVED|INPUT|OUTPUT|PARENT|CHILD]-(e:Event)
            WITH DISTINCT e
            WITH e, e.eventTime AS time
            WHERE %s
            %s
            """.formatted(EVENT_FILTER, EVENT_PAGE));

    /** A page of the events that happened or were read at the location of key {@code $location}, with the other filters. */
    public static final Statement EVENTS_AT_LOCATION = new Statement("events.atLocation", """
            MATCH (:Location {key: $location})<-[:AT|READ_AT]-(e:Event)
            WITH DISTINCT e
            WITH e, e.eventTime AS time
            WHERE %s
            %s
            """.formatted(EVENT_FILTER, EVENT_PAGE));

    /**
     * A page of all events from {@code $start} on (the later of the window's start and the cursor's
     * time; the API passes the earliest time when neither is given), read along the event-time index
     * so that a page costs its own rows, not a sort of every event.
     */
    public static final Statement EVENTS_IN_TIME = new Statement("events.inTime", """
            MATCH (e:Event) USING INDEX e:Event(eventTime)
            WHERE e.eventTime >= datetime($start)
            WITH e, e.eventTime AS time
            WHERE %s
            %s
            """.formatted(EVENT_FILTER, EVENT_PAGE));

    /**
     * The events of {@code $ids}, in that order: type, action, step, disposition, times, where it
     * happened ({@code bizLocation}) and was read ({@code readPoint}) with their regions, the objects
     * it names with their role ({@code OBSERVED}, {@code INPUT}, …; up to {@value #EVENT_LIST_CAP},
     * {@code objectCount} of all) and the parties of its source and destination lists; and, when an
     * error declaration named it, {@code errorDeclaration} ({@code declarationTime}, {@code reason},
     * {@code correctiveEventIds}), null otherwise.
     */
    public static final Statement EVENTS_BY_ID = new Statement("events.byId", """
            UNWIND $ids AS id
            MATCH (e:Event {eventId: id})
            RETURN e.eventId AS eventId, e.type AS type, e.action AS action, e.bizStep AS bizStep,
                   e.disposition AS disposition, e.eventTime AS eventTime, e.recordTime AS recordTime,
                   CASE WHEN e.errorDeclaredAt IS NULL THEN null
                        ELSE {declarationTime: e.errorDeclaredAt, reason: e.errorReason,
                              correctiveEventIds: coalesce(e.correctiveEventIds, [])} END AS errorDeclaration,
                   [(e)-[:AT]->(l:Location) | l {.key, .gln, .kind, .nameZh, .nameEn,
                     region: [(l)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]}][0] AS bizLocation,
                   [(e)-[:READ_AT]->(l:Location) | l {.key, .gln, .kind, .nameZh, .nameEn,
                     region: [(l)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]}][0] AS readPoint,
                   COUNT { (e)-[:OBSERVED|INPUT|OUTPUT|PARENT|CHILD]->() } AS objectCount,
                   COLLECT { MATCH (e)-[r:OBSERVED|INPUT|OUTPUT|PARENT|CHILD]->(o)
                             WITH r, o ORDER BY type(r), o.key LIMIT %1$d
                             RETURN {role: type(r), key: o.key,
                                     kind: [l IN labels(o) WHERE l IN ['Batch', 'Item', 'Container']][0]} } AS objects,
                   COLLECT { MATCH (e)-[r:INVOLVES]->(party:Party)
                             WITH r, party ORDER BY r.role DESC, party.gln LIMIT %1$d
                             RETURN {role: r.role, type: r.type,
                                     party: party {.gln, .nameZh, .nameEn, kind: [l IN labels(party) WHERE l <> 'Party'][0]}} } AS parties
            """.formatted(EVENT_LIST_CAP));

    /**
     * A page of the hops the carrier of GLN {@code $carrier} carried, in time order (departure, then
     * id) from {@code $start} on (the window's start or the cursor's time), before {@code $until}
     * (null: no end), after the cursor ({@code $afterTime}, {@code $afterId}; null on the first page):
     * ids and departures only, the columns from {@link #HOPS_BY_ID}. Read along the departure index,
     * the carrier checked per hop; a hop whose departure is not recorded is not listed.
     */
    public static final Statement HOPS_CARRIED = new Statement("hops.carried", """
            MATCH (h:Hop) USING INDEX h:Hop(departed)
            WHERE h.departed >= datetime($start)
            WITH h, h.departed AS time
            WHERE ($until IS NULL OR time < datetime($until))
              AND ($afterTime IS NULL OR time > datetime($afterTime)
                   OR (time = datetime($afterTime) AND h.id > $afterId))
              AND EXISTS { (h)-[:CARRIED_BY]->(carrier:Party) WHERE carrier.gln = $carrier }
              AND %s
            WITH h, time ORDER BY time, h.id LIMIT $limit
            RETURN h.id AS id, time AS departed
            """.formatted(HOP_RECORDED));

    /**
     * The hops of {@code $ids}, in that order: the columns of {@code trace.journeys} and what each
     * moved ({@code moved}: up to {@value #EVENT_LIST_CAP} batches, items or containers by key;
     * {@code movedCount} of all).
     */
    public static final Statement HOPS_BY_ID = new Statement("hops.byId", """
            UNWIND $ids AS hopId
            MATCH (h:Hop {id: hopId})
            RETURN %s,
                   COUNT { (h)-[:MOVED]->() } AS movedCount,
                   COLLECT { MATCH (h)-[:MOVED]->(o) WITH o ORDER BY o.key LIMIT %d
                             RETURN {key: o.key, kind: [l IN labels(o) WHERE l IN ['Batch', 'Item', 'Container']][0]} } AS moved
            """.formatted(HOP_COLUMNS, EVENT_LIST_CAP));
}
