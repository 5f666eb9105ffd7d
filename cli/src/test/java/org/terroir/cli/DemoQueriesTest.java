package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The event the demo prints to capture. */
class DemoQueriesTest {

    @Test
    void anEventTimeOnTheMinuteKeepsItsSeconds() {
        assertThat(DemoQueries.eventTime(OffsetDateTime.of(2026, 12, 7, 21, 40, 0, 123_000_000, ZoneOffset.ofHours(8))))
                .isEqualTo("2026-12-07T21:40:00+08:00");
    }

    @Test
    void theCaptureExampleIsOneEventWithAnIdOfItsOwnAndATimeToTheSecond() {
        var event = JsonMapper.builder().build().readTree(DemoQueries.captureExample());
        assertThat(event.get("type").asString()).isEqualTo("ObjectEvent");
        assertThat(event.get("eventID").asString()).startsWith("urn:uuid:");
        assertThat(event.get("eventTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(DemoQueries.captureExample()).isNotEqualTo(DemoQueries.captureExample());
    }
}
