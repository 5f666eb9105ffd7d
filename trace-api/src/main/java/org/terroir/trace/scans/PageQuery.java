package org.terroir.trace.scans;

/**
 * The one GraphQL question a provenance page asks, run as the public: the trace of the label's
 * Digital Link with what the page shows. Public so that the benchmark asks the same question over
 * HTTP beside the page.
 */
public final class PageQuery {

    public static final String TEXT = """
            query page($uri: String!) {
              traceLink(uri: $uri) {
                __typename
                ... on BatchTrace { ...batch }
                ... on ItemTrace { serial journey { ...hop } batch { ...batch } }
              }
            }
            fragment batch on BatchTrace {
              gtin lot
              product { nameZh nameEn }
              brand { kind nameZh nameEn giRegistration storyZh storyEn owner { nameZh nameEn } }
              producedAt { nameZh nameEn }
              origin { level nameZh nameEn }
              certifications { kind number issuer validUntil }
              producers { pseudonym quantity unit cooperative { nameZh nameEn } }
              inputs { product { nameZh nameEn } origin { level nameZh nameEn } producers { pseudonym quantity unit cooperative { nameZh nameEn } } }
              journey { ...hop }
              recall { recalled notices { reason recalledAt } }
            }
            fragment hop on Hop {
              from { nameZh nameEn kind } to { nameZh nameEn kind }
              departed arrived durationMinutes carrier { nameZh nameEn }
            }""";

    private PageQuery() {}
}
