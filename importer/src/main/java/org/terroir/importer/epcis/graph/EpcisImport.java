package org.terroir.importer.epcis.graph;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.terroir.importer.epcis.EpcisMasterData;
import org.terroir.importer.epcis.EpcisReader;
import org.terroir.importer.epcis.EpcisValidator;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.model.cypher.Statement;

/**
 * Imports EPCIS 2.0 documents into the graph, each in two streaming passes: the first validates the
 * whole document, and a document with any problem writes nothing; the second writes its events in
 * transactions of {@link #BATCH} events. Each event is written whole in one transaction, so an event
 * already in the graph is skipped, and what events share is MERGEd on natural keys: importing a
 * document again, or again after a crash, gives the same graph. The second pass reads on a thread
 * of its own, a few batches ahead of the writes. A document whose events come from a party (a capture,
 * {@link Origin#participant()}) is checked in the first pass too: an event the party takes no part in
 * rejects it as a problem does ({@link Participation}).
 */
public final class EpcisImport {

    /** Events per write transaction. */
    public static final int BATCH = 1_000;
    /** Batches read ahead of the one being written. */
    private static final int READ_AHEAD = 2;
    /** The error of a write whose new event another transaction wrote first (the unique eventId). */
    private static final String CONFLICT = "Neo.ClientError.Schema.ConstraintValidationFailed";
    /** Attempts at a batch whose events other writers keep writing first. */
    private static final int CONFLICT_ATTEMPTS = 5;
    /** Problems kept per rejected document; the count goes on. */
    static final int PROBLEMS_KEPT = 100;


    /**
     * What became of one document.
     *
     * @param masterData the master-data vocabulary elements it carried (header or body), written or not
     * @param documentType what it is: {@code EPCISDocument}, ..., {@code EPCISCaptureJob} (nothing to import)
     * @param refusals   those of {@code problems} that are no matter of validity: an event or master data of
     *                   another party than the one the document comes from ({@link Participation})
     * @param tooManyEvents whether the document holds more events than its origin takes at once
     *                   ({@link Origin#maxEvents()}; one of {@code problems} says so)
     */
    public record Outcome(Path file, long events, long problemCount, List<Problem> problems, int masterData,
                          String documentType, List<Problem> refusals, boolean tooManyEvents) {
        public Outcome {
            problems = List.copyOf(problems);
            refusals = List.copyOf(refusals);
        }

        public Outcome(Path file, long events, long problemCount, List<Problem> problems, int masterData, String documentType) {
            this(file, events, problemCount, problems, masterData, documentType, List.of(), false);
        }

        public boolean imported() {
            return problemCount == 0;
        }
    }

    /**
     * Where a document's events come from, as the graph records it, and whose events it may hold.
     *
     * @param document    what each event's {@code document} says: the file's name for an import, the capture job for a capture
     * @param recordTime  when the events were recorded, for a capture (the server's time, whatever the document says);
     *                    null: the document's own {@code recordTime}s
     * @param captureJob  the id of the {@code CaptureJob} node each new event is {@code CAPTURED_IN}; null for an import
     * @param participant whose events the document may hold, checked before anything is written ({@link Participation})
     * @param maxEvents   the most events the document may hold (a capture's {@code GS1-EPCIS-Capture-Limit}); 0: any number
     */
    public record Origin(String document, Instant recordTime, String captureJob, Participant participant, long maxEvents) {
        public Origin {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(participant, "participant");
            if (maxEvents < 0) {
                throw new IllegalArgumentException("maxEvents must be 0 (no limit) or more, got " + maxEvents);
            }
        }

        /** Events of anyone, from {@code document}, recorded at {@code recordTime} (null: as the document says), as many as it holds. */
        public Origin(String document, Instant recordTime) {
            this(document, recordTime, null, Participant.ANYONE, 0);
        }

        /** A file imported as it is. */
        public static Origin of(Path file) {
            return new Origin(file.getFileName().toString(), null);
        }
    }

    private final Driver driver;

    public EpcisImport(Driver driver) {
        this.driver = driver;
    }

    /**
     * Imports one document.
     *
     * @param progress told the number of events written so far, after each transaction
     * @throws ImportInterruptedException when the graph stops answering, or refuses a write, part-way:
     *     how many events were written by then, of how many
     */
    public Outcome run(Path file, LongConsumer progress) {
        return run(file, Origin.of(file), progress);
    }

