package org.terroir.importer.epcis.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.model.Cbv;
import tools.jackson.databind.JsonNode;

/**
 * Reads the scalars, lists and objects of one event tree and collects its problems, so that every
 * part of the mapping ({@link EventMapper}, {@link CommonFieldMapper}, {@link SensorElementMapper},
 * {@link UserExtensions}) reports a problem the same way: file, event index and line, field path,
 * reason. One reader serves a whole document; {@link #begin} starts each event afresh.
 */
final class FieldReader {

    private final String file;
    private final boolean xml;
    private int index;
    private long line;
    private Names names;
    private List<Problem> problems;

    /**
     * @param file the document's file name, for problems
     * @param xml  whether scalars arrive as text (XML binding)
     */
    FieldReader(String file, boolean xml) {
        this.file = file;
        this.xml = xml;
    }

    /** Starts an event: its position, the prefixes in scope, and the problems found before mapping. */
    void begin(int index, long line, Names names, List<Problem> earlier) {
        this.index = index;
        this.line = line;
        this.names = names;
        this.problems = new ArrayList<>(earlier);
    }

    /** Adds an event-level {@code @context}'s prefixes to those in scope for the rest of the event. */
    void declare(Map<String, String> prefixes) {
        names = names.with(prefixes);
    }

    Names names() {
        return names;
    }

    /** Whether scalars arrive as text (XML binding), so numbers and booleans are parsed from text. */
    boolean xml() {
        return xml;
    }

    /** This event's problems so far, in the order found (the list itself, handed on to its {@code ReadEvent}). */
    List<Problem> problems() {
        return problems;
    }

    void problem(String field, String reason) {
        problems.add(new Problem(file, index, line, field, reason));
    }

    boolean hasProblemFor(String field) {
        return problems.stream().anyMatch(p -> p.field().startsWith(field));
    }

    static String scalarText(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.isString() ? value.stringValue().strip() : value.asString();
    }

    /** A string field; null (with a problem when present but not a string) otherwise. */
    String string(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            problem(path, "expected a string, got " + describe(value));
            return null;
        }
        return value.stringValue().strip();
    }

    String uri(JsonNode node, String field, String path) {
        String text = string(node, field, path);
        if (text == null) {
            return null;
        }
        if (!Cbv.isAbsoluteUri(text)) {
            problem(path, "\"" + text + "\" is not an absolute URI");
            return null;
        }
        return text;
    }

    Optional<BigDecimal> decimal(JsonNode value, String path) {
        if (value.isNumber()) {
            return Optional.of(Decimals.normal(value.decimalValue()));
        }
        if (xml && value.isString()) {
            try {
                return Optional.of(Decimals.normal(new BigDecimal(value.stringValue().strip())));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        problem(path, "expected a number, got " + describe(value));
        return Optional.empty();
    }

    Iterable<JsonNode> array(JsonNode node, String field) {
        return array(node, field, field);
    }

    Iterable<JsonNode> array(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        return value == null ? List.of() : arrayOf(value, path);
    }

    Iterable<JsonNode> arrayOf(JsonNode value, String path) {
        if (!value.isArray()) {
            problem(path, "expected a list, got " + describe(value));
            return List.of();
        }
        return value;
    }

    boolean checkObject(JsonNode item, String path, Set<String> allowed) {
        if (!item.isObject()) {
            problem(path, "expected an object, got " + describe(item));
            return false;
        }
        boolean ok = true;
        for (String key : item.propertyNames()) {
            if (!allowed.contains(key)) {
                problem(path + "." + key, "unknown field (expected " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                ok = false;
            }
        }
        return ok;
    }

    /** A standard (non-extension) name: no namespace prefix, no expanded XML name. */
    static boolean isStandardLooking(String key) {
        return !key.contains(":") && !key.startsWith("{");
    }

    static String describe(JsonNode value) {
        if (value.isString()) {
            return "\"" + value.stringValue() + "\"";
        }
        if (value.isContainer()) {
            return value.isArray() ? "a list" : "an object";
        }
        return value.toString();
    }
}
