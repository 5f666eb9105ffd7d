package org.terroir.trace.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.terroir.trace.access.Caller;
import org.terroir.trace.events.Events;

/**
 * The reports a subscription owes for capture jobs: the jobs' events that its named query selects
 * and its maker may see, as EPCIS query documents of at most so many events, each naming the query
 * and the subscription ({@code queryName}, {@code subscriptionID}). A stream subscription is owed them
 * job by job, a scheduled one for every job that ended since its last run.
 */
public final class JobReports {

    private JobReports() {
    }

    /** Where the next chunk of reports starts: after the event of {@code time} and {@code id}. */
    public record After(String time, String id) {
    }

    /**
     * Some of the reports: those of at most {@code maxReports} reports' worth of events.
     *
     * @param reports the reports' bodies, in event-time order
     * @param next    where the rest starts; null when there is no more
     */
    public record Chunk(List<String> reports, After next) {
    }

    /**
     * The reports, in event-time order, read in {@code tx}: the first {@code maxReports} of them from
     * {@code after} on (null: from the first), so that a job of many events is owed a chunk at a time.
     *
     * @param jobs          the capture jobs
     * @param queryName     the named query's name
     * @param definition    its parameters as stored ({@code NamedQuery.query})
     * @param caller        whose view (the subscription's maker)
     * @param subscription  the subscription's id
     * @param perReport     the most events a report holds
     * @param reportIfEmpty whether to make one report with no events when none match at all
     */
    public static Chunk of(TransactionContext tx, List<String> jobs, String queryName, String definition, Caller caller,
                           String subscription, int perReport, boolean reportIfEmpty, After after, int maxReports) {
        EventQuery query = EventQuery.of(NamedQuery.stored(queryName, definition).query());
        List<String> reports = new ArrayList<>();
        After position = after;
        while (true) {
            Map<String, Object> parameters = new HashMap<>(query.parameters());
            parameters.putAll(Events.view(caller));
            parameters.put("jobs", jobs);
            parameters.put("afterTime", position == null ? null : position.time());
            parameters.put("afterId", position == null ? null : position.id());
            parameters.put("limit", perReport);
            parameters.keySet().retainAll(QueryStatements.OF_JOBS.parameters());
            List<Record> rows = jobs.isEmpty() ? List.of() : tx.run(QueryStatements.OF_JOBS.cypher(), parameters).list();
            if (!rows.isEmpty() || (after == null && reports.isEmpty() && reportIfEmpty)) {
                reports.add(new String(QueryHttp.json(rows, queryName, subscription), java.nio.charset.StandardCharsets.UTF_8));
            }
            if (rows.size() < perReport) {
                return new Chunk(reports, null);
            }
            Record last = rows.getLast();
            position = new After(org.terroir.trace.events.RecordedEvent.time(last.get("eventTime")), last.get("eventId").asString());
            if (reports.size() >= maxReports) {
                return new Chunk(reports, position);
            }
        }
    }
}
