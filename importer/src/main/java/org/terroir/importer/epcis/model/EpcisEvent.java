package org.terroir.importer.epcis.model;

import org.terroir.model.Cbv;
import java.util.Optional;

/**
 * One EPCIS 2.0 event, as read from a JSON-LD or XML document: the five standard event types.
 * Fields every event has are in {@link #common()}; each type adds its "what" dimension.
 * Vocabulary values (bizStep, disposition, ...) are normalised by {@link Cbv}; identifiers by
 * {@link Epc#of(String)}.
 */
public sealed interface EpcisEvent
        permits ObjectEvent, AggregationEvent, TransformationEvent, TransactionEvent, AssociationEvent {

    /** The fields all event types share. */
    EventCommon common();

    /** The EPCIS event type name, e.g. {@code ObjectEvent}. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** The event's own {@code eventID}, when the document gives one. */
    default Optional<String> eventId() {
        return common().eventId();
    }
}
