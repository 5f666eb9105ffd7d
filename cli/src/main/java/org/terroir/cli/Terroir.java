package org.terroir.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.terroir.cli.labels.KeysCommand;
import org.terroir.cli.labels.LabelsCommand;
import org.terroir.cli.labels.TrustListCommand;
import org.terroir.cli.labels.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code terroir}: one command-line program composed of the subcommands of every module.
 *
 * <p>Exit codes: 0 success; 1 a domain failure (documents rejected, label not genuine, store
 * busy); 2 a usage error or a missing file. Failures print one line, never a stack trace
 * (set {@code TERROIR_DEBUG=1} to see it); what the libraries under a graph command log goes to
 * its log file ({@link CommandLog}), which that line names when it holds the details.
 */
@Command(name = "terroir",
        mixinStandardHelpOptions = true,
        versionProvider = Terroir.Version.class,
        description = "Provenance graphs and signed QR labels for rural regional brands.",
        subcommands = {DemoCommand.class, ServeCommand.class, TokensCommand.class, ImportCommand.class, GenerateCommand.class, StatsCommand.class, IdCommand.class,
            KeysCommand.class, TrustListCommand.class, LabelsCommand.class, VerifyCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:domain failure (documents rejected, label not genuine, store busy)",
            "2:usage error or missing file"})
public final class Terroir implements Runnable {

    public static final int OK = 0;
    public static final int DOMAIN_FAILURE = 1;
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command; 'terroir --help' lists them");
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the program with the given streams and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, params) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("terroir: " + e.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        AtomicReference<CommandLog> log = new AtomicReference<>(CommandLog.none());
        commandLine.setExecutionStrategy(parseResult -> {
            log.set(CommandLog.of(parseResult));
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            String line = "terroir: " + Failures.describe(e);
            failed.getErr().println(log.get().details(e).map(file -> line + " (details in " + file + ")").orElse(line));
            if (System.getenv("TERROIR_DEBUG") != null) {
                e.printStackTrace(failed.getErr());
            }
            return Failures.exitCode(e);
        });
        try {
            return commandLine.execute(args);
        } finally {
            log.get().close();
        }
    }

    /**
     * Commands that need no database, by name. When one is named first, {@link #commandLine} builds
     * it alone under a bare {@code terroir}: picocli then reads the annotations of its classes only,
     * not of every module's commands (and the types their options name), which keeps
     * {@code terroir verify URI} a cold start of a few hundred milliseconds. Each is also one of
     * {@link Terroir}'s {@code subcommands} (a test checks it), so help and parsing are the same.
     */
    static final Map<String, Supplier<Object>> QUICK = Map.of(
            "verify", VerifyCommand::new,
            "keys", KeysCommand::new,
            "trust-list", TrustListCommand::new,
            "labels", LabelsCommand::new,
            "id", IdCommand::new);

    /** The command line for these arguments: a quick command alone, or the whole program. */
    static CommandLine commandLine(String... args) {
        if (args.length > 0 && QUICK.containsKey(args[0])) {
            CommandLine top = new CommandLine(CommandSpec.create().name("terroir"));
            top.addSubcommand(args[0], QUICK.get(args[0]).get());
            return top;
        }
        return new CommandLine(new Terroir());
    }

    /** Maps exceptions that reach the top to one line and an exit code. */
    static final class Failures {
        private Failures() {}

        static int exitCode(Throwable e) {
            return switch (e) {
                case NoSuchFileException ignored -> USAGE;
                case AccessDeniedException ignored -> USAGE;
                case IllegalArgumentException ignored -> USAGE;
                default -> DOMAIN_FAILURE;
            };
        }

        static String describe(Throwable e) {
            return switch (e) {
                case NoSuchFileException missing -> "no such file: " + missing.getFile();
                case AccessDeniedException denied -> "access denied: " + denied.getFile();
                default -> e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
            };
        }

        private static String firstLine(String message) {
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Terroir.class.getPackage().getImplementationVersion();
            return new String[] {"terroir " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
