package org.terroir.importer.epcis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;

/**
 * Pass 1 of an import: reads a whole document, streaming, and returns every problem in it
 * without keeping any event. Only a document with no problems is written (pass 2 reads it again
 * with {@link EpcisReader}).
 */
public final class EpcisValidator {

    private EpcisValidator() {
    }

    /** All problems of the document at {@code file}; empty when it is valid. */
    public static List<Problem> validate(Path file) {
        try (EpcisReader reader = EpcisReader.open(file)) {
            return validate(reader);
        }
    }

    /** All problems of the document behind {@code reader}, which this reads to the end. */
    public static List<Problem> validate(EpcisReader reader) {
        List<Problem> problems = new ArrayList<>();
        for (Optional<ReadEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
            problems.addAll(e.get().problems());
        }
        problems.addAll(reader.documentProblems());
        return problems;
    }
}
