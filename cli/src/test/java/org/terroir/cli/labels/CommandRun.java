package org.terroir.cli.labels;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * What one run of a label command printed and returned, with failures mapped as the {@code terroir}
 * program maps them ({@code Terroir.Failures}): one {@code terroir: } line on standard
 * error, exit 2 for a usage error, a bad input or a missing file, else 1.
 */
record CommandRun(int exitCode, String out, String err) {

    static final int USAGE = 2;

    static CommandRun of(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((e, params) -> {
            e.getCommandLine().getErr().println("terroir: " + e.getMessage());
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println("terroir: " + e.getMessage());
            return e instanceof IllegalArgumentException || e instanceof NoSuchFileException ? USAGE : 1;
        });
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
