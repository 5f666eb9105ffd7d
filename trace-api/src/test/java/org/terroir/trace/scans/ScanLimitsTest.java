package org.terroir.trace.scans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.terroir.trace.access.Clients;

/** Scans per client: a burst, then a refusal with the time until the next token; each client its own bucket. */
class ScanLimitsTest {

    private static MockServerRequest from(String address) {
        return MockServerRequest.builder().remoteAddress(new InetSocketAddress(address, 40000)).build();
    }

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        ScanLimits limits = new ScanLimits(new Clients(), new ScanSettings.Rate(3, 6, 100));
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take(from("203.0.113.7"))).as("scan %d", i + 1).isEmpty();
        }
        Duration wait = limits.take(from("203.0.113.7")).orElseThrow();
        assertThat(wait).as("six a minute: one every ten seconds").isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(limits.take(from("198.51.100.2"))).as("another client has its own bucket").isEmpty();
    }

    @Test
    void anIpv6ClientIsItsSlash64AnotherAddressInItIsTheSameClient() {
        ScanLimits limits = new ScanLimits(new Clients(), new ScanSettings.Rate(2, 6, 100));
        assertThat(limits.take(from("2001:db8:1:2::1"))).isEmpty();
        assertThat(limits.take(from("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))).isEmpty();
        assertThat(limits.take(from("2001:db8:1:2:ffff::9"))).as("a third address of the same /64").isPresent();
        assertThat(limits.take(from("2001:db8:1:3::1"))).as("the next /64 is another client").isEmpty();
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThatThrownBy(() -> new ScanLimits(new Clients(), new ScanSettings.Rate(0, 30, 100))).hasMessageContaining("terroir.scan.rate.burst");
    }
}
