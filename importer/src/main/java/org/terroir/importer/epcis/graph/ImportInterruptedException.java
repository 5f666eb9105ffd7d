package org.terroir.importer.epcis.graph;

import java.nio.file.Path;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The graph failed while a document was written (it stopped answering, or refused a write after the
 * driver's retries). The events of the transactions committed before are in the graph whole, the
 * others not at all; importing the document again writes the missing ones.
 */
public final class ImportInterruptedException extends RuntimeException {

    private final transient Path file;
    private final long written;
    private final long events;

    ImportInterruptedException(Path file, long written, long events, Neo4jException cause) {
        super((events < 0 ? "%s: the graph failed while the document was checked, before any event was written: %4$s"
                : "%s: the graph failed after %,d of %,d events were written: %s").formatted(file, written, events,
                firstLine(cause.getMessage())), cause);
        this.file = file;
        this.written = written;
        this.events = events;
    }

    /** The document being written. */
    public Path file() {
        return file;
    }

    /** Events of the document in committed transactions. */
    public long written() {
        return written;
    }

    /** Events in the document; -1 when the graph failed before they were counted (while the document was checked). */
    public long events() {
        return events;
    }

    @Override
    public synchronized Neo4jException getCause() {
        return (Neo4jException) super.getCause();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
