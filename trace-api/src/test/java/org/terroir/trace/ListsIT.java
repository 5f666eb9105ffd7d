package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The lists as Relay cursor connections on the demo data: pages walked to the end, filters, refusals. */
class ListsIT extends DemoApiTestBase {

    private static final String LIANCHENG = "liancheng-dried-sweet-potato";

    /** Walks a list page by page ({@code first} each) and returns the keys in order. */
    private List<String> walk(String field, String arguments, String keyField, int first) {
        List<String> keys = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 50; pages++) {
            String args = "first: " + first + (after == null ? "" : ", after: \"" + after + "\"") + (arguments.isEmpty() ? "" : ", " + arguments);
            HttpGraphQlTester.Response page = graphQl.document("{ " + field + "(" + args + ") { totalCount edges { cursor node { "
                    + keyField + " } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }").execute();
            page.errors().verify();
            List<String> pageKeys = page.path(field + ".edges[*].node." + keyField).entityList(String.class).get();
            assertThat(pageKeys.size()).isLessThanOrEqualTo(first);
            keys.addAll(pageKeys);
            page.path(field + ".pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            boolean more = page.path(field + ".pageInfo.hasNextPage").entity(Boolean.class).get();
            long total = page.path(field + ".totalCount").entity(Long.class).get();
            if (!more) {
                assertThat(keys).as("every entry once, in key order").hasSize((int) total).doesNotHaveDuplicates().isSorted();
                return keys;
            }
            after = page.path(field + ".pageInfo.endCursor").entity(String.class).get();
            page.path(field + ".edges[" + (pageKeys.size() - 1) + "].cursor").entity(String.class).isEqualTo(after);
        }
        throw new AssertionError("more than 50 pages");
    }

    @Test
    void brandsArePagedToTheEndByCursor() {
        List<String> brands = walk("brands", "", "id", 4);
        assertThat(brands).hasSize(9).contains(LIANCHENG, "zhangjiachuan-halal-beef");
        assertThat(walk("brands", "region: \"350825\"", "id", 4)).containsExactly(LIANCHENG);
        assertThat(walk("brands", "kind: GI", "id", 100)).contains(LIANCHENG).isSubsetOf(brands);
    }

    @Test
    void associationsAndCooperativesFilterByBrandAndRegion() {
        assertThat(walk("associations", "", "gln", 5)).hasSize(9);
        assertThat(walk("associations", "brand: \"" + LIANCHENG + "\"", "gln", 5)).containsExactly("9520011000017");
        assertThat(walk("cooperatives", "brand: \"" + LIANCHENG + "\"", "gln", 5)).contains("9520011000024");
        assertThat(walk("cooperatives", "region: \"350825\"", "gln", 5)).contains("9520011000024")
                .allSatisfy(gln -> assertThat(gln).startsWith("95200110"));
    }

    @Test
    void producersArePagedByPseudonymAndFilterByBrandRegionAndCooperative() {
        List<String> liancheng = walk("producers", "brand: \"" + LIANCHENG + "\"", "pseudonym", 3);
        assertThat(liancheng).hasSizeGreaterThanOrEqualTo(4).allSatisfy(p -> assertThat(p).matches("P-[A-Z2-7]{12}"));
        assertThat(walk("producers", "region: \"350825\"", "pseudonym", 5)).containsAll(liancheng);
        assertThat(walk("producers", "brand: \"" + LIANCHENG + "\", cooperative: \"9520011000024\"", "pseudonym", 5))
                .isNotEmpty().isSubsetOf(liancheng);
        graphQl.document("{ producers(brand: \"" + LIANCHENG + "\", first: 1) { nodes { village { level } brands "
                        + "cooperatives { kind } } } }").execute()
                .path("producers.nodes[0].brands").entityList(String.class).contains(LIANCHENG);
    }

    @Test
    void regionsAndLocationsFilterByLevelKindAndRegion() {
        List<String> villages = walk("regions", "level: VILLAGE, within: \"350825\"", "code", 3);
        assertThat(villages).isNotEmpty().allSatisfy(code -> assertThat(code).hasSize(12).startsWith("350825"));
        List<String> countyStations = walk("locations", "kind: COUNTY_STATION", "key", 3);
        assertThat(countyStations).isNotEmpty();
        graphQl.document("{ locations(kind: COUNTY_STATION, first: 100) { nodes { kind } } }").execute()
                .path("locations.nodes[*].kind").entityList(String.class)
                .satisfies(kinds -> assertThat(kinds).hasSize(countyStations.size()).containsOnly("COUNTY_STATION"));
    }

    @Test
    void batchesOfABrandComeWithTheirTraceAndFilterByTimeAndCertification() {
        List<String> liancheng = walk("batches", "brand: \"" + LIANCHENG + "\"", "key", 2);
        assertThat(liancheng).contains("01/09520011001021/10/LC2601", "01/09520011001014/10/LC2601R")
                .allSatisfy(key -> assertThat(key).contains("/0952001100"));
        graphQl.document("{ batches(brand: \"" + LIANCHENG + "\", first: 1) { nodes { key product { nameEn } brand { id } "
                        + "inputs { key } } } }").execute()
                .path("batches.nodes[0].brand.id").entity(String.class).isEqualTo(LIANCHENG);
        assertThat(walk("batches", "brand: \"" + LIANCHENG + "\", certification: GI", "key", 10)).isEqualTo(liancheng);
        assertThat(walk("batches", "brand: \"" + LIANCHENG + "\", certification: HALAL", "key", 10)).isEmpty();
        assertThat(walk("batches", "brand: \"" + LIANCHENG + "\", from: \"2030-01-01T00:00:00+08:00\"", "key", 10)).isEmpty();
        assertThat(walk("batches", "brand: \"" + LIANCHENG + "\", from: \"2020-01-01T00:00:00+08:00\", until: \"2030-01-01T00:00:00+08:00\"",
                "key", 10)).isEqualTo(liancheng);
    }

    @Test
    void pageSizeCursorAndFiltersAreChecked() {
        assertBadArgument("{ brands(first: 101) { totalCount } }", "first", "a page holds 1 to 100 entries, got 101");
        assertBadArgument("{ brands(first: 0) { totalCount } }", "first", "a page holds 1 to 100 entries, got 0");
        assertBadArgument("{ brands(after: \"not-a-cursor\") { totalCount } }", "after", "is not a cursor of this API");
        assertBadArgument("{ locations(region: \"3508\") { totalCount } }", "region", "a region code is 6, 9 or 12 digits");
        assertBadArgument("{ batches(from: \"yesterday\") { totalCount } }", "from", "is not an ISO 8601 date-time");
    }

    private void assertBadArgument(String query, String argument, String message) {
        graphQl.document(query).execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(error.getExtensions()).containsEntry("argument", argument);
            assertThat(error.getMessage()).contains(message);
        }));
    }
}
