package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HopTest {

    private static final Instant DEPARTED = Instant.parse("2026-11-20T01:30:00Z");

    @Test
    void hopCannotArriveBeforeItDeparts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Hop("h1", DEPARTED, Optional.of(DEPARTED.minusSeconds(1))))
                .withMessage("Hop.arrived must be at or after Hop.departed (2026-11-20T01:30:00Z), got \"2026-11-20T01:29:59Z\"");
    }

    @Test
    void durationIsArrivedMinusDeparted() {
        Hop hop = Hop.departed("h1", DEPARTED).arrivedAt(DEPARTED.plus(Duration.ofHours(5).plusMinutes(20)));
        assertThat(hop.duration()).contains(Duration.ofMinutes(320));
        assertThat(hop.inTransit()).isFalse();
    }

    @Test
    void durationIsEmptyWhileInTransit() {
        Hop hop = Hop.departed("h1", DEPARTED);
        assertThat(hop.duration()).isEmpty();
        assertThat(hop.inTransit()).isTrue();
    }

    @Test
    void hopMayArriveTheInstantItDeparts() {
        assertThat(new Hop("h1", DEPARTED, Optional.of(DEPARTED)).duration()).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h 1", "-h1", "跳1", "h/1"})
    void rejectsIdThatIsNotAnIdentifier(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> Hop.departed(id, DEPARTED))
                .withMessageStartingWith("Hop.id must be 1 to 128 characters, a letter or digit first");
    }

    @Test
    void acceptsUuidLikeIds() {
        assertThat(Hop.departed("urn:uuid:6f1c9a9e-2f4b-4c38-9a51-0d3c2e7b8a10", DEPARTED).id()).startsWith("urn:uuid:");
    }

    @Test
    void rejectsMissingDepartureNamingIt() {
        assertThatNullPointerException().isThrownBy(() -> Hop.departed("h1", null)).withMessage("Hop.departed must not be null");
        assertThatNullPointerException().isThrownBy(() -> new Hop("h1", DEPARTED, null)).withMessage("Hop.arrived must not be null");
    }
}
