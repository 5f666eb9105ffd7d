package org.terroir.trace.subscriptions;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The webhook subscriptions' settings ({@code terroir.subscriptions.*}; docs/capture.md).
 *
 * @param allowLocalDestinations whether a destination may be {@code http} or on the loopback or a private network
 *                               (tests and the demo); never in production
 * @param interval               how often new capture jobs are matched and owed reports sent
 * @param firstRetry             the wait before a failed report is sent again; each failure doubles it
 * @param lastRetry              the longest wait between two attempts
 * @param timeout                how long a destination has to answer
 * @param eventsPerReport        the most events one report holds
 * @param scheduleZone           the time zone schedules are read in (the hour of {@code {"hour": "1"}}); the server's when not set
 */
@ConfigurationProperties("terroir.subscriptions")
public record SubscriptionSettings(@DefaultValue("false") boolean allowLocalDestinations, @DefaultValue("2s") Duration interval,
                                   @DefaultValue("2s") Duration firstRetry, @DefaultValue("10m") Duration lastRetry,
                                   @DefaultValue("10s") Duration timeout, @DefaultValue("100") int eventsPerReport,
                                   ZoneId scheduleZone) {

    public SubscriptionSettings {
        scheduleZone = scheduleZone == null ? ZoneId.systemDefault() : scheduleZone;
        if (interval.isNegative() || interval.isZero() || firstRetry.isNegative() || firstRetry.isZero()
                || lastRetry.compareTo(firstRetry) < 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("terroir.subscriptions: interval, first-retry and timeout positive, "
                    + "last-retry at least first-retry");
        }
        if (eventsPerReport < 1 || eventsPerReport > 10_000) {
            throw new IllegalArgumentException("terroir.subscriptions.events-per-report: 1 to 10,000, got " + eventsPerReport);
        }
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones: doubling from the first, at most the last. */
    Duration retryAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(lastRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(lastRetry) > 0 ? lastRetry : wait;
    }
}
