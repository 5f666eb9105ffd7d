package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.trace.access.Role;

/**
 * The EPCIS event queries and the carrier's view on the demo data: by identifier, step, location,
 * type and time window, paged to the end in time order; what each role sees of them.
 */
class EventsIT extends DemoApiTestBase {

    /** The packed Liancheng lot LC2601 as an EPC class URN, and its key. */
    private static final String LC2601 = "urn:epc:class:lgtin:9520011.000102.LC2601";
    private static final String LC2601_KEY = "01/09520011001021/10/LC2601";
    private static final String LC2601R_KEY = "01/09520011001014/10/LC2601R";
    /** The carrier's hub the Liancheng lots pass through. */
    private static final String HUB = "urn:epc:id:sgln:9520099.10001.0";

    private static final String EVENT_FIELDS = """
            eventId type action bizStep eventTime
            bizLocation { key kind } readPoint { key }
            objectCount objects { role kind key digitalLink }
            parties { role type party { gln kind } }
            errorDeclaration { declarationTime reason correctiveEventIds }""";

    private HttpGraphQlTester regulator() {
        return graphQlWith(token(Role.REGULATOR, null));
    }

    private static final String HOP_FIELDS = """
            hop { id departed from { kind } to { kind } carrier { gln } } movedCount moved { role kind key }""";

