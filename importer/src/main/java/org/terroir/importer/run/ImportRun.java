package org.terroir.importer.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.terroir.importer.PseudonymSalts;
import org.terroir.importer.epcis.graph.EpcisImport;
import org.terroir.importer.epcis.graph.ImportInterruptedException;
import org.terroir.importer.masterdata.FileEncoding;
import org.terroir.importer.masterdata.MasterDataImport;
import org.terroir.importer.masterdata.MasterDataKind;
import org.terroir.importer.masterdata.MasterDataRejectedException;
import org.terroir.importer.masterdata.Problem;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphTarget;
import org.terroir.store.GraphUnavailableException;
import org.terroir.store.OpenGraph;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One import of master-data CSV files and GS1 EPCIS 2.0 documents into the graph, as
 * {@code terroir import} runs it. The CSV files are validated together and EPCIS documents one by
 * one before anything of them is written; a rejected set or document writes nothing, its problems
 * are listed on the error stream and written to the report, and the run goes on with the others.
 * Progress and what was imported go to the output streams given.
 */
public final class ImportRun {

    private static final Set<String> EPCIS = Set.of(".json", ".jsonld", ".xml");

    private final GraphTarget target;
    private final Path dataDir;
    private final Optional<Charset> encoding;
    private final Path report;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param target   the graph to import into
     * @param dataDir  the data folder, which keeps the installation's pseudonym salts
     * @param encoding the encoding of every CSV file, or empty to detect each one's (UTF-8, else GB18030)
     * @param report   where the machine-readable report of rejected files goes when there are any
     * @param out      what was imported, file by file
     * @param err      progress, and the problems of rejected files
     */
    public ImportRun(GraphTarget target, Path dataDir, Optional<Charset> encoding, Path report, PrintWriter out, PrintWriter err) {
        this.target = target;
        this.dataDir = dataDir;
        this.encoding = encoding;
        this.report = report;
        this.out = out;
        this.err = err;
    }

    /** One rejected file, as the report shows it. */
    record Rejection(String file, long problemCount, List<String> problems) {}

    /**
     * Imports the files (see {@link #expand}).
     *
     * @return whether every file was imported; when not, the rejected ones are listed and reported
     * @throws GraphUnavailableException when the graph cannot be opened, or stopped answering part-way
     */
    public boolean run(List<Path> files) throws IOException {
        List<Path> csv = files.stream().filter(f -> suffix(f).equals(".csv")).toList();
        List<Path> documents = files.stream().filter(f -> EPCIS.contains(suffix(f))).toList();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Long> imported = new LinkedHashMap<>();
        try (OpenGraph open = GraphStore.open(target)) {
            out.printf("Importing %d file(s) into %s%n", files.size(), open.description());
            out.flush();
            if (!csv.isEmpty()) {
                try {
                    MasterDataImport.Outcome outcome = new MasterDataImport(open.driver(),
                            PseudonymSalts.load(dataDir), encoding).importFiles(csv);
                    printEncodings(out, outcome.encodings());
                    Map<MasterDataKind, Integer> written = outcome.rows();
                    written.forEach((kind, rows) -> imported.put(kind.fileName(), (long) rows));
                    out.printf("  master data: %s%n", MasterDataImport.byFileName(written));
                } catch (MasterDataRejectedException e) {
                    printEncodings(out, e.encodings());
                    rejections.add(new Rejection(csv.size() + " master-data file(s)", e.problems().size(),
                            e.problems().stream().map(Problem::toString).toList()));
                } catch (Neo4jException e) {
                    throw interrupted(open, "while the master data were written", e);
                }
            }
            EpcisImport events = new EpcisImport(open.driver());
            for (Path document : documents) {
                EpcisImport.Outcome outcome;
                try (Progress progress = Progress.start(document.getFileName().toString(), -1, err)) {
                    outcome = events.run(document, progress::stepTo);
                    progress.finish();
                } catch (ImportInterruptedException e) {
                    throw interrupted(open, "after %,d of %,d events of %s were written".formatted(e.written(), e.events(), document),
                            e.getCause());
                }
                if (outcome.imported()) {
                    imported.put(document.toString(), outcome.events());
                    if (outcome.documentType().equals("EPCISCaptureJob")) {
                        out.printf("  %s: a capture job's report (EPCISCaptureJob), neither events nor master data: nothing to import%n",
                                document);
                    } else {
                        out.printf("  %s: %,d events%s%n", document, outcome.events(),
                                outcome.masterData() == 0 ? "" : ", %,d master-data elements".formatted(outcome.masterData()));
                    }
                } else {
                    rejections.add(new Rejection(document.toString(), outcome.problemCount(),
                            outcome.problems().stream().map(Object::toString).toList()));
                }
                out.flush();
            }
        }
        if (rejections.isEmpty()) {
            return true;
        }
        for (Rejection rejection : rejections) {
            err.printf("terroir: rejected, nothing of it written: %s: %d problem(s)%n", rejection.file(), rejection.problemCount());
            rejection.problems().forEach(p -> err.println("  " + p));
        }
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(report, json.writeValueAsString(Map.of("imported", imported, "rejected", rejections)));
        err.println("terroir: report written to " + report);
        err.flush();
        return false;
    }

    /** A line for each file not in plain UTF-8: its names read wrong if it was taken for the wrong encoding. */
    private static void printEncodings(PrintWriter out, List<FileEncoding> encodings) {
        encodings.stream().filter(e -> !e.plainUtf8())
                .forEach(e -> out.printf("  %s: read as %s%n", e.file().getFileName(), e));
        out.flush();
    }

    /**
     * The one line for an import the graph cut short: where the graph is, what it did, how far the
     * import got. What was written stays (whole transactions, MERGEd on natural keys), so the same
     * import run again writes only what is missing.
     */
    private static GraphUnavailableException interrupted(OpenGraph open, String when, Neo4jException cause) {
        boolean gone = cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException;
        String what = gone ? "stopped answering" : "refused a write (" + firstLine(cause.getMessage()) + ")";
        return new GraphUnavailableException("the import was interrupted: the graph at " + open.boltUri() + " " + what + " " + when
                + "; what was written is kept, and running the same import again " + (gone ? "once the graph answers " : "")
                + "completes it", cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String suffix(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    /** Files as given, folders searched for importable files, sorted; a missing path is a usage error. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> found = Files.walk(path)) {
                    found.filter(Files::isRegularFile)
                            .filter(f -> suffix(f).equals(".csv") || EPCIS.contains(suffix(f)))
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                if (!suffix(path).equals(".csv") && !EPCIS.contains(suffix(path))) {
                    throw new IllegalArgumentException(path + " is neither a CSV file nor an EPCIS document (.json, .jsonld, .xml)");
                }
                files.add(path);
            } else {
                throw new NoSuchFileException(path.toString());
            }
        }
        return files;
    }
}