    /**
     * Imports one document whose events come from {@code origin}.
     *
     * @param progress told the number of events written so far, after each transaction
     * @throws ImportInterruptedException when the graph stops answering, or refuses a write, part-way:
     *     how many events were written by then, of how many
     */
    public Outcome run(Path file, Origin origin, LongConsumer progress) {
        Participation participation = Participation.of(driver, origin.participant(), file.getFileName().toString(), PROBLEMS_KEPT);
        EpcisValidator.Validation validation;
        List<Problem> refused;
        try {
            validation = EpcisValidator.validate(file, PROBLEMS_KEPT, participation);
            refused = participation.finish(validation.masterData());
        } catch (Neo4jException e) {
            throw new ImportInterruptedException(file, 0, -1, e);
        }
        if (origin.maxEvents() > 0 && validation.eventCount() > origin.maxEvents()) {
            Problem tooMany = new Problem(file.getFileName().toString(), -1, -1, "epcisBody.eventList", "holds %,d events, more than the %,d captured at once (GS1-EPCIS-Capture-Limit); split the document"
                    .formatted(validation.eventCount(), origin.maxEvents()));
            return new Outcome(file, validation.eventCount(), 1, List.of(tooMany), validation.masterData().elements(),
                    validation.documentType(), List.of(), true);
        }
        if (!validation.valid() || !refused.isEmpty()) {
            List<Problem> problems = new ArrayList<>(validation.problems());
            List<Problem> refusals = refused.stream().limit(Math.max(0, PROBLEMS_KEPT - problems.size())).toList();
            problems.addAll(refusals);
            return new Outcome(file, validation.eventCount(), validation.problemCount() + participation.problemCount(),
                    problems, validation.masterData().elements(), validation.documentType(), refusals, false);
        }
        BlockingQueue<Batch> ready = new ArrayBlockingQueue<>(READ_AHEAD);
        CompletableFuture<List<Problem>> reading = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().name("epcis-reader").daemon().start(() -> read(file, origin, ready, reading));
        long written = 0;
        try (Session session = driver.session()) {
            write(session, validation.masterData());
            for (Batch batch = ready.take(); batch != Batch.END; batch = ready.take()) {
                write(session, batch, origin.captureJob());
                written += batch.size();
                progress.accept(written);
            }
            List<Problem> problems = reading.join();
            if (!problems.isEmpty()) {
                // the document changed between the passes
                return new Outcome(file, written, problems.size(), problems, validation.masterData().elements(),
                        validation.documentType());
            }
            return new Outcome(file, written, 0, List.of(), validation.masterData().elements(),
                    validation.documentType());
        } catch (Neo4jException e) {
            throw new ImportInterruptedException(file, written, validation.eventCount(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import of " + file + " interrupted");
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            reader.interrupt();
        }
    }

    /**
     * The second pass, on its own thread so that reading overlaps writing: hands over the rows of
     * each {@link #BATCH} events, then {@link Batch#END}; completes {@code outcome} with the problems
     * of an event that no longer reads (none normally), or with what went wrong.
     */
    private static void read(Path file, Origin origin, BlockingQueue<Batch> ready, CompletableFuture<List<Problem>> outcome) {
        try {
            List<Problem> problems = List.of();
            try (EpcisReader reader = EpcisReader.open(file)) {
                Batch rows = new Batch();
                for (Optional<ReadEvent> next = reader.next(); next.isPresent(); next = reader.next()) {
                    ReadEvent read = next.get();
                    if (!read.valid()) {
                        problems = read.problems();
                        break;
                    }
                    rows.add(EventRows.of(read.event().orElseThrow(), origin));
                    if (rows.size() == BATCH) {
                        ready.put(rows);
                        rows = new Batch();
                    }
                }
                if (problems.isEmpty() && !rows.isEmpty()) {
                    ready.put(rows);
                }
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
            }
            outcome.complete(problems);
            ready.put(Batch.END);
        } catch (InterruptedException e) {
            // the writer has stopped
        }
    }

    /**
     * Writes a document's master data, in one transaction before its events: MERGEd on the keys the
     * events and the CSV use, so the order of imports does not matter and a re-import changes nothing.
     */
    private static void write(Session session, EpcisMasterData masterData) {
        if (masterData.isEmpty()) {
            return;
        }
        session.executeWriteWithoutResult(tx -> {
            for (var write : List.of(Map.entry(EpcisStatements.MASTER_EPCIS_LOCATIONS, masterData.locations()),
                    Map.entry(EpcisStatements.MASTER_EPCIS_PARTIES, masterData.parties()),
                    Map.entry(EpcisStatements.MASTER_EPCIS_PRODUCTS, masterData.products()),
                    Map.entry(EpcisStatements.MASTER_EPCIS_WITHIN, masterData.within()))) {
                if (!write.getValue().isEmpty()) {
                    tx.run(write.getKey().cypher(), Map.of("rows", write.getValue())).consume();
                }
            }
        });
    }

    /**
     * Writes the events of {@code batch} not yet in the graph, in one transaction: an event in the
     * graph was written whole by an earlier transaction (a re-import, or the run before a crash).
     * An error declaration marks the event it declares erroneous, found by id or by hash; it is
     * written as an event of its own, marked, only when that event is not in the graph (yet), and
     * the event arriving after it is then not written again.
     */
    private static void write(Session session, Batch batch, String captureJob) {
        for (int attempt = 1; ; attempt++) {
            try {
                writeOnce(session, batch, captureJob);
                return;
            } catch (ClientException e) {
                // Another import or capture wrote some of these new events between this transaction's check and its
                // CREATE: it rolled back whole, and checking again skips what is there now (several captures of
                // overlapping documents at once). The driver retries deadlocks and other transient errors itself.
                if (!CONFLICT.equals(e.code()) || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void writeOnce(Session session, Batch batch, String captureJob) {
        session.executeWriteWithoutResult(tx -> {
            Set<Object> ids = Set.copyOf(tx.run(EpcisStatements.EPCIS_EXISTING_EVENTS.cypher(), Map.of("ids", batch.eventIds()))
                    .single().get("found").asList());
            var hashes = tx.run(EpcisStatements.EPCIS_EXISTING_HASHES.cypher(), Map.of("hashes", batch.hashes())).single();
            Batch fresh = batch.without(ids, Set.copyOf(hashes.get("found").asList()), Set.copyOf(hashes.get("declared").asList()));
            List<Map<String, Object>> stored = batch.stored(ids);
            if (!stored.isEmpty()) {
                tx.run(EpcisStatements.EPCIS_BACKFILL.cypher(), Map.of("rows", stored)).consume();
            }
            for (Map.Entry<Statement, List<Map<String, Object>>> write : fresh.writes()) {
                if (!write.getValue().isEmpty()) {
                    Map<String, Object> parameters = new HashMap<>();
                    parameters.put("rows", write.getValue());
                    if (write.getKey() == EpcisStatements.EPCIS_EVENTS) {
                        parameters.put("job", captureJob);
                    }
                    tx.run(write.getKey().cypher(), parameters).consume();
                }
            }
            if (!batch.declarations.isEmpty()) {
                tx.run(EpcisStatements.EPCIS_DECLARE_ERRORS.cypher(),
                        Map.of("rows", batch.declarations.stream().map(EventRows::declaration).toList())).consume();
            }
        });
    }

    /**
     * The rows of up to {@link #BATCH} events, each event once: the first of one id, and of one hash
     * where an error declaration is involved (a declaration and the event it repeats are one event).
     */
    private static final class Batch {
        /** After the last batch. */
        static final Batch END = new Batch();

        private final Map<String, EventRows> events = new LinkedHashMap<>();
        /** The hashes of the events of {@link #events}, and of those the declarations of which. */
        private final Set<String> hashes = new java.util.HashSet<>();
        private final Set<String> declaredHashes = new java.util.HashSet<>();
        /** Every error declaration read into this batch, also those not written as events. */
        private final List<EventRows> declarations = new ArrayList<>();
        private int size;

        /** Adds an event; counts it even when it is not written as an event of its own. */
        void add(EventRows rows) {
            size++;
            if (rows.declaresError()) {
                declarations.add(rows);
                if (events.containsKey(rows.eventId()) || hashes.contains(rows.hash())) {
                    return; // its event is in this batch: the declaration marks it
                }
                declaredHashes.add(rows.hash());
            } else if (events.containsKey(rows.eventId()) || declaredHashes.contains(rows.hash())) {
                return;
            }
            events.put(rows.eventId(), rows);
            hashes.add(rows.hash());
        }

        /** Events read into this batch. */
        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        List<String> eventIds() {
            return List.copyOf(events.keySet());
        }

        List<String> hashes() {
            return List.copyOf(hashes);
        }

        /**
         * The events not in the graph: not of an id in {@code ids}; a declaration not of a hash in
         * {@code hashes} (its event is there: it marks it), another event not of a hash in
         * {@code declared} (its declaration came first and stands for it).
         */
        Batch without(Set<Object> ids, Set<Object> hashes, Set<Object> declared) {
            Batch rest = new Batch();
            events.forEach((id, rows) -> {
                boolean there = ids.contains(id) || (rows.declaresError() ? hashes : declared).contains(rows.hash());
                if (!there) {
                    rest.events.put(id, rows);
                }
            });
            rest.size = size;
            return rest;
        }
        /**
         * What the query interface reads of the events of {@code ids} that are in the graph already
         * (their id, JSON-LD and identifiers), for those an earlier version stored without it.
         */
        List<Map<String, Object>> stored(Set<Object> ids) {
            List<Map<String, Object>> rows = new ArrayList<>();
            events.forEach((id, event) -> {
                if (ids.contains(id)) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("eventId", id);
                    row.put("epcis", event.event().get("epcis"));
                    row.put("identifiers", event.event().get("identifiers"));
                    rows.add(row);
                }
            });
            return rows;
        }

        /** The statements to run, in order, with their rows. */
        List<Map.Entry<Statement, List<Map<String, Object>>>> writes() {
            return List.of(rows(EpcisStatements.EPCIS_EVENTS, rows -> List.of(rows.event())),
                    rows(EpcisStatements.EPCIS_OBJECTS, EventRows::objects),
                    rows(EpcisStatements.EPCIS_MADE_FROM, EventRows::madeFrom),
                    rows(EpcisStatements.EPCIS_PACKED_IN, EventRows::packed),
                    rows(EpcisStatements.EPCIS_HOPS, EventRows::hops));
        }

        private Map.Entry<Statement, List<Map<String, Object>>> rows(Statement statement,
                Function<EventRows, List<Map<String, Object>>> part) {
            List<Map<String, Object>> rows = new ArrayList<>();
            events.values().forEach(event -> rows.addAll(part.apply(event)));
            return Map.entry(statement, rows);
        }
    }
}