    /**
     * The entries of connection {@code field} that {@code arguments} select, walked page by page
     * ({@code first} each) by {@code tester}, each node's {@code selection} as a map; checks the cursors
     * and {@code hasPreviousPage} on the way.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> walk(HttpGraphQlTester tester, String field, String selection, String arguments,
                                                  int first) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 100; pages++) {
            String args = "first: " + first + (after == null ? "" : ", after: \"" + after + "\"")
                    + (arguments.isEmpty() ? "" : ", " + arguments);
            HttpGraphQlTester.Response page = tester.document("{ " + field + "(" + args + ") { edges { cursor node { " + selection
                    + " } } pageInfo { hasNextPage hasPreviousPage endCursor } } }").execute();
            page.errors().verify();
            List<Map<String, Object>> edges = page.path(field + ".edges").entityList(Map.class).get().stream()
                    .map(edge -> (Map<String, Object>) edge).toList();
            assertThat(edges.size()).isLessThanOrEqualTo(first);
            edges.forEach(edge -> nodes.add((Map<String, Object>) edge.get("node")));
            page.path(field + ".pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            if (!page.path(field + ".pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return nodes;
            }
            after = page.path(field + ".pageInfo.endCursor").entity(String.class).get();
            assertThat(edges.getLast().get("cursor")).isEqualTo(after);
        }
        throw new AssertionError("more than 100 pages");
    }

    private static List<Map<String, Object>> walk(HttpGraphQlTester tester, String arguments, int first) {
        return walk(tester, "events", EVENT_FIELDS, arguments, first);
    }

    private static List<Map<String, Object>> walkHops(HttpGraphQlTester tester, String arguments, int first) {
        return walk(tester, "carriedHops", HOP_FIELDS, arguments, first);
    }

    private static List<String> ids(List<Map<String, Object>> events) {
        return events.stream().map(e -> (String) e.get("eventId")).toList();
    }

    private static List<OffsetDateTime> times(List<Map<String, Object>> events) {
        return events.stream().map(e -> OffsetDateTime.parse((String) e.get("eventTime"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> objectKeys(Map<String, Object> event) {
        return ((List<Map<String, Object>>) event.get("objects")).stream().map(o -> (String) o.get("key")).toList();
    }

    @Test
    void theEventsOfALotComeInTimeOrderWhicheverFormNamesIt() {
        List<Map<String, Object>> events = walk(regulator(), "identifier: \"" + LC2601 + "\"", 100);
        assertThat(events).hasSizeGreaterThanOrEqualTo(11).allSatisfy(e -> assertThat(objectKeys(e)).contains(LC2601_KEY));
        assertThat(times(events)).isSortedAccordingTo(OffsetDateTime.timeLineOrder());
        assertThat(events).extracting(e -> e.get("bizStep")).contains("shipping", "receiving");
        assertThat(events).as("no error declaration names an event of this lot (the demo's one names LC2603's)").allSatisfy(e -> assertThat(e).containsEntry("errorDeclaration", null));
        assertThat(ids(walk(regulator(), "identifier: \"https://id.example.cn/01/09520011001021/10/LC2601\"", 100)))
                .as("the same lot by its Digital Link").isEqualTo(ids(events));
        assertThat(ids(walk(regulator(), "identifier: \"" + LC2601 + "\"", 2)))
                .as("two at a time, to the end, each once").isEqualTo(ids(events));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTransformationShowsItsInputAndOutput() {
        List<Map<String, Object>> events = walk(regulator(), "identifier: \"" + LC2601 + "\", type: TRANSFORMATION_EVENT", 10);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.get("action")).isNull();
            assertThat((List<Map<String, Object>>) event.get("objects"))
                    .extracting(o -> o.get("role") + " " + o.get("kind") + " " + o.get("key"))
                    .contains("INPUT BATCH " + LC2601R_KEY, "OUTPUT BATCH " + LC2601_KEY);
            assertThat((List<Map<String, Object>>) event.get("objects")).extracting(o -> o.get("digitalLink"))
                    .contains("https://id.gs1.org/" + LC2601_KEY);
        });
    }

    @Test
    void stepLocationAndTimeWindowNarrowTheEvents() {
        List<Map<String, Object>> shipping = walk(regulator(), "identifier: \"" + LC2601
                + "\", bizStep: \"urn:epcglobal:cbv:bizstep:shipping\"", 100);
        assertThat(shipping).hasSize(5).allSatisfy(e -> assertThat(e.get("bizStep")).isEqualTo("shipping"));

        String hub = EpcIdentifier.parse(HUB).key();
        List<Map<String, Object>> atHub = walk(regulator(), "location: \"" + HUB + "\", from: \"2026-01-01T00:00:00+08:00\", "
                + "until: \"2026-02-01T00:00:00+08:00\"", 20);
        assertThat(atHub).isNotEmpty().allSatisfy(e -> assertThat(List.of(String.valueOf(e.get("bizLocation")),
                String.valueOf(e.get("readPoint")))).anySatisfy(place -> assertThat(place).contains(hub)));
        assertThat(atHub).filteredOn(e -> objectKeys(e).contains(LC2601_KEY)).extracting(e -> e.get("bizStep"))
                .as("LC2601 was received at the hub, then shipped from it").containsExactly("receiving", "shipping");
        assertThat(times(atHub)).isSortedAccordingTo(OffsetDateTime.timeLineOrder());

        List<Map<String, Object>> onTheEighth = walk(regulator(), "identifier: \"" + LC2601
                + "\", from: \"2026-01-08T00:00:00+08:00\", until: \"2026-01-09T00:00:00+08:00\"", 100);
        assertThat(times(onTheEighth)).isNotEmpty().allSatisfy(time -> assertThat(time)
                .isBetween(OffsetDateTime.parse("2026-01-08T00:00:00+08:00"), OffsetDateTime.parse("2026-01-08T23:59:59+08:00")));

        List<Map<String, Object>> all = walk(regulator(), "from: \"2026-01-07T00:00:00+08:00\", until: \"2026-01-09T00:00:00+08:00\"", 7);
        assertThat(all).as("every event of two days, along the time index").isNotEmpty();
        assertThat(times(all)).isSortedAccordingTo(OffsetDateTime.timeLineOrder());
        assertThat(ids(all)).doesNotHaveDuplicates().containsAll(ids(onTheEighth));
    }

    @Test
    void anAssociationSeesTheEventsOfItsOwnBrandsGoods() {
        HttpGraphQlTester liancheng = graphQlWith(token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION));
        assertThat(ids(walk(liancheng, "identifier: \"" + LC2601 + "\"", 100)))
                .isEqualTo(ids(walk(regulator(), "identifier: \"" + LC2601 + "\"", 100)));
        HttpGraphQlTester yongjing = graphQlWith(token(Role.ASSOCIATION, YONGJING_ASSOCIATION));
        assertThat(walk(yongjing, "identifier: \"" + LC2601 + "\"", 100)).as("another brand's lot").isEmpty();
        List<Map<String, Object>> own = walk(yongjing, "", 100);
        assertThat(own).isNotEmpty().allSatisfy(e -> assertThat(objectKeys(e))
                .noneSatisfy(key -> assertThat(key).contains("/095200110")));
    }

    @Test
    void aCarrierSeesTheEventsOfTheHopsItCarried() {
        List<Map<String, Object>> carried = walk(graphQlWith(token(Role.LOGISTICS, CARRIER)), "identifier: \"" + LC2601 + "\"", 100);
        List<Map<String, Object>> every = walk(regulator(), "identifier: \"" + LC2601 + "\"", 100);
        assertThat(carried).isNotEmpty().hasSizeLessThan(every.size())
                .allSatisfy(e -> assertThat(e.get("bizStep")).isIn("shipping", "receiving"));
        assertThat(ids(every)).containsAll(ids(carried));
    }

    @Test
    void theCooperativeSeesWhatHappenedAtItsPlacesAndToItsGoodsAndAStationWhatHappenedThere() {
        List<Map<String, Object>> every = walk(regulator(), "identifier: \"" + LC2601 + "\"", 100);
        List<Map<String, Object>> cooperative = walk(graphQlWith(token(Role.ENTERPRISE, "9520011000024")),
                "identifier: \"" + LC2601 + "\"", 100);
        assertThat(ids(cooperative)).as("LC2601 was packed at its workshop: its whole journey").isEqualTo(ids(every));
        assertThat(walk(graphQlWith(token(Role.ENTERPRISE, "9520021000021")), "identifier: \"" + LC2601 + "\"", 100))
                .as("another cooperative").isEmpty();

        String station = "9520090011010";
        List<Map<String, Object>> atStation = walk(graphQlWith(token(Role.STATION, station)), "identifier: \"" + LC2601 + "\"", 100);
        assertThat(atStation).isNotEmpty().hasSizeLessThan(every.size()).allSatisfy(e -> assertThat(List.of(
                String.valueOf(e.get("bizLocation")), String.valueOf(e.get("readPoint"))))
                .anySatisfy(place -> assertThat(place).contains("414/" + station)));
    }

    @Test
    void thePublicIsRefusedTheEventQueries() {
        for (HttpGraphQlTester tester : List.of(graphQl, graphQlWith(token(Role.PUBLIC, null)))) {
            tester.document("{ events(identifier: \"" + LC2601 + "\") { nodes { eventId } } }").execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                        assertThat(error.getMessage()).contains("Query.events is for regulators");
                    }));
        }
    }

    @Test
    void wrongArgumentsAreBadRequestsNamingTheArgument() {
        Map<String, String> wrong = Map.of(
                "identifier: \"" + HUB + "\"", "identifier",
                "identifier: \"LC2601\"", "identifier",
                "bizStep: \"not a step\"", "bizStep",
                "location: \"12345\"", "location",
                "location: \"" + LC2601 + "\"", "location",
                "from: \"yesterday\"", "from",
                "after: \"djE6YnJhbmQ\"", "after",
                "first: 101", "first");
        wrong.forEach((arguments, argument) -> regulator().document("{ events(" + arguments + ") { nodes { eventId } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).as(arguments).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getExtensions()).containsEntry("argument", argument);
                })));
    }

    // --- the carrier's hops

    @Test
    @SuppressWarnings("unchecked")
    void aCarrierListsItsOwnHopsWithWhatEachMoved() {
        HttpGraphQlTester carrier = graphQlWith(token(Role.LOGISTICS, CARRIER));
        List<Map<String, Object>> hops = walkHops(carrier, "", 100);
        assertThat(hops).isNotEmpty().allSatisfy(h -> assertThat(((Map<String, Object>) ((Map<String, Object>) h.get("hop"))
                .get("carrier")).get("gln")).isEqualTo(CARRIER));
        assertThat(hops).extracting(h -> OffsetDateTime.parse((String) ((Map<String, Object>) h.get("hop")).get("departed")))
                .isSortedAccordingTo(OffsetDateTime.timeLineOrder());
        assertThat(hops).flatExtracting(h -> ((List<Map<String, Object>>) h.get("moved")).stream()
                .map(o -> o.get("role") + " " + o.get("kind") + " " + o.get("key")).toList())
                .contains("MOVED BATCH " + LC2601_KEY);
        assertThat(walkHops(carrier, "", 3)).as("three at a time, to the end").isEqualTo(hops);
        assertThat(walkHops(regulator(), "carrier: \"" + CARRIER + "\"", 100)).as("what a regulator sees of it").isEqualTo(hops);
        assertThat(walkHops(carrier, "from: \"2030-01-01T00:00:00+08:00\"", 10)).isEmpty();
    }

    @Test
    void nobodyElseListsACarriersHops() {
        String query = "{ carriedHops(carrier: \"" + CARRIER + "\") { nodes { hop { id } } } }";
        for (HttpGraphQlTester tester : List.of(graphQl, graphQlWith(token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION)),
                graphQlWith(token(Role.LOGISTICS, "9520011000024")))) {
            tester.document(query).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                    .extracting(ResponseError::getErrorType).isEqualTo(ErrorType.FORBIDDEN));
        }
        regulator().document("{ carriedHops { nodes { hop { id } } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getExtensions()).containsEntry("argument", "carrier");
                }));
    }
}
