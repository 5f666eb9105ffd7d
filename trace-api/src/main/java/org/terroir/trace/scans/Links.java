package org.terroir.trace.scans;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The links the resolver offers for one scanned link, by link type, and the linkset (RFC 9264,
 * JSON) that lists them. Every target is served by this API: the provenance page (product
 * information, certifications) and GET requests of its GraphQL endpoint (traceability,
 * verification), all absolute, on {@code base}.
 */
final class Links {

    /** The languages the provenance page is written in. */
    static final List<String> PAGE_LANGUAGES = List.of("zh-CN", "en");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String TRACE_QUERY = """
            query trace($uri: String!) { traceLink(uri: $uri) { __typename ... on BatchTrace { ...batch } \
            ... on ItemTrace { gtin serial journey { ...hop } batch { ...batch } } } } \
            fragment batch on BatchTrace { gtin lot product { gtin nameZh nameEn } brand { nameZh nameEn giRegistration } \
            origin { code level nameZh nameEn } certifications { kind number issuer validUntil } \
            producers { pseudonym quantity unit } inputs { gtin lot } journey { ...hop } recall { recalled } } \
            fragment hop on Hop { from { nameZh nameEn kind } to { nameZh nameEn kind } departed arrived carrier { nameZh nameEn } }""";

    private static final String VERIFY_QUERY = """
            query verify($uri: String!) { verifyLabel(uri: $uri) { genuine problem detail signer brand } }""";

    /** One link: its target, a title, the target's media type and languages. */
    record Link(String href, String title, String type, List<String> hreflang) {}

    private final String anchor;
    private final String description;
    private final Map<LinkType, Link> links;

    private Links(String anchor, String description, Map<LinkType, Link> links) {
        this.anchor = anchor;
        this.description = description;
        this.links = links;
    }

    /**
     * The links of a checked link.
     *
     * @param check        the link and what the graph holds of it
     * @param base         the resolver's root, e.g. {@code https://id.example.cn}
     * @param path         the request's path ({@code /01/…}), as sent
     * @param query        the request's query without {@code linkType}, as sent (empty for none)
     * @param verification whether labels can be verified (a trust list is configured)
     */
    static Links of(LinkCheck check, String base, String path, String query, boolean verification) {
        String page = base + "/provenance" + path + (query.isEmpty() ? "" : "?" + query);
        String name = check.product() == null ? "GTIN " + check.link().gtin().value()
                : check.product().nameEn() != null ? check.product().nameEn() : check.product().nameZh();
        Map<LinkType, Link> links = new LinkedHashMap<>();
        Link pip = new Link(page, "Provenance and authenticity of " + name, "text/html", PAGE_LANGUAGES);
        links.put(LinkType.DEFAULT_LINK, pip);
        links.put(LinkType.PIP, pip);
        if (check.certified()) {
            links.put(LinkType.CERTIFICATION_INFO, new Link(page + "#certifications", "Certifications of " + name + " (GI, green food, organic, halal)",
                    "text/html", PAGE_LANGUAGES));
        }
        String uri = check.link().withBase(base).toUri();
        if (check.batchKnown() || check.itemKnown()) {
            links.put(LinkType.TRACEABILITY, new Link(graphQl(base, TRACE_QUERY, uri),
                    "Traceability of " + name + ": origin, producers by pseudonym, inputs and journey (GraphQL)",
                    "application/graphql-response+json", List.of("en")));
        }
        if (check.link().serial().isPresent() && verification) {
            links.put(LinkType.VERIFICATION_SERVICE, new Link(graphQl(base, VERIFY_QUERY, check.uri()),
                    "Whether this label's signature is genuine, against the trust list (GraphQL)",
                    "application/graphql-response+json", List.of("en")));
        }
        return new Links(uri, name, links);
    }

    private static String graphQl(String base, String query, String uri) {
        return base + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&variables=" + URLEncoder.encode(JSON.writeValueAsString(Map.of("uri", uri)), StandardCharsets.UTF_8);
    }

    /** The canonical Digital Link of what was scanned, on the resolver's root: the linkset's anchor. */
    String anchor() {
        return anchor;
    }

    /** The target of a link type, or of the default link when this link has none of that type. */
    Link target(LinkType type) {
        return links.getOrDefault(type, links.get(LinkType.DEFAULT_LINK));
    }

    /** The linkset (RFC 9264 JSON, as GS1-conformant resolvers return it): one context, its links by relation IRI. */
    Map<String, Object> linkset() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("anchor", anchor);
        context.put("description", description);
        links.forEach((type, link) -> {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("href", link.href());
            target.put("title", link.title());
            target.put("type", link.type());
            target.put("hreflang", link.hreflang());
            context.put(type.iri(), new ArrayList<>(List.of(target)));
        });
        return Map.of("linkset", List.of(context));
    }
}
