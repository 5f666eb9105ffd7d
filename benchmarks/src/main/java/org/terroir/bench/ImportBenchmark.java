package org.terroir.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.terroir.importer.epcis.graph.EpcisImport;
import org.terroir.importer.masterdata.MasterDataImport;
import org.terroir.model.PseudonymSalt;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphTarget;
import org.terroir.store.OpenGraph;

/**
 * Import rate on generated data ({@code terroir generate}), as graph writes (nodes + relationships
 * created) per second, beside a raw-driver baseline writing the same number of nodes and
 * relationships with {@code UNWIND} batches, in the same JVM (same heap) against an embedded store
 * with the same page cache (512 MB each).
 *
 * <p>The two take turns: after each document the importer wrote, the baseline writes as many nodes
 * and relationships into its own store, so that both see the same moments of a noisy machine and
 * stores of the same size. Prints the peak RSS of this process, which holds both stores.
 *
 * <p>Usage: {@code ImportBenchmark DATA_DIR} (with {@code master-data/} and {@code epcis/} as
 * {@code terroir generate} writes them); {@code bench/import [BATCHES]} generates and runs it.
 */
public final class ImportBenchmark {

    private static final int BASELINE_BATCH = 10_000;

    private ImportBenchmark() {}

    /** Seconds spent and writes made by each side. */
    private static final class Tally {
        double importSeconds;
        double baselineSeconds;
        long nodes;
        long relationships;
        long events;

        double importRate() {
            return (nodes + relationships) / importSeconds;
        }

        double baselineRate() {
            return (nodes + relationships) / baselineSeconds;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ImportBenchmark DATA_DIR   (as 'terroir generate --out DATA_DIR' writes it)");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path work = Files.createTempDirectory("terroir-import-bench");
        Tally tally = new Tally();
        try (OpenGraph importStore = GraphStore.open(new GraphTarget.Embedded(work.resolve("store-import"), 0));
                OpenGraph baselineStore = GraphStore.open(new GraphTarget.Embedded(work.resolve("store-baseline"), 0))) {
            Driver importer = importStore.driver();
            Baseline baseline = new Baseline(baselineStore.driver());

            turn(tally, importer, baseline, "master data", () ->
                    new MasterDataImport(importer, PseudonymSalt.random()).run(list(data.resolve("master-data"), ".csv")));
            EpcisImport events = new EpcisImport(importer);
            for (Path document : list(data.resolve("epcis"), ".jsonld")) {
                turn(tally, importer, baseline, document.getFileName().toString(),
                        () -> tally.events += events.run(document, n -> {}).events());
            }
        }
        System.out.printf("import:   %,d events -> %,d nodes + %,d relationships in %.1f s = %,.0f writes/s (%,.0f events/s)%n",
                tally.events, tally.nodes, tally.relationships, tally.importSeconds, tally.importRate(),
                tally.events / tally.importSeconds);
        System.out.printf("baseline: the same %,d nodes + %,d relationships by raw UNWIND in %.1f s = %,.0f writes/s%n",
                tally.nodes, tally.relationships, tally.baselineSeconds, tally.baselineRate());
        System.out.printf("ratio import / baseline: %.2f%n", tally.importRate() / tally.baselineRate());
        System.out.printf("peak RSS of this process (both embedded stores included): %,d MB; max heap %,d MB%n",
                peakRssKb() / 1024, Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private interface Step {
        void run() throws IOException;
    }

    /** One turn: the importer's step, then the baseline writing what it wrote. */
    private static void turn(Tally tally, Driver importer, Baseline baseline, String what, Step step) throws IOException {
        long[] before = census(importer);
        long start = System.nanoTime();
        step.run();
        double importSeconds = (System.nanoTime() - start) / 1e9;
        long[] after = census(importer);
        long nodes = after[0] - before[0];
        long relationships = after[1] - before[1];
        double baselineSeconds = baseline.write(nodes, relationships);
        tally.importSeconds += importSeconds;
        tally.baselineSeconds += baselineSeconds;
        tally.nodes += nodes;
        tally.relationships += relationships;
        System.out.printf("%-24s %,9d nodes %,10d relationships: import %6.1f s, baseline %6.1f s, ratio %.2f%n",
                what, nodes, relationships, importSeconds, baselineSeconds, baselineSeconds / importSeconds);
    }

    /** Nodes and relationships in the graph. */
    private static long[] census(Driver driver) {
        try (Session session = driver.session()) {
            long nodes = session.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong();
            long relationships = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single().get("c").asLong();
            return new long[] {nodes, relationships};
        }
    }

    /**
     * The raw driver's ceiling: UNWIND batches of {@value #BASELINE_BATCH} creating nodes on a unique
     * key, then relationships between nodes found by that key, among the nodes of the same turn (as
     * an import mostly links what it has just written, still in the page cache).
     */
    private static final class Baseline {
        private final Driver driver;
        private long nodes;
        private long relationships;

        Baseline(Driver driver) {
            this.driver = driver;
            try (Session session = driver.session()) {
                session.run("CREATE CONSTRAINT bench_id IF NOT EXISTS FOR (n:BenchNode) REQUIRE n.id IS UNIQUE").consume();
            }
        }

        /** Writes {@code newNodes} nodes and {@code newRelationships} relationships; the seconds it took. */
        double write(long newNodes, long newRelationships) {
            long start = System.nanoTime();
            long first = newNodes > 0 ? nodes : 0;
            long among = newNodes > 0 ? newNodes : nodes;
            try (Session session = driver.session()) {
                for (long end = nodes + newNodes; nodes < end; ) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (; nodes < end && rows.size() < BASELINE_BATCH; nodes++) {
                        rows.add(Map.of("id", nodes, "name", "node-" + nodes));
                    }
                    session.executeWriteWithoutResult(tx -> tx.run(
                            "UNWIND $rows AS row CREATE (n:BenchNode {id: row.id, name: row.name})", Map.of("rows", rows)).consume());
                }
                for (long end = relationships + newRelationships; relationships < end; ) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (; relationships < end && rows.size() < BASELINE_BATCH; relationships++) {
                        rows.add(Map.of("a", first + relationships % among, "b", first + (relationships * 7 + 1) % among));
                    }
                    session.executeWriteWithoutResult(tx -> tx.run("""
                            UNWIND $rows AS row
                            MATCH (a:BenchNode {id: row.a}), (b:BenchNode {id: row.b})
                            CREATE (a)-[:BENCH]->(b)""", Map.of("rows", rows)).consume());
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** VmHWM of /proc/self/status: the peak resident set size, in kB. */
    private static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
