package org.terroir.importer.epcis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.terroir.importer.epcis.internal.EventParser;
import org.terroir.importer.epcis.internal.JsonEventParser;
import org.terroir.importer.epcis.internal.XmlEventParser;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.Vocabulary;

/**
 * Reads the events of one EPCIS 2.0 document (JSON / JSON-LD, or XML incl. EPCIS 1.2) one at a
 * time, so memory stays flat whatever the document's size. Each {@link ReadEvent} carries either
 * the event or the problems that make it invalid; problems of the document itself are in
 * {@link #documentProblems()} once {@link #next()} has returned empty. Master data from the
 * header is in {@link #masterData()}.
 *
 * <pre>{@code
 * try (EpcisReader reader = EpcisReader.open(path)) {
 *     for (Optional<ReadEvent> e = reader.next(); e.isPresent(); e = reader.next()) { ... }
 * }
 * }</pre>
 */
public final class EpcisReader implements AutoCloseable {

    /** The two bindings. */
    public enum Format {
        JSON, XML
    }

    /**
     * Whether XML event fields must come in the XSD's order. {@link #STRICT} is the validation rule
     * (docs/epcis-mapping.md); {@link #LENIENT} reads documents known to be out of order, e.g. to
     * compute their event hashes.
     */
    public enum XmlOrder {
        STRICT, LENIENT
    }

    private final EventParser parser;
    private final InputStream in;
    private final String fileName;

    private EpcisReader(EventParser parser, InputStream in, String fileName) {
        this.parser = parser;
        this.in = in;
        this.fileName = fileName;
    }

    /** Opens a file; the format is told by its first non-blank character ({@code <} is XML, else JSON). */
    public static EpcisReader open(Path file) {
        return open(file, XmlOrder.STRICT);
    }

    /** {@link #open(Path)} with a choice of XML element-order rule. */
    public static EpcisReader open(Path file, XmlOrder order) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            return of(in, file.getFileName().toString(), sniff(in), order);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Reads a stream in a known format; {@code fileName} names it in problems. Closing the reader closes the stream. */
    public static EpcisReader of(InputStream in, String fileName, Format format) {
        return of(in, fileName, format, XmlOrder.STRICT);
    }

    /** {@link #of(InputStream, String, Format)} with a choice of XML element-order rule. */
    public static EpcisReader of(InputStream in, String fileName, Format format, XmlOrder order) {
        EventParser parser = switch (format) {
            case JSON -> new JsonEventParser(in, fileName);
            case XML -> new XmlEventParser(in, fileName, order == XmlOrder.STRICT);
        };
        return new EpcisReader(parser, in, fileName);
    }

    private static Format sniff(InputStream in) throws IOException {
        in.mark(1024);
        try {
            for (int i = 0; i < 1024; i++) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                if (c == '<') {
                    return Format.XML;
                }
                if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
                    return Format.JSON;
                }
            }
            return Format.JSON;
        } finally {
            in.reset();
        }
    }

    /** The next event, or empty at the end of the document. */
    public Optional<ReadEvent> next() {
        return parser.next();
    }

    /** Master data (EPCIS header vocabularies) read so far. */
    public List<Vocabulary> masterData() {
        return parser.masterData();
    }

    /**
     * What the document is: {@code EPCISDocument}, {@code EPCISQueryDocument},
     * {@code EPCISMasterDataDocument} or {@code EPCISCaptureJob} (a capture interface's report on a
     * job: nothing to import); as its root element or JSON {@code type} says, once read that far.
     */
    public String documentType() {
        return parser.documentType();
    }

    /** The name problems give the document. */
    public String fileName() {
        return fileName;
    }

    /** Problems of the document itself; complete once {@link #next()} has returned empty. */
    public List<Problem> documentProblems() {
        return parser.documentProblems();
    }

    @Override
    public void close() {
        parser.close();
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
