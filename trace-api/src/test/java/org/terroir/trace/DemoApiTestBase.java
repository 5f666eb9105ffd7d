package org.terroir.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.terroir.trace.access.Role;
import org.terroir.trace.access.TokenKeys;
import org.terroir.trace.access.Tokens;

/**
 * What the HTTP tests share: the application on a random port, reading the demo data in the test
 * JVM's Neo4j, and clients of its {@code /graphql} endpoint; a token key made for the test JVM
 * ({@code terroir.tokens.public-key}) and {@link #token} to mint tokens of each role with it.
 */
// Every test client comes from one address: a budget no test class spends (BudgetIT sets a small one, its
// @DynamicPropertySource taking precedence over these).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "terroir.graphql.budget.capacity=1000000000", "terroir.graphql.budget.per-minute=1000000000",
        // A trusted proxy in front, as deployed: X-Forwarded-For stands for the phones' networks.
        "server.forward-headers-strategy=framework"})
abstract class DemoApiTestBase {

    /** Parties of the demo data ({@code demo/master-data/parties.csv}) that tokens speak for. */
    protected static final String LIANCHENG_ASSOCIATION = "9520011000017";
    protected static final String ZHANGJIACHUAN_ASSOCIATION = "9520021000014";
    protected static final String YONGJING_ASSOCIATION = "9520031000011";
    /** The demo's carrier (China Post EMS), which carries the last hops of the Liancheng lots. */
    protected static final String CARRIER = "9520099000015";

    /** The test JVM's token key pair, made once so that every test class shares one application context. */
    private static final KeyPair TOKEN_KEYS = TokenKeys.generate();
    private static final Path TOKEN_PUBLIC_KEY = writeTokenKey();
    /** Where captured documents wait for their jobs. */
    protected static final Path CAPTURE_SPOOL = TOKEN_PUBLIC_KEY.resolveSibling("capture");
    /** The largest document the capture interface takes in the tests. */
    protected static final long CAPTURE_LIMIT = 1_000_000;

    /** The demo graph in place before each class (a class in between may have emptied the graph). */
    @BeforeAll
    static void demoGraph() {
        DemoGraph.boltUri();
    }

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", () -> DemoGraph.boltUri().toString());
        registry.add("terroir.tokens.public-key", TOKEN_PUBLIC_KEY::toString);
        registry.add("terroir.capture.spool", CAPTURE_SPOOL::toString);
        registry.add("terroir.capture.max-document-size", () -> CAPTURE_LIMIT + "B");
        // Subscribers' receivers on the loopback, and quick rounds and retries (SubscriptionIT).
        registry.add("terroir.subscriptions.allow-local-destinations", () -> "true");
        registry.add("terroir.subscriptions.interval", () -> "200ms");
        registry.add("terroir.subscriptions.first-retry", () -> "300ms");
        registry.add("terroir.subscriptions.last-retry", () -> "1s");
        // Small reports, so that a document of a few dozen events is owed in several chunks (SubscriptionIT).
        registry.add("terroir.subscriptions.events-per-report", () -> "2");
    }

    private static Path writeTokenKey() {
        try {
            return TokenKeys.write(Files.createTempDirectory("terroir-token-key"), TOKEN_KEYS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid token of {@code role} for {@code party} (an association's or carrier's GLN, else null), one hour long. */
    protected static String token(Role role, String party) {
        return Tokens.mint((ECPrivateKey) TOKEN_KEYS.getPrivate(), new Tokens.Request("test-" + role.name().toLowerCase(),
                role, Optional.ofNullable(party), Tokens.DEFAULT_ISSUER, Tokens.DEFAULT_AUDIENCE, Instant.now(),
                Duration.ofHours(1)));
    }

    /** A token of any claims, signed with the test JVM's key: for tokens that {@link Tokens#mint} would refuse to make. */
    protected static String signed(com.nimbusds.jwt.JWTClaimsSet claims) {
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256)
                .type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner((ECPrivateKey) TOKEN_KEYS.getPrivate()));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A GraphQL tester whose requests carry {@code token}. */
    protected HttpGraphQlTester graphQlWith(String token) {
        return graphQl.mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }

    @Value("${local.server.port}")
    protected int port;

    /** A client of {@code /graphql}. */
    protected WebTestClient client;

    /** A GraphQL tester over {@link #client}. */
    protected HttpGraphQlTester graphQl;

    @BeforeEach
    void clients() {
        client = DemoGraph.client(port, "/graphql");
        graphQl = HttpGraphQlTester.create(client);
    }
}
