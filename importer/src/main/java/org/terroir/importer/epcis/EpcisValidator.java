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

    /**
     * Pass 1 with memory bounded whatever the document: the first {@code limit} problems, and how
     * many problems and events there are in all.
     *
     * @param limit how many problems to keep, at least 0
     */
    public static Validation validate(Path file, int limit) {
        return validate(file, limit, read -> { });
    }

    /**
     * {@link #validate(Path, int)}, handing each event to {@code each} as it is read (valid or not),
     * for checks of the same pass that need no second reading of the document.
     */
    public static Validation validate(Path file, int limit, java.util.function.Consumer<ReadEvent> each) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, got " + limit);
        }
        List<Problem> kept = new ArrayList<>();
        long problems = 0;
        long events = 0;
        EpcisMasterData masterData;
        String documentType;
        try (EpcisReader reader = EpcisReader.open(file)) {
            for (Optional<ReadEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
                events++;
                each.accept(e.get());
                for (Problem p : e.get().problems()) {
                    if (problems++ < limit) {
                        kept.add(p);
                    }
                }
            }
            masterData = EpcisMasterData.of(file.getFileName().toString(), reader.masterData());
            documentType = reader.documentType();
            for (Problem p : concat(reader.documentProblems(), masterData.problems())) {
                if (problems++ < limit) {
                    kept.add(p);
                }
            }
        }
        return new Validation(kept, problems, events, masterData, documentType);
    }

    private static List<Problem> concat(List<Problem> a, List<Problem> b) {
        List<Problem> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The outcome of {@link #validate(Path, int)}.
     *
     * @param problems      the first problems found, at most the limit asked for
     * @param problemCount  all problems in the document
     * @param eventCount    events in the document
     * @param masterData    the master data of its header or body, as rows for the graph
     * @param documentType  what the document is (its root element or JSON {@code type})
     */
    public record Validation(List<Problem> problems, long problemCount, long eventCount, EpcisMasterData masterData,
                             String documentType) {

        public Validation {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problemCount == 0;
        }
    }

    /** All problems of the document at {@code file}; empty when it is valid (unbounded: see {@link #validate(Path, int)}). */
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
        problems.addAll(EpcisMasterData.of(reader.fileName(), reader.masterData()).problems());
        return problems;
    }
}
