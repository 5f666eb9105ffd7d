package org.terroir.trace.query;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.model.Cbv;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.Sgtin;
import org.terroir.model.id.Sscc;
import org.terroir.model.cypher.Statement;

/**
 * One EPCIS 2.0 {@code SimpleEventQuery} as the REST binding's URI query string gives it: each
 * parameter checked and turned into the parameters of a {@link QueryStatements} statement, and the
 * way in that statement reads the graph by (the events named, their objects, their locations, or
 * the event-time index). Values of one parameter are alternatives, given pipe-delimited
 * ({@code eventType=ObjectEvent|AggregationEvent}) or repeated; parameters must all hold.
 *
 * @param query      the parameters as given (name to values), what a page token carries
 * @param statement  the statement of the way in
 * @param parameters its parameters, without the page's position and size and the caller's view
 */
record EventQuery(SortedMap<String, List<String>> query, Statement statement, Map<String, Object> parameters) {

    /** A parameter this repository does not know or a value it cannot take: the query's {@code QueryParameterException}. */
    static final class QueryParameterException extends RuntimeException {
        QueryParameterException(String parameter, String reason) {
            super(parameter + ": " + reason, null, false, false);
        }
    }

    private static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE", "DELETE");
    private static final String SOURCE = "EQ_source_";
    private static final String DESTINATION = "EQ_destination_";

    /** What each {@code MATCH_} parameter matches: the fields of {@code Event.identifiers} it looks in. */
    private static final Map<String, List<String>> MATCH = Map.of(
            "MATCH_epc", List.of("epc"),
            "MATCH_parentID", List.of("parent"),
            "MATCH_inputEPC", List.of("input"),
            "MATCH_outputEPC", List.of("output"),
            "MATCH_anyEPC", List.of("epc", "parent", "input", "output"),
            "MATCH_epcClass", List.of("class"),
            "MATCH_inputEPCClass", List.of("inputClass"),
            "MATCH_outputEPCClass", List.of("outputClass"),
            "MATCH_anyEPCClass", List.of("class", "inputClass", "outputClass"));

    /** The parameters {@link QueryStatements} take, every one null ("any") unless the query gives it. */
    private static final List<String> FILTERS = List.of("types", "actions", "bizSteps", "dispositions", "geEventTime",
            "ltEventTime", "geRecordTime", "ltRecordTime", "eventIds", "readPoints", "bizLocations", "withinReadPoints",
            "withinBizLocations", "errorDeclared", "geErrorDeclarationTime", "ltErrorDeclarationTime", "errorReasons",
            "correctiveEventIds");

