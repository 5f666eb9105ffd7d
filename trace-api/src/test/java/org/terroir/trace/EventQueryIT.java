package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.terroir.importer.epcis.EpcisReader;
import org.terroir.importer.epcis.EventHash;
import org.terroir.importer.epcis.model.AggregationEvent;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.importer.epcis.model.ObjectEvent;
import org.terroir.importer.epcis.model.QuantityElement;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.TransformationEvent;
import org.terroir.trace.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The EPCIS query interface over HTTP on the demo data: {@code GET /events} with the binding's
 * parameters, paged to the end by its {@code Link}s; {@code GET /events/{eventID}}; every answer
 * one the binding describes and valid against the official schema; each event as it was captured
 * (the same GS1 event hash as the demo document's); each role sees what GraphQL's {@code events}
 * shows it.
 */
class EventQueryIT extends DemoApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LC2601 = "urn:epc:class:lgtin:9520011.000102.LC2601";
    private static final String LC2601_KEY = "01/09520011001021/10/LC2601";
    /** The Liancheng processor, where LC2601 was made and packed. */
    private static final String PROCESSOR = "urn:epc:id:sgln:9520011.10020.0";

    /** The events of the Liancheng demo document, by id, as the importer reads them. */
    private static final Map<String, EpcisEvent> LIANCHENG = new LinkedHashMap<>();

    private WebTestClient web;

    @BeforeAll
    static void lianchengEvents() {
        try (EpcisReader reader = EpcisReader.open(DemoGraph.DEMO.resolve("epcis/liancheng.jsonld"))) {
            for (Optional<ReadEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
                EpcisEvent event = e.get().event().orElseThrow();
                LIANCHENG.put(EventHash.idOf(event), event);
            }
        }
    }

    @BeforeEach
    void web() {
        web = DemoGraph.client(port, "");
    }

    private static String regulator() {
        return token(Role.REGULATOR, null);
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        // Absolute, so that what the query string holds encoded is sent as it is.
        URI absolute = URI.create(uri.startsWith("http") ? uri : "http://localhost:" + port + uri);
        return web.get().uri(absolute).headers(headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
        }).exchange();
    }

    /** The exchange, checked against the binding's description of {@code GET path}. */
    private static EntityExchangeResult<byte[]> contract(String path, WebTestClient.ResponseSpec response) {
        EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
        OpenApiContract.epcis().check("get", path, result);
        return result;
    }

    /** Every event {@code query} answers, page after page along the {@code Link}s, each page checked against the binding. */
    private List<JsonNode> all(String token, String query) {
        return all(token, "/events?" + query, "/events");
    }

    /** Every event answered from {@code first} on, page after page, each page checked as the binding's {@code path} says. */
    private List<JsonNode> all(String token, String first, String path) {
        List<JsonNode> events = new ArrayList<>();
        String next = first;
        for (int pages = 0; next != null; pages++) {
            assertThat(pages).as("pages").isLessThan(200);
            EntityExchangeResult<byte[]> page = contract(path, get(token, next));
            assertThat(page.getStatus().value()).as(new String(page.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(page.getResponseHeaders().getFirst("GS1-EPCIS-Version")).isEqualTo("2.0.0");
            JsonNode document = JSON.readTree(page.getResponseBody());
            assertThat(document.get("type").asString()).isEqualTo("EPCISQueryDocument");
            document.at("/epcisBody/queryResults/resultsBody/eventList").forEach(events::add);
            String link = page.getResponseHeaders().getFirst(HttpHeaders.LINK);
            next = link == null ? null : link.substring(1, link.indexOf('>'));
            if (next != null) {
                assertThat(link).endsWith("; rel=\"next\"");
            }
        }
        return events;
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.get("eventID").asString()).toList();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The Liancheng events {@code test} selects, in event-time order. */
    private static List<String> expected(Predicate<EpcisEvent> test) {
        return LIANCHENG.entrySet().stream().filter(e -> test.test(e.getValue()))
                .sorted(java.util.Comparator.<Map.Entry<String, EpcisEvent>, java.time.Instant>comparing(
                        e -> e.getValue().common().eventTime()).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
    }

    private static boolean classIs(List<QuantityElement> list, String key) {
        return list.stream().map(QuantityElement::epcClass).map(Epc::key).anyMatch(key::equals);
    }

    /** The event as the importer reads it back from the answer. */
    private static EpcisEvent readBack(JsonNode event) {
        String document = "{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"], "
                + "\"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", \"creationDate\": \"2026-12-07T00:00:00Z\", "
                + "\"epcisBody\": {\"eventList\": [" + event + "]}}";
        try (EpcisReader reader = EpcisReader.of(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "answer.json",
                EpcisReader.Format.JSON)) {
            ReadEvent read = reader.next().orElseThrow();
            assertThat(read.problems()).as(event.toString()).isEmpty();
            return read.event().orElseThrow();
        }
    }

    @Test
    void aRegulatorPagesThroughTheEventsOfALotInTimeOrderEachOnceAsTheyWereCaptured() {
        List<JsonNode> events = all(regulator(), "MATCH_epcClass=" + encoded(LC2601) + "&perPage=4");

        List<String> expected = expected(e -> switch (e) {
            case ObjectEvent o -> classIs(o.quantityList(), LC2601_KEY);
            case AggregationEvent a -> classIs(a.childQuantityList(), LC2601_KEY);
            default -> false;
        });
        assertThat(expected).hasSizeGreaterThan(8);
        assertThat(ids(events)).as("each once").doesNotHaveDuplicates();
        assertThat(ids(events).stream().filter(LIANCHENG::containsKey).toList()).as("the demo's, in event-time order")
                .containsExactlyElementsOf(expected);
        events = events.stream().filter(e -> LIANCHENG.containsKey(e.get("eventID").asString())).toList(); // not other tests' captures
        assertThat(events).allSatisfy(event -> {
            EpcisEvent captured = LIANCHENG.get(event.get("eventID").asString());
            assertThat(EventHash.preHash(readBack(event))).as("as captured: %s", event).isEqualTo(EventHash.preHash(captured));
        });
        List<OffsetDateTime> times = events.stream().map(e -> OffsetDateTime.parse(e.get("eventTime").asString())).toList();
        assertThat(times).isSortedAccordingTo(OffsetDateTime.timeLineOrder());
    }

    @Test
    void filtersNarrowTheAnswerAsTheStandardSays() {
        String window = "GE_eventTime=" + encoded("2026-01-07T00:00:00+08:00") + "&LT_eventTime=" + encoded("2026-01-16T00:00:00Z");
        assertThat(ids(all(regulator(), window + "&EQ_bizLocation=" + encoded(PROCESSOR) + "&perPage=2")))
                .containsExactlyElementsOf(expected(e -> e.common().bizLocation().map(l -> l.id().key())
                        .equals(Optional.of(Epc.of(PROCESSOR).key())) && !e.common().eventTime().isBefore(java.time.Instant.parse(
                        "2026-01-06T16:00:00Z")) && e.common().eventTime().isBefore(java.time.Instant.parse("2026-01-16T00:00:00Z"))))
                .isNotEmpty();

        // A pattern of the packed product's GTIN: every unit of every lot, packed.
        assertThat(ids(all(regulator(), "eventType=AggregationEvent%7CTransactionEvent&EQ_bizStep=packing&EQ_action=ADD"
                + "&MATCH_epc=" + encoded("urn:epc:idpat:sgtin:9520011.000102.*"))))
                .containsExactlyElementsOf(expected(e -> e instanceof AggregationEvent a && a.common().bizStep().equals(Optional.of("packing"))
                        && a.childEpcs().stream().anyMatch(epc -> epc.key().startsWith("01/09520011001021/21/"))))
                .hasSizeGreaterThan(1);

        // Made from the raw lot: the transformation whose input class is it, in its URN and its Digital Link alike.
        List<String> madeFrom = expected(e -> e instanceof TransformationEvent t
                && classIs(t.inputQuantityList(), "01/09520011001014/10/LC2601R"));
        assertThat(madeFrom).hasSize(1);
        assertThat(ids(all(regulator(), "MATCH_inputEPCClass=" + encoded("urn:epc:class:lgtin:9520011.000101.LC2601R"))))
                .isEqualTo(madeFrom);
        assertThat(ids(all(regulator(), "MATCH_anyEPCClass=" + encoded("https://id.gs1.org/01/09520011001014/10/LC2601R")
                + "&eventType=TransformationEvent"))).isEqualTo(madeFrom);
        assertThat(all(regulator(), "MATCH_outputEPCClass=" + encoded("urn:epc:class:lgtin:9520011.000101.LC2601R"))).isEmpty();
    }

    /** The ids GraphQL's {@code events} gives {@code token} for the lot LC2601. */
    private List<String> graphQlEventsOfTheLot(String token) {
        return graphQlWith(token).document("{ events(first: 100, identifier: \"" + LC2601 + "\") { edges { node { eventId } } } }")
                .execute().path("events.edges[*].node.eventId").entityList(String.class).get();
    }

    @Test
    void eachCallerSeesWhatItsRoleMaySeeAsInGraphQl() {
        String query = "MATCH_anyEPCClass=" + encoded(LC2601);
        for (String token : List.of(regulator(), token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION), token(Role.ASSOCIATION,
                YONGJING_ASSOCIATION), token(Role.LOGISTICS, CARRIER), token(Role.ENTERPRISE, "9520011000024"))) {
            assertThat(ids(all(token, query))).as(token).isEqualTo(graphQlEventsOfTheLot(token));
        }
        assertThat(all(token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION), query)).isNotEmpty();
        assertThat(all(token(Role.ASSOCIATION, YONGJING_ASSOCIATION), query)).as("another association's lot").isEmpty();
        assertThat(all(token(Role.LOGISTICS, CARRIER), query)).isNotEmpty().hasSizeLessThan(all(regulator(), query).size());

        EntityExchangeResult<byte[]> anonymous = contract("/events", get(null, "/events?" + query));
        assertThat(anonymous.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(contract("/events", get(token(Role.PUBLIC, null), "/events")).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void oneEventByItsIdToWhoeverMaySeeIt() {
        String id = expected(e -> e instanceof TransformationEvent).getFirst();

        JsonNode document = JSON.readTree(contract("/events/{eventID}", get(regulator(), "/events/" + encoded(id))
                ).getResponseBody());
        assertThat(document.at("/epcisBody/queryResults/resultsBody/eventList")).singleElement()
                .satisfies(e -> assertThat(e.get("eventID").asString()).isEqualTo(id));

        EntityExchangeResult<byte[]> foreign = contract("/events/{eventID}", get(token(Role.ASSOCIATION, YONGJING_ASSOCIATION),
                "/events/" + encoded(id)));
        assertThat(foreign.getStatus()).as("another association's event is not there for it").isEqualTo(HttpStatus.NOT_FOUND);
        EntityExchangeResult<byte[]> missing = contract("/events/{eventID}", get(regulator(), "/events/" + encoded("urn:uuid:"
                + UUID.randomUUID())));
        assertThat(missing.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(missing.getResponseBody()).get("type").asString()).isEqualTo("epcisException:NoSuchNameException");
    }

    @Test
    void anEventCapturedWithoutAnIdIsFoundWhereItsCaptureSaid() {
        String event = """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "ObjectEvent",
                 "eventTime": "2030-02-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
                 "bizStep": "receiving", "readPoint": {"id": "urn:epc:id:sgln:9520999.00001.0"},
                 "epcList": ["urn:epc:id:sgtin:9520999.000001.Q-%s"]}""".formatted(UUID.randomUUID());
        String location = web.post().uri("/events").headers(h -> h.setBearerAuth(regulator())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(event).exchange().expectStatus().isCreated().returnResult(Void.class).getResponseHeaders()
                .getFirst(HttpHeaders.LOCATION);

        JsonNode answer = JSON.readTree(contract("/events/{eventID}", get(regulator(), location)).getResponseBody());

        JsonNode found = answer.at("/epcisBody/queryResults/resultsBody/eventList/0");
        assertThat(found.get("eventID").asString()).startsWith("ni:///sha-256;").endsWith("?ver=CBV2.0");
        assertThat(location).isEqualTo("/events/" + encoded(found.get("eventID").asString()));
        assertThat(found.get("recordTime")).as("the server's").isNotNull();
        assertThat(found.get("epcList").get(0).asString()).startsWith("https://id.gs1.org/01/").contains("/21/Q-");
    }

    @Test
    void aBadQueryIsRefusedNamingItsParameter() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("EQ_colour=red", "EQ_colour");
        refused.put("GE_eventTime=yesterday", "GE_eventTime");
        refused.put("EQ_action=MAKE", "EQ_action");
        refused.put("EQ_bizStep=flying", "EQ_bizStep");
        refused.put("MATCH_epc=not%20a%20uri", "MATCH_epc");
        refused.put("perPage=0", "perPage");
        refused.put("perPage=100000", "perPage");
        refused.put("nextPageToken=garbage", "nextPageToken");
        refused.put("orderBy=recordTime", "orderBy");
        refused.put("EXISTS_errorDeclaration=maybe", "EXISTS_errorDeclaration");
        refused.put("EQ_source_colour=" + encoded("urn:epc:id:pgln:9520011.00001"), "EQ_source_colour");
        refused.forEach((query, parameter) -> {
            EntityExchangeResult<byte[]> answer = contract("/events", get(regulator(), "/events?" + query));
            assertThat(answer.getStatus()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode problem = JSON.readTree(answer.getResponseBody());
            assertThat(problem.get("type").asString()).isEqualTo("epcisException:QueryParameterException");
            assertThat(problem.get("detail").asString()).as(query).startsWith(parameter + ": ");
        });

        // A token continues its own query only.
        String link = get(regulator(), "/events?eventType=ObjectEvent&perPage=1").expectStatus().isOk()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LINK);
        String token = link.substring(link.indexOf("nextPageToken=") + "nextPageToken=".length(), link.indexOf('>'));
        get(regulator(), "/events?eventType=ObjectEvent&perPage=1&nextPageToken=" + token).expectStatus().isOk();
        EntityExchangeResult<byte[]> other = contract("/events", get(regulator(), "/events?eventType=AggregationEvent&nextPageToken="
                + token));
        assertThat(other.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);

        EntityExchangeResult<byte[]> text = contract("/events", web.get().uri("/events").headers(h -> h.setBearerAuth(regulator()))
                .accept(MediaType.TEXT_PLAIN).exchange());
        assertThat(text.getStatus()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    }

    /** The event ids of an XML query document, in document order. */
    private static List<String> xmlIds(byte[] document) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.NodeList list = factory.newDocumentBuilder().parse(new ByteArrayInputStream(document))
                .getElementsByTagNameNS("", "eventID");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            ids.add(list.item(i).getTextContent());
        }
        return ids;
    }

    @Test
    void xmlWhenAskedTheSameEventsInTheSameOrderValidAgainstTheOfficialQuerySchema() throws Exception {
        String query = "MATCH_epcClass=" + encoded(LC2601) + "&perPage=4";
        List<JsonNode> jsonEvents = all(regulator(), query);
        List<String> json = ids(jsonEvents);
        List<String> xml = new ArrayList<>();
        int recordTimes = 0;
        String next = "/events?" + query;
        while (next != null) {
            String uri = next;
            EntityExchangeResult<byte[]> page = contract("/events", web.get().uri(URI.create(uri.startsWith("http") ? uri
                    : "http://localhost:" + port + uri)).headers(h -> h.setBearerAuth(regulator())).accept(MediaType.APPLICATION_XML)
                    .exchange());
            assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
            assertThat(page.getResponseHeaders().getContentType()).hasToString("application/xml");
            String body = new String(page.getResponseBody(), StandardCharsets.UTF_8);
            assertThat(body).contains("<epcisq:EPCISQueryDocument", "<queryName>SimpleEventQuery</queryName>");
            recordTimes += body.split("<recordTime>", -1).length - 1;
            xml.addAll(xmlIds(page.getResponseBody()));
            String link = page.getResponseHeaders().getFirst(HttpHeaders.LINK);
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        assertThat(xml).as("the JSON-LD answer's events, in its order").isEqualTo(json);
        assertThat(recordTimes).as("record times where the JSON-LD has them").isEqualTo((int) jsonEvents.stream()
                .filter(e -> e.has("recordTime")).count());

        String id = json.getFirst();
        EntityExchangeResult<byte[]> one = contract("/events/{eventID}", web.get().uri(URI.create("http://localhost:" + port
                + "/events/" + encoded(id))).headers(h -> h.setBearerAuth(regulator())).accept(MediaType.TEXT_XML).exchange());
        assertThat(xmlIds(one.getResponseBody())).containsExactly(id);

        // The client's order of preference decides; a resource that is JSON only stays JSON.
        EntityExchangeResult<byte[]> preferred = contract("/events/{eventID}", web.get().uri(URI.create("http://localhost:" + port
                + "/events/" + encoded(id))).headers(h -> {
                    h.setBearerAuth(regulator());
                    h.set(HttpHeaders.ACCEPT, "application/xml;q=0.5, application/json");
                }).exchange());
        assertThat(preferred.getResponseHeaders().getContentType()).hasToString("application/json");
        assertThat(contract("/eventTypes", web.get().uri("/eventTypes").headers(h -> h.setBearerAuth(regulator()))
                .accept(MediaType.APPLICATION_XML).exchange()).getStatus()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    }

    @Test
    void theFormsOfEpcsAndCbvValuesAsTheBindingsHeadersAsk() {
        String id = ids(all(regulator(), "MATCH_epcClass=" + encoded(LC2601) + "&EQ_bizStep=shipping&perPage=4")).getFirst();
        java.util.function.BiFunction<String, String, EntityExchangeResult<byte[]>> xml = (header, value) -> contract("/events/{eventID}",
                web.get().uri(URI.create("http://localhost:" + port + "/events/" + encoded(id))).headers(h -> {
                    h.setBearerAuth(regulator());
                    h.set(header, value);
                }).accept(MediaType.APPLICATION_XML).exchange());

        EntityExchangeResult<byte[]> webUris = xml.apply("GS1-CBV-XML-Format", "Always_Web_URI");
        assertThat(webUris.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(new String(webUris.getResponseBody(), StandardCharsets.UTF_8))
                .contains("<bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep>").doesNotContain("urn:epcglobal:cbv:");
        assertThat(webUris.getResponseHeaders().getFirst("GS1-CBV-XML-Format")).isEqualTo("Always_Web_URI");
        assertThat(webUris.getResponseHeaders().getFirst("GS1-EPC-Format")).isEqualTo("Always_GS1_Digital_Link");
        EntityExchangeResult<byte[]> urn = xml.apply("GS1-CBV-XML-Format", "Always_URN");
        assertThat(new String(urn.getResponseBody(), StandardCharsets.UTF_8)).contains("<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>");
        assertThat(urn.getResponseHeaders().getFirst("GS1-CBV-XML-Format")).isEqualTo("Always_URN");

        // What this repository cannot honour, or the binding does not define, is refused, saying what it answers in.
        EntityExchangeResult<byte[]> epcUrn = xml.apply("GS1-EPC-Format", "Always_EPC_URN");
        assertThat(epcUrn.getStatus()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        assertThat(JSON.readTree(epcUrn.getResponseBody()).get("detail").asString()).contains("GS1 Digital Links");
        assertThat(xml.apply("GS1-CBV-XML-Format", "Never_Translates").getStatus()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        EntityExchangeResult<byte[]> unknown = xml.apply("GS1-EPC-Format", "Always_Barcodes");
        assertThat(unknown.getStatus()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        assertThat(JSON.readTree(unknown.getResponseBody()).get("detail").asString()).startsWith("GS1-EPC-Format: \"Always_Barcodes\"");
        assertThat(xml.apply("GS1-EPC-Format", "No_Preference").getStatus()).isEqualTo(HttpStatus.OK);

        // JSON-LD answers keep CBV values bare whatever the XML header says.
        EntityExchangeResult<byte[]> json = contract("/events/{eventID}", web.get().uri(URI.create("http://localhost:" + port
                + "/events/" + encoded(id))).headers(h -> {
                    h.setBearerAuth(regulator());
                    h.set("GS1-CBV-XML-Format", "Never_Translates");
                }).exchange());
        assertThat(json.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(json.getResponseHeaders().getFirst("GS1-CBV-XML-Format")).isNull();
    }

    /** The members of the collection at {@code first}, page after page, each checked as the binding's {@code path} says. */
    private List<String> members(String token, String first, String path) {
        List<String> members = new ArrayList<>();
        String next = first;
        for (int pages = 0; next != null; pages++) {
            assertThat(pages).as("pages").isLessThan(500);
            EntityExchangeResult<byte[]> page = contract(path, get(token, next));
            assertThat(page.getStatus().value()).as(new String(page.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(200);
            JSON.readTree(page.getResponseBody()).get("member").forEach(m -> members.add(m.asString()));
            String link = page.getResponseHeaders().getFirst(HttpHeaders.LINK);
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        return members;
    }

    @Test
    void theTopLevelResourcesListTheirMembersAndEachMembersEventsAreAQueryOfThem() {
        String regulator = regulator();
        assertThat(members(regulator, "/eventTypes", "/eventTypes")).containsExactlyInAnyOrder("ObjectEvent", "AggregationEvent",
                "TransactionEvent", "TransformationEvent", "AssociationEvent");
        assertThat(members(regulator, "/bizSteps", "/bizSteps")).contains("shipping", "receiving", "creating_class_instance");
        assertThat(members(regulator, "/dispositions", "/dispositions")).contains("in_transit", "recalled");
        List<String> epcs = members(regulator, "/epcs?perPage=100", "/epcs");
        assertThat(epcs).doesNotHaveDuplicates().isSorted().contains("https://id.gs1.org/" + LC2601_KEY);
        assertThat(members(regulator, "/bizLocations?perPage=7", "/bizLocations")).doesNotHaveDuplicates()
                .contains("https://id.gs1.org/" + Epc.of(PROCESSOR).key());
        assertThat(members(regulator, "/readPoints?perPage=7", "/readPoints")).isNotEmpty().doesNotHaveDuplicates();
        assertThat(contract("/epcs", get(token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION), "/epcs")).getStatus())
                .as("every identifier is for regulators").isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(members(regulator, "/eventTypes/ObjectEvent", "/eventTypes/{eventType}")).containsExactly("events");
        assertThat(members(regulator, "/epcs/" + encoded(LC2601), "/epcs/{epc}")).containsExactly("events");
        assertThat(contract("/eventTypes/{eventType}", get(regulator, "/eventTypes/FlyingEvent")).getStatus())
                .isEqualTo(HttpStatus.NOT_FOUND);

        String pallet = "https://id.gs1.org/" + Epc.of("urn:epc:id:sscc:9520011.0000000001").key();
        Map<String, String> same = new LinkedHashMap<>();
        same.put("/epcs/" + encoded(LC2601) + "/events?perPage=5", "MATCH_anyEPCClass=" + encoded(LC2601));
        same.put("/epcs/" + encoded(pallet) + "/events", "MATCH_anyEPC=" + encoded(pallet));
        same.put("/bizLocations/" + encoded(PROCESSOR) + "/events?perPage=4", "EQ_bizLocation=" + encoded(PROCESSOR));
        same.put("/readPoints/" + encoded(PROCESSOR) + "/events?EQ_bizStep=packing", "EQ_readPoint=" + encoded(PROCESSOR)
                + "&EQ_bizStep=packing");
        same.put("/bizSteps/packing/events?perPage=2", "EQ_bizStep=packing");
        same.put("/dispositions/in_transit/events?perPage=50", "EQ_disposition=in_transit");
        same.put("/eventTypes/TransformationEvent/events?perPage=2&MATCH_inputEPCClass=" + encoded(LC2601.replace("000102.LC2601",
                "000101.LC2601R")), "eventType=TransformationEvent&MATCH_inputEPCClass=" + encoded(LC2601.replace("000102.LC2601",
                "000101.LC2601R")));
        same.forEach((resource, query) -> {
            String template = resource.substring(0, resource.indexOf('/', 1)) + switch (resource.substring(1, resource.indexOf('/', 1))) {
                case "epcs" -> "/{epc}";
                case "bizLocations" -> "/{bizLocation}";
                case "readPoints" -> "/{readPoint}";
                case "bizSteps" -> "/{bizStep}";
                case "dispositions" -> "/{disposition}";
                default -> "/{eventType}";
            } + "/events";
            assertThat(ids(all(regulator, resource, template))).as(resource).isNotEmpty().isEqualTo(ids(all(regulator, query)));
        });
        assertThat(contract("/bizSteps/{bizStep}/events", get(regulator, "/bizSteps/packing/events?EQ_bizStep=shipping"))
                .getStatus()).as("a parameter the path gives").isEqualTo(HttpStatus.BAD_REQUEST);
        for (String path : List.of("/eventTypes", "/eventTypes/{eventType}", "/eventTypes/{eventType}/events", "/epcs", "/epcs/{epc}",
                "/epcs/{epc}/events", "/bizSteps", "/bizLocations/{bizLocation}/events", "/readPoints", "/dispositions/{disposition}",
                "/events/{eventID}")) {
            String uri = path.replace("{eventType}", "ObjectEvent").replace("{epc}", encoded(LC2601)).replace("{bizLocation}",
                    encoded(PROCESSOR)).replace("{disposition}", "in_transit").replace("{eventID}", "urn:uuid:1");
            EntityExchangeResult<byte[]> options = web.options().uri(URI.create("http://localhost:" + port + uri)).exchange()
                    .expectBody().returnResult();
            OpenApiContract.epcis().check("options", path, options);
            assertThat(options.getStatus()).as(uri).isEqualTo(HttpStatus.NO_CONTENT);
        }
    }

    @Test
    void optionsSaysWhatTheEventsResourceTakes() {
        EntityExchangeResult<byte[]> options = web.options().uri("/events").exchange().expectBody().returnResult();
        OpenApiContract.epcis().check("options", "/events", options);
        assertThat(options.getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(options.getResponseHeaders().getFirst(HttpHeaders.ALLOW)).isEqualTo("OPTIONS, GET, POST");
        assertThat(options.getResponseHeaders().getFirst("GS1-EPCIS-Max")).isEqualTo("2.0.0");
        assertThat(options.getResponseHeaders().getFirst("GS1-EPC-Format")).isEqualTo("Always_GS1_Digital_Link");
    }
}
