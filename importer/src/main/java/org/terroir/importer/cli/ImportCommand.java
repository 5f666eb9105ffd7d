package org.terroir.importer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.terroir.importer.PseudonymSalts;
import org.terroir.importer.masterdata.MasterDataImport;
import org.terroir.importer.masterdata.MasterDataKind;
import org.terroir.importer.masterdata.MasterDataRejectedException;
import org.terroir.importer.masterdata.Problem;
import org.terroir.store.GraphOptions;
import org.terroir.store.GraphStore;
import org.terroir.store.OpenGraph;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code terroir import}: master data (and, once the EPCIS importer lands, event documents) into the graph. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports master-data CSV files (regions, parties, brands, products, locations, certifications,",
            "producers, contributions; see docs/master-data.md) into the graph. Folders are searched for *.csv.",
            "All files are validated, references included, before anything is written: a set with any problem",
            "writes nothing, and the problems (the first of each row) are listed with file, line and column (exit 1).",
            "Importing the same files again changes nothing."})
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    GraphOptions graph;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> files = expand(paths);
        List<Path> notCsv = files.stream().filter(f -> !f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).toList();
        if (!notCsv.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "only master-data CSV files can be imported so far, not "
                    + notCsv.getFirst() + (notCsv.size() > 1 ? " (and " + (notCsv.size() - 1) + " more)" : ""));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (OpenGraph open = GraphStore.open(graph.target())) {
            Map<MasterDataKind, Integer> written = new MasterDataImport(open.driver(), PseudonymSalts.load(graph.dataDir())).run(files);
            out.printf("Imported %d master-data file(s) into %s:%n", files.size(), open.description());
            written.forEach((kind, rows) -> out.printf("  %-20s %6d rows%n", kind.fileName(), rows));
            out.flush();
            return 0;
        } catch (MasterDataRejectedException e) {
            err.printf("terroir: rejected, nothing written: %d problem(s)%n", e.problems().size());
            for (Problem problem : e.problems()) {
                err.println("  " + problem);
            }
            err.flush();
            return 1;
        }
    }

    /** Files as given, folders searched for CSV files, sorted; a missing path is a usage error. */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> found = Files.walk(path)) {
                    found.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new NoSuchFileException(path.toString());
            }
        }
        return files;
    }
}
