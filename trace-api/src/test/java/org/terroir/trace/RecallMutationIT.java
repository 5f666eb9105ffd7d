package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.terroir.trace.access.Role;

/**
 * A regulator marks a batch recalled; nobody else can; the batch and every batch made from it show
 * the recall wherever a query reaches them. Writes to the shared demo graph: only Jizhou's raw
 * chestnut lot JZ2601R, which no other test asks about.
 */
class RecallMutationIT extends DemoApiTestBase {

    private static final String RAW_GTIN = "09520041001015";
    private static final String RAW_LOT = "JZ2601R";
    private static final String RAW_KEY = "01/" + RAW_GTIN + "/10/" + RAW_LOT;

    private static final String MARK = """
            mutation mark($gtin: String!, $lot: String!, $reason: String!) {
              markRecalled(gtin: $gtin, lot: $lot, reason: $reason) { id recalledBatch reason recalledAt }
            }""";

    private static final String STATUS = """
            query status($gtin: String!, $lot: String!) {
              trace(gtin: $gtin, lot: $lot) { key recall { recalled notices { id recalledBatch reason recalledAt } } }
              recall(gtin: $gtin, lot: $lot) { batches { nodes { key recall { recalled notices { recalledBatch reason } } } } }
              other: trace(gtin: "09520011001021", lot: "LC2601") { recall { recalled notices { id } } }
            }""";

    private HttpGraphQlTester.Response mark(HttpGraphQlTester tester, String gtin, String lot, String reason) {
        return tester.document(MARK).variable("gtin", gtin).variable("lot", lot).variable("reason", reason).execute();
    }

    private HttpGraphQlTester.Response status() {
        return graphQl.document(STATUS).variable("gtin", RAW_GTIN).variable("lot", RAW_LOT).execute();
    }

    @Test
    void onlyARegulatorMarksARecallAndEverythingMadeFromTheBatchShowsIt() {
        status().path("trace.recall.recalled").entity(Boolean.class).isEqualTo(false);

        for (String token : new String[] {null, token(Role.PUBLIC, null), token(Role.ASSOCIATION, "9520041000018"),
                token(Role.LOGISTICS, "9520099000015")}) {
            mark(token == null ? graphQl : graphQlWith(token), RAW_GTIN, RAW_LOT, "try")
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN");
                        assertThat(error.getMessage()).startsWith("only a regulator may mark a batch recalled");
                    }))
                    .path("markRecalled").valueIsNull();
        }
        status().path("trace.recall.recalled").entity(Boolean.class).isEqualTo(false);

        String reason = "Aflatoxin above the limit in lab sample 2026-118";
        var marked = mark(graphQlWith(token(Role.REGULATOR, null)), RAW_GTIN, RAW_LOT, reason);
        marked.errors().verify();
        String id = marked.path("markRecalled.id").entity(String.class).get();
        marked.path("markRecalled.recalledBatch").entity(String.class).isEqualTo(RAW_KEY);
        marked.path("markRecalled.reason").entity(String.class).isEqualTo(reason);

        var after = status();
        after.errors().verify();
        after.path("trace.recall.recalled").entity(Boolean.class).isEqualTo(true);
        after.path("trace.recall.notices[*].id").entityList(String.class).containsExactly(id);
        List<String> reached = after.path("recall.batches.nodes[*].key").entityList(String.class).get();
        assertThat(reached).as("the packed lots made from the raw lot").isNotEmpty().doesNotContain(RAW_KEY);
        after.path("recall.batches.nodes[*].recall.recalled").entityList(Boolean.class)
                .satisfies(flags -> assertThat(flags).hasSize(reached.size()).containsOnly(true));
        after.path("recall.batches.nodes[0].recall.notices[0].recalledBatch").entity(String.class).isEqualTo(RAW_KEY);
        after.path("recall.batches.nodes[0].recall.notices[0].reason").entity(String.class).isEqualTo(reason);
        after.path("other.recall.recalled").entity(Boolean.class).isEqualTo(false);
        after.path("other.recall.notices").entityList(Object.class).hasSize(0);
    }

    @Test
    void aBlankReasonOrAnUnknownBatchWritesNothing() {
        HttpGraphQlTester regulator = graphQlWith(token(Role.REGULATOR, null));
        mark(regulator, "09520011001014", "LC2602R", "   ").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getExtensions()).containsEntry("argument", "reason");
                }));
        mark(regulator, "09520011001014", "NO-SUCH-LOT", "x").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND");
                    assertThat(error.getMessage()).isEqualTo("no batch 01/09520011001014/10/NO-SUCH-LOT in the graph: nothing recalled");
                }));
        graphQl.document("{ trace(gtin: \"09520011001014\", lot: \"LC2602R\") { recall { recalled } } }").execute()
                .path("trace.recall.recalled").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void aReasonWithANulOrABidiOverrideIsRefusedAndWritesNothing() {
        HttpGraphQlTester regulator = graphQlWith(token(Role.REGULATOR, null));
        for (String reason : List.of("Aflatoxin\u0000 above the limit", "Lab sample \u202Egnissim\u202C found", "\u2066isolated\u2069")) {
            mark(regulator, "09520011001014", "LC2602R", reason).errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(error -> {
                        assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(error.getExtensions()).containsEntry("argument", "reason");
                        assertThat(error.getMessage()).containsPattern("U\\+(0000|202E|2066)");
                    }));
        }
        graphQl.document("{ trace(gtin: \"09520011001014\", lot: \"LC2602R\") { recall { recalled } } }").execute()
                .path("trace.recall.recalled").entity(Boolean.class).isEqualTo(false);
    }
}
