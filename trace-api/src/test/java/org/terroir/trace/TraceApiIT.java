package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.terroir.trace.access.Role;

/** The trace query over HTTP, against the demo data in a real Neo4j. */
class TraceApiIT extends DemoApiTestBase {

    /** Liancheng dried sweet potato, 500 g, packed lot LC2601; made from raw lot LC2601R. */
    private static final String PACKED_GTIN = "09520011001021";
    private static final String RAW_KEY = "01/09520011001014/10/LC2601R";

    private static final String TRACE = """
            query trace($gtin: String!, $lot: String!) {
              trace(gtin: $gtin, lot: $lot) {
                gtin lot key
                product { gtin nameZh nameEn }
                brand { id kind nameZh nameEn giRegistration owner { gln kind nameEn } }
                producedAt { key kind nameEn region { code level } }
                origin { code level nameEn }
                certifications { id kind number subject }
                producers { pseudonym }
                inputs {
                  key lot
                  producedAt { kind }
                  producers { pseudonym quantity unit cooperative { gln kind } }
                  journey { from { kind } to { kind } departed arrived }
                  inputs { key }
                }
                journey {
                  id
                  from { key kind nameZh nameEn region { code level nameEn } }
                  to { key kind nameEn region { code } }
                  departed arrived durationMinutes
                  carrier { gln kind nameZh nameEn }
                }
              }
            }
            """;




    private HttpGraphQlTester.Response trace(String gtin, String lot) {
        return graphQl.document(TRACE).variable("gtin", gtin).variable("lot", lot).execute();
    }

    @Test
    void tracesAPackedLianchengLotToItsProductAndBrand() {
        var response = trace(PACKED_GTIN, "LC2601");

        response.path("trace.key").entity(String.class).isEqualTo("01/09520011001021/10/LC2601");
        response.path("trace.gtin").entity(String.class).isEqualTo(PACKED_GTIN);
        response.path("trace.lot").entity(String.class).isEqualTo("LC2601");
        response.path("trace.product.nameEn").entity(String.class).isEqualTo("Liancheng dried sweet potato, 500 g");
        response.path("trace.product.nameZh").entity(String.class).isEqualTo("连城地瓜干 500克");
        response.path("trace.brand.id").entity(String.class).isEqualTo("liancheng-dried-sweet-potato");
        response.path("trace.brand.kind").entity(String.class).isEqualTo("GI");
        response.path("trace.brand.giRegistration").entity(String.class).isEqualTo("DEMO-GI-2011-LC01");
        response.path("trace.brand.owner.kind").entity(String.class).isEqualTo("ASSOCIATION");
        response.path("trace.brand.owner.gln").entity(String.class).isEqualTo("9520011000017");
        response.path("trace.certifications[*].id").entityList(String.class)
                .containsExactly("cert-gi-liancheng-dried-sweet-potato");
        response.path("trace.certifications[0].subject").entity(String.class).isEqualTo("BRAND");
        response.path("trace.producedAt.kind").entity(String.class).isEqualTo("PROCESSOR");
        response.path("trace.origin[*].level").entityList(String.class)
                .containsExactly("VILLAGE", "TOWNSHIP", "COUNTY", "PREFECTURE");
        response.path("trace.origin[*].code").entityList(String.class)
                .containsExactly("350825101201", "350825101", "350825", "350800");
        response.path("trace.producers").entityList(Object.class).hasSize(0);
    }

    @Test
    void thePackedLotWasMadeFromARawLotOfFourHouseholdsShownByPseudonym() {
        var response = trace(PACKED_GTIN, "LC2601");

        response.path("trace.inputs[*].key").entityList(String.class).containsExactly(RAW_KEY);
        response.path("trace.inputs[0].producedAt.kind").entity(String.class).isEqualTo("FARM");
        List<String> pseudonyms = response.path("trace.inputs[0].producers[*].pseudonym").entityList(String.class).get();
        assertThat(pseudonyms).hasSize(4).doesNotHaveDuplicates()
                .allSatisfy(p -> assertThat(p).matches("P-[A-Z2-7]{12}"));
        response.path("trace.inputs[0].producers[*].quantity").entityList(Double.class)
                .containsExactly(240.0, 180.0, 120.0, 60.0);
        response.path("trace.inputs[0].producers[*].unit").entityList(String.class)
                .containsExactly("KGM", "KGM", "KGM", "KGM");
        response.path("trace.inputs[0].producers[*].cooperative.gln").entityList(String.class)
                .containsExactly("9520011000024", "9520011000024", "9520011000024", "9520011000024");
        response.path("trace.inputs[0].inputs").entityList(Object.class).hasSize(0);
        response.path("trace.inputs[0].journey[*].from.kind").entityList(String.class).containsExactly("FARM");
        response.path("trace.inputs[0].journey[*].to.kind").entityList(String.class).containsExactly("PROCESSOR");
        response.path("trace.inputs[0].journey[0].departed").valueIsNull();
    }

