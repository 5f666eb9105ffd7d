package org.terroir.importer.cli;

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
import java.util.concurrent.Callable;
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
import org.terroir.store.GraphOptions;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphUnavailableException;
import org.terroir.store.OpenGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code terroir import}: master data and GS1 EPCIS 2.0 documents into the graph. */
@Command(name = "import", header = "Imports master-data CSV files and GS1 EPCIS 2.0 documents into the graph.", mixinStandardHelpOptions = true,
        description = {"Imports master-data CSV files (docs/master-data.md) and GS1 EPCIS 2.0 documents (JSON / JSON-LD,",
            "XML; also EPCIS 1.2 XML) into the graph, with the master data of their headers and of XML",
            "EPCISMasterDataDocuments. Folders are searched for *.csv, *.json, *.jsonld and *.xml.",
            "The CSV files are validated together, references included, and EPCIS documents one by one, before",
            "anything of them is written: a rejected set or document writes nothing, its problems are listed",
            "(file, line or event index, field, reason) and written to --report, and the run goes on with the",
            "other documents; the exit code is then 1. Importing the same files again changes nothing."})
public final class ImportCommand implements Callable<Integer> {

    private static final Set<String> EPCIS = Set.of(".json", ".jsonld", ".xml");

    @Mixin
    GraphOptions graph;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders.")
    List<Path> paths;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "terroir-import-report.json",
            description = "Where the machine-readable report of rejected documents goes when there are any (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = {"Encoding of the master-data CSV files, e.g. GBK, GB18030 or UTF-8. Default: per file, UTF-8 (a",
                "byte-order mark, as Excel's \"CSV UTF-8\" writes, is skipped) if it decodes as UTF-8, else GB18030",
                "(GBK, as Excel's Chinese \"CSV\" writes). The output names a file's encoding when it is not plain UTF-8."})
    Charset encoding;

    @Spec
    CommandSpec spec;

    /** One rejected file, as the report shows it. */
    record Rejection(String file, long problemCount, List<String> problems) {}

    @Override
    public Integer call() throws IOException {
        List<Path> files = expand(paths);
        List<Path> csv = files.stream().filter(f -> suffix(f).equals(".csv")).toList();
        List<Path> documents = files.stream().filter(f -> EPCIS.contains(suffix(f))).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Long> imported = new LinkedHashMap<>();
        try (OpenGraph open = GraphStore.open(graph.target())) {
            out.printf("Importing %d file(s) into %s%n", files.size(), open.description());
            out.flush();
            if (!csv.isEmpty()) {
                try {
                    MasterDataImport.Outcome outcome = new MasterDataImport(open.driver(),
                            PseudonymSalts.load(graph.dataDir()), Optional.ofNullable(encoding)).importFiles(csv);
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
            return 0;
        }
        for (Rejection rejection : rejections) {
            err.printf("terroir: rejected, nothing of it written: %s: %d problem(s)%n", rejection.file(), rejection.problemCount());
            rejection.problems().forEach(p -> err.println("  " + p));
        }
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(report, json.writeValueAsString(Map.of("imported", imported, "rejected", rejections)));
        err.println("terroir: report written to " + report);
        err.flush();
        return 1;
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
    static List<Path> expand(List<Path> paths) throws IOException {
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
