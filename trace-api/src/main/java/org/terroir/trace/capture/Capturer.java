package org.terroir.trace.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.terroir.importer.epcis.graph.EpcisImport;
import org.terroir.importer.epcis.graph.ImportInterruptedException;
import org.terroir.importer.epcis.graph.Participant;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.model.cypher.Statement;
import org.terroir.trace.access.Role;
import org.terroir.trace.access.Tokens;

/**
 * Writes the documents of capture jobs into the graph, {@code terroir.capture.workers} at a time on
 * threads of their own (the HTTP answer never waits for it): {@link EpcisImport}, the pipeline of
 * {@code terroir import}, with the job as each event's {@code document} and the time the document
 * was received as its {@code recordTime}, each new event {@code CAPTURED_IN} the job, and only the events
 * the caller's party takes part in ({@link #participant}). Then the job records the outcome and the document is
 * deleted. At start it takes up the jobs a stopped server left running (a capture is idempotent:
 * what was written before is not written twice); a job whose document is gone fails, saying so.
 */
@Component
class Capturer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Capturer.class);

    /** The type of the problems of a document that is not valid EPCIS 2.0. */
    static final String VALIDATION = "epcisException:ValidationException";
    /** The type of an event or master data the caller may not capture. */
    static final String SECURITY = org.terroir.trace.epcis.EpcisAnswers.SECURITY;
    /** The type of a document of more events than {@code terroir.capture.max-events}. */
    static final String LIMIT = "epcisException:CaptureLimitExceededException";
    /** The type of a failure of the server while capturing. */
    static final String IMPLEMENTATION = "epcisException:ImplementationException";

    /** How long an interrupted job waits before it starts again. */
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final Driver driver;
    private final CaptureSettings settings;
    private final EpcisImport epcisImport;
    private volatile ExecutorService workers;

    Capturer(Driver driver, CaptureSettings settings) {
        this.driver = driver;
        this.settings = settings;
        this.epcisImport = new EpcisImport(driver);
    }

    /** The file a job's document waits in. */
    Path document(String id, String format) {
        return settings.spoolFolder().resolve(id + "." + format);
    }

    /** Writes the job's document, received at {@code receivedAt}, in the background, if its events are {@code participant}'s. */
    void submit(String id, String format, Instant receivedAt, Participant participant) {
        workers.execute(() -> capture(id, format, receivedAt, participant));
    }

    /** Whose events a caller of {@code role} speaking for {@code parties} may capture: a regulator anyone's. */
    static Participant participant(Role role, Collection<String> parties) {
        return switch (role) {
            case REGULATOR -> Participant.ANYONE;
            case STATION -> new Participant.Station(parties.iterator().next());
            case ASSOCIATION, LOGISTICS, ENTERPRISE -> new Participant.Party(parties.iterator().next());
            case PUBLIC -> throw new IllegalArgumentException("the public captures nothing");
        };
    }

    /**
     * Writes the job's document now, on the calling thread (a single event, {@code POST /events}): what
     * became of it, or empty when the job was left running (the graph stopped answering: it is taken up
     * again in the background, as a document of {@code POST /capture} would be).
     */
    Optional<Ended> captureNow(String id, String format, Instant receivedAt, Participant participant) {
        return Optional.ofNullable(capture(id, format, receivedAt, participant));
    }

    /**
     * How a job ended.
     *
     * @param success whether every event is in the graph
     * @param errors  why not: RFC 7807 problems, as the job shows them
     */
    record Ended(boolean success, List<Map<String, Object>> errors) {
    }

    private Ended capture(String id, String format, Instant receivedAt, Participant participant) {
        Path file = document(id, format);
        Ended ended;
        try {
            EpcisImport.Outcome outcome = epcisImport.run(file, new EpcisImport.Origin("capture/" + id, receivedAt, id, participant,
                    settings.maxEvents()), written -> {});
            List<Map<String, Object>> errors = new ArrayList<>();
            for (Problem problem : outcome.problems()) {
                errors.add(outcome.tooManyEvents() ? problem(problem, error(LIMIT, "Capture Payload too large", 413, problem.toString()))
                        : outcome.refusals().contains(problem) ? refusal(problem) : problem(problem));
            }
            if (outcome.problemCount() > outcome.problems().size()) {
                errors.add(error(VALIDATION, "More problems", 400, (outcome.problemCount() - outcome.problems().size())
                        + " more problem(s) not listed; the document has " + outcome.problemCount() + " in all"));
            }
            finish(id, outcome.imported(), outcome.events(), errors);
            ended = new Ended(outcome.imported(), errors);
            LOG.info("capture job {}: {} event(s), {}", id, outcome.events(),
                    outcome.imported() ? "captured" : outcome.problemCount() + " problem(s), none captured");
        } catch (ImportInterruptedException e) {
            // The graph stopped answering part-way: the job stays running and starts again a little later
            // (what was written is not written twice), or at the next start if this server stops first.
            LOG.error("capture job {} interrupted, tried again in {}: {}", id, RETRY, e.getMessage());
            CompletableFuture.delayedExecutor(RETRY.toMillis(), TimeUnit.MILLISECONDS, workers)
                    .execute(() -> capture(id, format, receivedAt, participant));
            return null;
        } catch (CancellationException e) {
            // This server is stopping: the job stays running, its document kept, and is taken up at the next start.
            LOG.info("capture job {} stopped with the server, taken up again at the next start", id);
            return null;
        } catch (RuntimeException e) {
            if (workers.isShutdown()) {
                LOG.info("capture job {} stopped with the server ({}), taken up again at the next start", id, e.getMessage());
                return null;
            }
            LOG.error("capture job {} failed", id, e);
            List<Map<String, Object>> errors = List.of(error(IMPLEMENTATION, "Capture failed", 500,
                    "the server could not capture the document (" + e.getClass().getSimpleName() + "); send it again"));
            finishQuietly(id, false, null, errors);
            ended = new Ended(false, errors);
        }
        delete(file);
        return ended;
    }

    private static Map<String, Object> problem(Problem problem) {
        return problem(problem, error(VALIDATION, "Invalid EPCIS document", 400, problem.toString()));
    }

    /** An event or master-data element of another party than the caller's: not the caller's to capture. */
    private static Map<String, Object> refusal(Problem problem) {
        return problem(problem, error(SECURITY, "Not the caller's to capture", 403, problem.toString()));
    }

    private static Map<String, Object> problem(Problem problem, Map<String, Object> error) {
        error.put("eventIndex", problem.eventIndex());
        if (problem.line() > 0) {
            error.put("line", problem.line());
        }
        error.put("field", problem.field());
        error.put("reason", problem.reason());
        return error;
    }

    private static Map<String, Object> error(String type, String title, int status, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("title", title);
        error.put("status", status);
        error.put("detail", detail);
        return error;
    }

    private void finish(String id, boolean success, Long events, List<Map<String, Object>> errors) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("id", id);
        parameters.put("success", success);
        parameters.put("events", events);
        parameters.put("errors", errors.isEmpty() ? null : CaptureJob.errorsJson(errors));
        write(CaptureStatements.CAPTURE_FINISH, parameters);
    }

    private void finishQuietly(String id, boolean success, Long events, List<Map<String, Object>> errors) {
        try {
            finish(id, success, events, errors);
        } catch (Neo4jException e) {
            LOG.error("capture job {} not ended: {}; it is taken up again at the next start", id, e.getMessage());
        }
    }

    private void write(Statement statement, Map<String, Object> parameters) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(statement.cypher(), parameters).consume());
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("capture document {} not deleted: {}", file, e.getMessage());
        }
    }

    /** Takes up the jobs left running: each again if its document is still there, else it fails saying so. */
    private void resume() {
        List<Record> running;
        try (Session session = driver.session()) {
            running = session.executeRead(tx -> tx.run(CaptureStatements.CAPTURE_RUNNING.cypher()).list());
        }
        for (Record job : running) {
            String id = job.get("id").asString();
            String format = job.get("format").asString();
            if (Files.isRegularFile(document(id, format))) {
                LOG.info("capture job {} taken up again", id);
                submit(id, format, Instant.parse(job.get("createdAt").asString()),
                        participant(Tokens.parseRole(job.get("role").asString()), job.get("parties").asList(Value::asString)));
            } else {
                finishQuietly(id, false, null, List.of(error(IMPLEMENTATION, "Document lost", 500,
                        "the server stopped before capturing the document and no longer has it; send it again")));
            }
        }
    }

    @Override
    public void start() {
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(settings.workers(),
                task -> Thread.ofPlatform().name("terroir-capture-" + count.incrementAndGet()).daemon().unstarted(task));
        try {
            Files.createDirectories(settings.spoolFolder());
            resume();
        } catch (IOException | Neo4jException e) {
            LOG.error("capture jobs left running not taken up ({}): they are at the next start", e.getMessage());
        }
    }

    @Override
    public void stop() {
        ExecutorService running = workers;
        if (running != null) {
            running.shutdownNow(); // a job cut short stays running in the graph and is taken up at the next start
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return workers != null && !workers.isShutdown();
    }
}
