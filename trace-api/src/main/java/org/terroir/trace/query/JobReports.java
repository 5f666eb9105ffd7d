package org.terroir.trace.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.terroir.trace.access.Caller;
import org.terroir.trace.events.Events;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reports a subscription owes for one capture job: the job's events that its named query
 * selects and its maker may see, as EPCIS query documents of at most so many events, each naming
 * the query and the subscription ({@code queryName}, {@code subscriptionID}).
 */
public final class JobReports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JobReports() {
    }

    /**
     * The reports, in event-time order, read in {@code tx}.
     *
     * @param job          the capture job
     * @param queryName    the named query's name
     * @param definition   its parameters as stored ({@code NamedQuery.query})
     * @param caller       whose view (the subscription's maker)
     * @param subscription the subscription's id
     * @param perReport    the most events a report holds
     */
    public static List<String> of(TransactionContext tx, String job, String queryName, String definition, Caller caller,
                                  String subscription, int perReport) {
        EventQuery query = EventQuery.of(NamedQuery.stored(queryName, definition).query());
        List<String> reports = new ArrayList<>();
        String afterTime = null;
        String afterId = null;
        while (true) {
            Map<String, Object> parameters = new HashMap<>(query.parameters());
            parameters.putAll(Events.view(caller));
            parameters.put("job", job);
            parameters.put("afterTime", afterTime);
            parameters.put("afterId", afterId);
            parameters.put("limit", perReport);
            parameters.keySet().retainAll(QueryStatements.OF_JOB.parameters());
            List<Record> rows = tx.run(QueryStatements.OF_JOB.cypher(), parameters).list();
            if (rows.isEmpty()) {
                return reports;
            }
            ObjectNode document = QueryHttp.document(rows);
            ObjectNode results = (ObjectNode) document.at("/epcisBody/queryResults");
            results.put("queryName", queryName);
            results.put("subscriptionID", subscription);
            reports.add(JSON.writeValueAsString(document));
            if (rows.size() < perReport) {
                return reports;
            }
            Record last = rows.getLast();
            afterTime = org.terroir.trace.events.RecordedEvent.time(last.get("eventTime"));
            afterId = last.get("eventId").asString();
        }
    }
}
