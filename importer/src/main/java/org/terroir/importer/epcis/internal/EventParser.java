package org.terroir.importer.epcis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.Vocabulary;

/**
 * Pulls events one at a time out of one document, and keeps what it learns of the document itself
 * on the way: its type, its header's master data, its problems.
 */
public abstract sealed class EventParser implements AutoCloseable permits JsonEventParser, XmlEventParser {

    /** Problems of the document itself, as the parser finds them. */
    protected final List<Problem> documentProblems = new ArrayList<>();
    /** Master data of the document's header (or body, for a master-data document), as the parser reads it. */
    protected final List<Vocabulary> masterData = new ArrayList<>();
    /** The document's type, once known. */
    protected String documentType = "";

    /** The next event, or empty at the end of the document (or after a fatal syntax error). */
    public abstract Optional<ReadEvent> next();

    /**
     * What the document is, by its root element or JSON {@code type}: {@code EPCISDocument},
     * {@code EPCISQueryDocument}, {@code EPCISMasterDataDocument}, {@code EPCISCaptureJob}; empty
     * before it is known.
     */
    public String documentType() {
        return documentType;
    }

    /** Master data read from the document header so far. */
    public List<Vocabulary> masterData() {
        return List.copyOf(masterData);
    }

    /** Problems of the document itself (not of one event); complete once {@link #next()} returned empty. */
    public List<Problem> documentProblems() {
        return List.copyOf(documentProblems);
    }

    @Override
    public abstract void close();
}
