package org.terroir.trace.scans;

import java.util.Locale;
import java.util.Optional;

/**
 * The GS1 link types the resolver offers for a product, lot or unit, from the GS1 Web
 * Vocabulary. A request names one as a CURIE ({@code gs1:pip}) or as its IRI in any of the
 * vocabulary's spellings ({@code https://gs1.org/voc/pip}, {@code https://ref.gs1.org/voc/pip}, …).
 */
enum LinkType {

    /** The link a request without a link type is sent to: here the provenance page. */
    DEFAULT_LINK("defaultLink"),
    /** Product information page: the provenance page. */
    PIP("pip"),
    /** Traceability information: the trace in the GraphQL API (public view). */
    TRACEABILITY("traceability"),
    /** Certification information: the certifications on the provenance page. */
    CERTIFICATION_INFO("certificationInfo"),
    /** Verification service: the label's signature checked against the trust list, in the GraphQL API. */
    VERIFICATION_SERVICE("verificationService");

    /** The namespace of GS1 link types in linksets. */
    static final String VOCABULARY = "https://gs1.org/voc/";

    private static final String[] SPELLINGS = {"gs1:", "https://gs1.org/voc/", "http://gs1.org/voc/",
        "https://www.gs1.org/voc/", "http://www.gs1.org/voc/", "https://ref.gs1.org/voc/"};

    private final String term;

    LinkType(String term) {
        this.term = term;
    }

    /** The term, e.g. {@code pip}. */
    String term() {
        return term;
    }

    /** The IRI used as the link relation in a linkset, e.g. {@code https://gs1.org/voc/pip}. */
    String iri() {
        return VOCABULARY + term;
    }

    /** The CURIE, e.g. {@code gs1:pip}. */
    String curie() {
        return "gs1:" + term;
    }

    /** The link type a request's {@code linkType} names, or empty for a term this resolver does not offer. */
    static Optional<LinkType> parse(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        for (String prefix : SPELLINGS) {
            if (lower.startsWith(prefix)) {
                String term = lower.substring(prefix.length());
                for (LinkType type : values()) {
                    if (type.term.toLowerCase(Locale.ROOT).equals(term)) {
                        return Optional.of(type);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
