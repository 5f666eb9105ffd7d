package org.terroir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.terroir.importer.PseudonymSalts;
import org.terroir.importer.epcis.graph.EpcisImport;
import org.terroir.importer.masterdata.MasterDataImport;
import org.terroir.importer.masterdata.MasterDataReader;
import org.terroir.store.GraphStats;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphTarget;
import org.terroir.store.OpenGraph;
import org.terroir.store.StoreCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terroir demo}: opens the graph (the embedded store by default) with the schema applied,
 * imports the demo data into it when it holds no brand yet, reports what it holds per region, makes
 * the demo label PKI, and serves the GraphQL trace API on it until stopped.
 */
@Command(name = "demo", header = "Runs the platform on the demo data (five regions, nine brands).", mixinStandardHelpOptions = true,
        description = {"Runs the platform on the demo data: starts the graph with the schema applied, imports the demo data",
            "(demo/ in the Terroir folder: five regions, nine brands) when the graph holds no brand yet, reports what it",
            "holds per region, makes a demo label PKI and trust list under --data-dir (demo-pki/), and serves the GraphQL",
            "trace API on http://localhost:8080 (GraphiQL at /graphiql), printing example queries.",
            "",
            "The graph is an embedded Neo4j under --data-dir unless NEO4J_URI names a server. Other terroir commands and",
            "Neo4j tools reach it through Bolt while it runs; stop it with Ctrl+C."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    GraphOptions graph;

    @Mixin
    ApiOptions api;

    @Option(names = "--once", description = "Report and exit instead of serving.")
    boolean once;

    @Option(names = "--demo-data", paramLabel = "DIR",
            description = "The demo data folder (default: demo/ of the Terroir folder).")
    Path demoData;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path demo = demoData != null ? demoData : defaultDemoData();
        OpenGraph open = GraphStore.open(graph.target());
        Thread stopper = new Thread(open::close, "terroir-demo-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        Optional<DemoPki> pki;
        try {
            pki = prepare(open, demo, out);
        } catch (IOException | RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(stopper);
            open.close();
            throw e;
        }
        Runtime.getRuntime().removeShutdownHook(stopper);
        if (once) {
            open.close();
            return Terroir.OK;
        }
        java.security.interfaces.ECPrivateKey tokenKey = TokensCommand.ensureKey(graph.dataDir());
        Map<String, Object> properties = ApiDefaults.of(graph.dataDir());
        // The demo's subscribers listen on this machine: reports may go to the loopback here, never with 'serve'.
        properties.put("terroir.subscriptions.allow-local-destinations", "true");
        ServeCommand.Serving serving = ServeCommand.Serving.start(open, api, properties, out);
        out.println("Bolt (Neo4j tools, './terroir stats'): " + open.boltUri()
                + (graph.target() instanceof GraphTarget.Embedded embedded
                        ? ", user " + StoreCredentials.USER + ", password in " + StoreCredentials.file(embedded.dataDir())
                                + " (terroir commands read it there)"
                        : ""));
        serving.printEndpoints(out);
        List<String> labels = pki.map(DemoPki::labels).orElse(List.of());
        DemoQueries.print(serving.graphQl(), labels, out);
        DemoQueries.printScanLinks(serving.graphQl(), labels, pki.flatMap(DemoPki::sheet), out);
        String association = DemoQueries.printTokens(serving.graphQl(), tokenKey, TokensCommand.keyFolder(graph.dataDir()), out);
        DemoReceiver receiver = subscribe(serving, association, out);
        out.println("Stop with Ctrl+C (or kill " + ProcessHandle.current().pid() + ").");
        out.flush();
        try {
            serving.awaitStop();
        } finally {
            if (receiver != null) {
                receiver.close();
            }
        }
        return Terroir.OK;
    }

    /**
     * The demo's webhook receiver, subscribed through the API as the Liancheng association; null, and one
     * line saying why, when it could not be (the rest of the demo runs without it).
     */
    private static DemoReceiver subscribe(ServeCommand.Serving serving, String associationToken, PrintWriter out)
            throws InterruptedException {
        DemoReceiver receiver = null;
        try {
            receiver = DemoReceiver.start(out);
            receiver.subscribe(serving.graphQl().resolve("/"), associationToken);
            DemoQueries.printSubscription(serving.graphQl(), associationToken, receiver, out);
            return receiver;
        } catch (IOException e) {
            out.printf("Demo subscription: not made (%s); the rest of the demo runs without it%n", oneLine(e));
            if (receiver != null) {
                receiver.close();
            }
            return null;
        }
    }

    /**
     * The graph with the schema and the demo data, and the demo PKI; reported to {@code out}. The
     * PKI and its labels are optional parts: when one cannot be made, one line says so and the demo
     * goes on without it.
     */
    private Optional<DemoPki> prepare(OpenGraph open, Path demo, PrintWriter out) throws IOException {
        var schema = open.schema();
        out.printf("Graph: %s%n", open.description());
        out.printf("Schema: version V%s (%d migration(s) applied now, %d already present)%n",
                schema.version(), schema.applied().size(), schema.alreadyPresent().size());
        GraphStats.Stats stats = GraphStats.read(open.driver());
        if (stats.nodesPerLabel().getOrDefault("Brand", 0L) == 0) {
            importDemo(open, demo, out);
            stats = GraphStats.read(open.driver());
        }
        report(stats, out);
        DemoPki pki;
        try {
            pki = DemoPki.ensure(graph.dataDir(),
                    new MasterDataReader(PseudonymSalts.load(graph.dataDir())).read(masterDataFiles(demo)));
        } catch (IOException | RuntimeException e) {
            out.printf("Demo label PKI: not made (%s); the rest of the demo runs without demo labels%n", oneLine(e));
            out.flush();
            return Optional.empty();
        }
        out.printf("Demo label PKI: %s (a regulator root; a brand certificate and a signer per association;%n"
                + "  %s; private keys owner-only, never leave this folder)%n", pki.folder(), pki.trustList().getFileName());
        pki.problem().ifPresent(problem -> out.printf("Demo labels: not all made (%s); the rest of the demo runs without them%n",
                problem));
        out.flush();
        return Optional.of(pki);
    }

    /** What went wrong, on one line. */
    private static String oneLine(Exception e) {
        String message = switch (e) {
            case FileAlreadyExistsException inTheWay -> inTheWay.getFile() + " exists and is not a folder";
            case AccessDeniedException denied -> "access denied: " + denied.getFile();
            case NoSuchFileException missing -> "no such file: " + missing.getFile();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private void importDemo(OpenGraph open, Path demo, PrintWriter out) throws IOException {
        List<Path> files = masterDataFiles(demo);
        out.printf("Importing the demo master data from %s ...%n", demo.resolve("master-data"));
        out.flush();
        var written = new MasterDataImport(open.driver(), PseudonymSalts.load(graph.dataDir())).run(files);
        out.printf("  %s%n", MasterDataImport.byFileName(written));
        List<Path> documents;
        try (Stream<Path> list = Files.list(demo.resolve("epcis"))) {
            documents = list.filter(f -> f.getFileName().toString().endsWith(".jsonld")).sorted().toList();
        }
        out.printf("Importing %d demo EPCIS documents from %s ...%n", documents.size(), demo.resolve("epcis"));
        out.flush();
        EpcisImport events = new EpcisImport(open.driver());
        long total = 0;
        for (Path document : documents) {
            EpcisImport.Outcome outcome = events.run(document, n -> {});
            if (!outcome.imported()) {
                throw new IllegalStateException("the demo document " + document + " is rejected: " + outcome.problems().getFirst());
            }
            total += outcome.events();
        }
        out.printf("  %,d events%n", total);
    }

    private static List<Path> masterDataFiles(Path demo) throws IOException {
        Path masterData = demo.resolve("master-data");
        if (!Files.isDirectory(masterData)) {
            throw new NoSuchFileException(masterData.toString(), null, "demo data not found; give --demo-data DIR");
        }
        try (Stream<Path> list = Files.list(masterData)) {
            return list.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** {@code demo/} beside the launcher ({@code terroir.home}), else in the working directory. */
    private static Path defaultDemoData() {
        String home = System.getProperty("terroir.home");
        return (home == null ? Path.of("") : Path.of(home)).resolve("demo");
    }

    private static void report(GraphStats.Stats stats, PrintWriter out) {
        long nodes = stats.nodesPerLabel().entrySet().stream()
                .mapToLong(Map.Entry::getValue).sum();
        if (nodes == 0) {
            out.println("The graph holds no provenance data yet.");
        } else {
            out.printf("The graph holds %d nodes. Per county:%n", nodes);
            out.printf("  %-6s %6s %7s %5s %10s %5s  %s%n", "code", "brands", "batches", "hops", "households", "poor",
                    "county");
            for (GraphStats.County county : stats.counties()) {
                out.printf("  %-6s %6d %7d %5d %10d %5d  %s %s%n", county.code(), county.brands(), county.batches(),
                        county.hops(), county.households(), county.registeredPoorHouseholds(), county.nameEn(),
                        county.nameZh());
            }
        }
        out.flush();
    }
}
