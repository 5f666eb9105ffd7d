package org.terroir.importer.masterdata;

import java.nio.file.Path;

/**
 * One reason a master-data file is rejected: where (file, line, column) and why.
 *
 * @param line 1-based line in the file, 0 when the problem concerns the whole file
 * @param column the CSV column, or empty
 */
public record Problem(Path file, long line, String column, String reason) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(file.getFileName());
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (!column.isEmpty()) {
            s.append(column).append(": ");
        }
        return s.append(reason).toString();
    }
}
