package org.terroir.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the identifier part of GS1 Digital Link URIs. */
class DigitalLinkTest {

    private static final Sgtin SN1 = Sgtin.of(Gtin.of("09520001000010"), "SN1");

    @ParameterizedTest
    @ValueSource(strings = {
            "https://id.gs1.org/01/09520001000010/21/SN1",
            "http://id.gs1.org/01/09520001000010/21/SN1",
            "HTTPS://example.com/01/09520001000010/21/SN1",
            "https://example.com:8443/foo/bar/01/09520001000010/21/SN1",
            "https://example.com/01/09520001000010/21/SN1/",
            "https://example.com/01/09520001000010/21/SN1?17=261231&linkType=gs1:pip",
            "https://example.com/01/09520001000010/21/SN1#top",
            "https://example.com/01/9520001000010/21/SN1",
            "https://example.com/01/09520001000010/10/LOT7/21/SN1",
            "https://example.com/01/09520001000010/21/SN%31",
            "https://example.com/01/b/01/09520001000010/21/SN1",
            "https://example.com/00/x/414/y/01/09520001000010/21/SN1"
    })
    void readsAnyHostPrefixQueryAndGtinLength(String uri) {
        assertThat(EpcIdentifier.parse(uri)).isEqualTo(SN1);
    }

    @Test
    void dropsTheLotOfASerialisedItemButValidatesIt() {
        assertThat(Sgtin.parseDigitalLink("https://id.gs1.org/01/09520001000010/10/L1/21/SN1").key())
                .isEqualTo("01/09520001000010/21/SN1");
        assertThatThrownBy(() -> Sgtin.parseDigitalLink("https://id.gs1.org/01/09520001000010/10/L%201/21/SN1"))
                .hasMessageStartingWith("lot (AI 10) \"L 1\": character ' '");
    }

    @Test
    void readsLiteralSubDelimitersAndLowerCasePercentEncoding() {
        assertThat(Sgtin.parseDigitalLink("https://id.gs1.org/01/09520001000010/21/A!B%2fC").serial().value())
                .isEqualTo("A!B/C");
    }

    @Test
    void rejectsQualifiersInTheWrongOrder() {
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000010/21/S/10/L"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("GS1 Digital Link \"https://id.gs1.org/01/09520001000010/21/S/10/L\": AI 10 must come"
                        + " before AI 21 (order after AI 01: 22, 10, 21)");
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000010/10/L/22/V"))
                .hasMessageEndingWith("AI 22 must come before AI 10 (order after AI 01: 22, 10, 21)");
    }

    @Test
    void rejectsRepeatedQualifier() {
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000010/21/S/21/T"))
                .hasMessageEndingWith("AI 21 appears more than once");
    }

    @Test
    void rejectsUnknownQualifierNamingTheAi() {
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000010/17/261231"))
                .hasMessageEndingWith("AI 17 is not a key qualifier of AI 01 (allowed, in order: 22, 10, 21)");
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/414/9520001000003/21/S"))
                .hasMessageEndingWith("AI 21 is not a key qualifier of AI 414 (allowed, in order: 254)");
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/00/095200010000000010/21/S"))
                .hasMessageEndingWith("AI 00 takes no key qualifier, found AI 21");
    }

    @Test
    void rejectsConsumerProductVariantWhichHasNoEpcForm() {
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000010/22/V1/21/S"))
                .hasMessageEndingWith("AI 22 (consumer product variant) has no EPC pure-identity form and is not supported");
    }

    @Test
    void rejectsMissingOrEmptyValues() {
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000010/21"))
                .hasMessageEndingWith("path after AI 01 is not AI/value pairs: \"21\" at the end has no value");
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000010/21//"))
                .hasMessageEndingWith("AI 21 has an empty value");
    }

    @Test
    void rejectsLinksWithoutSupportedPrimaryKey() {
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/8004/0614141ABC"))
                .hasMessage("GS1 Digital Link \"https://id.gs1.org/8004/0614141ABC\": no supported primary key"
                        + " (AI 01, 414 or 00) in the path");
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org"))
                .hasMessageEndingWith("no supported primary key (AI 01, 414 or 00) in the path");
        assertThatThrownBy(() -> EpcIdentifier.parse("https:///01/09520001000010"))
                .hasMessageEndingWith("has no host");
        assertThatThrownBy(() -> EpcIdentifier.parseDigitalLink("ftp://id.gs1.org/01/09520001000010"))
                .hasMessageEndingWith("must start with http:// or https://");
    }

    @Test
    void rejectsMalformedPercentEncoding() {
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000010/21/A%G1"))
                .hasMessageEndingWith("malformed percent-encoding \"%G1\" in the value of AI 21");
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000010/21/A%4"))
                .hasMessageEndingWith("malformed percent-encoding \"%4\" in the value of AI 21");
    }

    @Test
    void rejectsInvalidKeyValuesWithTheirOwnMessages() {
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000011"))
                .hasMessage("GTIN \"09520001000011\": check digit is 1, expected 0 (GS1 mod-10)");
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000010/21/%C3%A9"))
                .hasMessage("serial (AI 21) \"é\": character 'é' at position 1 is not in GS1 AI encodable character set 82");
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/09520001000010/21/ABCDEFGHIJKLMNOPQRSTU"))
                .hasMessageEndingWith("21 characters, at most 20 allowed");
    }

    @Test
    void writesUnderAnyBaseAndRejectsBadBases() {
        assertThat(SN1.toDigitalLink("https://example.com/foo/")).isEqualTo("https://example.com/foo/01/09520001000010/21/SN1");
        assertThat(SN1.toDigitalLink()).isEqualTo("https://id.gs1.org/01/09520001000010/21/SN1");
        for (String bad : new String[] {"example.com", "https://", "https://x.org/?a=1", "https://x.org#f", null}) {
            assertThatThrownBy(() -> SN1.toDigitalLink(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be an http:// or https:// URI with host");
        }
    }
}
