package org.terroir.trace.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;

/** Scans per client: a burst, then a refusal with the time until the next token; each client its own bucket. */
class ScanLimitsTest {

    private static MockServerRequest from(String address) {
        return MockServerRequest.builder().remoteAddress(new InetSocketAddress(address, 40000)).build();
    }

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        ScanLimits limits = new ScanLimits(3, 6, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take(from("203.0.113.7"))).as("scan %d", i + 1).isEmpty();
        }
        Duration wait = limits.take(from("203.0.113.7")).orElseThrow();
        assertThat(wait).as("six a minute: one every ten seconds").isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(limits.take(from("198.51.100.2"))).as("another client has its own bucket").isEmpty();
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThatThrownBy(() -> new ScanLimits(0, 30, 100)).hasMessageContaining("terroir.scan.rate.burst");
    }
}
