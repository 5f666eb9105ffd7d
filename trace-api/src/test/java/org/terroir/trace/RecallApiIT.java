package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.terroir.trace.access.Role;

/** The recall query over HTTP, against the demo data in a real Neo4j. */
class RecallApiIT extends DemoApiTestBase {

    private static final String RECALL = """
            query recall($gtin: String!, $lot: String!) {
              recall(gtin: $gtin, lot: $lot) {
                batch { key product { nameEn } }
                batches { totalCount nodes { key lot product { nameEn } brand { id } } }
                items { totalCount nodes { key serial } }
                containers { totalCount nodes { sscc } }
                locations { totalCount nodes { key kind nameEn } }
                parties { totalCount nodes { gln kind nameEn } }
              }
            }
            """;

    /** As a regulator, who reads the serials a recall reaches. */
    private HttpGraphQlTester.Response recall(String gtin, String lot) {
        return graphQlWith(token(Role.REGULATOR, null)).document(RECALL).variable("gtin", gtin).variable("lot", lot).execute();
    }

    @Test
    void aRecallOfTheRawLianchengLotReachesThePackedLotMadeFromItItsItemsAndTheirJourney() {
        var response = recall("09520011001014", "LC2601R");
        response.errors().verify();

        response.path("recall.batch.key").entity(String.class).isEqualTo("01/09520011001014/10/LC2601R");
        response.path("recall.batches.nodes[*].key").entityList(String.class)
                .contains("01/09520011001021/10/LC2601");
        response.path("recall.batches.nodes[0].product.nameEn").entity(String.class)
                .isEqualTo("Liancheng dried sweet potato, 500 g");
        int batches = response.path("recall.batches.totalCount").entity(Integer.class).get();
        assertThat(response.path("recall.batches.nodes").entityList(Object.class).get()).hasSize(batches);

        List<String> serials = response.path("recall.items.nodes[*].serial").entityList(String.class).get();
        assertThat(serials).contains("LC2601-0001").allMatch(s -> s.startsWith("LC2601-"));
        assertThat(response.path("recall.items.totalCount").entity(Integer.class).get()).isEqualTo(serials.size());

        List<String> places = response.path("recall.locations.nodes[*].nameEn").entityList(String.class).get();
        assertThat(places).contains("Xiwei Village e-commerce service station", "Beituan Town e-commerce station",
                "Liancheng County E-commerce Operation Centre", "Longyan mail processing centre", "Pudong pick-up point, Shanghai");
        List<String> kinds = response.path("recall.parties.nodes[*].kind").entityList(String.class).get();
        assertThat(kinds).contains("CARRIER");
    }

    @Test
    void aRecallOfThePackedLotReachesItsItemsButNoOtherBatch() {
        var response = recall("09520011001021", "LC2601");
        response.errors().verify();
        response.path("recall.batches.totalCount").entity(Integer.class).isEqualTo(0);
        response.path("recall.items.nodes[*].serial").entityList(String.class).contains("LC2601-0001");
    }

    @Test
    void anUnknownLotIsNullAndABadGtinIsAnErrorNamingIt() {
        recall("09520011001014", "NO-SUCH-LOT").path("recall").valueIsNull();
        recall("09520011001015", "LC2601R").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith("argument gtin:");
                    assertThat(e.getExtensions()).containsEntry("argument", "gtin");
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                }));
    }

    @Test
    void thePublicViewCountsTheSerialsButDoesNotListThem() {
        var response = graphQl.document(RECALL).variable("gtin", "09520011001014").variable("lot", "LC2601R").execute();
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN");
            assertThat(error.getPath()).isEqualTo("recall.items.nodes");
        }));
        response.path("recall.items.nodes").valueIsNull();
        assertThat(response.path("recall.items.totalCount").entity(Integer.class).get()).isPositive();
        response.path("recall.batches.nodes[*].key").entityList(String.class).contains("01/09520011001021/10/LC2601");
        for (Role role : List.of(Role.ASSOCIATION, Role.LOGISTICS)) {
            var allowed = graphQlWith(token(role, role == Role.ASSOCIATION ? LIANCHENG_ASSOCIATION : CARRIER))
                    .document(RECALL).variable("gtin", "09520011001014").variable("lot", "LC2601R").execute();
            allowed.errors().verify();
            allowed.path("recall.items.nodes[*].serial").entityList(String.class).contains("LC2601-0001");
        }
    }
}
