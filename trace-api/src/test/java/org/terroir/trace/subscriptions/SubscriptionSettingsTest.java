package org.terroir.trace.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry waits, the reports' signature and which destinations are taken. */
class SubscriptionSettingsTest {

    private final SubscriptionSettings settings = new SubscriptionSettings(false, Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofMinutes(10), Duration.ofSeconds(10), 100, null);

    @Test
    void theWaitDoublesFromTheFirstRetryUpToTheLast() {
        assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.retryAfter(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(settings.retryAfter(9)).isEqualTo(Duration.ofSeconds(512));
        assertThat(settings.retryAfter(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.retryAfter(1_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theSignatureIsHmacSha256OfTheBody() {
        // RFC 4231, test case 2.
        assertThat(ReportSignature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void reportsGoToPublicHttpsHostsOnlyUnlessLocalOnesAreAllowed() {
        assertThat(Destinations.refusal("https://8.8.8.8/hook", false)).isNull();
        assertThat(Destinations.refusal("http://8.8.8.8/hook", false)).contains("https");
        for (String local : new String[] {"https://127.0.0.1/hook", "https://[::1]/hook", "https://10.1.2.3/hook",
                "https://192.168.0.7/hook", "https://172.16.0.1/", "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/", "https://0.0.0.0/", "https://[fd00::1]/", "https://localhost/"}) {
            assertThat(Destinations.refusal(local, false)).as(local).contains("local or private");
        }
        assertThat(Destinations.refusal("ftp://8.8.8.8/", false)).isNotNull();
        assertThat(Destinations.refusal("https://user:pw@8.8.8.8/", false)).isNotNull();
        assertThat(Destinations.refusal("not a url", false)).isNotNull();
        assertThat(Destinations.refusal("http://127.0.0.1:8081/hook", true)).isNull();
    }
}
