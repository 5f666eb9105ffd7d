package org.terroir.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.terroir.importer.run.ImportRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Override
    public Integer call() throws IOException {
        List<Path> files = ImportRun.expand(paths);
        ImportRun run = new ImportRun(graph.target(), graph.dataDir(), Optional.ofNullable(encoding), report,
                spec.commandLine().getOut(), spec.commandLine().getErr());
        return run.run(files) ? 0 : 1;
    }
}
