package org.terroir.importer.epcis.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.terroir.importer.epcis.EpcisReader;
import org.terroir.importer.epcis.EpcisValidator;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.model.cypher.Catalogue;
import org.terroir.model.cypher.Statement;

/**
 * Imports EPCIS 2.0 documents into the graph, each in two streaming passes: the first validates the
 * whole document, and a document with any problem writes nothing; the second writes its events in
 * transactions of {@link #BATCH} events, every statement a MERGE on natural keys, so that importing
 * a document again, or again after a crash, gives the same graph.
 */
public final class EpcisImport {

    /** Events per write transaction. */
    public static final int BATCH = 1_000;
    /** Problems kept per rejected document; the count goes on. */
    static final int PROBLEMS_KEPT = 100;

    private static final List<Statement> WRITES = List.of(Catalogue.EPCIS_EVENTS, Catalogue.EPCIS_OBJECTS,
            Catalogue.EPCIS_MADE_FROM, Catalogue.EPCIS_PACKED_IN, Catalogue.EPCIS_HOPS);

    /** What became of one document. */
    public record Outcome(Path file, long events, long problemCount, List<Problem> problems) {
        public boolean imported() {
            return problemCount == 0;
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
     */
    public Outcome run(Path file, LongConsumer progress) {
        EpcisValidator.Validation validation = EpcisValidator.validate(file, PROBLEMS_KEPT);
        if (!validation.valid()) {
            return new Outcome(file, validation.eventCount(), validation.problemCount(), validation.problems());
        }
        String document = file.getFileName().toString();
        long written = 0;
        try (EpcisReader reader = EpcisReader.open(file); Session session = driver.session()) {
            List<Map<String, Object>> rows = new ArrayList<>(BATCH);
            for (Optional<ReadEvent> next = reader.next(); next.isPresent(); next = reader.next()) {
                ReadEvent read = next.get();
                if (!read.valid()) {
                    // the document changed between the passes
                    return new Outcome(file, written, read.problems().size(), read.problems());
                }
                rows.add(EventRows.of(read.event().orElseThrow(), document));
                if (rows.size() == BATCH) {
                    write(session, rows);
                    written += rows.size();
                    progress.accept(written);
                    rows.clear();
                }
            }
            if (!rows.isEmpty()) {
                write(session, rows);
                written += rows.size();
                progress.accept(written);
            }
        }
        return new Outcome(file, written, 0, List.of());
    }

    private static void write(Session session, List<Map<String, Object>> rows) {
        List<Map<String, Object>> batch = List.copyOf(rows);
        session.executeWriteWithoutResult(tx -> {
            for (Statement statement : WRITES) {
                tx.run(statement.cypher(), Map.of("rows", batch)).consume();
            }
        });
    }
}
