package org.terroir.importer.epcis.internal;

import java.util.List;
import java.util.Optional;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.Vocabulary;

/** Pulls events one at a time out of one document. */
public interface EventParser extends AutoCloseable {

    /** The next event, or empty at the end of the document (or after a fatal syntax error). */
    Optional<ReadEvent> next();

    /**
     * What the document is, by its root element or JSON {@code type}: {@code EPCISDocument},
     * {@code EPCISQueryDocument}, {@code EPCISMasterDataDocument}, {@code EPCISCaptureJob}; empty
     * before it is known.
     */
    String documentType();

    /** Master data read from the document header so far. */
    List<Vocabulary> masterData();

    /** Problems of the document itself (not of one event); complete once {@link #next()} returned empty. */
    List<Problem> documentProblems();

    @Override
    void close();
}
