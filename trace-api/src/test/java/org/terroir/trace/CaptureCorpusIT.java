package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.terroir.importer.epcis.graph.EpcisImport;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.store.Schema;
import org.terroir.testsupport.GraphDump;
import org.terroir.testsupport.SharedFiles;
import org.terroir.testsupport.TestNeo4j;
import org.terroir.trace.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pipeline: every document of the openepcis corpus ({@code ../shared/corpus/epcis-openepcis})
 * handed in through {@code POST /capture} gives the graph {@code terroir import} of it gives (each
 * event's {@code document} and {@code recordTime} aside: the capture job and the server's time), and
 * every document the import rejects fails its capture job with the same problems (event, line,
 * field, reason), the graph as it was. Each document into an empty graph, the two ways in turn.
 */
class CaptureCorpusIT extends DemoApiTestBase {

    private static final String CORPUS = "corpus/epcis-openepcis";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What a capture sets otherwise than an import, by design (and its bookkeeping, deleted before the
     * comparison: its job, CAPTURED_IN, the counter of jobs ended).
     */
    private static final Set<String> SET_BY_THE_CAPTURE = Set.of("document", "recordTime");

    private final Driver driver = TestNeo4j.get().driver();

    /** The graph emptied here: the next class loads the demo again. */
    @AfterAll
    static void emptied() {
        TestNeo4j.get().clear();
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentCapturedMakesTheGraphItsImportMakes() {
        return Stream.of("JSON/Documents", "JSON/Invalid", "XML/Documents", "XML/Invalid").flatMap(CaptureCorpusIT::files)
                .map(file -> DynamicTest.dynamicTest(file.getParent().getFileName() + "/" + file.getFileName(), () -> {
                    GraphDump.emptyGraph(driver, Schema::migrate);
                    EpcisImport.Outcome imported = new EpcisImport(driver).run(file, n -> {});
                    List<String> byImport = GraphDump.canonical(driver, SET_BY_THE_CAPTURE);

                    GraphDump.emptyGraph(driver, Schema::migrate);
                    JsonNode job = capture(file);
                    assertThat(count("MATCH (e:Event) WHERE NOT EXISTS { (e)-[:CAPTURED_IN]->(:CaptureJob) } RETURN count(e)"))
                            .as("each event written records its job").isZero();
                    driver.executableQuery("MATCH (j:CaptureJob) DETACH DELETE j").execute();
                    driver.executableQuery("MATCH (s:Sequence {id: 'captureJobsEnded'}) DELETE s").execute();
                    List<String> byCapture = GraphDump.canonical(driver, SET_BY_THE_CAPTURE);

                    assertThat(job.get("success").asBoolean()).as(job.toString()).isEqualTo(imported.imported());
                    assertThat(byCapture).containsExactlyElementsOf(byImport);
                    if (imported.imported()) {
                        assertThat(job.get("events").asLong()).isEqualTo(imported.events());
                        assertThat(byCapture).isNotEmpty();
                    } else {
                        assertThat(problems(job)).as("the import's problems, the document named otherwise")
                                .containsExactlyElementsOf(imported.problems().stream().map(CaptureCorpusIT::withoutFile).toList());
                    }
                }));
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }

    private JsonNode capture(Path file) throws IOException {
        String token = token(Role.REGULATOR, null);
        WebTestClient web = DemoGraph.client(port, "");
        MediaType type = file.toString().endsWith(".xml") ? MediaType.APPLICATION_XML : MediaType.APPLICATION_JSON;
        String location = web.post().uri("/capture").headers(headers -> headers.setBearerAuth(token)).contentType(type)
                .bodyValue(Files.readAllBytes(file)).exchange().expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> JSON.readTree(web.get().uri(location).headers(headers -> headers.setBearerAuth(token)).exchange()
                        .expectStatus().isOk().expectBody().returnResult().getResponseBody()), job -> !job.get("running").asBoolean());
    }

    /** A job's problems as "event N, line L, field: reason", the import's way without its file. */
    private static List<String> problems(JsonNode job) {
        List<String> problems = new ArrayList<>();
        for (JsonNode error : job.get("errors")) {
            if (error.has("field")) {
                problems.add(error.get("eventIndex").asInt() + " " + (error.has("line") ? error.get("line").asLong() : -1) + " "
                        + error.get("field").asString() + ": " + error.get("reason").asString());
            }
        }
        return problems;
    }

    private static String withoutFile(Problem problem) {
        return problem.eventIndex() + " " + (problem.line() > 0 ? problem.line() : -1) + " " + problem.field() + ": " + problem.reason();
    }

    private static Stream<Path> files(String folder) {
        try (Stream<Path> list = Files.list(SharedFiles.require(CORPUS).resolve(folder))) {
            return list.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".xml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
