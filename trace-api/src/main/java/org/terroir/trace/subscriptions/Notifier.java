package org.terroir.trace.subscriptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.terroir.trace.access.Caller;
import org.terroir.trace.access.Role;
import org.terroir.trace.epcis.EpcisAnswers;
import org.terroir.trace.query.JobReports;

/**
 * Sends the subscriptions their reports, at least once. Every {@code interval}: each stream
 * subscription matches the capture jobs that ended since it last looked (its query, with the view of
 * whoever made it, over the events each job wrote), and each scheduled one that is due those that
 * ended since it last ran ({@link #schedule}); the reports owed go to the outbox in the graph in the
 * same transaction that marks the jobs matched; then every report due is POSTed to its
 * destination, signed ({@code GS1-Signature: sha256=<hex>}, HMAC-SHA256 of the body with the
 * subscription's {@code signatureToken}). A 2xx answer takes it out of the outbox; anything else, or
 * no answer within the timeout, and it is sent again later, the wait doubling up to
 * {@code last-retry}. The outbox is in the graph, so a restart loses nothing; a dead destination only
 * keeps its own reports waiting, never a capture.
 */
@Component
class Notifier implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    /** The most jobs a subscription matches, and reports sent, in one round. */
    private static final int ROUND = 50;
    /** The most capture jobs a scheduled subscription takes in one run. */
    static final int JOBS_PER_RUN = 1000;
    /** The most reports built and written in one transaction. */
    static final int REPORTS_PER_TRANSACTION = 10;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final Driver driver;
    private final SubscriptionSettings settings;
    private final HttpClient http;
    private volatile ScheduledExecutorService rounds;

    Notifier(Driver driver, SubscriptionSettings settings) {
        this.driver = driver;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void start() {
        rounds = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("subscriptions").daemon().factory());
        long every = settings.interval().toMillis();
        rounds.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = rounds;
        if (running != null) {
            running.shutdownNow();
        }
        rounds = null;
    }

    @Override
    public boolean isRunning() {
        return rounds != null;
    }

    /** One round: match, then send; a failure is logged and the next round tries again. */
    void round() {
        try {
            match();
            schedule();
            send();
        } catch (RuntimeException e) {
            LOG.warn("subscriptions: this round stopped ({}); the next one takes up where it did", e.toString());
        }
    }

    /** Matches every stream subscription against the jobs that ended since it last did. */
    void match() {
        try (Session session = driver.session()) {
            List<Record> streams = session.executeRead(tx -> tx.run(SubscriptionStatements.STREAMS.cypher()).list());
            for (Record stream : streams) {
                String id = stream.get("id").asString();
                Caller maker = maker(stream);
                List<Record> jobs = session.executeRead(tx -> tx.run(SubscriptionStatements.UNMATCHED_JOBS.cypher(),
                        Map.of("id", id, "limit", ROUND)).list());
                for (Record job : jobs) {
                    String jobId = job.get("job").asString();
                    List<Map<String, Object>> reports = job.get("success").asBoolean(false)
                            ? owe(session, stream, maker, List.of(jobId), false) : List.of();
                    Map<String, Object> parameters = Map.of("id", id, "job", jobId, "now", Instant.now().toString(), "reports", reports);
                    session.executeWrite(tx -> tx.run(SubscriptionStatements.MATCHED.cypher(), parameters).consume());
                }
            }
        }
    }

    /**
     * The reports {@code subscription} owes for {@code jobs}, a chunk of {@value #REPORTS_PER_TRANSACTION}
     * at a time so that a job of many events is never held in memory or written whole: every chunk but the
     * last written to the outbox now, the last returned to be written with the match. (Two servers
     * matching the same job at once may both owe its first chunks: at least once.)
     */
    private List<Map<String, Object>> owe(Session session, Record subscription, Caller maker, List<String> jobs,
                                          boolean reportIfEmpty) {
        String id = subscription.get("id").asString();
        JobReports.After after = null;
        while (true) {
            JobReports.After from = after;
            JobReports.Chunk chunk = session.executeRead(tx -> JobReports.of(tx, jobs, subscription.get("query").asString(),
                    subscription.get("definition").asString(), maker, id, settings.eventsPerReport(), reportIfEmpty, from,
                    REPORTS_PER_TRANSACTION));
            List<Map<String, Object>> reports = new ArrayList<>();
            chunk.reports().forEach(body -> reports.add(Map.of("id", UUID.randomUUID().toString(), "body", body)));
            if (chunk.next() == null) {
                return reports;
            }
            Map<String, Object> parameters = Map.of("id", id, "now", Instant.now().toString(), "reports", reports);
            session.executeWrite(tx -> tx.run(SubscriptionStatements.OWE.cypher(), parameters).consume());
            after = chunk.next();
        }
    }

    /** Whose a subscription is: the caller its reports are made for (the view of its maker). */
    private static Caller maker(Record subscription) {
        return new Caller(Role.valueOf(subscription.get("role").asString().toUpperCase(Locale.ROOT)),
                Optional.ofNullable(subscription.get("subject").isNull() ? null : subscription.get("subject").asString()),
                Set.copyOf(subscription.get("parties").asList(Value::asString)));
    }

    /**
     * Runs the scheduled subscriptions that are due: each takes the capture jobs that ended since it last
     * ran (at most {@value #JOBS_PER_RUN}; more wait for its next run), and owes their events that its
     * query selects and its maker may see (an empty report when none and it asked for one), written with
     * its next run in one transaction. A server that was down runs a missed schedule once, not once per
     * missed time.
     */
    void schedule() {
        try (Session session = driver.session()) {
            Instant now = Instant.now();
            List<Record> due = session.executeRead(tx -> tx.run(SubscriptionStatements.SCHEDULED_DUE.cypher(),
                    Map.of("now", now.toString(), "limit", ROUND)).list());
            for (Record run : due) {
                String id = run.get("id").asString();
                QuerySchedule schedule;
                try {
                    schedule = QuerySchedule.of(JSON.readTree(run.get("schedule").asString()));
                } catch (RuntimeException e) {
                    LOG.error("subscriptions: subscription {} has a schedule that no longer reads ({}); not run", id, e.getMessage());
                    continue;
                }
                List<Record> jobs = session.executeRead(tx -> tx.run(SubscriptionStatements.UNMATCHED_JOBS.cypher(),
                        Map.of("id", id, "limit", JOBS_PER_RUN)).list());
                List<String> captured = jobs.stream().filter(j -> j.get("success").asBoolean(false)).map(j -> j.get("job").asString())
                        .toList();
                List<Map<String, Object>> reports = owe(session, run, maker(run), captured, run.get("reportIfEmpty").asBoolean(false));
                Instant dueAt = run.get("due").asZonedDateTime().toInstant();
                Instant last = dueAt.isAfter(now) ? dueAt : now;
                String next = schedule.next(last.atZone(settings.scheduleZone())).map(t -> t.toInstant().toString())
                        .orElse(null); // none: it never runs again
                Map<String, Object> parameters = new HashMap<>();
                parameters.put("id", id);
                parameters.put("due", dueAt.toString());
                parameters.put("next", next);
                parameters.put("now", now.toString());
                parameters.put("jobs", jobs.stream().map(j -> j.get("job").asString()).toList());
                parameters.put("reports", reports);
                session.executeWrite(tx -> tx.run(SubscriptionStatements.RAN.cypher(), parameters).consume());
            }
        }
    }

    /** Sends the reports that are due, at once, and records what became of each. */
    void send() {
        try (Session session = driver.session()) {
            List<Record> due = session.executeRead(tx -> tx.run(SubscriptionStatements.DUE.cypher(),
                    Map.of("now", Instant.now().toString(), "limit", ROUND)).list());
            List<CompletableFuture<?>> sent = new ArrayList<>();
            Map<String, String> failures = new java.util.concurrent.ConcurrentHashMap<>();
            Set<String> delivered = java.util.concurrent.ConcurrentHashMap.newKeySet();
            Map<String, Optional<String>> refusals = new HashMap<>(); // each destination looked up once a round
            for (Record report : due) {
                String id = report.get("id").asString();
                String dest = report.get("dest").asString();
                String refused = refusals.computeIfAbsent(dest,
                        d -> Optional.ofNullable(Destinations.refusal(d, settings.allowLocalDestinations()))).orElse(null);
                if (refused != null) {
                    failures.put(id, "destination refused: " + refused);
                    continue;
                }
                byte[] body = report.get("body").asString().getBytes(StandardCharsets.UTF_8);
                HttpRequest request = HttpRequest.newBuilder(URI.create(dest)).timeout(settings.timeout())
                        .header("Content-Type", "application/json")
                        .header("GS1-EPCIS-Version", EpcisAnswers.EPCIS_VERSION)
                        .header("GS1-CBV-Version", EpcisAnswers.CBV_VERSION)
                        .header("GS1-Signature", ReportSignature.of(report.get("secret").asString(), body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                    if (error != null) {
                        failures.put(id, error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage()));
                    } else if (response.statusCode() / 100 == 2) {
                        delivered.add(id);
                    } else {
                        failures.put(id, "answered " + response.statusCode());
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
            Instant now = Instant.now();
            for (Record report : due) {
                String id = report.get("id").asString();
                if (delivered.contains(id)) {
                    session.executeWrite(tx -> tx.run(SubscriptionStatements.DELIVERED.cypher(), Map.of("id", id, "now", now.toString()))
                            .consume());
                } else if (failures.containsKey(id)) {
                    int attempts = report.get("attempts").asInt() + 1;
                    Map<String, Object> parameters = new HashMap<>();
                    parameters.put("id", id);
                    parameters.put("next", now.plus(settings.retryAfter(attempts)).toString());
                    parameters.put("error", failures.get(id));
                    session.executeWrite(tx -> tx.run(SubscriptionStatements.FAILED.cypher(), parameters).consume());
                    LOG.info("subscriptions: report {} of subscription {} not delivered ({}), attempt {}; again in {}", id,
                            report.get("subscription").asString(), failures.get(id), attempts, settings.retryAfter(attempts));
                }
            }
        }
    }
}
