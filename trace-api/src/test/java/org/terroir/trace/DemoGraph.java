package org.terroir.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.neo4j.driver.Driver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.terroir.importer.epcis.graph.EpcisImport;
import org.terroir.importer.masterdata.MasterDataImport;
import org.terroir.model.PseudonymSalt;
import org.terroir.store.Schema;
import org.terroir.testsupport.TestNeo4j;

/**
 * The demo data ({@code ../demo}: master data, then the EPCIS documents) in the test JVM's Neo4j,
 * imported once for all the test classes that read it and never change it.
 */
final class DemoGraph {

    static final Path DEMO = Path.of("..", "demo");

    /** A fixed salt, so that pseudonyms are the same from run to run. */
    static final PseudonymSalt SALT = PseudonymSalt.fromBase64("dGVycm9pci10ZXN0LXNhbHQtMzItYnl0ZXMtbG9uZyE=");

    /** {@link TestNeo4j#clears()} after the demo was loaded, or -1 before: another class may empty the graph between two. */
    private static long loadedAt = -1;

    private DemoGraph() {}

    /**
     * The Bolt URI of the graph holding the demo data, imported on first call and again when a class
     * in between emptied the graph (the feature statements' examples load a small graph of their own).
     */
    static synchronized URI boltUri() {
        if (loadedAt != TestNeo4j.get().clears()) {
            load(TestNeo4j.get().driver());
            loadedAt = TestNeo4j.get().clears();
        }
        return TestNeo4j.get().boltUri();
    }

    /** A server under test on the demo graph whose clients' query budgets never run out. */
    static void withoutBudgets(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", () -> boltUri().toString());
        registry.add("terroir.graphql.budget.capacity", () -> "1000000000");
        registry.add("terroir.graphql.budget.per-minute", () -> "1000000000");
    }

    /**
     * A client of the server under test on {@code port} at {@code path} (e.g. {@code /graphql}), with a
     * generous timeout: the first deep request of a cold JVM on a 2-core machine can exceed the default 5 s.
     */
    static WebTestClient client(int port, String path) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port + path)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static void load(Driver driver) {
        TestNeo4j.get().clear();
        Schema.migrate(driver);
        new MasterDataImport(driver, SALT).run(files("master-data", ".csv"));
        EpcisImport events = new EpcisImport(driver);
        for (Path document : files("epcis", ".jsonld")) {
            EpcisImport.Outcome outcome = events.run(document, n -> {});
            if (!outcome.imported()) {
                throw new IllegalStateException("demo document " + document + " was rejected: " + outcome.problems());
            }
        }
    }

    static List<Path> files(String folder, String suffix) {
        try (Stream<Path> list = Files.list(DEMO.resolve(folder))) {
            return list.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
