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
import org.terroir.importer.generate.SyntheticData;
import org.terroir.importer.masterdata.MasterDataImport;
import org.terroir.model.PseudonymSalt;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphTarget;
import org.terroir.store.OpenGraph;

/**
 * Import rate on generated data, as graph writes (nodes + relationships created) per second, beside
 * a raw-driver baseline writing the same number of nodes and relationships with {@code UNWIND}
 * batches, in the same JVM (same heap) against an embedded store with the same page cache. Prints
 * the peak RSS of this process, embedded database included.
 *
 * <p>Usage: {@code bench/import [BATCHES]} (default 100,000).
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    public static void main(String[] args) throws IOException {
        long batches = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 100_000;
        Path work = Files.createTempDirectory("terroir-import-bench");
        Path data = work.resolve("data");
        System.out.printf("Generating %,d batches ...%n", batches);
        new SyntheticData(batches).write(data, done -> {});

        long[] imported;
        long importNanos;
        try (OpenGraph graph = GraphStore.open(new GraphTarget.Embedded(work.resolve("store-import"), 0))) {
            Driver driver = graph.driver();
            long[] before = census(driver);
            long start = System.nanoTime();
            new MasterDataImport(driver, PseudonymSalt.random()).run(list(data.resolve("master-data"), ".csv"));
            long events = 0;
            EpcisImport importer = new EpcisImport(driver);
            for (Path document : list(data.resolve("epcis"), ".jsonld")) {
                events += importer.run(document, n -> {}).events();
            }
            importNanos = System.nanoTime() - start;
            long[] after = census(driver);
            imported = new long[] {after[0] - before[0], after[1] - before[1], events};
        }
        double importSeconds = importNanos / 1e9;
        double importRate = (imported[0] + imported[1]) / importSeconds;
        System.out.printf("import:   %,d events -> %,d nodes + %,d relationships in %.1f s = %,.0f writes/s (%,.0f events/s)%n",
                imported[2], imported[0], imported[1], importSeconds, importRate, imported[2] / importSeconds);

        double baselineSeconds;
        try (OpenGraph graph = GraphStore.open(new GraphTarget.Embedded(work.resolve("store-baseline"), 0))) {
            baselineSeconds = baseline(graph.driver(), imported[0], imported[1]);
        }
        double baselineRate = (imported[0] + imported[1]) / baselineSeconds;
        System.out.printf("baseline: %,d nodes + %,d relationships by raw UNWIND in %.1f s = %,.0f writes/s%n",
                imported[0], imported[1], baselineSeconds, baselineRate);
        System.out.printf("ratio import / baseline: %.2f%n", importRate / baselineRate);
        System.out.printf("peak RSS of this process (embedded Neo4j included): %,d MB; max heap %,d MB%n",
                peakRssKb() / 1024, Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** Nodes and relationships in the graph. */
    private static long[] census(Driver driver) {
        try (Session session = driver.session()) {
            long nodes = session.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong();
            long relationships = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single().get("c").asLong();
            return new long[] {nodes, relationships};
        }
    }

    /** The raw driver's ceiling: UNWIND batches of 10,000 creating nodes on a unique key, then relationships between them. */
    private static double baseline(Driver driver, long nodes, long relationships) {
        try (Session session = driver.session()) {
            session.run("CREATE CONSTRAINT bench_id IF NOT EXISTS FOR (n:BenchNode) REQUIRE n.id IS UNIQUE").consume();
            long start = System.nanoTime();
            for (long from = 0; from < nodes; from += 10_000) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (long i = from; i < Math.min(nodes, from + 10_000); i++) {
                    rows.add(Map.of("id", i, "name", "node-" + i));
                }
                session.executeWriteWithoutResult(tx -> tx.run(
                        "UNWIND $rows AS row CREATE (n:BenchNode {id: row.id, name: row.name})", Map.of("rows", rows)).consume());
            }
            for (long from = 0; from < relationships; from += 10_000) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (long i = from; i < Math.min(relationships, from + 10_000); i++) {
                    rows.add(Map.of("a", i % nodes, "b", (i * 7 + 1) % nodes));
                }
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (a:BenchNode {id: row.a}), (b:BenchNode {id: row.b})
                        CREATE (a)-[:BENCH]->(b)""", Map.of("rows", rows)).consume());
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
