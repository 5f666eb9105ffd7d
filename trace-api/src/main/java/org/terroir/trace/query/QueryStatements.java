package org.terroir.trace.query;

import org.terroir.model.cypher.Statement;
import org.terroir.trace.events.EventStatements;

/**
 * The statements of the EPCIS query interface: one per way into the graph (the events named by id,
 * the batches, items, containers or products a {@code MATCH_} parameter names, the locations of
 * {@code EQ_bizLocation} or {@code EQ_readPoint}, else the event-time index), each with every
 * filter of {@link EventQuery}, what the caller may see ({@link EventStatements#VISIBLE}) and a
 * keyset page in event-time order (eventTime, then eventId). Each row is one event as the query
 * answers it: its stored EPCIS form ({@code Event.epcis}), record time and any error declaration.
 * Examples in {@code QueryStatementsIT}.
 */
public final class QueryStatements {

    private QueryStatements() {
    }

    /** Every filter, null meaning "any"; {@code $matches}: lists of alternatives, each list one parameter that must hold. */
    private static final String FILTER = """
            WITH e, e.eventTime AS time
            WHERE e.epcis IS NOT NULL
              AND ($types IS NULL OR e.type IN $types)
              AND ($actions IS NULL OR e.action IN $actions)
              AND ($bizSteps IS NULL OR e.bizStep IN $bizSteps)
              AND ($dispositions IS NULL OR e.disposition IN $dispositions)
              AND ($geEventTime IS NULL OR time >= datetime($geEventTime))
              AND ($ltEventTime IS NULL OR time < datetime($ltEventTime))
              AND ($geRecordTime IS NULL OR e.recordTime >= datetime($geRecordTime))
              AND ($ltRecordTime IS NULL OR e.recordTime < datetime($ltRecordTime))
              AND ($eventIds IS NULL OR e.eventId IN $eventIds)
              AND ($readPoints IS NULL OR EXISTS { (e)-[:READ_AT]->(l:Location) WHERE l.key IN $readPoints })
              AND ($bizLocations IS NULL OR EXISTS { (e)-[:AT]->(l:Location) WHERE l.key IN $bizLocations })
              AND ($withinReadPoints IS NULL OR EXISTS {
                     (e)-[:READ_AT]->(:Location)-[:WITHIN*0..8]->(l:Location) WHERE l.key IN $withinReadPoints })
              AND ($withinBizLocations IS NULL OR EXISTS {
                     (e)-[:AT]->(:Location)-[:WITHIN*0..8]->(l:Location) WHERE l.key IN $withinBizLocations })
              AND all(alternatives IN $matches WHERE any(t IN alternatives WHERE t IN e.identifiers
                      OR (t ENDS WITH '/' AND any(i IN e.identifiers WHERE i STARTS WITH t))))
              AND ($errorDeclared IS NULL OR (e.errorDeclaredAt IS NOT NULL) = $errorDeclared)
              AND ($geErrorDeclarationTime IS NULL OR e.errorDeclaredAt >= datetime($geErrorDeclarationTime))
              AND ($ltErrorDeclarationTime IS NULL OR e.errorDeclaredAt < datetime($ltErrorDeclarationTime))
              AND ($errorReasons IS NULL OR e.errorReason IN $errorReasons)
              AND ($correctiveEventIds IS NULL OR any(c IN $correctiveEventIds WHERE c IN e.correctiveEventIds))
              AND ($afterTime IS NULL OR time > datetime($afterTime)
                   OR (time = datetime($afterTime) AND e.eventId > $afterId))
              AND """ + EventStatements.VISIBLE + """

            WITH e, time ORDER BY time, e.eventId LIMIT $limit
            RETURN e.eventId AS eventId, time AS eventTime, e.recordTime AS recordTime, e.epcis AS epcis,
                   e.errorDeclaredAt AS errorDeclaredAt, e.errorReason AS errorReason,
                   e.correctiveEventIds AS correctiveEventIds
            """;

    /** The events of {@code $eventIds} ({@code EQ_eventID}, {@code GET /events/{eventID}}). */
    public static final Statement BY_ID = new Statement("query.byId", """
            UNWIND $eventIds AS id
            MATCH (e:Event {eventId: id})
            """ + FILTER);

    /** The events that name a batch, item, container or product of {@code $objects} (keys), in any role. */
    public static final Statement OF_OBJECTS = new Statement("query.ofObjects", """
            UNWIND $objects AS key
            CALL (key) {
              MATCH (o:Batch {key: key}) RETURN o
              UNION
              MATCH (o:Item {key: key}) RETURN o
              UNION
              MATCH (o:Container {key: key}) RETURN o
              UNION
              MATCH (o:Product {gtin: substring(key, 3)}) WHERE key STARTS WITH '01/' AND size(key) = 17 RETURN o
            }
            MATCH (o)<-[:OBSERVED|INPUT|OUTPUT|PARENT|CHILD]-(e:Event)
            WITH DISTINCT e
            """ + FILTER);

