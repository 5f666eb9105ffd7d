package org.terroir.trace.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A named query of the binding's {@code /queries}: a name and an EPCIS query in the JSON form of
 * GS1's query schema ({@code query-schema.json}: each parameter's values an array, the times and
 * other single values as themselves), read into the parameters of {@link EventQuery} and written
 * back in that form.
 *
 * @param name  its name: letters, digits, {@code . _ ~ -}, at most 128
 * @param query its parameters, name to values, as {@link EventQuery#query()} holds them
 */
record NamedQuery(String name, SortedMap<String, List<String>> query) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~-]{1,128}");
    /** The parameters whose JSON value is one value, not an array. */
    private static final Set<String> SINGLE = Set.of("GE_eventTime", "LT_eventTime", "GE_recordTime", "LT_recordTime",
            "GE_errorDeclarationTime", "LT_errorDeclarationTime", "orderBy", "orderDirection");
    private static final String EXISTS = "EXISTS_errorDeclaration";

    /** Whether {@code name} may name a query (it is a path segment of {@code /queries/{queryName}}). */
    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * The named query a {@code POST /queries} body defines: {@code {"name": …, "query": {…}}}, each
     * parameter checked as {@link EventQuery} checks it.
     *
     * @throws EventQuery.QueryParameterException naming what is wrong
     */
    static NamedQuery of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new EventQuery.QueryParameterException("body", "a JSON object {\"name\": …, \"query\": {…}}");
        }
        String name = body.path("name").isString() ? body.get("name").asString() : null;
        if (!validName(name)) {
            throw new EventQuery.QueryParameterException("name", "1 to 128 letters, digits or . _ ~ -");
        }
        JsonNode query = body.get("query");
        if (query == null || !query.isObject()) {
            throw new EventQuery.QueryParameterException("query", "a JSON object of query parameters");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> p : query.properties()) {
            String parameter = p.getKey();
            JsonNode value = p.getValue();
            List<String> values = new ArrayList<>();
            if (parameter.equals(EXISTS)) {
                if (!value.isNull() && !(value.isBoolean() && value.booleanValue())) {
                    throw new EventQuery.QueryParameterException(parameter, "null (the events declared erroneous)");
                }
                values.add("true");
            } else if (value.isArray() && !SINGLE.contains(parameter)) {
                for (JsonNode item : value) {
                    if (!item.isValueNode() || item.isNull()) {
                        throw new EventQuery.QueryParameterException(parameter, "an array of strings");
                    }
                    values.add(item.asString());
                }
            } else if (value.isValueNode() && !value.isNull() && SINGLE.contains(parameter)) {
                values.add(value.asString());
            } else {
                throw new EventQuery.QueryParameterException(parameter, SINGLE.contains(parameter) ? "one value" : "an array of values");
            }
            if (values.isEmpty()) {
                throw new EventQuery.QueryParameterException(parameter, "at least one value");
            }
            parameters.put(parameter, values);
        }
        return new NamedQuery(name, EventQuery.of(parameters).query());
    }

    /** The query as stored: its parameters as JSON, name to values. */
    static String stored(SortedMap<String, List<String>> query) {
        return JSON.writeValueAsString(query);
    }

    /** The named query stored as {@code name} with {@code stored} parameters. */
    static NamedQuery stored(String name, String stored) {
        SortedMap<String, List<String>> query = new TreeMap<>();
        JSON.readTree(stored).properties().forEach(p -> query.put(p.getKey(), p.getValue().valueStream().map(JsonNode::asString).toList()));
        return new NamedQuery(name, query);
    }

    /** As the binding shows a query: {@code {"name": …, "query": {…}}}, in the query schema's JSON form. */
    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", name);
        ObjectNode parameters = node.putObject("query");
        query.forEach((parameter, values) -> {
            if (parameter.equals(EXISTS)) {
                parameters.putNull(parameter);
            } else if (SINGLE.contains(parameter)) {
                parameters.put(parameter, values.getFirst());
            } else {
                values.forEach(parameters.putArray(parameter)::add);
            }
        });
        return node;
    }
}
