package org.terroir.trace.query;

import static org.terroir.trace.epcis.EpcisAnswers.problem;
import static org.terroir.trace.epcis.EpcisAnswers.unauthorized;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.terroir.importer.epcis.EventJson;
import org.terroir.importer.epcis.EventXml;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.model.Cbv;
import org.terroir.trace.access.Caller;
import org.terroir.trace.access.Role;
import org.terroir.trace.epcis.EpcisAnswers;
import org.terroir.trace.events.Events;
import org.terroir.trace.events.RecordedEvent;
import org.terroir.trace.neo4j.GraphReader;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP edge of the EPCIS 2.0 query interface: {@code GET /events} with the binding's query
 * parameters ({@link EventQuery}), {@code perPage} and {@code nextPageToken} ({@link PageToken}, the
 * next page's place in the {@code Link} header), {@code GET /events/{eventID}}, and
 * {@code OPTIONS /events}. Answers are EPCIS query documents in JSON-LD, each event as stored
 * ({@code Event.epcis}) with its record time and any error declaration, or in XML when the request's
 * {@code Accept} prefers it ({@link QueryXml}). Querying takes a bearer
 * token; each caller sees the events its role may see, as in GraphQL's {@code events}.
 */
@Component
record QueryHttp(QuerySettings settings, GraphReader reader) {

    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    /** The standard's five event types, the members of {@code /eventTypes}. */
    static final List<String> EVENT_TYPES = List.of("AggregationEvent", "AssociationEvent", "ObjectEvent", "TransactionEvent",
            "TransformationEvent");
    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
    /** The binding's header of the form EPCs are answered in, and the one form this repository answers them in. */
    static final String EPC_FORMAT = "GS1-EPC-Format";
    static final String DIGITAL_LINK = "Always_GS1_Digital_Link";
    /** The binding's header of the form an XML answer's CBV values take. */
    static final String CBV_XML_FORMAT = "GS1-CBV-XML-Format";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** {@code OPTIONS}: the versions, the forms of EPCs and CBV values answered, and what {@code allow}s may be done there. */
    HandlerFunction<ServerResponse> options(String allow) {
        return request -> ServerResponse.noContent().headers(EpcisAnswers::versionRange).header(EPC_FORMAT, DIGITAL_LINK)
                .header(CBV_XML_FORMAT, "No_Preference").header(HttpHeaders.ALLOW, allow).build();
    }

    /** {@code GET /}: the top-level resources of this repository, to anyone. */
    Mono<ServerResponse> topLevel(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).headers(EpcisAnswers::versions)
                .bodyValue(JSON.writeValueAsBytes(collection(List.of("queries", "capture", "events", "eventTypes", "epcs",
                        "readPoints", "bizLocations", "dispositions", "bizSteps"))));
    }

    /** {@code GET /events}: a page of the events the query asks for and the caller may see. */
    Mono<ServerResponse> events(ServerRequest request) {
        return events(request, Map.of());
    }

    /**
     * {@code GET /{resource}/{member}/events}: the events of one event type, EPC, business step,
     * location or disposition ({@link TopLevel}), with any other query parameters.
     */
    Mono<ServerResponse> eventsOf(TopLevel resource, ServerRequest request) {
        String member = request.pathVariable(resource.variable());
        if (member.contains("|") || member.isBlank()) {
            return problem(HttpStatus.NOT_FOUND, EpcisAnswers.NO_SUCH_NAME, "Resource not found", "no " + resource.variable()
                    + " " + member);
        }
        return events(request, Map.of(resource.parameter(member), List.of(member)));
    }

    /** The page of the query in the request's parameters and {@code fixed} (those the path or a named query gives). */
    Mono<ServerResponse> events(ServerRequest request, Map<String, List<String>> fixed) {
        return Caller.current().flatMap(caller -> {
            Mono<ServerResponse> refused = refusal(request, caller, true);
            if (refused != null) {
                return refused;
            }
            Map<String, List<String>> given = new LinkedHashMap<>(request.queryParams());
            List<String> perPageValue = given.remove("perPage");
            List<String> tokenValue = given.remove("nextPageToken");
            int perPage;
            EventQuery query;
            PageToken after = null;
            try {
                for (String name : fixed.keySet()) {
                    if (given.containsKey(name)) {
                        throw new EventQuery.QueryParameterException(name, "given by the path (or the named query) already");
                    }
                }
                perPage = perPage(perPageValue);
                boolean asked = !given.isEmpty();
                given.putAll(fixed);
                query = EventQuery.of(given);
                if (tokenValue != null) {
                    after = token(tokenValue);
                    EventQuery continued = EventQuery.of(after.query());
                    boolean same = asked ? query.query().equals(continued.query())
                            : continued.query().entrySet().containsAll(EventQuery.of(fixed).query().entrySet());
                    if (!same) {
                        throw new EventQuery.QueryParameterException("nextPageToken", "continues another query; send it with "
                                + "perPage alone, or with the very parameters of the query it continues");
                    }
                    query = continued;
                }
            } catch (EventQuery.QueryParameterException e) {
                return problem(HttpStatus.BAD_REQUEST, EpcisAnswers.QUERY_PARAMETER, "Invalid query parameter", e.getMessage());
            }
            return page(request, caller, query, after, perPage);
        });
    }

    /** {@code GET /events/{eventID}}: the event, if the caller may see it. */
    Mono<ServerResponse> event(ServerRequest request) {
        String id = request.pathVariable("eventID");
        return Caller.current().flatMap(caller -> {
            Mono<ServerResponse> refused = refusal(request, caller, true);
            if (refused != null) {
                return refused;
            }
            EventQuery query;
            try {
                query = EventQuery.of(Map.of("EQ_eventID", List.of(id)));
            } catch (EventQuery.QueryParameterException e) {
                return notFound(id);
            }
            return rows(caller, query, null, 1).flatMap(rows -> rows.isEmpty() ? notFound(id)
                    : answer(request, true).body(body(request, rows), byte[].class));
        });
    }

    /**
     * {@code GET /eventTypes}, {@code /bizSteps}, {@code /dispositions}: the standard's values (the
     * five event types, the CBV's business steps and dispositions), each the member of a resource.
     */
    Mono<ServerResponse> vocabulary(TopLevel resource, ServerRequest request) {
        return Caller.current().flatMap(caller -> {
            Mono<ServerResponse> refused = refusal(request, caller);
            if (refused != null) {
                return refused;
            }
            List<String> members = switch (resource) {
                case EVENT_TYPES -> EVENT_TYPES;
                case BIZ_STEPS -> Cbv.BIZ_STEPS.stream().sorted().toList();
                case DISPOSITIONS -> Cbv.DISPOSITIONS.stream().sorted().toList();
                default -> throw new IllegalArgumentException(resource + " is not a vocabulary");
            };
            return ok(request, collection(members));
        });
    }

    /**
     * {@code GET /epcs}, {@code /bizLocations}, {@code /readPoints}: the batches, items and containers,
     * or the locations events happened or were read at, as GS1 Digital Links, in key order, a page at a
     * time. For regulators: another party finds its own through the events it may see.
     */
    Mono<ServerResponse> identifiers(TopLevel resource, ServerRequest request) {
        return Caller.current().flatMap(caller -> {
            Mono<ServerResponse> refused = refusal(request, caller);
            if (refused != null) {
                return refused;
            }
            if (!caller.isRegulator()) {
                return problem(HttpStatus.FORBIDDEN, EpcisAnswers.SECURITY, "Forbidden", "/" + resource.path() + " lists every "
                        + "identifier of the repository, for regulators; a party finds its own through GET /events");
            }
            Map<String, List<String>> query = Map.of("resource", List.of(resource.path()));
            int perPage;
            PageToken after = null;
            try {
                perPage = perPage(request.queryParams().get("perPage"));
                List<String> token = request.queryParams().get("nextPageToken");
                if (token != null) {
                    after = token(token);
                    if (!after.query().equals(query) || after.time() != null) {
                        throw new EventQuery.QueryParameterException("nextPageToken", "continues another list");
                    }
                }
            } catch (EventQuery.QueryParameterException e) {
                return problem(HttpStatus.BAD_REQUEST, EpcisAnswers.QUERY_PARAMETER, "Invalid query parameter", e.getMessage());
            }
            var statement = switch (resource) {
                case EPCS -> QueryStatements.EPCS;
                case BIZ_LOCATIONS -> QueryStatements.BIZ_LOCATIONS;
                case READ_POINTS -> QueryStatements.READ_POINTS;
                default -> throw new IllegalArgumentException(resource + " is not a list of identifiers");
            };
            Map<String, Object> parameters = Map.of("after", after == null ? "" : after.id(), "limit", perPage + 1);
            return reader.read(statement, parameters).map(row -> row.get("key").asString()).collectList().flatMap(keys -> {
                boolean more = keys.size() > perPage;
                List<String> page = more ? keys.subList(0, perPage) : keys;
                ServerResponse.BodyBuilder ok = answer(request);
                if (more) {
                    next(request, ok, perPage, new PageToken(new java.util.TreeMap<>(query), null, page.getLast()));
                }
                return ok.bodyValue(JSON.writeValueAsBytes(collection(page.stream()
                        .map(key -> EventJson.uri(new Epc(key, false))).toList())));
            });
        });
    }

    /** {@code GET /{resource}/{member}}: what a member has, its {@code events}; an event type the standard does not know is none. */
    Mono<ServerResponse> member(TopLevel resource, ServerRequest request) {
        String member = request.pathVariable(resource.variable());
        return Caller.current().flatMap(caller -> {
            Mono<ServerResponse> refused = refusal(request, caller);
            if (refused != null) {
                return refused;
            }
            if (resource == TopLevel.EVENT_TYPES && !EVENT_TYPES.contains(member)) {
                return problem(HttpStatus.NOT_FOUND, EpcisAnswers.NO_SUCH_NAME, "Resource not found", "no event type " + member
                        + "; there are " + String.join(", ", EVENT_TYPES));
            }
            return ok(request, collection(List.of("events")));
        });
    }

    private static ObjectNode collection(List<String> members) {
        ObjectNode collection = NODES.objectNode();
        collection.put("@context", CONTEXT);
        collection.put("type", "Collection");
        members.forEach(collection.putArray("member")::add);
        return collection;
    }

    static void next(ServerRequest request, ServerResponse.BodyBuilder ok, int perPage, PageToken token) {
        URI next = request.uri().resolve(request.path() + "?perPage=" + perPage + "&nextPageToken="
                + URLEncoder.encode(token.encode(), StandardCharsets.UTF_8));
        ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }

    private Mono<ServerResponse> page(ServerRequest request, Caller caller, EventQuery query, PageToken after, int perPage) {
        return rows(caller, query, after, perPage + 1).flatMap(rows -> {
            boolean more = rows.size() > perPage;
            List<Record> page = more ? rows.subList(0, perPage) : rows;
            ServerResponse.BodyBuilder ok = answer(request, true);
            if (more) {
                Record last = page.getLast();
                next(request, ok, perPage, new PageToken(query.query(), RecordedEvent.time(last.get("eventTime")),
                        last.get("eventId").asString()));
            }
            return ok.body(body(request, page), byte[].class);
        });
    }

    private Mono<List<Record>> rows(Caller caller, EventQuery query, PageToken after, int limit) {
        Map<String, Object> parameters = new HashMap<>(query.parameters());
        parameters.putAll(Events.view(caller));
        parameters.put("afterTime", after == null ? null : after.time());
        parameters.put("afterId", after == null ? null : after.id());
        parameters.put("start", query.start(after == null ? null : after.time()));
        parameters.put("limit", limit);
        parameters.keySet().retainAll(query.statement().parameters());
        return reader.read(query.statement(), parameters).collectList();
    }

    /** Why the caller may not query, or not in the form it accepts (JSON); null when it may. */
    static Mono<ServerResponse> refusal(ServerRequest request, Caller caller) {
        return refusal(request, caller, false);
    }

    /**
     * Why the caller may not query, or not in the form it accepts; null when it may. {@code events}: the
     * answer is an EPCIS query document, which may be XML as well as JSON-LD.
     */
    static Mono<ServerResponse> refusal(ServerRequest request, Caller caller, boolean events) {
        if (caller.role() == Role.PUBLIC) {
            return unauthorized("the query interface");
        }
        MediaType type = mediaType(request, events);
        if (type == null) {
            return problem(HttpStatus.NOT_ACCEPTABLE, EpcisAnswers.NOT_ACCEPTABLE, "Not Acceptable", events
                    ? "Accept: this repository answers queries in EPCIS 2.0 JSON-LD (application/json or application/ld+json) "
                            + "or XML (application/xml)"
                    : "Accept: this resource is JSON (application/json or application/ld+json)");
        }
        if (events) {
            String epcFormat = header(request, EPC_FORMAT);
            if (epcFormat != null && !epcFormat.equals("No_Preference") && !epcFormat.equals(DIGITAL_LINK)) {
                return formatRefusal(EPC_FORMAT, epcFormat, List.of("Always_EPC_URN", "Never_Translates"),
                        "this repository answers EPCs as GS1 Digital Links (" + DIGITAL_LINK + " or No_Preference)");
            }
            String cbvFormat = header(request, CBV_XML_FORMAT);
            if (type.equals(MediaType.APPLICATION_XML) && cbvFormat != null && cbvValues(cbvFormat) == null) {
                return formatRefusal(CBV_XML_FORMAT, cbvFormat, List.of("Never_Translates"), "this repository keeps standard CBV "
                        + "values, not the form they came in, and answers them as URNs (Always_URN, No_Preference) or as GS1 "
                        + "Web URIs (Always_Web_URI)");
            }
        }
        return null;
    }

    /** A request header's value, trimmed; null when absent. */
    private static String header(ServerRequest request, String name) {
        String value = request.headers().firstHeader(name);
        return value == null ? null : value.strip();
    }

    /**
     * {@code 406} for a form this repository does not answer in, whether one of the binding's ({@code known})
     * or none (the binding gives the event resources no {@code 400}), saying {@code why}.
     */
    private static Mono<ServerResponse> formatRefusal(String header, String value, List<String> known, String why) {
        return problem(HttpStatus.NOT_ACCEPTABLE, EpcisAnswers.NOT_ACCEPTABLE, "Not Acceptable", known.contains(value)
                ? header + ": " + why + ", not " + value
                : header + ": \"" + value + "\" is none of the values the binding defines; " + why);
    }

    /** How the XML answer writes CBV values for {@code GS1-CBV-XML-Format} {@code value} (null: absent); null when it cannot. */
    private static EventXml.CbvValues cbvValues(String value) {
        return switch (value == null ? "No_Preference" : value) {
            case "No_Preference", "Always_URN" -> EventXml.CbvValues.URN;
            case "Always_Web_URI" -> EventXml.CbvValues.WEB_URI;
            default -> null;
        };
    }

    /**
     * The media type of the answer, by the request's {@code Accept} in order of preference ({@code q}):
     * JSON-LD as {@code application/json} (also for {@code *}{@code /*} or no {@code Accept}), as
     * {@code application/ld+json} when that is what is asked, or XML ({@code application/xml} or
     * {@code text/xml}) for an EPCIS query document; null when none of these is acceptable.
     */
    private static MediaType mediaType(ServerRequest request, boolean events) {
        List<MediaType> accepted = new ArrayList<>(request.headers().accept());
        if (accepted.isEmpty()) {
            return MediaType.APPLICATION_JSON;
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed()); // stable: ties keep their order
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return MediaType.APPLICATION_JSON;
            }
            if (type.isCompatibleWith(JSON_LD)) {
                return JSON_LD;
            }
            if (events && (type.isCompatibleWith(MediaType.APPLICATION_XML) || type.isCompatibleWith(MediaType.TEXT_XML))) {
                return MediaType.APPLICATION_XML;
            }
        }
        return null;
    }

    static ServerResponse.BodyBuilder answer(ServerRequest request) {
        return answer(request, false);
    }

    private static ServerResponse.BodyBuilder answer(ServerRequest request, boolean events) {
        MediaType type = mediaType(request, events);
        ServerResponse.BodyBuilder ok = ServerResponse.ok().contentType(type).headers(EpcisAnswers::versions);
        if (events) {
            ok.header(EPC_FORMAT, DIGITAL_LINK);
            if (type.equals(MediaType.APPLICATION_XML)) {
                ok.header(CBV_XML_FORMAT, cbvValues(header(request, CBV_XML_FORMAT)) == EventXml.CbvValues.WEB_URI
                        ? "Always_Web_URI" : "Always_URN");
            }
        }
        return ok;
    }

    /** The bytes of the EPCIS query document of {@code rows} in the form the request accepts: JSON-LD, or XML ({@link QueryXml}). */
    private static Mono<byte[]> body(ServerRequest request, List<Record> rows) {
        if (MediaType.APPLICATION_XML.equals(mediaType(request, true))) {
            // Reading the events back is CPU work of some milliseconds, and the first one loads the reader's schemas.
            EventXml.CbvValues cbvValues = cbvValues(header(request, CBV_XML_FORMAT));
            return Mono.fromCallable(() -> QueryXml.of(document(rows), cbvValues)).subscribeOn(Schedulers.boundedElastic());
        }
        return Mono.just(json(rows));
    }

    /** The JSON-LD query document of {@code rows}, of the query {@code SimpleEventQuery} ({@code GET /events}). */
    static byte[] json(List<Record> rows) {
        return json(rows, "SimpleEventQuery", null);
    }

    /**
     * The JSON-LD query document of {@code rows}, its results naming {@code queryName} and, for a
     * subscription's report, {@code subscriptionId} (else null). Each event's stored JSON-LD is copied as
     * it is, its record time put first (JSON's members have no order), rather than parsed and written
     * again; an event declared erroneous by a later one is parsed, to add the declaration where the
     * stored event has none.
     */
    static byte[] json(List<Record> rows, String queryName, String subscriptionId) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1024 + rows.size() * 1024);
        try (tools.jackson.core.JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeArrayPropertyStart("@context");
            out.writeString(CONTEXT);
            out.writeEndArray();
            out.writeStringProperty("type", "EPCISQueryDocument");
            out.writeStringProperty("schemaVersion", "2.0");
            out.writeStringProperty("creationDate", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC)));
            out.writeObjectPropertyStart("epcisBody");
            out.writeObjectPropertyStart("queryResults");
            out.writeStringProperty("queryName", queryName);
            if (subscriptionId != null) {
                out.writeStringProperty("subscriptionID", subscriptionId);
            }
            out.writeObjectPropertyStart("resultsBody");
            out.writeArrayPropertyStart("eventList");
            for (Record row : rows) {
                String stored = row.get("epcis").asString();
                if (!row.get("errorDeclaredAt").isNull() || !stored.startsWith("{\"")) {
                    out.writeTree(event(row));
                } else if (row.get("recordTime").isNull()) {
                    out.writeRawValue(stored);
                } else {
                    out.writeRawValue("{\"recordTime\":\"" + RecordedEvent.time(row.get("recordTime")) + "\"," + stored.substring(1));
                }
            }
            out.writeEndArray();
            out.writeEndObject();
            out.writeEndObject();
            out.writeEndObject();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static Mono<ServerResponse> ok(ServerRequest request, ObjectNode document) {
        return answer(request).bodyValue(JSON.writeValueAsBytes(document));
    }

    private static Mono<ServerResponse> notFound(String id) {
        return problem(HttpStatus.NOT_FOUND, EpcisAnswers.NO_SUCH_NAME, "Resource not found",
                "no event " + id + " that this caller may see");
    }

    int perPage(List<String> values) {
        if (values == null) {
            return settings.defaultPerPage();
        }
        try {
            int perPage = values.size() == 1 ? Integer.parseInt(values.getFirst().strip()) : -1;
            if (perPage >= 1 && perPage <= settings.maxPerPage()) {
                return perPage;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new EventQuery.QueryParameterException("perPage", "1 to " + settings.maxPerPage() + " events a page");
    }

    static PageToken token(List<String> values) {
        try {
            if (values.size() == 1) {
                return PageToken.decode(values.getFirst());
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new EventQuery.QueryParameterException("nextPageToken", "not a token of this repository; pass the one of "
                + "the Link header");
    }

    /** The EPCIS query document of {@code rows} as a tree ({@link #json}, read back: for the XML binding). */
    static ObjectNode document(List<Record> rows) {
        return (ObjectNode) JSON.readTree(json(rows));
    }

    /** One event as stored, with its record time and, when a later event declared it erroneous, the declaration. */
    private static ObjectNode event(Record row) {
        ObjectNode event = (ObjectNode) JSON.readTree(row.get("epcis").asString());
        if (!row.get("recordTime").isNull()) {
            event.put("recordTime", RecordedEvent.time(row.get("recordTime")));
        }
        if (!row.get("errorDeclaredAt").isNull() && !event.has("errorDeclaration")) {
            ObjectNode declaration = event.putObject("errorDeclaration");
            declaration.put("declarationTime", RecordedEvent.time(row.get("errorDeclaredAt")));
            if (!row.get("errorReason").isNull()) {
                declaration.put("reason", row.get("errorReason").asString());
            }
            if (!row.get("correctiveEventIds").isNull() && !row.get("correctiveEventIds").asList().isEmpty()) {
                ArrayNode ids = declaration.putArray("correctiveEventIDs");
                row.get("correctiveEventIds").asList(Value::asString).forEach(ids::add);
            }
        }
        return event;
    }

}
