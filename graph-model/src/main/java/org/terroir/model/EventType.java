package org.terroir.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The five GS1 EPCIS 2.0 event types, stored as the {@code type} property of an {@code Event}. */
public enum EventType {

    /** Something happened to objects: commissioned, observed, shipped, received... */
    OBJECT_EVENT("ObjectEvent"),
    /** Objects were packed into (ADD) or unpacked from (DELETE) a parent container. */
    AGGREGATION_EVENT("AggregationEvent"),
    /** Inputs were consumed to make outputs, e.g. sweet potatoes dried into a batch of ground melon. */
    TRANSFORMATION_EVENT("TransformationEvent"),
    /** Objects were tied to or released from a business transaction, e.g. a purchase order. */
    TRANSACTION_EVENT("TransactionEvent"),
    /** Objects were associated with or dissociated from a parent that is not a container, e.g. a sensor. */
    ASSOCIATION_EVENT("AssociationEvent");

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    /** The EPCIS name, e.g. {@code ObjectEvent}. */
    public String value() {
        return value;
    }

    /** Whether events of this type carry an {@link EventAction}; only a transformation has none. */
    public boolean hasAction() {
        return this != TRANSFORMATION_EVENT;
    }

    /** The type of an EPCIS name, e.g. {@code ObjectEvent}. */
    public static EventType fromValue(String value) {
        Check.present("EventType", value);
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst()
                .orElseThrow(() -> Check.invalid("EventType", value, "one of "
                        + Arrays.stream(values()).map(EventType::value).collect(Collectors.joining(", "))));
    }
}
