package org.terroir.trace.scans;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.terroir.trace.access.Clients;

/**
 * Scans per client, so that serials cannot be enumerated: each client has a token bucket of
 * {@code terroir.scan.rate.burst} scans (default 30), refilled at {@code terroir.scan.rate.per-minute}
 * (default 30). A client is its network address, an IPv6 one by its /64 ({@link Clients}), kept for ten
 * minutes after its last scan; at most {@code terroir.scan.rate.clients} clients (default 100,000) are tracked.
 */
@Component
class ScanLimits {

    private final Bandwidth limit;
    private final Cache<String, Bucket> buckets;
    private final Clients clients;

    @Autowired
    ScanLimits(Clients clients, ScanSettings settings) {
        this(clients, settings.rate());
    }

    ScanLimits(Clients clients, ScanSettings.Rate rate) {
        int burst = rate.burst();
        int perMinute = rate.perMinute();
        int clientCount = rate.clients();
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("terroir.scan.rate.burst and terroir.scan.rate.per-minute must be at least 1, are "
                    + burst + " and " + perMinute);
        }
        this.limit = Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
        this.buckets = Caffeine.newBuilder().maximumSize(clientCount).expireAfterAccess(Duration.ofMinutes(10)).build();
        this.clients = clients;
    }

    /** Takes one scan from the client's bucket: empty when it may scan now, else how long until it may. */
    Optional<Duration> take(ServerRequest request) {
        String client = clients.key(Optional.empty(), request.remoteAddress().map(Clients::addressOf).orElse(null));
        Bucket bucket = buckets.get(client, key -> Bucket.builder().addLimit(limit).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
