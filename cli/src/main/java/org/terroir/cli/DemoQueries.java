package org.terroir.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The example queries {@code terroir demo} prints: they run against the demo data as they stand. */
final class DemoQueries {

    /** The Liancheng dried sweet potato lot of the demo: four households, a drying step, five hops. */
    static final String TRACE = """
            {
              trace(gtin: "09520011001021", lot: "LC2601") {
                product { nameEn nameZh }
                brand { nameEn giRegistration owner { nameEn } }
                origin { level nameEn }
                inputs { key producers { pseudonym registeredPoor quantity unit cooperative { nameEn } } }
                journey { from { kind nameEn } to { kind nameEn } departed arrived carrier { nameEn } }
              }
            }""";

    private DemoQueries() {}

    /** The queries, for GraphiQL and for curl. */
    static List<String> queries(List<String> labels) {
        List<String> queries = new ArrayList<>();
        queries.add(TRACE);
        String link = labels.isEmpty() ? "https://" + DemoPki.HOST + "/01/09520011001021/21/LC2601-0001" : labels.getFirst();
        queries.add("""
                {
                  traceLink(uri: "%s") {
                    ... on ItemTrace { serial batch { key product { nameEn } } journey { to { nameEn } arrived } }
                  }
                }""".formatted(link));
        queries.add("""
                {
                  traceItem(gtin: "09520021001028", serial: "ZJ2601-0001") {
                    key batch { lot brand { nameEn } inputs { key producers { pseudonym } } journey { to { kind nameEn } } }
                  }
                }""");
        return queries;
    }

    static void print(URI graphQl, List<String> labels, PrintWriter out) {
        List<String> queries = queries(labels);
        URI graphiql = graphQl.resolve("/graphiql");
        out.printf("%nThree example queries: paste one into GraphiQL (%s) and press the run button,%n", graphiql);
        out.println("or POST it to the API with curl as shown under the first.");
        for (int i = 0; i < queries.size(); i++) {
            out.printf("%n# %d%n%s%n", i + 1, queries.get(i));
        }
        out.printf("%ncurl -s %s -H 'Content-Type: application/json' \\%n  -d '{\"query\": \"{ trace(gtin: \\\"09520011001021\\\", lot: \\\"LC2601\\\") { product { nameEn } journey { to { nameEn } } } }\"}'%n%n",
                graphQl);
    }
}
