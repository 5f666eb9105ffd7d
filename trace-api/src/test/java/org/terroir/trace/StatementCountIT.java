package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.reactivestreams.ReactiveSession;
import org.neo4j.driver.reactivestreams.ReactiveTransactionCallback;
import org.neo4j.driver.reactivestreams.ReactiveTransactionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.terroir.model.cypher.Statement;

/**
 * How many Cypher statements one GraphQL request runs, and how: the application's {@link Driver}
 * is wrapped so that every session, transaction and statement it is asked for is recorded (and
 * then passed on unchanged). The count depends on the depth of the query, not on how many batches
 * it reaches: the batch mappings answer a whole depth with one statement each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatementCountIT {

    /** What the driver was asked for: statements (their names), and how sessions and transactions were opened. */
    private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();
    private static final List<String> CALLS = new CopyOnWriteArrayList<>();
    /** Each statement with the types of its parameters' values, e.g. {@code resolve.link(batch String, gtin String, item null)}. */
    private static final List<String> SIGNATURES = new CopyOnWriteArrayList<>();
    /** Each statement with its parameters' values, to say in a failure what ran. */
    private static final List<String> RUNS = new CopyOnWriteArrayList<>();
    /** The signatures of the statements run while the application started, before any request. */
    private static volatile List<String> atStart;

    private static final Map<String, String> NAMES = StatementsTest.all().stream()
            .collect(Collectors.toMap(Statement::cypher, Statement::name));

    @TestConfiguration
    static class ObservedDriver {

        @Bean
        static BeanPostProcessor observeDriver() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof Driver driver ? observed(Driver.class, driver, StatementCountIT::onDriver) : bean;
                }
            };
        }
    }

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        DemoGraph.withoutBudgets(registry);
    }

    @Value("${local.server.port}")
    private int port;

    private HttpGraphQlTester graphQl;

    @BeforeEach
    void client() {
        graphQl = HttpGraphQlTester.create(DemoGraph.client(port, "/graphql"));
        if (atStart == null) {
            atStart = List.copyOf(SIGNATURES);
        }
        STATEMENTS.clear();
        CALLS.clear();
        SIGNATURES.clear();
        RUNS.clear();
    }

    private static final String FIELDS = """
            key
            product { nameEn } brand { id } producedAt { kind } origin { code } certifications { id }
            producers { pseudonym }
            journey { from { kind } to { kind } carrier { gln } }
            inputs {
              key
              producers { pseudonym }
              journey { from { kind } }
              inputs { key }
            }
            """;

    @Test
    void aDeepTraceOfOneLotRunsOneStatementPerListFieldAndDepth() {
        graphQl.document("{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { " + FIELDS + " } }").execute()
                .path("trace.inputs[0].producers").entityList(Object.class).hasSize(4);

        assertThat(counts()).as(StatementCountIT::ran).containsExactlyInAnyOrderEntriesOf(Map.of(
                "trace.batches", 1L,        // the lot
                "trace.contributions", 2L,  // producers of the lot; of its inputs
                "trace.journeys", 2L,       // journey of the lot; of its inputs
                "trace.inputBatches", 2L)); // inputs of the lot, with their batches; of its inputs (none)
    }

    @Test
    void aPageRunsOneStatementAndItsCountOnlyWhenAskedFor() {
        graphQl.document("{ brands(first: 3) { nodes { id } pageInfo { hasNextPage } } }").execute()
                .path("brands.nodes").entityList(Object.class).hasSize(3);
        assertThat(counts()).as(StatementCountIT::ran).containsExactlyInAnyOrderEntriesOf(Map.of("list.brands", 1L));

        STATEMENTS.clear();
        graphQl.document("{ brands(first: 3) { totalCount nodes { id } } }").execute()
                .path("brands.totalCount").entity(Integer.class).isEqualTo(9);
        assertThat(counts()).as(StatementCountIT::ran).containsExactlyInAnyOrderEntriesOf(Map.of("list.brands", 1L, "count.brands", 1L));
    }

    @Test
    void aPageOfBatchesReadsTheirTracesTogether() {
        graphQl.document("{ batches(first: 10) { nodes { key producers { pseudonym } journey { id } } } }").execute()
                .path("batches.nodes").entityList(Object.class).hasSize(10);
        assertThat(counts()).as(StatementCountIT::ran).containsExactlyInAnyOrderEntriesOf(Map.of(
                "list.batches", 1L, "trace.batches", 1L, "trace.contributions", 1L, "trace.journeys", 1L));
    }

    @Test
    void threeLotsInOneRequestRunTheNestedStatementsOnceForAllThree() {
        String query = "{ "
                + "a: trace(gtin: \"09520011001021\", lot: \"LC2601\") { " + FIELDS + " } "
                + "b: trace(gtin: \"09520011001021\", lot: \"LC2602\") { " + FIELDS + " } "
                + "c: trace(gtin: \"09520011001021\", lot: \"LC2603\") { " + FIELDS + " } }";
        var response = graphQl.document(query).execute();
        for (String alias : List.of("a", "b", "c")) {
            response.path(alias + ".inputs[0].producers").entityList(Object.class).hasSizeGreaterThan(0);
            response.path(alias + ".journey").entityList(Object.class).hasSize(5);
        }

        assertThat(counts()).as(StatementCountIT::ran).containsExactlyInAnyOrderEntriesOf(Map.of(
                "trace.batches", 1L,        // the three lots at once
                "trace.contributions", 2L,
                "trace.journeys", 2L,
                "trace.inputBatches", 2L)); // the inputs of all three at once; theirs
    }

    @Test
    void twoRecallsInOneRequestRunTheDownstreamsAndTheBatchesOfBothTogether() {
        String query = "{ "
                + "a: recall(gtin: \"09520011001014\", lot: \"LC2601R\") { batch { key } batches { nodes { " + FIELDS + " } } } "
                + "b: recall(gtin: \"09520011001014\", lot: \"LC2602R\") { batch { key } batches { nodes { key } } } }";
        var response = graphQl.document(query).execute();
        response.path("a.batches.nodes[0].journey").entityList(Object.class).hasSize(5);
        response.path("b.batch.key").entity(String.class).isEqualTo("01/09520011001014/10/LC2602R");

        assertThat(counts()).as(StatementCountIT::ran).containsExactlyInAnyOrderEntriesOf(Map.of(
                "trace.downstream", 1L,     // both downstreams at once
                "trace.batches", 2L,        // the recalled batches of both; the batches reached by both
                "trace.contributions", 2L,
                "trace.journeys", 2L,
                "trace.inputBatches", 2L));
    }

    @Test
    void anItemTraceRunsOneStatementForTheItemAndItsJourneyThenTheBatchStatements() {
        graphQl.document("{ traceItem(gtin: \"09520011001021\", serial: \"LC2601-0001\") { key "
                        + "journey { from { kind } } batch { " + FIELDS + " } } }").execute()
                .path("traceItem.batch.inputs[0].producers").entityList(Object.class).hasSize(4);

        assertThat(counts()).as(StatementCountIT::ran).containsExactlyInAnyOrderEntriesOf(Map.of(
                "trace.items", 1L,
                "trace.itemJourneys", 1L,
                "trace.batches", 1L,        // the item's batch
                "trace.contributions", 2L,
                "trace.journeys", 2L,
                "trace.inputBatches", 2L));
    }

    @Test
    void threeItemsInOneRequestRunEachStatementOnceForAllThree() {
        String query = "{ "
                + "a: traceItem(gtin: \"09520011001021\", serial: \"LC2601-0001\") { journey { id } batch { " + FIELDS + " } } "
                + "b: traceLink(uri: \"https://example.com/01/09520011001021/21/LC2601-0002\") "
                + "{ ... on ItemTrace { journey { id } batch { " + FIELDS + " } } } "
                + "c: traceItem(gtin: \"09520011001021\", serial: \"LC2602-0001\") { journey { id } batch { " + FIELDS + " } } }";
        var response = graphQl.document(query).execute();
        for (String alias : List.of("a", "b", "c")) {
            response.path(alias + ".batch.inputs[0].producers").entityList(Object.class).hasSizeGreaterThan(0);
        }

        assertThat(counts()).as(StatementCountIT::ran).containsExactlyInAnyOrderEntriesOf(Map.of(
                "trace.items", 1L,          // the three items at once, by serial or by link
                "trace.itemJourneys", 1L,   // then their journeys
                "trace.batches", 1L,        // their batches (two lots) at once
                "trace.contributions", 2L,
                "trace.journeys", 2L,
                "trace.inputBatches", 2L)); // the inputs of those, with their batches; theirs
    }

    @Test
    void everyStatementRunsInAReadTransactionOfAReadSession() {
        graphQl.document("{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { " + FIELDS + " } }").execute()
                .path("trace.key").hasValue();

        assertThat(CALLS).isNotEmpty().allSatisfy(call -> assertThat(call).isIn("session READ", "executeRead"));
        assertThat(CALLS.stream().filter("executeRead"::equals).count()).isEqualTo(STATEMENTS.size());
    }

    @Test
    void theStatementsOfTracesRecallsAndScanPagesArePlannedAtStartWithTheSameParameterTypes() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        graphQl.document("{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { " + FIELDS + " recall { recalled } } }").execute()
                .path("trace.key").hasValue();
        graphQl.document("{ recall(gtin: \"09520011001014\", lot: \"LC2601R\") { batch { key } batches { nodes { key } } } }")
                .execute().path("recall.batch.key").hasValue();
        graphQl.document("{ traceItem(gtin: \"09520011001021\", serial: \"LC2601-0001\") { key journey { id } } }").execute()
                .path("traceItem.key").hasValue();
        for (String link : List.of("/01/09520011001021/10/LC2601/21/LC2601-0001", "/01/09520011001021/10/LC2601",
                "/01/09520011001021/21/LC2601-0001", "/01/09520011001021")) {
            web.get().uri(link).header("Accept", "text/html").exchange().expectBody().returnResult();
        }
        // The pages' scans are written every 200 ms: all of them, some ticks after the first write.
        Awaitility.await().atMost(Duration.ofSeconds(20)).during(Duration.ofMillis(800))
                .until(() -> STATEMENTS.contains("scans.record"));
        List<String> requests = SIGNATURES.stream().filter(s -> !s.startsWith("scans.")).distinct().toList();

        assertThat(requests).as("statements of the requests").hasSizeGreaterThanOrEqualTo(8);
        assertThat(atStart).as("statements run at start").containsAll(requests);
    }

    private static String ran() {
        return "the statements run: " + String.join("; ", RUNS);
    }

    private static Map<String, Long> counts() {
        return STATEMENTS.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    // --- the observing proxies

    private interface Observer {
        /** Called before {@code method} runs on the target; returns the arguments to run it with. */
        Object[] before(Method method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T observed(Class<T> type, T target, Observer observer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object[] passed = observer.before(method, args);
            Object result;
            try {
                result = method.invoke(target, passed);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof ReactiveSession session) {
                return observed(ReactiveSession.class, session, StatementCountIT::onSession);
            }
            return result;
        });
    }

    private static Object[] onDriver(Method method, Object[] args) {
        // The requests' sessions (reactive, GraphReader's); the server's own background work (capture jobs, the
        // notifier, the start-up sweep of recalls) opens blocking sessions at its own times, outside any request.
        if (method.getName().equals("session") && args != null && args[0] == ReactiveSession.class) {
            SessionConfig config = args != null && args.length > 1 && args[1] instanceof SessionConfig c ? c : null;
            AccessMode mode = config == null ? AccessMode.WRITE : config.defaultAccessMode();
            CALLS.add("session " + mode);
        }
        return args;
    }

    private static Object[] onSession(Method method, Object[] args) {
        switch (method.getName()) {
            case "executeRead", "executeWrite" -> {
                CALLS.add(method.getName());
                ReactiveTransactionCallback<?> callback = (ReactiveTransactionCallback<?>) args[0];
                Object[] passed = args.clone();
                passed[0] = (ReactiveTransactionCallback<Object>) tx -> callback.execute(
                        observed(ReactiveTransactionContext.class, tx, StatementCountIT::onTransaction));
                return passed;
            }
            case "run", "beginTransaction" -> CALLS.add(method.getName());
            default -> { }
        }
        return args;
    }

    private static Object[] onTransaction(Method method, Object[] args) {
        if (method.getName().equals("run")) {
            String cypher = args[0] instanceof Query query ? query.text() : (String) args[0];
            String name = NAMES.getOrDefault(cypher, cypher);
            STATEMENTS.add(name);
            Map<?, ?> parameters = args.length > 1 && args[1] instanceof Map<?, ?> map ? map
                    : args[0] instanceof Query query ? query.parameters().asMap() : Map.of();
            RUNS.add(name + " " + new TreeMap<>(parameters) + " on " + Thread.currentThread().getName());
            SIGNATURES.add(name + new TreeMap<>(parameters).entrySet().stream()
                    .map(e -> e.getKey() + " " + (e.getValue() == null ? "null" : e.getValue() instanceof List<?> ? "List"
                            : e.getValue().getClass().getSimpleName()))
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        return args;
    }
}