    @Test
    void thePackedLotTravelsFromTheProcessorThroughTheStationsToTheShopInTimeOrder() {
        var response = trace(PACKED_GTIN, "LC2601");

        response.path("trace.journey[*].from.kind").entityList(String.class).containsExactly(
                "PROCESSOR", "VILLAGE_STATION", "TOWNSHIP_STATION", "COUNTY_STATION", "CARRIER_HUB");
        response.path("trace.journey[*].to.kind").entityList(String.class).containsExactly(
                "VILLAGE_STATION", "TOWNSHIP_STATION", "COUNTY_STATION", "CARRIER_HUB", "RETAIL");
        List<String> departures = response.path("trace.journey[*].departed").entityList(String.class).get();
        assertThat(departures).first().isEqualTo("2026-01-07T20:00:00+08:00");
        assertThat(departures).isSortedAccordingTo(
                (a, b) -> java.time.OffsetDateTime.parse(a).compareTo(java.time.OffsetDateTime.parse(b)));
        response.path("trace.journey[0].arrived").entity(String.class).isEqualTo("2026-01-07T23:00:00+08:00");
        response.path("trace.journey[0].durationMinutes").entity(Integer.class).isEqualTo(180);
        response.path("trace.journey[*].durationMinutes").entityList(Integer.class)
                .satisfies(minutes -> assertThat(minutes).hasSize(5).allSatisfy(m -> assertThat(m).isPositive()));
        response.path("trace.journey[*].carrier.kind").entityList(String.class)
                .satisfies(kinds -> assertThat(kinds).hasSize(5));
        response.path("trace.journey[4].carrier.kind").entity(String.class).isEqualTo("CARRIER");
        response.path("trace.journey[*].to.region.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).hasSize(5).doesNotContainNull());
    }

    /**
     * The demo's one error declaration: the carrier's shipment of lot LC2603's pallet from its hub to
     * the Beijing pick-up point was recorded in error and corrected by the shipment to Shenzhen. The
     * trace follows the corrective event; the lot's events show the erroneous one, marked.
     */
    @Test
    void aShipmentDeclaredErroneousIsNoPartOfTheJourneyAndTheEventsSayWhy() {
        var response = trace(PACKED_GTIN, "LC2603");
        response.errors().verify();
        response.path("trace.journey[*].to.key").entityList(String.class)
                .satisfies(to -> assertThat(to).hasSize(5).endsWith("414/9520095100030").doesNotContain("414/9520095100023"));

        var events = graphQlWith(token(Role.REGULATOR, null)).document("""
                { events(first: 50, identifier: "urn:epc:class:lgtin:9520011.000102.LC2603", bizStep: "shipping") {
                    nodes { eventId errorDeclaration { reason correctiveEventIds } } } }""").execute();
        events.errors().verify();
        events.path("events.nodes[?(@.errorDeclaration != null)].eventId").entityList(String.class)
                .containsExactly("urn:uuid:5a1ce9dc-19c9-5a5c-bff4-7ea211699097");
        events.path("events.nodes[?(@.errorDeclaration != null)].errorDeclaration.reason").entityList(String.class)
                .containsExactly("incorrect_data");
        events.path("events.nodes[?(@.errorDeclaration != null)].errorDeclaration.correctiveEventIds[0]").entityList(String.class)
                .containsExactly("urn:uuid:7dbee7a2-2bba-5f73-b0a9-b7c1366eea95");
    }

    /** The first GraphQL example of docs/trace-api.md that starts with {@code opening}. */
    private static String docsExample(String opening) throws IOException {
        String page = Files.readString(Path.of("..", "docs", "trace-api.md"));
        int start = page.indexOf(opening);
        assertThat(start).as("an example starting %s in docs/trace-api.md", opening).isNotNegative();
        return page.substring(start + "```graphql\n".length(), page.indexOf("```", start + 1));
    }

    @Test
    void theExampleOfTheDocsRuns() throws IOException {
        var response = graphQl.document(docsExample("```graphql\n")).execute();

        response.path("trace.brand.giRegistration").entity(String.class).isEqualTo("DEMO-GI-2011-LC01");
        response.path("trace.inputs[0].producers").entityList(Object.class).hasSize(4);
        response.path("trace.journey").entityList(Object.class).hasSize(5);
    }

    @Test
    void theTraceLinkExampleOfTheDocsRuns() throws IOException {
        var response = graphQl.document(docsExample("```graphql\n{\n  traceLink")).execute();

        response.path("traceLink.__typename").entity(String.class).isEqualTo("ItemTrace");
        response.path("traceLink.batch.brand.giRegistration").entity(String.class).isEqualTo("DEMO-GI-2011-LC01");
        response.path("traceLink.journey").entityList(Object.class).hasSize(5);
    }

    @Test
    void anUnknownLotIsNull() {
        graphQl.document(TRACE).variable("gtin", PACKED_GTIN).variable("lot", "NO-SUCH-LOT").execute()
                .errors().verify()
                .path("trace").valueIsNull();
    }

    @Test
    void aGtinWithAWrongCheckDigitIsAnErrorNamingTheArgument() {
        graphQl.document(TRACE).variable("gtin", "09520011001022").variable("lot", "LC2601").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getMessage()).startsWith("argument gtin: ").contains("09520011001022");
                    assertThat(error.getExtensions()).containsEntry("argument", "gtin");
                    assertThat(error.getPath()).isEqualTo("trace");
                }))
                .path("trace").valueIsNull();
    }

    @Test
    void aLotWithACharacterOutsideTheGs1SetIsAnErrorNamingTheArgument() {
        graphQl.document(TRACE).variable("gtin", PACKED_GTIN).variable("lot", "LC 2601").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getExtensions()).containsEntry("argument", "lot");
                }));
    }

    // --- items: a consumer's scan

    /** The first item of lot LC2601 (demo/epcis/liancheng.jsonld: urn:epc:id:sgtin:9520011.000102.LC2601-0001). */
    private static final String SERIAL = "LC2601-0001";
    private static final String ITEM_KEY = "01/09520011001021/21/LC2601-0001";

    private static final String ITEM_FIELDS = """
            gtin serial key
            batch { key lot product { nameEn } brand { id giRegistration } inputs { key producers { pseudonym } } }
            journey { from { kind } to { kind } departed arrived }
            """;

    private static final String TRACE_ITEM = "query item($gtin: String!, $serial: String!) { traceItem(gtin: $gtin, serial: $serial) { "
            + ITEM_FIELDS + " } }";

    private static final String TRACE_LINK = "query link($uri: String!) { traceLink(uri: $uri) { __typename "
            + "... on ItemTrace { " + ITEM_FIELDS + " } "
            + "... on BatchTrace { key lot brand { id } journey { from { kind } } } } }";

    private HttpGraphQlTester.Response traceItem(String gtin, String serial) {
        return graphQl.document(TRACE_ITEM).variable("gtin", gtin).variable("serial", serial).execute();
    }

    private HttpGraphQlTester.Response traceLink(String uri) {
        return graphQl.document(TRACE_LINK).variable("uri", uri).execute();
    }

    private static void isTheDemoItem(HttpGraphQlTester.Response response, String field) {
        response.path(field + ".key").entity(String.class).isEqualTo(ITEM_KEY);
        response.path(field + ".gtin").entity(String.class).isEqualTo(PACKED_GTIN);
        response.path(field + ".serial").entity(String.class).isEqualTo(SERIAL);
        response.path(field + ".batch.key").entity(String.class).isEqualTo("01/09520011001021/10/LC2601");
        response.path(field + ".batch.product.nameEn").entity(String.class).isEqualTo("Liancheng dried sweet potato, 500 g");
        response.path(field + ".batch.brand.id").entity(String.class).isEqualTo("liancheng-dried-sweet-potato");
        response.path(field + ".batch.brand.giRegistration").entity(String.class).isEqualTo("DEMO-GI-2011-LC01");
        response.path(field + ".batch.inputs[*].key").entityList(String.class).containsExactly(RAW_KEY);
        response.path(field + ".batch.inputs[0].producers").entityList(Object.class).hasSize(4);
    }

    @Test
    void tracesADemoItemByGtinAndSerialToItsBatchProductAndBrand() {
        var response = traceItem(PACKED_GTIN, SERIAL);

        isTheDemoItem(response, "traceItem");
    }

    @Test
    void anItemTravelsInItsCaseFromTheProcessorToTheShop() {
        var response = traceItem(PACKED_GTIN, SERIAL);

        response.path("traceItem.journey[*].from.kind").entityList(String.class).containsExactly(
                "PROCESSOR", "VILLAGE_STATION", "TOWNSHIP_STATION", "COUNTY_STATION", "CARRIER_HUB");
        response.path("traceItem.journey[*].to.kind").entityList(String.class).containsExactly(
                "VILLAGE_STATION", "TOWNSHIP_STATION", "COUNTY_STATION", "CARRIER_HUB", "RETAIL");
        response.path("traceItem.journey[0].departed").entity(String.class).isEqualTo("2026-01-07T20:00:00+08:00");
    }

    @Test
    void tracesTheSameItemByItsDigitalLinkWithOrWithoutLotOnAnyHostIgnoringTheQuery() {
        for (String uri : List.of(
                "https://id.example.cn/01/09520011001021/10/LC2601/21/LC2601-0001?17=270131&8030=c2lnbmF0dXJl",
                "http://localhost:8080/some/prefix/01/09520011001021/21/LC2601-0001")) {
            var response = traceLink(uri);

            response.path("traceLink.__typename").entity(String.class).isEqualTo("ItemTrace");
            isTheDemoItem(response, "traceLink");
        }
    }

    @Test
    void aDigitalLinkOfALotTracesTheBatch() {
        var response = traceLink("https://id.example.cn/01/09520011001021/10/LC2601?17=270131");

        response.path("traceLink.__typename").entity(String.class).isEqualTo("BatchTrace");
        response.path("traceLink.key").entity(String.class).isEqualTo("01/09520011001021/10/LC2601");
        response.path("traceLink.brand.id").entity(String.class).isEqualTo("liancheng-dried-sweet-potato");
        response.path("traceLink.journey").entityList(Object.class).hasSize(5);
    }

    @Test
    void anUnknownOrTamperedSerialIsNull() {
        traceItem(PACKED_GTIN, "LC2601-9999").errors().verify().path("traceItem").valueIsNull();
        // A real serial under another product's GTIN (the raw sweet potatoes of the same brand)
        traceItem("09520011001014", SERIAL).errors().verify().path("traceItem").valueIsNull();
        traceLink("https://id.example.cn/01/09520011001021/21/LC2601-0001X").errors().verify()
                .path("traceLink").valueIsNull();
        traceLink("https://id.example.cn/01/09520011001021/10/NO-SUCH-LOT").errors().verify()
                .path("traceLink").valueIsNull();
    }

    @Test
    void aMalformedDigitalLinkIsAnErrorNamingTheArgumentUri() {
        for (String uri : List.of("not a uri", "https://id.example.cn/01/09520011001022/21/LC2601-0001",
                "https://id.example.cn/01/09520011001021/21", "https://id.example.cn/01/09520011001021")) {
            traceLink(uri).errors().satisfy(errors -> assertThat(errors).as(uri).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(error.getMessage()).startsWith("argument uri: ");
                        assertThat(error.getExtensions()).containsEntry("argument", "uri");
                        assertThat(error.getPath()).isEqualTo("traceLink");
                    }))
                    .path("traceLink").valueIsNull();
        }
    }

    @Test
    void aSerialOutsideTheGs1SetIsAnErrorNamingTheArgument() {
        traceItem(PACKED_GTIN, "LC2601 0001").errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> {
                            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                            assertThat(error.getExtensions()).containsEntry("argument", "serial");
                        }))
                .path("traceItem").valueIsNull();
    }

    @Test
    void personalFieldsOfAProducerDoNotExist() {
        for (String field : List.of("name", "phone", "idNumber")) {
            graphQl.document("{ trace(gtin: \"%s\", lot: \"LC2601R\") { producers { pseudonym %s } } }"
                            .formatted("09520011001014", field))
                    .execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType().toString()).isEqualTo("ValidationError");
                        assertThat(error.getMessage()).contains("'" + field + "'");
                    }));
        }
    }

    @Test
    void noHouseholdNameOrPhoneOfTheDemoAppearsInAFullTrace() throws IOException {
        List<String> personal = new ArrayList<>();
        List<String> lines = Files.readAllLines(DemoGraph.DEMO.resolve("master-data/producers.csv"));
        assertThat(lines.getFirst()).startsWith("household_id,name,phone,");
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split(",");
            personal.add(columns[1]);
            personal.add(columns[2]);
        }
        assertThat(personal).contains("罗秀英", "13800000001");

        String body = new String(client.post().contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", TRACE, "variables", Map.of("gtin", PACKED_GTIN, "lot", "LC2601")))
                .exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(body).contains("\"pseudonym\"", "P-");
        assertThat(personal).allSatisfy(value -> assertThat(body).doesNotContain(value));
    }

    @Test
    void graphiqlIsServedForTrying() {
        org.springframework.test.web.reactive.server.WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/graphiql").exchange()
                .expectStatus().is3xxRedirection();
        org.springframework.test.web.reactive.server.WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/graphiql?path=/graphql").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> org.assertj.core.api.Assertions.assertThat(html).contains("graphiql"));
    }

    @Test
    void verifyLabelWithoutATrustListSaysWhatIsMissing() {
        graphQl.document("{ verifyLabel(uri: \"https://id.example.cn/01/09520011001021/10/LC2601\") { genuine } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("INTERNAL_ERROR");
                    assertThat(error.getMessage()).isEqualTo(
                            "this API has no trust list to verify labels with (terroir.trust-list, terroir.trust-roots)");
                }))
                .path("verifyLabel").valueIsNull();
    }
}
