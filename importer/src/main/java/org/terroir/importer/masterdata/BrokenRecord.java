package org.terroir.importer.masterdata;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Where a record that is not valid CSV breaks, for a problem naming its cell. Commons CSV says only
 * that a quoted cell ran to the end of the file, or that text follows a closing quote; which cell
 * that was is found by parsing the record's text again: whole, with a quote allowed to run to the
 * end, and if that fails too, the longest beginning of it that parses.
 */
final class BrokenRecord {

    /** The master-data format without a header, a quoted cell allowed to end with the text. */
    private static final CSVFormat TO_THE_END = MasterDataReader.FORMAT.builder()
            .setHeader((String[]) null).setSkipHeaderRecord(false).setLenientEof(true).get();

    private BrokenRecord() {
    }

    /**
     * The problem of the record starting on line {@code startLine} of the file, whose parse failed
     * with commons CSV on line {@code failedLine}.
     *
     * @param header the file's column names, in order
     */
    static Problem locate(FileEncoding encoding, List<String> header, long startLine, long failedLine) throws IOException {
        String text = lines(encoding, startLine, failedLine + 1);
        int whole = cells(text);
        if (whole > 0) {
            return new Problem(encoding.file(), startLine, column(header, whole - 1),
                    "a quote opens this cell and is never closed: the rest of the file would be this one cell"
                            + " (a quote inside a quoted cell is written twice: \"\")");
        }
        int parses = 0;
        int fails = text.length();
        while (fails - parses > 1) {
            int middle = (parses + fails) >>> 1;
            if (cells(text.substring(0, middle)) >= 0) {
                parses = middle;
            } else {
                fails = middle;
            }
        }
        String column = column(header, Math.max(0, cells(text.substring(0, parses)) - 1));
        long closingLine = startLine + text.substring(0, parses).lines().count() - 1;
        return new Problem(encoding.file(), startLine, column, closingLine == startLine
                ? "text follows the closing quote of this cell (a quote inside a quoted cell is written twice: \"\")"
                : "the quote opening this cell closes only on line " + closingLine + ", and text follows it: is a closing quote missing?");
    }

    /** The name of column {@code index}, or where the cell is when the header names none there. */
    static String column(List<String> header, int index) {
        return index < header.size() && !header.get(index).isBlank() ? header.get(index) : "cell " + (index + 1);
    }

    /** The cells of the first record of {@code text}; -1 if it is not valid CSV. */
    private static int cells(String text) {
        try (CSVParser parser = TO_THE_END.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().size() : 0;
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /**
     * Lines {@code from} to {@code to} of the file (1-based, as commons CSV counts them: CR LF, LF or
     * a lone CR end a line), with their line ends.
     */
    private static String lines(FileEncoding encoding, long from, long to) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Reader reader = encoding.open()) {
            long line = 1;
            boolean afterCr = false;
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                boolean lfOfCrLf = c == '\n' && afterCr;
                long of = lfOfCrLf ? line - 1 : line;
                if (of > to) {
                    break;
                }
                if (of >= from) {
                    text.append((char) c);
                }
                if (c == '\r' || c == '\n' && !afterCr) {
                    line++;
                }
                afterCr = c == '\r';
            }
        }
        return text.toString();
    }
}
