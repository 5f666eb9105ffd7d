package org.terroir.trace.scans;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.terroir.model.id.Lgtin;
import org.terroir.trace.neo4j.GraphWriter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Records scans in the graph without making the page wait: a scan (and, later, the coarse place
 * the scanner's browser gave) is queued in memory, and every {@code terroir.scan.flush} (default
 * 200 ms) what is queued is written in two statements ({@code scans.record}, then
 * {@code scans.place}) in one write transaction each. The queue holds at most
 * {@code terroir.scan.queue} entries (default 100,000); beyond that a scan is dropped and counted
 * ({@code terroir_scans_dropped_total}), as is a batch the graph refused (logged). No network
 * address is recorded: a scan keeps an HMAC of its network ({@link ScanNetworks}), and a place is
 * taken only from the client that scanned (its device and network).
 *
 * <p>Copy detection follows each write: the units just scanned are checked for too many devices
 * ({@code scans.detectDevices}, more than {@code terroir.copies.max-devices}, default 5), the scans
 * just placed for a journey no parcel makes ({@code scans.detectSpeed}: another scan of the unit more
 * than {@code terroir.copies.min-km} away, default 50, reached faster than
 * {@code terroir.copies.max-kmh}, default 800) and for a place far from where the unit's journey
 * ended ({@code scans.detectJourneyEnd}: more than {@code terroir.copies.journey-km}, default 500).
 * Flags are counted ({@code terroir_scan_flags_total}). A flag is shown to consumers only when it
 * rests on independent sources — networks, not cookies — so that one client cannot raise a warning
 * on a genuine label; the association sees every flag (docs/scan.md, "Who can raise a warning").
 */