    /** Reads {@code query} (name to values as given; {@code perPage} and {@code nextPageToken} left out). */
    static EventQuery of(Map<String, List<String>> given) {
        SortedMap<String, List<String>> query = new TreeMap<>();
        given.forEach((name, values) -> {
            List<String> split = new ArrayList<>();
            values.forEach(v -> {
                for (String part : v.split("\\|", -1)) {
                    if (part.isBlank()) {
                        throw new QueryParameterException(name, "an empty value");
                    }
                    split.add(part.strip());
                }
            });
            query.put(name, List.copyOf(new LinkedHashSet<>(split)));
        });
        Map<String, Object> parameters = new HashMap<>();
        FILTERS.forEach(f -> parameters.put(f, null));
        List<List<String>> matches = new ArrayList<>();
        List<String> objects = null;
        for (Map.Entry<String, List<String>> p : query.entrySet()) {
            String name = p.getKey();
            List<String> values = p.getValue();
            switch (name) {
                case "eventType" -> parameters.put("types", values); // an extension type's name matches nothing here
                case "EQ_action" -> parameters.put("actions", check(name, values, ACTIONS::contains, "ADD, OBSERVE or DELETE"));
                case "EQ_bizStep" -> parameters.put("bizSteps", vocabulary(name, values, Cbv.BIZ_STEP));
                case "EQ_disposition" -> parameters.put("dispositions", vocabulary(name, values, Cbv.DISPOSITION));
                case "EQ_errorReason" -> parameters.put("errorReasons", vocabulary(name, values, Cbv.ERROR_REASON));
                case "GE_eventTime" -> parameters.put("geEventTime", time(name, values));
                case "LT_eventTime" -> parameters.put("ltEventTime", time(name, values));
                case "GE_recordTime" -> parameters.put("geRecordTime", time(name, values));
                case "LT_recordTime" -> parameters.put("ltRecordTime", time(name, values));
                case "GE_errorDeclarationTime" -> parameters.put("geErrorDeclarationTime", time(name, values));
                case "LT_errorDeclarationTime" -> parameters.put("ltErrorDeclarationTime", time(name, values));
                case "EQ_eventID" -> parameters.put("eventIds", uris(name, values));
                case "EQ_correctiveEventID" -> parameters.put("correctiveEventIds", uris(name, values));
                case "EXISTS_errorDeclaration" -> {
                    String value = values.size() == 1 ? values.getFirst() : "";
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new QueryParameterException(name, "true (events declared erroneous) or false (the others)");
                    }
                    parameters.put("errorDeclared", Boolean.parseBoolean(value));
                }
                case "EQ_readPoint" -> parameters.put("readPoints", keys(name, values));
                case "EQ_bizLocation" -> parameters.put("bizLocations", keys(name, values));
                case "WD_readPoint" -> parameters.put("withinReadPoints", keys(name, values));
                case "WD_bizLocation" -> parameters.put("withinBizLocations", keys(name, values));
                default -> {
                    if (MATCH.containsKey(name)) {
                        List<String> tests = new ArrayList<>();
                        List<String> exactObjects = new ArrayList<>();
                        for (String value : values) {
                            Epc epc = epc(name, value);
                            boolean pattern = value.startsWith("urn:epc:idpat:");
                            for (String field : MATCH.get(name)) {
                                tests.add(field + " " + epc.key());
                                if (pattern) {
                                    tests.add(field + " " + epc.key() + "/");
                                }
                            }
                            if (!pattern && isObject(epc)) {
                                exactObjects.add(epc.key());
                            }
                        }
                        matches.add(tests);
                        if (objects == null && exactObjects.size() == values.size()) {
                            objects = exactObjects;
                        }
                    } else if (name.startsWith(SOURCE) || name.startsWith(DESTINATION)) {
                        boolean source = name.startsWith(SOURCE);
                        String type = name.substring((source ? SOURCE : DESTINATION).length());
                        String normal = Cbv.SOURCE_DESTINATION_TYPE.normalise(type).orElseThrow(() ->
                                new QueryParameterException(name, Cbv.SOURCE_DESTINATION_TYPE.rejection(type)));
                        matches.add(values.stream().map(v -> (source ? "source " : "destination ") + normal + " "
                                + epc(name, v).key()).toList());
                    } else if (name.equals("orderBy")) {
                        if (!values.equals(List.of("eventTime")) || !List.of("ASC").equals(query.get("orderDirection"))) {
                            throw new QueryParameterException(name, "events come in event time order, earliest first "
                                    + "(orderBy=eventTime&orderDirection=ASC, or neither); no other order is offered");
                        }
                    } else if (name.equals("orderDirection")) {
                        check(name, values, v -> v.equals("ASC") || v.equals("DESC"), "ASC or DESC");
                    } else {
                        throw new QueryParameterException(name, "not a query parameter this repository takes (see docs/capture.md, "
                                + "Query); perPage and nextPageToken page");
                    }
                }
            }
        }
        parameters.put("matches", matches);
        Statement statement;
        if (parameters.get("eventIds") != null) {
            statement = QueryStatements.BY_ID;
        } else if (objects != null) {
            statement = QueryStatements.OF_OBJECTS;
            parameters.put("objects", objects);
        } else if (parameters.get("bizLocations") != null || parameters.get("readPoints") != null) {
            statement = QueryStatements.AT_LOCATIONS;
            parameters.put("locations", parameters.get("bizLocations") != null ? parameters.get("bizLocations")
                    : parameters.get("readPoints"));
        } else {
            statement = QueryStatements.IN_TIME;
        }
        return new EventQuery(query, statement, parameters);
    }

    /** Where the event-time index is read from: the later of {@code GE_eventTime} and the page's position. */
    String start(String after) {
        String from = (String) parameters.get("geEventTime");
        OffsetDateTime start = from == null ? null : OffsetDateTime.parse(from);
        if (after != null) {
            OffsetDateTime at = OffsetDateTime.parse(after);
            start = start == null || at.isAfter(start) ? at : start;
        }
        return start == null ? "0001-01-01T00:00:00Z" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start);
    }

    private static List<String> check(String name, List<String> values, java.util.function.Predicate<String> valid, String rule) {
        for (String v : values) {
            if (!valid.test(v)) {
                throw new QueryParameterException(name, "\"" + v + "\" is not " + rule);
            }
        }
        return values;
    }

    private static List<String> vocabulary(String name, List<String> values, Cbv vocabulary) {
        return values.stream().map(v -> vocabulary.normalise(v)
                .orElseThrow(() -> new QueryParameterException(name, vocabulary.rejection(v)))).distinct().toList();
    }

    private static String time(String name, List<String> values) {
        if (values.size() != 1) {
            throw new QueryParameterException(name, "takes one time");
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(values.getFirst())
                    .withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new QueryParameterException(name, "\"" + values.getFirst() + "\" is not a date and time with its offset, "
                    + "like 2026-03-01T08:00:00+08:00");
        }
    }

    private static List<String> uris(String name, List<String> values) {
        return check(name, values, Cbv::isAbsoluteUri, "an absolute URI");
    }

    private static List<String> keys(String name, List<String> values) {
        return values.stream().map(v -> epc(name, v).key()).distinct().toList();
    }

    private static Epc epc(String name, String value) {
        if (!Cbv.isAbsoluteUri(value)) {
            throw new QueryParameterException(name, "\"" + value + "\" is not an EPC URI or GS1 Digital Link");
        }
        return Epc.of(value);
    }

    /** Whether the graph has a node for it: a batch, an item, a container or a product. */
    private static boolean isObject(Epc epc) {
        if (!epc.gs1Key()) {
            return false;
        }
        EpcIdentifier id = epc.identifier().orElseThrow();
        return id instanceof Lgtin || id instanceof Sgtin || id instanceof Sscc || id instanceof Gtin;
    }
}
