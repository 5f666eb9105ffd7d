package org.terroir.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;
import org.terroir.store.GraphTarget;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Where the logs of one run of a command go. A command that works on a graph and then ends
 * ({@code import}, {@code stats}) writes the warnings and stack traces of the libraries under it, the
 * Neo4j driver's retries while the graph is away among them, to {@code <data-dir>/logs/terroir.log}
 * ({@link #fileOf}; log4j2.xml makes it when the first line is written), and prints only its own
 * lines: a failure is one line, naming that file when it holds the details. {@code serve} and
 * {@code demo} run until stopped and log on standard error, as a server does. The other commands
 * open no graph and log nothing.
 */
final class CommandLog implements AutoCloseable {

    /** The system property log4j2.xml reads: while it is set, the logs go to the file it names. */
    static final String FILE_PROPERTY = "terroir.log.file";

    /** Commands that run until stopped: their logs stay on standard error. */
    private static final Set<String> SERVING = Set.of("serve", "demo");

    private static final CommandLog NONE = new CommandLog(null);

    private final Path file;

    private CommandLog(Path file) {
        this.file = file;
    }

    /** Logs where log4j2.xml sends them by default. */
    static CommandLog none() {
        return NONE;
    }

    /** The log of the command {@code parsed} names: a file under its data folder for a graph command that ends. */
    static CommandLog of(ParseResult parsed) {
        ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        CommandSpec spec = command.commandSpec();
        if (command.isUsageHelpRequested() || command.isVersionHelpRequested() || SERVING.contains(spec.name())) {
            return NONE;
        }
        return spec.mixins().values().stream()
                .map(CommandSpec::userObject)
                .filter(GraphOptions.class::isInstance)
                .map(GraphOptions.class::cast)
                .findFirst()
                .map(graph -> toFile(fileOf(graph)))
                .orElse(NONE);
    }

    /**
     * {@code <data-dir>/logs/terroir.log} for the embedded store, or a server's command whose data
     * folder exists; {@code ~/.terroir/logs/terroir.log} for a server's command without one, which
     * makes no data folder in the working directory only to log in it.
     */
    static Path fileOf(GraphOptions graph) {
        Path dataDir = graph.dataDir().toAbsolutePath().normalize();
        boolean embedded;
        try {
            embedded = graph.target() instanceof GraphTarget.Embedded;
        } catch (IllegalArgumentException badUri) {
            embedded = false; // the command says so itself
        }
        Path folder = embedded || Files.isDirectory(dataDir) ? dataDir : Path.of(System.getProperty("user.home"), ".terroir");
        return folder.resolve("logs").resolve("terroir.log");
    }

    /** Sends the logs of everything, java.util.logging's included, to {@code file} until {@link #close}. */
    static CommandLog toFile(Path file) {
        System.setProperty(FILE_PROPERTY, file.toString());
        reconfigure();
        bridgeJavaUtilLogging();
        return new CommandLog(file);
    }

    /**
     * Logs a failure that ends the command, with its stack trace, when it carries the failure of
     * something under it (the driver, the store) whose details its one line leaves out.
     *
     * @return the file the details went to, if they went to one
     */
    Optional<Path> details(Throwable failure) {
        if (file == null || failure.getCause() == null) {
            return Optional.empty();
        }
        LogManager.getLogger(Terroir.class).error("the command failed: {}", failure.getMessage(), failure);
        return Optional.of(file);
    }

    /** Logs go where they went before. */
    @Override
    public void close() {
        if (file != null) {
            System.clearProperty(FILE_PROPERTY);
            reconfigure();
        }
    }

    private static void reconfigure() {
        if (LogManager.getContext(false) instanceof LoggerContext context) {
            context.reconfigure();
        }
    }

    /**
     * java.util.logging, which the Neo4j driver logs through (graph-store's driver configuration),
     * into Log4j in place of its console handler, once per JVM; Spring Boot does the same for serve.
     */
    private static synchronized void bridgeJavaUtilLogging() {
        for (Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            if (handler instanceof Log4jBridgeHandler) {
                return;
            }
        }
        Log4jBridgeHandler.install(true, null, true);
    }
}
