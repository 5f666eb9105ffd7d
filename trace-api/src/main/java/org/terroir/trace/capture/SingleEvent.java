package org.terroir.trace.capture;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One EPCIS 2.0 event as {@code POST /events} takes it (JSON-LD, the binding's
 * {@code EPCIS-Document-Event}), wrapped into the document the capture pipeline reads: the event's
 * own {@code @context} becomes the document's, after the EPCIS 2.0 context, so its prefixes mean what
 * they meant.
 *
 * @param document   the EPCIS document of the one event, JSON-LD
 * @param eventId    the event's {@code eventID}, if it gives one
 * @param declaresError whether the event carries an {@code errorDeclaration} (it marks an earlier event)
 */
record SingleEvent(byte[] document, String eventId, boolean declaresError) {

    static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The document of the event in {@code body}, created at {@code receivedAt}.
     *
     * @throws IllegalArgumentException naming what is wrong: not JSON, not one object, not an event type
     */
    static SingleEvent of(byte[] body, Instant receivedAt) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalArgumentException("the body must be one EPCIS event, a JSON object");
        }
        ObjectNode event = (ObjectNode) parsed;
        JsonNode type = event.get("type");
        if (type == null || !type.isString() || !EVENT_TYPES.contains(type.stringValue())) {
            String given = type == null ? "none" : type.toString();
            throw new IllegalArgumentException("type: " + given + " is not an EPCIS event type (" + String.join(", ",
                    new java.util.TreeSet<>(EVENT_TYPES)) + ")" + ("\"EPCISDocument\"".equals(given)
                    ? "; a document goes to POST /capture" : ""));
        }
        Set<JsonNode> contexts = new LinkedHashSet<>();
        contexts.add(JSON.getNodeFactory().stringNode(EPCIS_CONTEXT));
        JsonNode own = event.remove("@context");
        if (own != null && own.isArray()) {
            own.forEach(contexts::add);
        } else if (own != null) {
            contexts.add(own);
        }
        ObjectNode document = JSON.createObjectNode();
        ArrayNode context = document.putArray("@context");
        contexts.forEach(context::add);
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", receivedAt.toString());
        document.putObject("epcisBody").putArray("eventList").add(event);
        JsonNode id = event.get("eventID");
        return new SingleEvent(JSON.writeValueAsBytes(document), id != null && id.isString() ? id.stringValue() : null,
                event.has("errorDeclaration"));
    }
}
