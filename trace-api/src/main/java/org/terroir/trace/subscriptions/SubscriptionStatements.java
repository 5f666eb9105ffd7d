package org.terroir.trace.subscriptions;

import org.terroir.model.cypher.Statement;

/**
 * The statements of the webhook subscriptions: made, listed, deleted; the capture jobs a stream
 * subscription has yet to match; the reports it owes (the outbox), taken when due, and what became of
 * them. Examples in {@code SubscriptionStatementsIT}.
 */
public final class SubscriptionStatements {

    private SubscriptionStatements() {
    }

    /**
     * Subscribes to the named query {@code $query} if it is {@code $owner}'s (any, when null): a new
     * subscription of id {@code $id}, matching the jobs created from {@code $since} on, as they end
     * ({@code $stream}) or at the times of {@code $schedule} (its JSON; the first run at
     * {@code $nextRunAt}); no row when there is no such query.
     */
    public static final Statement SUBSCRIBE = new Statement("subscriptions.subscribe", """
            MATCH (q:NamedQuery {queryName: $query}) WHERE $owner IS NULL OR q.owner = $owner
            CREATE (s:Subscription {id: $id})-[:SUBSCRIBES]->(q)
            SET s.dest = $dest, s.secret = $secret, s.stream = $stream, s.schedule = $schedule, s.reportIfEmpty = $reportIfEmpty,
                s.nextRunAt = datetime($nextRunAt), s.createdAt = datetime($createdAt), s.since = datetime($since),
                s.owner = $owner, s.role = $role, s.subject = $subject, s.parties = $parties
            RETURN s.id AS id
            """);

    /** The subscriptions to the named query {@code $query}, {@code $owner}'s (all, when null), oldest first. */
    public static final Statement SUBSCRIPTIONS = new Statement("subscriptions.ofQuery", """
            MATCH (s:Subscription)-[:SUBSCRIBES]->(:NamedQuery {queryName: $query})
            WHERE ($owner IS NULL OR s.owner = $owner) AND ($id IS NULL OR s.id = $id)
            RETURN s {.id, .dest, .stream, .schedule, .reportIfEmpty, .createdAt, .since, .lastNotifiedAt, .lastRunAt}
                   AS subscription
            ORDER BY s.createdAt, s.id
            """);

    /** Deletes subscription {@code $id} of the named query {@code $query}, if {@code $owner}'s (any, when null), and what it owed. */
    public static final Statement UNSUBSCRIBE = new Statement("subscriptions.unsubscribe", """
            OPTIONAL MATCH (s:Subscription {id: $id})-[:SUBSCRIBES]->(:NamedQuery {queryName: $query})
            WHERE $owner IS NULL OR s.owner = $owner
            OPTIONAL MATCH (s)-[:OWES]->(d:Delivery)
            WITH s, collect(d) AS owed
            FOREACH (d IN owed | DETACH DELETE d)
            WITH s, s IS NOT NULL AS deleted
            DETACH DELETE s
            RETURN deleted
            """);

    /** Every stream subscription with its query and whose it is (the view its reports are made with). */
    public static final Statement STREAMS = new Statement("subscriptions.streams", """
            MATCH (s:Subscription)-[:SUBSCRIBES]->(q:NamedQuery)
            WHERE s.stream
            RETURN s.id AS id, q.queryName AS query, q.query AS definition, s.role AS role, s.subject AS subject,
                   s.parties AS parties
            """);

    /**
     * The scheduled subscriptions due by {@code $now} (at most {@code $limit}, the longest due first),
     * with their query, whose they are, their schedule and when they were due.
     */
    public static final Statement SCHEDULED_DUE = new Statement("subscriptions.scheduledDue", """
            MATCH (s:Subscription) WHERE s.nextRunAt <= datetime($now)
            WITH s ORDER BY s.nextRunAt LIMIT $limit
            MATCH (s)-[:SUBSCRIBES]->(q:NamedQuery)
            RETURN s.id AS id, q.queryName AS query, q.query AS definition, s.role AS role, s.subject AS subject,
                   s.parties AS parties, s.schedule AS schedule, s.reportIfEmpty AS reportIfEmpty, s.nextRunAt AS due
            ORDER BY due, id
            """);

