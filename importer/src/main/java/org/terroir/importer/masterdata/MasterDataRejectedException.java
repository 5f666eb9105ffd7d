package org.terroir.importer.masterdata;

import java.util.List;

/** Master data that failed validation; nothing of it was written. */
public final class MasterDataRejectedException extends RuntimeException {

    private final List<Problem> problems;

    public MasterDataRejectedException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        String first = problems.getFirst().toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problem(s))";
    }
}
