package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.terroir.trace.access.AuditLog;
import org.terroir.trace.access.Role;
import org.terroir.trace.access.TokenKeys;
import org.terroir.trace.access.Tokens;

/**
 * Who sees what: bearer tokens verified by Spring Security, and the personal fields of producer
 * households (identity, registered-poor status) refused by every path to anyone but a regulator and
 * the association that owns the batch's brand. The leak checks read the whole response text for
 * every name and phone number of the demo households.
 */
class AccessIT extends DemoApiTestBase {

    private static final String LIANCHENG_RAW = "trace(gtin: \"09520011001014\", lot: \"LC2601R\")";
    private static final String ZHANGJIACHUAN_RAW = "trace(gtin: \"09520021001011\", lot: \"ZJ2601R\")";

    /** Every way into the personal fields of the Liancheng households that a query can take. */
    private static final Map<String, String> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put("direct", "{ " + LIANCHENG_RAW + " { producers { pseudonym registeredPoor identity { name phone idNumber } } } }");
        PATHS.put("nested under the packed lot's inputs", """
                { trace(gtin: "09520011001021", lot: "LC2601") { inputs { producers { registeredPoor identity { name phone } } } } }""");
        PATHS.put("aliased at every level", """
                { t: trace(gtin: "09520011001021", lot: "LC2601") {
                    i: inputs { who: producers { poor: registeredPoor me: identity { n: name p: phone id: idNumber } } } } }""");
        PATHS.put("the same field under several aliases", "{ " + LIANCHENG_RAW
                + " { producers { a: identity { name } b: identity { phone } c: registeredPoor d: registeredPoor } } }");
        PATHS.put("named fragments", """
                query { trace(gtin: "09520011001021", lot: "LC2601") { inputs { ...Households } } }
                fragment Households on BatchTrace { producers { ...Who } }
                fragment Who on ProducerContribution { registeredPoor identity { ...Person } }
                fragment Person on ProducerIdentity { name phone idNumber pseudonym }""");
        PATHS.put("inline fragments through the union of traceLink", """
                { traceLink(uri: "https://id.example.cn/01/09520011001021/10/LC2601/21/LC2601-0001") {
                    ... on ItemTrace { batch { inputs { producers { identity { name phone } } } } }
                    ... on BatchTrace { inputs { producers { identity { name } } } } } }""");
        PATHS.put("a batch's link through the union", """
                { traceLink(uri: "https://id.example.cn/01/09520011001014/10/LC2601R") {
                    ... on BatchTrace { producers { ... on ProducerContribution { registeredPoor identity { phone } } } } } }""");
        PATHS.put("an item's batch", """
                { traceItem(gtin: "09520011001021", serial: "LC2601-0001") { batch { inputs { producers { identity { name } } } } } }""");
        PATHS.put("the producers list", """
                { producers(brand: "liancheng-dried-sweet-potato", first: 100) { nodes { pseudonym registeredPoor identity { name phone } } } }""");
        PATHS.put("a recall's batch and the batches it reaches", """
                { recall(gtin: "09520011001014", lot: "LC2601R") {
                    batch { producers { registeredPoor identity { name phone } } }
                    batches { nodes { inputs { producers { identity { name } } } } } } }""");
    }

    /** The demo households' [name, phone] by household id ({@code demo/master-data/producers.csv}). */
    private static final Map<String, List<String>> HOUSEHOLDS = households();
    private static final List<String> PERSONAL_DATA = HOUSEHOLDS.values().stream().flatMap(List::stream).toList();

    private static Map<String, List<String>> households() {
        try {
            Map<String, List<String>> households = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(DemoGraph.DEMO.resolve("master-data/producers.csv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                households.put(cells[0], List.of(cells[1], cells[2]));
            }
            assertThat(households).hasSizeGreaterThan(20).containsEntry("LC-H01", List.of("罗秀英", "13800000001"));
            return households;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The names of the Zhangjiachuan households (ZJC-H*). */
    private static List<String> zhangjiachuanNames() {
        return HOUSEHOLDS.entrySet().stream().filter(e -> e.getKey().startsWith("ZJC-")).map(e -> e.getValue().getFirst()).toList();
    }

    private EntityExchangeResult<Map<String, Object>> post(String query, String token) {
        return client.post().contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .bodyValue(Map.of("query", query)).exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult();
    }

    /** The response to a caller who may not read the fields: no personal datum anywhere, each field refused as FORBIDDEN. */
    @SuppressWarnings("unchecked")
    private void assertRefused(String path, String query, String token) {
        EntityExchangeResult<Map<String, Object>> result = post(query, token);
        assertThat(result.getStatus()).as(path).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = result.getResponseBody();
        String text = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(text).as("%s: no personal datum in %s", path, text).doesNotContain(PERSONAL_DATA);
        assertThat(body.get("data")).as(path + ": the rest of the query is answered").isNotNull();
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        assertThat(errors).as(path + ": each personal field refused").isNotEmpty().allSatisfy(error -> {
            assertThat(((Map<String, Object>) error.get("extensions")).get("classification")).isEqualTo("FORBIDDEN");
            assertThat((String) error.get("message")).contains("is personal data: only a regulator or the association");
            assertThat(error.get("path")).isNotNull();
        });
        assertThat(text).doesNotContain("Exception", "\tat ");
    }

    @Test
    void withoutATokenNoPathReachesAPersonalField() {
        PATHS.forEach((path, query) -> assertRefused(path, query, null));
    }

    @Test
    void aPublicTokenReachesNoPersonalFieldByAnyPath() {
        String token = token(Role.PUBLIC, null);
        PATHS.forEach((path, query) -> assertRefused(path, query, token));
    }

    @Test
    void aCarrierReachesNoPersonalField() {
        String token = token(Role.LOGISTICS, CARRIER);
        PATHS.forEach((path, query) -> assertRefused(path, query, token));
    }

    @Test
    void anAssociationReachesNoPersonalFieldOfAnotherAssociationsBrand() {
        String token = token(Role.ASSOCIATION, YONGJING_ASSOCIATION);
        PATHS.forEach((path, query) -> assertRefused(path, query, token));
    }

    @Test
    void anAssociationReadsTheHouseholdsOfItsOwnBrand() {
        var response = graphQlWith(token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION))
                .document("{ " + LIANCHENG_RAW + " { producers { pseudonym registeredPoor identity { pseudonym name phone } } } }")
                .execute();
        response.errors().verify();
        response.path("trace.producers[*].identity.name").entityList(String.class)
                .containsExactly("罗秀英", "黄建华", "江桂兰", "童志明");
        response.path("trace.producers[*].registeredPoor").entityList(Boolean.class).containsExactly(true, false, true, false);
        List<String> pseudonyms = response.path("trace.producers[*].pseudonym").entityList(String.class).get();
        response.path("trace.producers[*].identity.pseudonym").entityList(String.class).isEqualTo(pseudonyms);
    }

    @Test
    void anAssociationReadsTheHouseholdsOfItsOwnBrandInTheProducersList() {
        var response = graphQlWith(token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION))
                .document("{ producers(brand: \"liancheng-dried-sweet-potato\", first: 100) { nodes { registeredPoor identity { name } } } }")
                .execute();
        response.errors().verify();
        response.path("producers.nodes[*].identity.name").entityList(String.class).contains("罗秀英", "黄建华");
    }

    @Test
    void anAssociationSeesOnlyItsOwnBrandsInOneRequest() {
        String query = "{ own: " + LIANCHENG_RAW + " { producers { identity { name } } } "
                + "other: " + ZHANGJIACHUAN_RAW + " { key producers { pseudonym identity { name } } } }";
        EntityExchangeResult<Map<String, Object>> result = post(query, token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION));
        String text = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(text).contains("罗秀英");
        List<String> zhangjiachuan = zhangjiachuanNames();
        assertThat(text).doesNotContain(zhangjiachuan);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) result.getResponseBody().get("errors");
        assertThat(errors).hasSize(4).allSatisfy(error -> assertThat(error.get("path").toString()).startsWith("[other, producers"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void everyIdentityReadIsAuditedWithWhoReadWhichHouseholdAndNoPersonalDatum(CapturedOutput output) {
        graphQlWith(token(Role.REGULATOR, null)).document("{ " + LIANCHENG_RAW + " { producers { pseudonym identity { name } } } }")
                .execute().errors().verify();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            // The terroir.audit logger's lines (the JSON entry after the logger's name); where they are kept is the logging's.
            List<String> lines = output.getAll().lines().filter(line -> line.contains(AuditLog.LOGGER))
                    .map(line -> line.substring(line.indexOf('{'))).toList();
            assertThat(lines).filteredOn(line -> line.contains("\"action\":\"identity.read\"")
                            && line.contains("\"subject\":\"test-regulator\"") && line.contains("\"batch\":\"01/09520011001014/10/LC2601R\""))
                    .hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(line -> assertThat(line).matches(".*\"household\":\"P-[A-Z2-7]{12}\".*").doesNotContain(PERSONAL_DATA));
        });
    }

    @Test
    void aRegulatorReadsEveryBrandsHouseholds() {
        var response = graphQlWith(token(Role.REGULATOR, null)).document("{ a: " + LIANCHENG_RAW
                + " { producers { registeredPoor identity { name phone } } } b: " + ZHANGJIACHUAN_RAW
                + " { producers { identity { name } } } }").execute();
        response.errors().verify();
        response.path("a.producers[0].identity.name").entity(String.class).isEqualTo("罗秀英");
        response.path("a.producers[0].identity.phone").entity(String.class).isEqualTo("13800000001");
        response.path("b.producers[*].identity.name").entityList(String.class).hasSize(4)
                .satisfies(names -> assertThat(zhangjiachuanNames()).containsAll(names));
    }

    // --- tokens that do not verify: 401 before any GraphQL runs

    private void assertUnauthorized(String token, String reason) {
        EntityExchangeResult<Map<String, Object>> result = post("{ " + LIANCHENG_RAW + " { key } }", token);
        assertThat(result.getStatus()).as(reason).isEqualTo(HttpStatus.UNAUTHORIZED);
        String challenge = result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
        assertThat(challenge).as(reason).startsWith("Bearer").contains("error=\"invalid_token\"");
        assertThat(challenge).as(reason).contains(reason);
        byte[] content = result.getResponseBodyContent();
        assertThat(content == null ? "" : new String(content, StandardCharsets.UTF_8)).doesNotContain("LC2601R");
    }

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(Tokens.DEFAULT_ISSUER).audience(Tokens.DEFAULT_AUDIENCE).subject("someone")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim(Tokens.ROLE, "regulator");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String token = Tokens.mint((ECPrivateKey) TokenKeys.generate().getPrivate(), new Tokens.Request("mallory", Role.REGULATOR,
                Optional.empty(), Tokens.DEFAULT_ISSUER, Tokens.DEFAULT_AUDIENCE, Instant.now(), Duration.ofHours(1)));
        assertUnauthorized(token, "Failed to validate the token");
    }

    @Test
    void aTokenWhosePayloadWasChangedIsRefused() {
        String[] parts = token(Role.PUBLIC, null).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"public\"", "\"regulator\"");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertUnauthorized(forged, "Failed to validate the token");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant then = Instant.now().minus(Duration.ofHours(3));
        assertUnauthorized(signed(validClaims().issueTime(Date.from(then)).expirationTime(Date.from(then.plusSeconds(3600))).build()),
                "expired");
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() {
        assertUnauthorized(signed(validClaims().audience("another-api").build()), "aud");
        assertUnauthorized(signed(validClaims().issuer("someone-else").build()), "iss");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertUnauthorized(signed(validClaims().expirationTime(null).build()), "exp");
    }

    @Test
    void aTokenWithoutIssueTimeIsRefused() {
        assertUnauthorized(signed(validClaims().issueTime(null).build()), "iat");
    }

    @Test
    void aTokenLivingLongerThanTheMaximumIsRefused() {
        Instant now = Instant.now();
        assertUnauthorized(signed(validClaims().issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofDays(7)).plusSeconds(60))).build()), "longer than the limit PT168H");
        // Dated ahead to outlive the limit from now: refused for its iat.
        assertUnauthorized(signed(validClaims().issueTime(Date.from(now.plus(Duration.ofDays(6))))
                .expirationTime(Date.from(now.plus(Duration.ofDays(12)))).build()), "lies in the future");
        // Up to the limit is fine.
        EntityExchangeResult<Map<String, Object>> week = post("{ " + LIANCHENG_RAW + " { key } }", signed(validClaims()
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofDays(7)))).build()));
        assertThat(week.getStatus()).isEqualTo(HttpStatus.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REGULATOR", "Regulator", "regulator ", " regulator"})
    void aRoleNameIsExact(String role) {
        assertUnauthorized(signed(validClaims().claim(Tokens.ROLE, role).build()), "unknown role");
    }

    @ParameterizedTest
    @ValueSource(strings = {"association", "logistics"})
    void aTokenOfAnAssociationOrCarrierMustNameItsParty(String role) {
        assertUnauthorized(signed(validClaims().claim(Tokens.ROLE, role).build()), "must name its party");
    }

    @Test
    void aTokenOfAnUnknownRoleOrABadPartyIsRefused() {
        assertUnauthorized(signed(validClaims().claim(Tokens.ROLE, "admin").build()), "unknown role 'admin'");
        assertUnauthorized(signed(validClaims().claim(Tokens.ROLE, "association").claim(Tokens.PARTY, "9520011000018").build()),
                "is not a GLN");
    }

    @Test
    void somethingThatIsNotATokenIsRefused() {
        assertUnauthorized("not-a-jwt", "Invalid JWT serialization");
    }

    @Test
    void aValidTokenOfEachRoleAnswersAPlainQuery() {
        for (String token : List.of(token(Role.PUBLIC, null), token(Role.LOGISTICS, CARRIER),
                token(Role.ASSOCIATION, ZHANGJIACHUAN_ASSOCIATION), token(Role.REGULATOR, null))) {
            graphQlWith(token).document("{ " + LIANCHENG_RAW + " { key } }").execute()
                    .path("trace.key").entity(String.class).isEqualTo("01/09520011001014/10/LC2601R");
        }
    }
}
