package org.terroir.trace.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.neo4j.driver.Value;
import org.terroir.model.EventAction;
import org.terroir.model.EventType;
import org.terroir.trace.trace.Location;
import org.terroir.trace.trace.Party;

/**
 * An EPCIS event as the graph holds it, for the event queries.
 *
 * @param eventId     the event's id (a URI, e.g. {@code urn:uuid:…} or {@code ni:///…})
 * @param type        {@code ObjectEvent}, {@code AggregationEvent}, {@code TransformationEvent}, …
 * @param action      {@code ADD}, {@code OBSERVE} or {@code DELETE}; {@code null} for a transformation
 * @param bizStep     the business step, a CBV name such as {@code shipping}, or a URI of one's own
 * @param disposition the disposition, likewise
 * @param eventTime   when it happened, ISO 8601 with the offset it was recorded in
 * @param recordTime  when it was recorded, if known
 * @param bizLocation where it happened
 * @param readPoint   where it was read
 * @param objectCount how many batches, items and containers it names
 * @param objects     the first {@value org.terroir.trace.events.EventStatements#EVENT_LIST_CAP} of them, by role and key
 * @param parties     the parties of its source and destination lists
 * @param errorDeclaration when an error declaration named the event erroneous, what it said; else null
 */
public record RecordedEvent(String eventId, EventType type, EventAction action, String bizStep, String disposition, String eventTime,
                            String recordTime, Location bizLocation, Location readPoint, int objectCount,
                            List<EventObject> objects, List<EventParty> parties, ErrorDeclaration errorDeclaration) {

    public RecordedEvent {
        objects = List.copyOf(objects);
        parties = List.copyOf(parties);
    }

    /** How an event names an object (the relationship type in the graph), or that a hop moved it. */
    public enum ObjectRole { OBSERVED, INPUT, OUTPUT, PARENT, CHILD, MOVED }

    /** What an object is (its label in the graph). */
    public enum ObjectKind { BATCH, ITEM, CONTAINER }

    /**
     * A batch, item or container an event names (or a hop moved), and how.
     *
     * @param role how
     * @param kind what it is; {@code null} when unknown
     * @param key  its key, e.g. {@code 01/09520011001021/10/LC2601}
     */
    public record EventObject(ObjectRole role, ObjectKind kind, String key) {

        /** The object of a {@code {key, kind (its label)}} map. */
        static EventObject from(ObjectRole role, Value map) {
            Value kind = map.get("kind");
            return new EventObject(role, kind.isNull() ? null : ObjectKind.valueOf(kind.asString().toUpperCase(java.util.Locale.ROOT)),
                    map.get("key").asString());
        }

        /** Its GS1 Digital Link on GS1's resolver. */
        public String digitalLink() {
            return org.terroir.model.id.EpcIdentifier.fromKey(key).toDigitalLink();
        }
    }

    /** A party of an event's source or destination list. */
    public record EventParty(String role, String type, Party party) {}

    /**
     * What an EPCIS error declaration said of an event: that it was erroneous, when (ISO 8601), why
     * (a CBV error reason such as {@code incorrect_data}, or a URI; null when not given), and the
     * events that correct it.
     */
    public record ErrorDeclaration(String declarationTime, String reason, List<String> correctiveEventIds) {

        public ErrorDeclaration {
            correctiveEventIds = List.copyOf(correctiveEventIds);
        }

        static ErrorDeclaration from(Value map) {
            return map.isNull() ? null : new ErrorDeclaration(time(map.get("declarationTime")), text(map.get("reason")),
                    map.get("correctiveEventIds").asList(Value::asString));
        }
    }

    /** The event of an {@code events.byId} row. */
    static RecordedEvent from(org.neo4j.driver.Record row) {
        String action = text(row.get("action"));
        return new RecordedEvent(row.get("eventId").asString(), EventType.fromValue(row.get("type").asString()),
                action == null ? null : EventAction.valueOf(action),
                text(row.get("bizStep")), text(row.get("disposition")), time(row.get("eventTime")), time(row.get("recordTime")),
                Location.from(row.get("bizLocation")), Location.from(row.get("readPoint")), row.get("objectCount").asInt(),
                row.get("objects").asList(v -> EventObject.from(ObjectRole.valueOf(v.get("role").asString()), v)),
                row.get("parties").asList(v -> new EventParty(v.get("role").asString(), text(v.get("type")),
                        Party.from(v.get("party")))), ErrorDeclaration.from(row.get("errorDeclaration")));
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }

    /** ISO 8601 with offset; a value stored without an offset is read as UTC. */
    public static String time(Value value) {
        if (value.isNull()) {
            return null;
        }
        OffsetDateTime time = switch (value.type().name()) {
            case "LOCAL_DATE_TIME" -> value.asLocalDateTime().atOffset(java.time.ZoneOffset.UTC);
            default -> value.asOffsetDateTime();
        };
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
