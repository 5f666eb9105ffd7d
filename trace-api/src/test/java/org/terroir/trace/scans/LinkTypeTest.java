package org.terroir.trace.scans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A request's {@code linkType}: a CURIE or an IRI of the GS1 Web Vocabulary, in any of its spellings. */
class LinkTypeTest {

    @Test
    void curiesAndIrisOfOfferedTypes() {
        assertThat(LinkType.parse("gs1:pip")).contains(LinkType.PIP);
        assertThat(LinkType.parse("https://gs1.org/voc/traceability")).contains(LinkType.TRACEABILITY);
        assertThat(LinkType.parse("http://www.gs1.org/voc/certificationInfo")).contains(LinkType.CERTIFICATION_INFO);
        assertThat(LinkType.parse("https://ref.gs1.org/voc/verificationService")).contains(LinkType.VERIFICATION_SERVICE);
        assertThat(LinkType.parse(" gs1:defaultLink ")).contains(LinkType.DEFAULT_LINK);
        assertThat(LinkType.PIP.iri()).isEqualTo("https://gs1.org/voc/pip");
        assertThat(LinkType.CERTIFICATION_INFO.curie()).isEqualTo("gs1:certificationInfo");
    }

    @Test
    void typesNotOfferedAndOtherVocabulariesAreNone() {
        assertThat(LinkType.parse("gs1:recipeInfo")).isEmpty();
        assertThat(LinkType.parse("schema:url")).isEmpty();
        assertThat(LinkType.parse("pip")).isEmpty();
        assertThat(LinkType.parse("https://example.org/voc/pip")).isEmpty();
    }
}
