package org.terroir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.terroir.importer.generate.SyntheticData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terroir generate}: a deterministic synthetic dataset of the demo's shape. */
@Command(name = "generate", header = "Writes a deterministic synthetic dataset of the demo's shape, any size.", mixinStandardHelpOptions = true,
        description = {"Writes a deterministic synthetic dataset of the demo's shape: master-data CSV files and EPCIS 2.0",
            "JSON-LD documents (10,000 batches a file, " + SyntheticData.EVENTS_PER_BATCH + " events a batch). The same --batches always",
            "gives the same files. Needs no database."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--batches", paramLabel = "N", required = true, description = "How many batches (lots), 1 to 9,000,000.")
    long batches;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (created; must be empty if it exists).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SyntheticData data;
        try {
            data = new SyntheticData(batches);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is not empty");
                }
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        data.write(out, done -> {
            err.printf("generate: %,d of %,d batches written%n", done, batches);
            err.flush();
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        spec.commandLine().getOut().printf("Wrote %,d batches (%,d events) in %d counties to %s in %.1f s%n",
                batches, batches * SyntheticData.EVENTS_PER_BATCH, data.counties(), out, seconds);
        return 0;
    }
}
