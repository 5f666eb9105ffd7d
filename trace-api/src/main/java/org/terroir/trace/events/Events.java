package org.terroir.trace.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;
import org.terroir.model.cypher.Statement;
import org.terroir.trace.access.Caller;
import org.terroir.trace.access.Role;
import org.terroir.trace.graphql.Page;
import org.terroir.trace.graphql.TimePosition;
import org.terroir.trace.neo4j.GraphReader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The EPCIS event queries and the carriers' hops, a keyset page at a time in time order. A page
 * costs two statements: one picks the page (through the object, the location or the time index,
 * whichever the question names), one reads its entries.
 */
@Component
public class Events {

    /** Before every event: where a page without a window or cursor starts on the time index. */
    private static final String EARLIEST = "0001-01-01T00:00:00Z";

    private final GraphReader graph;

    public Events(GraphReader graph) {
        this.graph = graph;
    }

    /**
     * What an event query asks: each filter {@code null} for "any"; times ISO 8601 with offset.
     *
     * @param object      the key of a batch, item or container the events name
     * @param location    the key of a location the events happened or were read at
     * @param bizStep     a business step as stored (CBV name or URI)
     * @param type        an event type ({@code ObjectEvent}, …)
     * @param from        the window's start, inclusive
     * @param until       the window's end, exclusive
     * @param view        what the caller may see ({@link #view})
     */
    public record Query(String object, String location, String bizStep, String type, String from, String until,
                        Map<String, Object> view) {}

    /**
     * The parameters of {@link EventStatements#VISIBLE} for {@code caller}: {@code brandOwners} for an
     * association (the GLNs whose brands' goods the events must be about), {@code carriers} for a
     * carrier (the GLNs whose hops the events must have been recorded with), {@code operators} for a
     * cooperative or enterprise (the GLNs whose locations, or goods produced there, the events must be
     * at or about), {@code station} for a station's staff (the station's GLN); null where the role
     * does not restrict, every one null for a regulator. Nobody asks for the public.
     */
    public static Map<String, Object> view(Caller caller) {
        if (caller.role() == Role.PUBLIC) {
            throw new IllegalArgumentException("the public sees no event list");
        }
        List<String> parties = caller.parties().stream().sorted().toList();
        Map<String, Object> view = new HashMap<>();
        view.put("brandOwners", caller.role() == Role.ASSOCIATION ? parties : null);
        view.put("carriers", caller.role() == Role.LOGISTICS ? parties : null);
        view.put("operators", caller.role() == Role.ENTERPRISE ? parties : null);
        view.put("station", caller.role() == Role.STATION ? parties.getFirst() : null);
        return view;
    }

    /** A page of the events {@code query} asks for, after the entry at {@code position}. */
    public Mono<Page<RecordedEvent>> events(Query query, int first, Optional<TimePosition> position) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("object", query.object());
        parameters.put("location", query.location());
        parameters.put("bizStep", query.bizStep());
        parameters.put("type", query.type());
        parameters.put("from", query.from());
        parameters.put("until", query.until());
        parameters.putAll(query.view());
        position(parameters, position);
        parameters.put("start", start(query.from(), position));
        parameters.put("limit", first + 1);
        Statement statement = query.object() != null ? EventStatements.EVENTS_OF_OBJECT
                : query.location() != null ? EventStatements.EVENTS_AT_LOCATION : EventStatements.EVENTS_IN_TIME;
        parameters.keySet().retainAll(statement.parameters()); // the way in is a parameter of its own statement only
        return page(statement, parameters, first, position.isPresent(), "eventId", "eventTime", EventStatements.EVENTS_BY_ID,
                RecordedEvent::from, RecordedEvent::eventId);
    }

    /** A page of the hops the carrier of GLN {@code carrier} carried, departed in [{@code from}, {@code until}). */
    public Mono<Page<CarriedHop>> carriedHops(String carrier, String from, String until, int first,
                                              Optional<TimePosition> position) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("carrier", carrier);
        parameters.put("until", until);
        position(parameters, position);
        parameters.put("start", start(from, position));
        parameters.put("limit", first + 1);
        return page(EventStatements.HOPS_CARRIED, parameters, first, position.isPresent(), "id", "departed", EventStatements.HOPS_BY_ID,
                CarriedHop::from, hop -> hop.hop().id());
    }

    private <T> Mono<Page<T>> page(Statement pick, Map<String, Object> parameters, int first, boolean hasPrevious, String idColumn,
                                   String timeColumn, Statement read, Function<Record, T> entry, Function<T, String> idOf) {
        return graph.read(pick, parameters).collectList().flatMap(rows -> {
            boolean more = rows.size() > first;
            List<Record> page = more ? rows.subList(0, first) : rows;
            Map<String, String> keys = new LinkedHashMap<>(); // in the page's order, which the read keeps
            for (Record row : page) {
                String id = row.get(idColumn).asString();
                keys.put(id, new TimePosition(RecordedEvent.time(row.get(timeColumn)), id).key());
            }
            Flux<T> entries = keys.isEmpty() ? Flux.empty() : graph.read(read, Map.of("ids", List.copyOf(keys.keySet()))).map(entry);
            return entries.collectList().map(list -> Page.of(list, t -> keys.get(idOf.apply(t)), more, hasPrevious, Page.uncounted()));
        });
    }

    private static void position(Map<String, Object> parameters, Optional<TimePosition> position) {
        parameters.put("afterTime", position.map(TimePosition::time).orElse(null));
        parameters.put("afterId", position.map(TimePosition::id).orElse(null));
    }

    /** Where the time index is read from: the later of the window's start and the cursor's time. */
    private static String start(String from, Optional<TimePosition> position) {
        OffsetDateTime start = from == null ? null : OffsetDateTime.parse(from);
        if (position.isPresent()) {
            OffsetDateTime at = OffsetDateTime.parse(position.get().time());
            start = start == null || at.isAfter(start) ? at : start;
        }
        return start == null ? EARLIEST : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start);
    }
}