    /** The events that happened or were read at a location of {@code $locations} (keys). */
    public static final Statement AT_LOCATIONS = new Statement("query.atLocations", """
            UNWIND $locations AS key
            MATCH (:Location {key: key})<-[:AT|READ_AT]-(e:Event)
            WITH DISTINCT e
            """ + FILTER);

    /** The events the capture jobs {@code $jobs} wrote (a subscription's reports, {@code JobReports}). */
    public static final Statement OF_JOBS = new Statement("query.ofJobs", """
            MATCH (j:CaptureJob) WHERE j.id IN $jobs
            MATCH (j)<-[:CAPTURED_IN]-(e:Event)
            """ + FILTER);

    /** Every event from {@code $start} on (the later of {@code GE_eventTime} and the page's position), along the event-time index. */
    public static final Statement IN_TIME = new Statement("query.inTime", """
            MATCH (e:Event) USING INDEX e:Event(eventTime)
            WHERE e.eventTime >= datetime($start)
            """ + FILTER);

    /** A page of the batches, items and containers, in key order after {@code $after}: the members of {@code /epcs}. */
    public static final Statement EPCS = new Statement("query.epcs", """
            CALL () {
              MATCH (o:Batch) WHERE o.key > $after RETURN o.key AS key ORDER BY key LIMIT $limit
              UNION
              MATCH (o:Item) WHERE o.key > $after RETURN o.key AS key ORDER BY key LIMIT $limit
              UNION
              MATCH (o:Container) WHERE o.key > $after RETURN o.key AS key ORDER BY key LIMIT $limit
            }
            RETURN key ORDER BY key LIMIT $limit
            """);

    /** A page of the locations some event happened at, in key order after {@code $after}: {@code /bizLocations}. */
    public static final Statement BIZ_LOCATIONS = new Statement("query.bizLocations", """
            MATCH (l:Location) WHERE l.key > $after AND EXISTS { (l)<-[:AT]-(:Event) }
            RETURN l.key AS key ORDER BY key LIMIT $limit
            """);

    /** A page of the locations some event was read at, in key order after {@code $after}: {@code /readPoints}. */
    public static final Statement READ_POINTS = new Statement("query.readPoints", """
            MATCH (l:Location) WHERE l.key > $after AND EXISTS { (l)<-[:READ_AT]-(:Event) }
            RETURN l.key AS key ORDER BY key LIMIT $limit
            """);

    /**
     * Creates the named query {@code $name} unless there is one: {@code created} says whether this
     * call made it ({@code $createdAt} is the new one's own).
     */
    public static final Statement NAMED_CREATE = new Statement("query.namedCreate", """
            MERGE (q:NamedQuery {queryName: $name})
            ON CREATE SET q.query = $query, q.createdAt = datetime($createdAt), q.owner = $owner, q.role = $role,
                          q.subject = $subject, q.parties = $parties
            RETURN q.createdAt = datetime($createdAt) AND q.query = $query AS created
            """);

    /** The named query {@code $name}, if {@code $owner}'s (any, when null): its name and definition (JSON). */
    public static final Statement NAMED_GET = new Statement("query.named", """
            MATCH (q:NamedQuery {queryName: $name}) WHERE $owner IS NULL OR q.owner = $owner
            RETURN q.queryName AS name, q.query AS query
            """);

    /** A page of the named queries after {@code $after} in name order, {@code $owner}'s only unless it is null. */
    public static final Statement NAMED_LIST = new Statement("query.namedList", """
            MATCH (q:NamedQuery) WHERE q.queryName > $after AND ($owner IS NULL OR q.owner = $owner)
            RETURN q.queryName AS name, q.query AS query ORDER BY name LIMIT $limit
            """);

    /**
     * Deletes the named query {@code $name} if it is {@code $owner}'s (any, when null), with its
     * subscriptions and the reports they owed; {@code deleted} says whether it was.
     */
    public static final Statement NAMED_DELETE = new Statement("query.namedDelete", """
            OPTIONAL MATCH (q:NamedQuery {queryName: $name}) WHERE $owner IS NULL OR q.owner = $owner
            CALL (q) {
              OPTIONAL MATCH (q)<-[:SUBSCRIBES]-(s:Subscription)
              OPTIONAL MATCH (s)-[:OWES]->(d:Delivery)
              DETACH DELETE d, s
            }
            WITH q, q IS NOT NULL AS deleted
            DETACH DELETE q
            RETURN deleted
            """);
}
