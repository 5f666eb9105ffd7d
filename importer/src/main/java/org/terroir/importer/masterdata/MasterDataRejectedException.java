package org.terroir.importer.masterdata;

import java.util.List;

/** Master data that failed validation; nothing of it was written. */
public final class MasterDataRejectedException extends RuntimeException {

    private final List<Problem> problems;
    private final List<FileEncoding> encodings;

    public MasterDataRejectedException(List<Problem> problems) {
        this(problems, List.of());
    }

    /** @param encodings the encoding each file was read in, where it could be told */
    public MasterDataRejectedException(List<Problem> problems, List<FileEncoding> encodings) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
        this.encodings = List.copyOf(encodings);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The encoding each file was read in: a GBK file's names look wrong when it was read as something else. */
    public List<FileEncoding> encodings() {
        return encodings;
    }

    private static String summary(List<Problem> problems) {
        String first = problems.getFirst().toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problem(s))";
    }
}
