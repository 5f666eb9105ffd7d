package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpcisEventTest {

    private static final String ID = "urn:uuid:6f1c9a9e-2f4b-4c38-9a51-0d3c2e7b8a10";
    private static final Instant TIME = Instant.parse("2026-11-20T01:30:00Z");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private static EpcisEvent event(EventType type, Optional<EventAction> action, String bizStep, String disposition) {
        return new EpcisEvent(ID, type, action, Optional.ofNullable(bizStep), Optional.ofNullable(disposition), TIME, CHINA,
                Optional.empty());
    }

    @Test
    void shippingObjectEventHoldsItsFields() {
        EpcisEvent event = event(EventType.OBJECT_EVENT, Optional.of(EventAction.OBSERVE), "shipping", "in_transit");
        assertThat(event.type().value()).isEqualTo("ObjectEvent");
        assertThat(event.bizStep()).contains(Cbv.SHIPPING);
        assertThat(event.localEventTime().toString()).isEqualTo("2026-11-20T09:30+08:00");
        assertThat(event.eventTimeZoneOffsetText()).isEqualTo("+08:00");
    }

    @Test
    void transformationEventHasNoAction() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> event(EventType.TRANSFORMATION_EVENT, Optional.of(EventAction.ADD), null, null))
                .withMessage("EpcisEvent.action must be absent for a TransformationEvent, got \"ADD\"");
        assertThat(event(EventType.TRANSFORMATION_EVENT, Optional.empty(), "commissioning", null).action()).isEmpty();
    }

    @Test
    void everyOtherEventTypeNeedsAnAction() {
        for (EventType type : EventType.values()) {
            if (type != EventType.TRANSFORMATION_EVENT) {
                assertThatIllegalArgumentException().isThrownBy(() -> event(type, Optional.empty(), null, null))
                        .withMessage("EpcisEvent.action must be present (ADD, OBSERVE or DELETE) for an " + type.value());
            }
        }
    }

    @Test
    void cbvUrnAndWebUriFormsAreStoredAsBareNames() {
        EpcisEvent fromXml = event(EventType.OBJECT_EVENT, Optional.of(EventAction.OBSERVE),
                "urn:epcglobal:cbv:bizstep:receiving", "urn:epcglobal:cbv:disp:in_progress");
        EpcisEvent fromWeb = event(EventType.OBJECT_EVENT, Optional.of(EventAction.OBSERVE),
                "https://ref.gs1.org/cbv/BizStep-receiving", "https://ref.gs1.org/cbv/Disp-in_progress");
        assertThat(fromXml.bizStep()).contains("receiving");
        assertThat(fromXml.disposition()).contains("in_progress");
        assertThat(fromWeb.bizStep()).isEqualTo(fromXml.bizStep());
        assertThat(fromWeb.disposition()).isEqualTo(fromXml.disposition());
    }

    @Test
    void ownVocabularyUrisAreKept() {
        EpcisEvent event = event(EventType.OBJECT_EVENT, Optional.of(EventAction.OBSERVE),
                "https://terroir.example/vocab/bizstep/grading", "urn:example:disp:graded");
        assertThat(event.bizStep()).contains("https://terroir.example/vocab/bizstep/grading");
        assertThat(event.disposition()).contains("urn:example:disp:graded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shipping", "ship", "drying", "urn:epcglobal:cbv:bizstep:drying", "in transit"})
    void rejectsBizStepThatIsNeitherCbvNorAUri(String bizStep) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> event(EventType.OBJECT_EVENT, Optional.of(EventAction.OBSERVE), bizStep, null))
                .withMessageStartingWith("EpcisEvent.bizStep must be a CBV 2.0 business step");
    }

    @Test
    void rejectsUnknownDisposition() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> event(EventType.OBJECT_EVENT, Optional.of(EventAction.OBSERVE), null, "lost"))
                .withMessage("EpcisEvent.disposition must be a CBV 2.0 disposition such as in_transit, "
                        + "or an absolute URI of your own vocabulary, got \"lost\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6f1c9a9e-2f4b-4c38-9a51-0d3c2e7b8a10", "", "urn:uuid: 6f1c", "/events/1"})
    void rejectsEventIdThatIsNotAnAbsoluteUri(String eventId) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EpcisEvent(eventId, EventType.OBJECT_EVENT, Optional.of(EventAction.ADD), Optional.empty(),
                        Optional.empty(), TIME, CHINA, Optional.empty()))
                .withMessageStartingWith("EpcisEvent.eventId must be an absolute URI of at most 512 characters");
    }

    @Test
    void acceptsEventHashId() {
        String hashId = "ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69?ver=CBV2.0";
        assertThat(new EpcisEvent(hashId, EventType.OBJECT_EVENT, Optional.of(EventAction.ADD), Optional.empty(),
                Optional.empty(), TIME, CHINA, Optional.empty()).eventId()).isEqualTo(hashId);
    }

    @Test
    void rejectsOffsetsBeyondFourteenHoursOrWithSeconds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EpcisEvent(ID, EventType.OBJECT_EVENT, Optional.of(EventAction.ADD), Optional.empty(),
                        Optional.empty(), TIME, ZoneOffset.ofHours(15), Optional.empty()))
                .withMessage("EpcisEvent.eventTimeZoneOffset must be whole minutes from -14:00 to +14:00, e.g. +08:00, got \"+15:00\"");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EpcisEvent(ID, EventType.OBJECT_EVENT, Optional.of(EventAction.ADD), Optional.empty(),
                        Optional.empty(), TIME, ZoneOffset.ofHoursMinutesSeconds(8, 0, 30), Optional.empty()))
                .withMessageStartingWith("EpcisEvent.eventTimeZoneOffset must be whole minutes");
    }

    @Test
    void offsetIsWrittenAsEpcisWritesIt() {
        EpcisEvent utc = new EpcisEvent(ID, EventType.OBJECT_EVENT, Optional.of(EventAction.ADD), Optional.empty(),
                Optional.empty(), TIME, ZoneOffset.UTC, Optional.of(TIME));
        EpcisEvent newfoundland = new EpcisEvent(ID, EventType.OBJECT_EVENT, Optional.of(EventAction.ADD), Optional.empty(),
                Optional.empty(), TIME, ZoneOffset.ofHoursMinutes(-3, -30), Optional.empty());
        assertThat(utc.eventTimeZoneOffsetText()).isEqualTo("+00:00");
        assertThat(newfoundland.eventTimeZoneOffsetText()).isEqualTo("-03:30");
    }

    @Test
    void rejectsMissingFieldsNamingThem() {
        assertThatNullPointerException()
                .isThrownBy(() -> new EpcisEvent(ID, EventType.OBJECT_EVENT, Optional.of(EventAction.ADD), Optional.empty(),
                        Optional.empty(), null, CHINA, Optional.empty()))
                .withMessage("EpcisEvent.eventTime must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new EpcisEvent(ID, EventType.OBJECT_EVENT, Optional.of(EventAction.ADD), Optional.empty(),
                        Optional.empty(), TIME, CHINA, null))
                .withMessage("EpcisEvent.recordTime must not be null");
    }

    @Test
    void typesHaveTheirEpcisNames() {
        assertThat(EventType.values()).extracting(EventType::value).containsExactly(
                "ObjectEvent", "AggregationEvent", "TransformationEvent", "TransactionEvent", "AssociationEvent");
        assertThat(EventType.fromValue("AggregationEvent")).isEqualTo(EventType.AGGREGATION_EVENT);
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.fromValue("QuantityEvent"))
                .withMessageStartingWith("EventType must be one of ObjectEvent,");
    }

    @Test
    void cbvListsHoldTheCbv2Vocabulary() {
        assertThat(Cbv.BIZ_STEPS).hasSize(41).contains("shipping", "receiving", "commissioning", "sensor_reporting");
        assertThat(Cbv.DISPOSITIONS).hasSize(33).contains("in_transit", "in_progress", "recalled");
    }
}