    /**
     * Scheduled subscription {@code $id} ran for the run due at {@code $due}: it matched the jobs
     * {@code $jobs} and owes the reports {@code $reports} (id and body each), due at once; its next run is
     * at {@code $next}. Nothing when another server ran it first ({@code ran} is then 0).
     */
    public static final Statement RAN = new Statement("subscriptions.ran", """
            MATCH (s:Subscription {id: $id}) WHERE s.nextRunAt = datetime($due)
            SET s.nextRunAt = datetime($next), s.lastRunAt = datetime($now)
            WITH s
            CALL (s) {
              UNWIND $jobs AS job
              MATCH (j:CaptureJob {id: job})
              SET s.matchedTo = CASE WHEN coalesce(s.matchedTo, 0) < j.ended THEN j.ended ELSE s.matchedTo END
              MERGE (s)-[r:REPORTED]->(j)
              ON CREATE SET r.at = datetime($now), r.reports = size($reports)
            }
            CALL (s) {
              UNWIND $reports AS report
              CREATE (s)-[:OWES]->(:Delivery {id: report.id, body: report.body, attempts: 0, createdAt: datetime($now),
                                              nextAttemptAt: datetime($now)})
            }
            RETURN count(s) AS ran
            """);

    /**
     * The capture jobs subscription {@code $id} has yet to match: ended after the last it matched
     * ({@code matchedTo}, in the order jobs end in: along the index of {@code CaptureJob.ended}, not every
     * job since it began), created from its start on, in the order they ended, at most {@code $limit};
     * whether each succeeded, and its place in that order.
     */
    public static final Statement UNMATCHED_JOBS = new Statement("subscriptions.unmatchedJobs", """
            MATCH (s:Subscription {id: $id})
            MATCH (j:CaptureJob) WHERE j.ended > coalesce(s.matchedTo, 0) AND j.createdAt >= s.since
              AND NOT EXISTS { (s)-[:REPORTED]->(j) }
            RETURN j.id AS job, j.success AS success, j.ended AS ended ORDER BY j.ended LIMIT $limit
            """);

    /**
     * Records that subscription {@code $id} matched job {@code $job} and owes the reports
     * {@code $reports} (id and body each), due at once; nothing when another server did it first
     * ({@code owed} is then 0).
     */
    public static final Statement MATCHED = new Statement("subscriptions.matched", """
            MATCH (s:Subscription {id: $id}), (j:CaptureJob {id: $job})
            SET s.matchedTo = CASE WHEN coalesce(s.matchedTo, 0) < j.ended THEN j.ended ELSE s.matchedTo END
            MERGE (s)-[r:REPORTED]->(j)
            ON CREATE SET r.at = datetime($now), r.reports = size($reports)
            WITH s, r WHERE r.at = datetime($now)
            UNWIND $reports AS report
            CREATE (s)-[:OWES]->(:Delivery {id: report.id, body: report.body, attempts: 0, createdAt: datetime($now),
                                            nextAttemptAt: datetime($now)})
            RETURN count(*) AS owed
            """);

    /**
     * Subscription {@code $id} owes the reports {@code $reports} (id and body each), due at once: a chunk
     * of a match that has more ({@link #MATCHED} or {@link #RAN} writes the last with the match).
     */
    public static final Statement OWE = new Statement("subscriptions.owe", """
            MATCH (s:Subscription {id: $id})
            UNWIND $reports AS report
            CREATE (s)-[:OWES]->(:Delivery {id: report.id, body: report.body, attempts: 0, createdAt: datetime($now),
                                            nextAttemptAt: datetime($now)})
            RETURN count(*) AS owed
            """);

    /** The reports due by {@code $now}, the longest waiting first, at most {@code $limit}, with where they go and how they are signed. */
    public static final Statement DUE = new Statement("subscriptions.due", """
            MATCH (d:Delivery) WHERE d.nextAttemptAt <= datetime($now)
            WITH d ORDER BY d.nextAttemptAt LIMIT $limit
            MATCH (s:Subscription)-[:OWES]->(d)
            RETURN d.id AS id, d.body AS body, d.attempts AS attempts, s.id AS subscription, s.dest AS dest, s.secret AS secret
            ORDER BY d.nextAttemptAt, id
            """);

    /** Report {@code $id} was delivered at {@code $now}: gone from the outbox, its subscription notified then. */
    public static final Statement DELIVERED = new Statement("subscriptions.delivered", """
            MATCH (s:Subscription)-[:OWES]->(d:Delivery {id: $id})
            SET s.lastNotifiedAt = datetime($now)
            DETACH DELETE d
            """);

    /** Report {@code $id} failed again ({@code $error}): sent next at {@code $next}. */
    public static final Statement FAILED = new Statement("subscriptions.failed", """
            MATCH (d:Delivery {id: $id})
            SET d.attempts = d.attempts + 1, d.nextAttemptAt = datetime($next), d.lastError = $error
            """);
}
