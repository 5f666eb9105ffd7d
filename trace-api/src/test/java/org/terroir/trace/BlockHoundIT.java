package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Nothing blocks on a non-blocking thread (Reactor's {@code parallel} workers, the Netty event loops
 * of the HTTP server and of the Neo4j driver) while GraphQL trace requests run end to end over HTTP
 * against the demo data.
 *
 * <p>BlockHound is installed in this class's static initializer, which runs before the Spring context
 * starts (the context calls {@link #neo4j} first), with the integrations found on the class path
 * (Reactor, Reactor Netty, Netty) and four allowances, each explained where it is made: the threads
 * of the test's in-process Neo4j server, graphql-java's one-time read of its messages, the test
 * client's one-time load of the zstd native library and the short lock of Netty's adaptive allocator. Every blocking call it detects is
 * recorded here as well as thrown, so that a blocking call whose error some library swallows still
 * fails the test. It needs {@code -XX:+AllowRedefinitionToAddDeleteMethods} on Java 13+, which only
 * this class's failsafe execution ({@code blockhound} in {@code pom.xml}) passes; BlockHound stays
 * installed for the whole JVM, so no other test shares that JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlockHoundIT {

    /** The blocking calls BlockHound detected on non-blocking threads: thread and method. */
    private static final List<String> BLOCKED = new CopyOnWriteArrayList<>();

    static {
        BlockHound.install(builder -> builder
                // The in-process Neo4j server of the tests stands in for a database that runs in its own process
                // in production; its Bolt event loops (neo4j.BoltNetworkIO-*, Netty threads, so Netty's
                // integration marks them non-blocking) park to hand requests to Neo4j's workers and write
                // Neo4j's log through Log4j. That is the server's business, not trace-api's: not checked.
                .nonBlockingThreadPredicate(nonBlocking -> nonBlocking.and(
                        thread -> !thread.getName().startsWith("neo4j.BoltNetworkIO")))
                // The HTTP client of the test decompresses responses; the first time, Netty's Zstd class loads
                // zstd-jni's native library from its jar (a one-time class initialisation on the client side).
                .allowBlockingCallsInside("com.github.luben.zstd.util.Native", "load")
                // graphql-java's validation builds an I18n per request, which asks ResourceBundle for its
                // message bundle: the first request (per locale) reads it from graphql-java's jar, after
                // that ResourceBundle's cache answers without I/O. A one-time class-path read.
                .allowBlockingCallsInside("graphql.i18n.I18n", "i18n") // its factory: BlockHound does not match constructors
                // Netty's adaptive buffer allocator adds a magazine under a short lock when event loops contend for
                // one (and frees the old one under it); a rare, bounded wait inside Netty that its own BlockHound
                // integration does not list yet.
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines")
                .blockingMethodCallback(method -> {
                    BLOCKED.add(Thread.currentThread().getName() + ": " + method + " in "
                            + java.util.Arrays.stream(new Throwable().getStackTrace())
                                    .map(StackTraceElement::toString)
                                    .filter(frame -> !frame.startsWith("java.") && !frame.startsWith("reactor.blockhound")
                                            && !frame.contains("BlockHoundIT"))
                                    .limit(6).toList());
                    throw new BlockingOperationError(method);
                }));
    }

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        DemoGraph.withoutBudgets(registry);
    }

    @Value("${local.server.port}")
    private int port;

    private WebTestClient client;

    @BeforeEach
    void client() {
        client = DemoGraph.client(port, "/graphql");
    }

    private static final String BATCH_FIELDS = """
            key product { nameEn } brand { id owner { gln } } producedAt { kind region { code } } origin { code }
            certifications { id } producers { pseudonym cooperative { gln } }
            inputs { key producers { pseudonym } journey { id } inputs { key } }
            journey { from { kind region { code } } to { kind } departed arrived durationMinutes carrier { gln } }
            """;

    private static final Map<String, String> QUERIES = Map.of(
            "trace", "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { " + BATCH_FIELDS + " } }",
            "traceItem", "{ traceItem(gtin: \"09520011001021\", serial: \"LC2601-0001\") { key journey { id } batch { "
                    + BATCH_FIELDS + " } } }",
            "traceLink", "{ traceLink(uri: \"https://id.example.cn/01/09520011001021/10/LC2601/21/LC2601-0002?17=270131\") "
                    + "{ ... on ItemTrace { key journey { id } batch { " + BATCH_FIELDS + " } } } }");

    /** The response body of {@code query}. */
    private Map<String, Object> post(String query) {
        return client.post().contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
    }

    /** Runs {@code query}, which must answer data at {@code field} and no errors. */
    private void run(String field, String query) {
        Map<String, Object> body = post(query);
        assertThat(body).as(field).isNotNull().doesNotContainKey("errors");
        assertThat(body.get("data")).as(field).isInstanceOfSatisfying(Map.class,
                data -> assertThat(data.get(field)).as(field).isNotNull());
    }

    @Test
    void blockHoundIsActiveAndRejectsASleepOnAParallelThread() {
        int before = BLOCKED.size();

        Throwable error = Mono.delay(Duration.ofMillis(1))
                .doOnNext(tick -> sleep())
                .then(Mono.<Throwable>empty())
                .onErrorResume(Mono::just)
                .block(Duration.ofSeconds(10));

        assertThat(error).isInstanceOf(BlockingOperationError.class).hasMessageContaining("java.lang.Thread.sleep");
        assertThat(BLOCKED.subList(before, BLOCKED.size())).singleElement().asString()
                .startsWith("parallel-").contains("java.lang.Thread.sleep");
        BLOCKED.subList(before, BLOCKED.size()).clear(); // this one was on purpose
    }

    @Test
    void traceRequestsOverHttpNeverBlockANonBlockingThread() {
        for (int round = 0; round < 3; round++) {
            QUERIES.forEach(this::run);
        }
        run("traceLink", "{ traceLink(uri: \"https://id.example.cn/01/09520011001021/10/LC2602\") "
                + "{ ... on BatchTrace { " + BATCH_FIELDS + " } } }");
        run("recall", "{ recall(gtin: \"09520011001014\", lot: \"LC2601R\") { batch { key } batches { totalCount "
                + "nodes { " + BATCH_FIELDS + " } } items { totalCount } locations { nodes { key } } parties { nodes { gln } } } }");

        assertThat(BLOCKED).as("blocking calls on non-blocking threads").isEmpty();
    }

    @Test
    void concurrentTraceRequestsNeverBlockANonBlockingThread() {
        List<String> fields = Flux.range(0, 24)
                .flatMap(i -> {
                    String field = List.copyOf(QUERIES.keySet()).get(i % QUERIES.size());
                    return Mono.fromCallable(() -> {
                        run(field, QUERIES.get(field));
                        return field;
                    }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
                }, 8)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(fields).hasSize(24);
        assertThat(BLOCKED).as("blocking calls on non-blocking threads").isEmpty();
    }

    @Test
    void scansOfALabelNeverBlockANonBlockingThread() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        // The page (its template read and compiled on first use, in zh-CN and English), the linkset, a
        // redirect, a malformed link's page and an unknown GTIN's problem.
        for (String language : List.of("zh-CN", "en")) {
            web.get().uri("/01/09520011001021/10/LC2601/21/LC2601-0001").header("Accept", "text/html")
                    .header("Accept-Language", language).exchange().expectStatus().isOk()
                    .expectBody(String.class).value(page -> assertThat(page).contains("LC2601-0001"));
        }
        web.get().uri("/01/09520011001021/10/LC2601?linkType=linkset").exchange().expectStatus().isOk().expectBody().returnResult();
        web.get().uri("/01/09520011001021/10/LC2601?linkType=gs1:pip").exchange().expectStatus().isTemporaryRedirect()
                .expectBody().returnResult();
        web.get().uri("/01/09520011001022").header("Accept", "text/html").exchange().expectStatus().isBadRequest()
                .expectBody().returnResult();
        web.get().uri("/01/09520011009997").exchange().expectStatus().isNotFound().expectBody().returnResult();

        assertThat(BLOCKED).as("blocking calls on non-blocking threads").isEmpty();
    }

    @Test
    void anInvalidArgumentIsAnsweredWithoutBlocking() {
        Map<String, Object> body = post("{ traceLink(uri: \"https://id.example.cn/01/09520011001022/21/X\") { __typename } }");

        assertThat(body).isNotNull().containsKey("errors");
        assertThat(body.get("errors").toString()).contains("BAD_REQUEST", "uri");
        assertThat(BLOCKED).as("blocking calls on non-blocking threads").isEmpty();
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
