package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.terroir.labels.DigitalLink;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;
import org.terroir.trace.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resolver of the labels' Digital Links on the demo data, with a trust list made for the test:
 * the linkset (checked against the rules of GS1's linkset schema, and each link followed), one link
 * type's redirect, the page for a browser, and the refusals — malformed (400 with the reason),
 * unknown GTIN (404), altered label (not genuine), too many scans (429, last: it empties the bucket);
 * and the scans the pages record, read back through GraphQL by the brand's association.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResolverIT extends DemoApiTestBase {

    private static final TestTrust TRUST = new TestTrust();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BURST = 60;

    /** The rules of GS1's linkset JSON schema (resolver standard 1.2.0) for targets. */
    private static final Pattern ABSOLUTE = Pattern.compile("^https?://[a-zA-Z0-9./]+.*");
    private static final Pattern LANGUAGE = Pattern.compile("(^\\w{2}$)|(^\\w{2}-\\w{2}$)");
    private static final Pattern MEDIA_TYPE = Pattern.compile("\\w+/[-+.\\w]+");

    @DynamicPropertySource
    static void trust(DynamicPropertyRegistry registry) {
        TRUST.register(registry, "30s");
        registry.add("terroir.scan.rate.burst", () -> BURST);
        registry.add("terroir.scan.rate.per-minute", () -> 1);
    }

    private WebTestClient web;
    private String base;

    @BeforeEach
    void web() {
        base = "http://localhost:" + port;
        web = WebTestClient.bindToServer().baseUrl(base).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A genuine label of a demo unit, as printed: lot, serial, production date, signature. */
    private String label() {
        return TRUST.sign(DigitalLink.of(base, Gtin.of("09520011001021"), LotNumber.of("LC2601"), SerialNumber.of("LC2601-0001"))
                .withProductionDate("260107"));
    }

    private WebTestClient.ResponseSpec get(String uri, String accept) {
        return web.get().uri(URI.create(uri)).header(HttpHeaders.ACCEPT, accept).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange();
    }

    private JsonNode json(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    @Test
    @Order(1)
    void linkTypeAllGivesAValidLinksetWhoseLinksAllAnswer() {
        String label = label();
        JsonNode linkset = json(get(label + "&linkType=all", "*/*").expectStatus().isOk()
                .expectHeader().contentType("application/linkset+json"));
        assertThat(linkset.get("linkset")).hasSize(1);
        JsonNode context = linkset.get("linkset").get(0);
        assertThat(context.get("anchor").asString()).isEqualTo(base + "/01/09520011001021/10/LC2601/21/LC2601-0001?11=260107&8030="
                + DigitalLink.parse(label).digitalSignature().orElseThrow());
        assertThat(context.get("description").asString()).isNotBlank();
        List<String> relations = context.propertyNames().stream().filter(name -> !name.equals("anchor") && !name.equals("description")).toList();
        assertThat(relations).containsExactlyInAnyOrder("https://gs1.org/voc/defaultLink", "https://gs1.org/voc/pip",
                "https://gs1.org/voc/traceability", "https://gs1.org/voc/verificationService", "https://gs1.org/voc/certificationInfo");
        for (String relation : relations) {
            assertThat(relation).matches(ABSOLUTE);
            for (JsonNode link : context.get(relation)) {
                assertThat(link.get("href").asString()).as(relation).matches(ABSOLUTE).startsWith(base + "/");
                assertThat(link.get("title").asString()).as(relation).isNotBlank();
                assertThat(link.get("type").asString()).as(relation).matches(MEDIA_TYPE);
                link.get("hreflang").forEach(language -> assertThat(language.asString()).matches(LANGUAGE));
            }
        }
        // The same linkset for linkType=linkset, and for a client that asks for the media type.
        assertThat(json(get(label + "&linkType=linkset", "*/*").expectStatus().isOk())).isEqualTo(linkset);
        assertThat(json(get(label, "application/linkset+json").expectStatus().isOk())).isEqualTo(linkset);

        // Each link answers: the trace and the verification through GraphQL, the page as HTML.
        JsonNode trace = json(get(href(context, "traceability"), "application/graphql-response+json").expectStatus().isOk());
        assertThat(trace.get("errors")).as("%s", trace).isNull();
        assertThat(trace.at("/data/traceLink/serial").asString()).isEqualTo("LC2601-0001");
        assertThat(trace.at("/data/traceLink/batch/lot").asString()).isEqualTo("LC2601");
        JsonNode verified = json(get(href(context, "verificationService"), "application/graphql-response+json").expectStatus().isOk());
        assertThat(verified.at("/data/verifyLabel/genuine").asBoolean()).as("%s", verified).isTrue();
        String page = get(href(context, "pip"), "text/html").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Genuine", "Liancheng");
        assertThat(href(context, "certificationInfo")).isEqualTo(href(context, "pip") + "#certifications");
    }

    private static String href(JsonNode context, String term) {
        return context.get("https://gs1.org/voc/" + term).get(0).get("href").asString();
    }

    @Test
    @Order(2)
    void aLinkTypeRedirectsToItsLinkAndAnUnofferedOneToTheDefault() {
        String label = label();
        JsonNode context = json(get(label + "&linkType=all", "*/*")).get("linkset").get(0);
        assertThat(location(get(label + "&linkType=gs1:traceability", "*/*"))).isEqualTo(href(context, "traceability"));
        assertThat(location(get(label + "&linkType=https%3A%2F%2Fgs1.org%2Fvoc%2Fpip", "*/*"))).isEqualTo(href(context, "pip"));
        assertThat(location(get(label + "&linkType=gs1:recipeInfo", "*/*"))).as("not offered: the default link")
                .isEqualTo(href(context, "defaultLink"));
        assertThat(location(get(label, "*/*"))).as("no link type, no HTML asked for: the default link")
                .isEqualTo(href(context, "defaultLink")).startsWith(base + "/provenance/01/09520011001021/10/LC2601/21/LC2601-0001?");
    }

    @Test
    @Order(3)
    void aClientsHostHeaderGoesIntoNoLinkRedirectOrAnchor() {
        String label = label();
        String linkset = new String(web.get().uri(URI.create(label + "&linkType=all")).header(HttpHeaders.HOST, "evil.example")
                .header(HttpHeaders.ACCEPT, "*/*").exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(linkset).doesNotContain("evil.example").contains("\"anchor\":\"" + base + "/01/");
        WebTestClient.ResponseSpec redirect = web.get().uri(URI.create(label)).header(HttpHeaders.HOST, "evil.example:8443")
                .header(HttpHeaders.ACCEPT, "*/*").exchange();
        assertThat(location(redirect)).startsWith(base + "/provenance/01/");
        JsonNode description = json(web.get().uri(URI.create(base + "/.well-known/gs1resolver")).header(HttpHeaders.HOST, "evil.example")
                .header(HttpHeaders.ACCEPT, "application/json").exchange().expectStatus().isOk());
        assertThat(description.get("resolverRoot").asString()).isEqualTo(base);
    }

    @Test
    @Order(3)
    void aPageLetsOnlyItsOwnInlineStyleAndScriptRunByANonceOfItsResponse() {
        String label = label();
        var first = get(label, "text/html").expectStatus().isOk().expectBody(String.class).returnResult();
        var second = get(label, "text/html").expectStatus().isOk().expectBody(String.class).returnResult();
        String policy = first.getResponseHeaders().getFirst("Content-Security-Policy");
        String nonce = policy.replaceAll(".*script-src 'nonce-([^']+)'.*", "$1");
        assertThat(policy).startsWith("default-src 'none'; style-src 'nonce-" + nonce + "'; script-src 'nonce-" + nonce + "'")
                .contains("connect-src 'self'", "frame-ancestors 'none'", "form-action 'none'").doesNotContain("unsafe-inline");
        assertThat(first.getResponseBody()).contains("<style nonce=\"" + nonce + "\">", "<script nonce=\"" + nonce + "\">")
                .doesNotContainPattern("<(style|script)>");
        assertThat(second.getResponseHeaders().getFirst("Content-Security-Policy")).as("a nonce per response")
                .doesNotContain(nonce);
        var error = get(base + "/01/09520011001022", "text/html").expectStatus().isBadRequest().expectBody(String.class).returnResult();
        String errorNonce = error.getResponseHeaders().getFirst("Content-Security-Policy").replaceAll(".*style-src 'nonce-([^']+)'.*", "$1");
        assertThat(error.getResponseBody()).contains("<style nonce=\"" + errorNonce + "\">");
    }

    private static String location(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isTemporaryRedirect().expectBody().returnResult().getResponseHeaders().getLocation().toString();
    }

    @Test
    @Order(3)
    void aBrowserGetsThePageItselfInItsLanguage() {
        String english = get(label(), "text/html,application/xhtml+xml,*/*;q=0.8").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("lang=\"en\"", "Genuine", "Liancheng Processing Plant", "Liancheng County", "P-")
                .doesNotContain("罗秀英", "13800000001");
        String chinese = web.get().uri(URI.create(label())).header(HttpHeaders.ACCEPT, "text/html")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(chinese).contains("lang=\"zh-CN\"", "正品", "连城县");
    }

    /**
     * The demo's carrier first recorded lot LC2603's pallet leaving its hub for the Beijing pick-up
     * point, then declared that shipment erroneous (incorrect data), its corrective event the
     * shipment to Shenzhen: the page shows the journey the corrective event recorded.
     */
    @Test
    @Order(3)
    void thePageFollowsTheCorrectiveShipmentNotTheOneDeclaredErroneous() {
        String unit = TRUST.sign(DigitalLink.of(base, Gtin.of("09520011001021"), LotNumber.of("LC2603"), SerialNumber.of("LC2603-0001"))
                .withProductionDate("260127"));
        String page = get(unit, "text/html").expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Genuine", "Nanshan pick-up point").doesNotContain("Chaoyang");
    }

    /** A page on another site reads the resolver's answers (CORS), its preflight included; the provenance page it does not. */
    @Test
    @Order(3)
    void anyOriginReadsTheResolversAnswersAndItsLinkHeader() {
        String origin = "https://shop.example.com";
        web.get().uri(URI.create(label() + "&linkType=all")).header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCEPT, "application/linkset+json").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed).contains("Link"));
        web.options().uri(URI.create(base + "/01/09520011001021/10/LC2601")).header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "accept-language").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("GET"));
        web.get().uri(URI.create(base + "/.well-known/gs1resolver")).header(HttpHeaders.ORIGIN, origin).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        web.post().uri(URI.create(base + "/scans/none/place")).header(HttpHeaders.ORIGIN, origin).exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    @Order(4)
    void malformedLinksGet400WithTheReason() {
        Map<String, String> reasons = Map.of(
                "/01/09520011001022", "check digit",
                "/01/0952001", "expected 8, 12, 13 or 14",
                "/01/09520011001021/21/LC2601-0001?99=x", "AI 99",
                "/01/09520011001021/21/LC2601-0001?10=LC2601", "belongs in the path");
        reasons.forEach((path, reason) -> {
            JsonNode problem = json(get(base + path, "application/json").expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("detail").asString()).as(path).contains(reason);
        });
        String page = get(base + "/01/09520011001022", "text/html").expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Not a valid product link", "check digit");
    }

    @Test
    @Order(5)
    void anUnknownGtinIs404() {
        JsonNode problem = json(get(base + "/01/09520011009997/10/X1", "application/json").expectStatus().isNotFound());
        assertThat(problem.get("detail").asString()).contains("09520011009997");
        get(base + "/01/09520011009997", "text/html").expectStatus().isNotFound().expectBody(String.class)
                .value(page -> assertThat(page).contains("Unknown product"));
    }

    @Test
    @Order(6)
    void oneCharacterChangedInTheSerialIsNotGenuineTampered() {
        String altered = label().replace("LC2601-0001", "LC2601-0007");
        String page = get(altered, "text/html").expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Not genuine: tampered").doesNotContain("Liancheng County");
        JsonNode problem = json(get(altered, "application/json").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem.get("title").asString()).isEqualTo("Not genuine");
        assertThat(problem.get("problem").asString()).isEqualTo("TAMPERED");
        get(altered + "&linkType=all", "*/*").expectStatus().isNotFound().expectBody().returnResult();
        // An unknown lot of a known GTIN is not genuine either; a known lot's link is answered, unverified.
        assertThat(get(base + "/01/09520011001021/10/LC2699", "text/html").expectBody(String.class).returnResult()
                .getResponseBody()).contains("Not genuine: unknown lot");
        assertThat(get(base + "/01/09520011001021/10/LC2601", "text/html").expectBody(String.class).returnResult()
                .getResponseBody()).contains("Not verified", "Liancheng County");
    }

    @Test
    @Order(7)
    void theResolverDescribesItself() {
        JsonNode description = json(get(base + "/.well-known/gs1resolver", "application/json").expectStatus().isOk());
        assertThat(description.get("resolverRoot").asString()).isEqualTo(base);
        assertThat(description.get("supportedPrimaryKeys").get(0).asString()).isEqualTo("01");
        assertThat(description.at("/supportedLinkType/0/prefix").asString()).isEqualTo("gs1:");
    }

    private static final String SCANS = """
            query s($serial: String) {
              scans(gtin: "09520011001021", serial: $serial, first: 100) {
                nodes { id at lot serial verdict problem place { latitude longitude } device }
              }
            }""";

    private static String scanId(String page) {
        var matcher = Pattern.compile("data-scan=\"([A-Za-z0-9_-]{22})\"").matcher(page);
        assertThat(matcher.find()).as("the page carries its scan's id").isTrue();
        return matcher.group(1);
    }

    @Test
    @Order(8)
    void eachPageIsAScanRecordedWithItsDeviceAndThePlaceTheBrowserGave() {
        var first = get(label(), "text/html").expectStatus().isOk().expectCookie().exists("terroir_device")
                .expectCookie().httpOnly("terroir_device", true).expectBody(String.class).returnResult();
        String device = first.getResponseCookies().getFirst("terroir_device").getValue();
        String scan = scanId(first.getResponseBody());
        web.post().uri("/scans/" + scan + "/place").contentType(MediaType.APPLICATION_JSON).cookie("terroir_device", device)
                .bodyValue(Map.of("latitude", 25.7349, "longitude", 116.7512)).exchange().expectStatus().isNoContent()
                .expectBody().isEmpty();
        // The same browser again: the same device; a tampered label: recorded as not genuine.
        String again = web.get().uri(URI.create(label())).header(HttpHeaders.ACCEPT, "text/html").cookie("terroir_device", device)
                .exchange().expectStatus().isOk().expectCookie().doesNotExist("terroir_device")
                .expectBody(String.class).returnResult().getResponseBody();
        get(label().replace("LC2601-0001", "LC2601-0007"), "text/html").expectStatus().isOk().expectBody().returnResult();

        HttpGraphQlTester association = graphQlWith(token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> association.document(SCANS)
                .variable("serial", "LC2601-0001").execute().path("scans.nodes[*].id").entityList(String.class)
                .contains(scan, scanId(again)));
        var nodes = association.document(SCANS).variable("serial", "LC2601-0001").execute()
                .path("scans.nodes").entityList(Map.class).get();
        Map<?, ?> placed = nodes.stream().filter(n -> n.get("id").equals(scan)).findFirst().orElseThrow();
        assertThat(placed.get("verdict")).isEqualTo("GENUINE");
        assertThat(placed.get("lot")).isEqualTo("LC2601");
        assertThat(placed.get("place")).as("a tenth of a degree").isEqualTo(Map.of("latitude", 25.7, "longitude", 116.8));
        Map<?, ?> second = nodes.stream().filter(n -> n.get("id").equals(scanId(again))).findFirst().orElseThrow();
        assertThat(second.get("device")).as("the same browser").isEqualTo(placed.get("device")).isNotNull();
        assertThat(second.get("device").toString()).doesNotContain(device);
        // One at a time, the cursors walk the same list in the same order; a cursor of another list is refused.
        List<Object> walked = new ArrayList<>();
        String after = null;
        do {
            var page = association.document("""
                    query s($after: String) { scans(gtin: "09520011001021", serial: "LC2601-0001", first: 1, after: $after) {
                      nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }""").variable("after", after).execute();
            walked.addAll(page.path("scans.nodes[*].id").entityList(Object.class).get());
            page.path("scans.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            after = page.path("scans.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("scans.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(walked).isEqualTo(nodes.stream().map(n -> n.get("id")).toList());
        String brandCursor = association.document("{ brands(first: 1) { pageInfo { endCursor } } }").execute()
                .path("brands.pageInfo.endCursor").entity(String.class).get();
        association.document("{ scans(gtin: \"09520011001021\", after: \"" + brandCursor + "\") { nodes { id } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(org.springframework.graphql.execution.ErrorType.BAD_REQUEST);
                    assertThat(error.getExtensions()).containsEntry("argument", "after");
                    assertThat(error.getMessage()).contains("is not a cursor of this list");
                }));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(association.document(SCANS).variable("serial", "LC2601-0007").execute()
                        .path("scans.nodes").entityList(Map.class).get())
                        .anySatisfy(n -> assertThat(n).containsEntry("verdict", "NOT_GENUINE").containsEntry("problem", "TAMPERED")));

        // A regulator sees them; another association none; the public is refused.
        graphQlWith(token(Role.REGULATOR, null)).document(SCANS).variable("serial", "LC2601-0001").execute()
                .path("scans.nodes[*].id").entityList(String.class).contains(scan);
        graphQlWith(token(Role.ASSOCIATION, YONGJING_ASSOCIATION)).document(SCANS).variable("serial", "LC2601-0001").execute()
                .path("scans.nodes").entityList(Object.class).hasSize(0);
        graphQl.document(SCANS).variable("serial", "LC2601-0001").execute().errors()
                .expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify();
    }

    @Test
    @Order(9)
    void aPlaceOutOfRangeOrForNoScanIdIs400NamingIt() {
        String scan = scanId(get(label(), "text/html").expectBody(String.class).returnResult().getResponseBody());
        web.post().uri("/scans/" + scan + "/place").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("latitude", 91, "longitude", 116.7)).exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body).contains("latitude"));
        web.post().uri("/scans/" + scan + "/place").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("latitude", 25.7)).exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body).contains("longitude"));
        web.post().uri("/scans/not-a-scan/place").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("latitude", 25.7, "longitude", 116.7)).exchange().expectStatus().isBadRequest()
                .expectBody().returnResult();
    }

    @Test
    @Order(10)
    void oneSerialScannedInTwoCities1500KmApartWithinAnHourIsFlaggedAndThePageWarns() {
        String label = TRUST.sign(DigitalLink.of(base, Gtin.of("09520011001021"), LotNumber.of("LC2601"), SerialNumber.of("LC2601-0003"))
                .withProductionDate("260107"));
        // Beijing, then Fuzhou: 1,560 km apart, seconds later, two phones on two networks (each places its own scan).
        placeFrom(scanFrom(label, BEIJING_PHONE, null), BEIJING_PHONE, BEIJING);
        placeFrom(scanFrom(label, FUZHOU_PHONE, null), FUZHOU_PHONE, FUZHOU);
        HttpGraphQlTester association = graphQlWith(token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(association.document(SUSPICIOUS).execute().path("suspiciousScans.nodes").entityList(Map.class).get())
                        .anySatisfy(flag -> assertThat(flag).containsEntry("serial", "LC2601-0003").containsEntry("kind", "SPEED")));
        Map<?, ?> flag = association.document(SUSPICIOUS).execute().path("suspiciousScans.nodes").entityList(Map.class).get()
                .stream().filter(f -> "LC2601-0003".equals(f.get("serial"))).findFirst().orElseThrow();
        assertThat(((Number) flag.get("distanceKm")).doubleValue()).isBetween(1500.0, 1600.0);
        assertThat(flag.get("brand")).isEqualTo("liancheng-dried-sweet-potato");
        assertThat(flag.get("shownToConsumers")).isEqualTo(true);
        assertThat(flag.get("networks")).isEqualTo(2);
        assertThat((List<?>) flag.get("evidence")).hasSize(2).allSatisfy(scan ->
                assertThat(((Map<?, ?>) scan).get("verdict")).isEqualTo("GENUINE"));
        // Both places are also far from where the unit's journey ended: the Pudong pick-up point in
        // Shanghai, 1,070 km from Beijing and 610 km from Fuzhou.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(association.document(SUSPICIOUS).execute().path("suspiciousScans.nodes").entityList(Map.class).get())
                        .filteredOn(f -> "LC2601-0003".equals(f.get("serial")) && "JOURNEY_END".equals(f.get("kind")))
                        .singleElement().satisfies(far -> {
                            assertThat(((Number) far.get("distanceKm")).doubleValue()).as("the farther, Beijing").isBetween(1000.0, 1150.0);
                            assertThat(far.get("journeyEnd")).isEqualTo(Map.of("nameEn", "Pudong pick-up point, Shanghai"));
                            assertThat((List<?>) far.get("evidence")).hasSize(2);
                        }));

        // The regulator sees it, another association not, the public is refused; the next scan's page warns.
        assertThat(graphQlWith(token(Role.REGULATOR, null)).document(SUSPICIOUS).execute().path("suspiciousScans.nodes[*].serial")
                .entityList(String.class).get()).contains("LC2601-0003");
        graphQlWith(token(Role.ASSOCIATION, YONGJING_ASSOCIATION)).document(SUSPICIOUS).execute()
                .path("suspiciousScans.nodes").entityList(Object.class).hasSize(0);
        graphQl.document(SUSPICIOUS).execute().errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify();
        assertThat(get(label, "text/html").expectBody(String.class).returnResult().getResponseBody())
                .contains("Genuine", "Warning: this code may be copied", "too far apart", "far from where its recorded journey ended");
    }

    private static final String SUSPICIOUS = """
            { suspiciousScans(brand: "liancheng-dried-sweet-potato") {
                nodes { kind gtin serial distanceKm speedKmh devices networks shownToConsumers brand journeyEnd { nameEn }
                        evidence { serial place { latitude longitude } verdict } } } }""";
    private static final double[] BEIJING = {39.9042, 116.4074};
    private static final double[] FUZHOU = {26.0745, 119.2965};
    private static final String BEIJING_PHONE = "203.0.113.7";
    private static final String FUZHOU_PHONE = "198.51.100.23";

    /** A scan of a phone on the network of {@code address} (behind the test's trusted proxy), with its cookie. */
    private record Scanned(String id, String device) {}

    private Scanned scanFrom(String label, String address, String device) {
        var request = web.get().uri(URI.create(label)).header(HttpHeaders.ACCEPT, "text/html")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").header("X-Forwarded-For", address);
        if (device != null) {
            request = request.cookie("terroir_device", device);
        }
        var page = request.exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        var cookie = page.getResponseCookies().getFirst("terroir_device");
        return new Scanned(scanId(page.getResponseBody()), cookie != null ? cookie.getValue() : device);
    }

    private void placeFrom(Scanned scan, String address, double[] city) {
        var request = web.post().uri("/scans/" + scan.id() + "/place").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", address);
        if (scan.device() != null) {
            request = request.cookie("terroir_device", scan.device());
        }
        request.bodyValue(Map.of("latitude", city[0], "longitude", city[1])).exchange().expectStatus().isNoContent();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> flagsOf(String serial) {
        return graphQlWith(token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION)).document(SUSPICIOUS).execute()
                .path("suspiciousScans.nodes").entityList(Map.class).get().stream()
                .map(f -> (Map<String, Object>) f).filter(f -> serial.equals(f.get("serial"))).toList();
    }

    private String pageOf(String label) {
        return web.get().uri(URI.create(label)).header(HttpHeaders.ACCEPT, "text/html").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .header("X-Forwarded-For", "192.0.2.99").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }

    @Test
    @Order(10)
    void sevenCookielessScansFromOneNetworkWarnNoConsumerTheAssociationSeesThem() {
        String label = TRUST.sign(DigitalLink.of(base, Gtin.of("09520011001021"), LotNumber.of("LC2601"), SerialNumber.of("LC2601-0004"))
                .withProductionDate("260107"));
        for (int i = 0; i < 7; i++) {
            scanFrom(label, "203.0.113." + (40 + i % 2), null); // one /24, a new cookie each time
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(flagsOf("LC2601-0004")).singleElement().satisfies(flag -> assertThat(flag)
                        .containsEntry("kind", "DEVICES").containsEntry("devices", 7).containsEntry("networks", 1)
                        .containsEntry("shownToConsumers", false)));
        assertThat(pageOf(label)).contains("Genuine").doesNotContain("may be copied");
    }

    @Test
    @Order(11)
    void oneClientReportingTwoFarPlacesWarnsNoConsumerAndNobodyPlacesAnothersScan() {
        String label = TRUST.sign(DigitalLink.of(base, Gtin.of("09520011001021"), LotNumber.of("LC2601"), SerialNumber.of("LC2601-0005"))
                .withProductionDate("260107"));
        String smear = "203.0.113.80";
        Scanned first = scanFrom(label, smear, null);
        // Another client cannot place it: another network with the same cookie, or the same network without it.
        placeFrom(first, "198.51.100.80", FUZHOU);
        placeFrom(new Scanned(first.id(), null), smear, FUZHOU);
        placeFrom(first, smear, BEIJING);
        placeFrom(scanFrom(label, smear, first.device()), smear, FUZHOU);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(flagsOf("LC2601-0005")).extracting(f -> f.get("kind")).containsExactlyInAnyOrder("SPEED", "JOURNEY_END"));
        assertThat(flagsOf("LC2601-0005")).allSatisfy(flag -> assertThat(flag).containsEntry("shownToConsumers", false)
                .containsEntry("networks", 1));
        Map<String, Object> speed = flagsOf("LC2601-0005").stream().filter(f -> f.get("kind").equals("SPEED")).findFirst().orElseThrow();
        assertThat((List<?>) speed.get("evidence")).extracting(e -> (Object) ((Map<?, ?>) e).get("place"))
                .as("the first place its own client gave, not the other clients'")
                .containsExactly(Map.of("latitude", 39.9, "longitude", 116.4), Map.of("latitude", 26.1, "longitude", 119.3));
        assertThat(pageOf(label)).contains("Genuine").doesNotContain("may be copied");
    }

    @Test
    @Order(100)
    void tooManyScansFromOneClientGet429WithARetryTime() {
        HttpStatus last = HttpStatus.OK;
        for (int i = 0; i <= BURST && last != HttpStatus.TOO_MANY_REQUESTS; i++) {
            // The body read, so that the client's connection goes back to its pool.
            last = HttpStatus.valueOf(get(base + "/01/09520011001021/10/LC2601?linkType=all", "*/*").expectBody().returnResult()
                    .getStatus().value());
        }
        assertThat(last).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        var refused = get(base + "/01/09520011001021/10/LC2601", "application/json").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        assertThat(json(refused).get("detail").asString()).contains("too many scans");
    }
}
