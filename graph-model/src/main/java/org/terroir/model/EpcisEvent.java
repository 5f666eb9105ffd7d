package org.terroir.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A GS1 EPCIS 2.0 event, node {@code (:Event {eventId, type, action?, bizStep?, disposition?,
 * eventTime, eventTimeZoneOffset, recordTime?})}, keyed by its event ID. What, where and who are
 * relationships: {@code OBSERVED}, {@code INPUT}, {@code OUTPUT}, {@code PARENT}, {@code CHILD},
 * {@code AT} (bizLocation), {@code READ_AT} (readPoint), {@code INVOLVES}.
 *
 * @param eventId             the EPCIS eventID: an absolute URI, e.g. {@code urn:uuid:...} or an event hash {@code ni:///sha-256;...}
 * @param type                the event type
 * @param action              the action: present for every type but {@link EventType#TRANSFORMATION_EVENT}, which has none
 * @param bizStep             the business step: a CBV 2.0 name (any of its forms is stored bare, see {@link Cbv}) or a URI of one's own
 * @param disposition         the disposition, read like the business step
 * @param eventTime           when the event happened
 * @param eventTimeZoneOffset the offset in force where it happened, whole minutes from -14:00 to +14:00, e.g. {@code +08:00}
 * @param recordTime          when it was recorded, if known
 */
public record EpcisEvent(String eventId, EventType type, Optional<EventAction> action, Optional<String> bizStep,
        Optional<String> disposition, Instant eventTime, ZoneOffset eventTimeZoneOffset,
        Optional<Instant> recordTime) {

    private static final int MAX_OFFSET_SECONDS = 14 * 3600;

    /** Validates the event ID, the action against the type, the CBV values and the offset. */
    public EpcisEvent {
        Check.present("EpcisEvent.eventId", eventId);
        if (eventId.length() > 512 || Cbv.absoluteUri(eventId).isEmpty()) {
            throw Check.invalid("EpcisEvent.eventId", eventId,
                    "an absolute URI of at most 512 characters, e.g. urn:uuid:6f1c9a9e-2f4b-4c38-9a51-0d3c2e7b8a10");
        }
        Check.present("EpcisEvent.type", type);
        Check.present("EpcisEvent.action", action);
        if (type.hasAction() && action.isEmpty()) {
            throw new IllegalArgumentException("EpcisEvent.action must be present (ADD, OBSERVE or DELETE) for an "
                    + type.value());
        }
        if (!type.hasAction() && action.isPresent()) {
            throw Check.invalid("EpcisEvent.action", action.get(), "absent for a " + type.value());
        }
        bizStep = Check.present("EpcisEvent.bizStep", bizStep).map(s -> Cbv.bizStep("EpcisEvent.bizStep", s));
        disposition = Check.present("EpcisEvent.disposition", disposition)
                .map(d -> Cbv.disposition("EpcisEvent.disposition", d));
        Check.present("EpcisEvent.eventTime", eventTime);
        Check.present("EpcisEvent.eventTimeZoneOffset", eventTimeZoneOffset);
        int seconds = eventTimeZoneOffset.getTotalSeconds();
        if (seconds % 60 != 0 || Math.abs(seconds) > MAX_OFFSET_SECONDS) {
            throw Check.invalid("EpcisEvent.eventTimeZoneOffset", eventTimeZoneOffset,
                    "whole minutes from -14:00 to +14:00, e.g. +08:00");
        }
        Check.present("EpcisEvent.recordTime", recordTime);
    }

    /** The event time in the local time of where it happened. */
    public OffsetDateTime localEventTime() {
        return eventTime.atOffset(eventTimeZoneOffset);
    }

    /** The offset as EPCIS writes it, {@code +hh:mm} or {@code -hh:mm}: {@code +00:00} rather than {@code Z}. */
    public String eventTimeZoneOffsetText() {
        int seconds = eventTimeZoneOffset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return "%s%02d:%02d".formatted(seconds < 0 ? "-" : "+", minutes / 60, minutes % 60);
    }
}