@Component
@EnableConfigurationProperties({CopyRules.class, ScanSettings.class})
class ScanRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ScanRecorder.class);
    private static final int BATCH = 2_000;

    /**
     * One recorded scan, as {@code scans.record} reads it: the device's hash, and the scanner's network
     * ({@link ScanNetworks#of}), hashed when written.
     */
    record Scan(String id, Instant at, LinkCheck check, String device, String network) {}

    /**
     * A place for a scan, rounded to a tenth of a degree (about 11 km), with the device hash and the
     * network of the client that sent it: only the client that scanned places a scan.
     */
    record Place(String id, double latitude, double longitude, String device, String network) {}

    private final GraphWriter graph;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final Counter recorded;
    private final Counter dropped;
    private final Counter flagged;
    private final Disposable flushing;
    private final CopyRules rules;
    private final ScanNetworks networks;

    ScanRecorder(GraphWriter graph, MeterRegistry meters, ScanSettings settings, CopyRules rules, ScanNetworks networks) {
        Duration flush = settings.flush();
        this.graph = graph;
        this.networks = networks;
        this.capacity = settings.queue();
        this.rules = rules;
        this.flagged = Counter.builder("terroir.scan.flags").description("copy flags raised or updated").register(meters);
        this.recorded = Counter.builder("terroir.scans.recorded").description("scans written to the graph").register(meters);
        this.dropped = Counter.builder("terroir.scans.dropped").description("scans not recorded: queue full or write failed")
                .register(meters);
        this.flushing = Flux.interval(flush, flush, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> flush(), 1)
                .subscribe();
    }

    /** Queues a scan; false when the queue is full (the scan is dropped, the page is served all the same). */
    boolean record(Scan scan) {
        return offer(scan);
    }

    /** Queues a place for a scan already queued or recorded. */
    boolean place(Place place) {
        return offer(place);
    }

    private boolean offer(Object entry) {
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            dropped.increment();
            return false;
        }
        queue.add(entry);
        return true;
    }

    /** Writes what is queued, a batch at a time, scans before places (a place may be of a scan in the same batch). */
    Mono<Void> flush() {
        if (queue.isEmpty()) {
            return Mono.empty();
        }
        return networks.key().flatMap(this::flush).onErrorResume(e -> {
            LOG.warn("scans could not be recorded: {}", e.getMessage());
            return Mono.empty();
        });
    }

    private Mono<Void> flush(byte[] networkKey) {
        List<Map<String, Object>> scans = new ArrayList<>();
        List<Map<String, Object>> places = new ArrayList<>();
        Object entry;
        while (scans.size() + places.size() < BATCH && (entry = queue.poll()) != null) {
            queued.decrementAndGet();
            switch (entry) {
                case Scan scan -> scans.add(row(scan, networkKey));
                case Place place -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", place.id());
                    row.put("latitude", place.latitude());
                    row.put("longitude", place.longitude());
                    row.put("device", place.device());
                    row.put("network", ScanNetworks.hash(networkKey, place.network()));
                    places.add(row);
                }
                default -> throw new IllegalStateException("queued " + entry);
            }
        }
        Mono<Void> write = Mono.empty();
        if (!scans.isEmpty()) {
            List<Object> items = scans.stream().map(row -> row.get("item")).filter(java.util.Objects::nonNull).distinct().toList();
            write = write.then(graph.write(ScanStatements.SCANS_RECORD, Map.of("scans", scans)).next()
                    .doOnNext(row -> recorded.increment(row.get("recorded").asLong()))
                    .then())
                    .then(items.isEmpty() ? Mono.empty() : graph.write(ScanStatements.SCANS_DETECT_DEVICES,
                            Map.of("keys", items, "maxDevices", rules.maxDevices())).count().doOnNext(flagged::increment).then());
        }
        if (!places.isEmpty()) {
            write = write.then(graph.write(ScanStatements.SCANS_PLACE, Map.of("places", places))
                    .map(row -> row.get("id").asString()).collectList()
                    .flatMap(placed -> placed.isEmpty() ? Mono.empty() : graph.write(ScanStatements.SCANS_DETECT_SPEED,
                            Map.of("ids", placed, "minKm", rules.minKm(), "maxKmh", rules.maxKmh())).count().doOnNext(flagged::increment)
                            .then(graph.write(ScanStatements.SCANS_DETECT_JOURNEY_END, Map.of("ids", placed, "maxKm", rules.journeyKm(),
                                    "minNetworks", rules.journeyNetworks()))
                                    .count().doOnNext(flagged::increment)))
                    .then());
        }
        int size = scans.size();
        return write.onErrorResume(e -> {
            LOG.warn("{} scans and {} places could not be recorded: {}", size, places.size(), e.getMessage());
            dropped.increment(size);
            return Mono.empty();
        });
    }

    private static Map<String, Object> row(Scan scan, byte[] networkKey) {
        LinkCheck check = scan.check();
        Map<String, Object> row = new HashMap<>();
        row.put("id", scan.id());
        row.put("at", scan.at().toString());
        row.put("gtin", check.link().gtin().value());
        row.put("lot", check.link().lot().map(l -> l.value()).orElse(null));
        row.put("serial", check.link().serial().map(s -> s.value()).orElse(null));
        row.put("item", check.itemKnown() ? check.link().item().orElseThrow().key() : null);
        row.put("batch", check.batchKnown() ? new Lgtin(check.link().gtin(), check.link().lot().orElseThrow()).key() : null);
        row.put("device", scan.device());
        row.put("network", ScanNetworks.hash(networkKey, scan.network()));
        row.put("verdict", (switch (check.authenticity()) {
            case Authenticity.Genuine g -> Scans.Verdict.GENUINE;
            case Authenticity.NotGenuine n -> Scans.Verdict.NOT_GENUINE;
            case Authenticity.Unverified u -> Scans.Verdict.UNVERIFIED;
        }).name());
        row.put("problem", check.authenticity() instanceof Authenticity.NotGenuine n ? n.problem().name() : null);
        return row;
    }

    /** Writes what is still queued, then stops. */
    @PreDestroy
    void stop() {
        flushing.dispose();
        // Bounded: a graph that is gone keeps what is queued (each flush waits for it), and nothing is lost by waiting longer.
        for (int round = 0; round < capacity / BATCH + 2 && !queue.isEmpty(); round++) {
            flush().block(Duration.ofSeconds(10));
        }
    }
}
