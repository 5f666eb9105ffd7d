package org.terroir.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conversions between EPC URNs (EPC Tag Data Standard) and GS1 Digital Link URIs. */
class EpcUrnAndDigitalLinkTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // the examples of the EPC Tag Data Standard
            "urn:epc:id:sgtin:0614141.812345.6789, https://id.gs1.org/01/80614141123458/21/6789",
            "urn:epc:id:sscc:0614141.1234567890, https://id.gs1.org/00/106141412345678908",
            "urn:epc:id:sgln:0614141.12345.400, https://id.gs1.org/414/0614141123452/254/400",
            "urn:epc:class:lgtin:4012345.012345.998877, https://id.gs1.org/01/04012345123456/10/998877",
            "urn:epc:idpat:sgtin:0614141.812345.*, https://id.gs1.org/01/80614141123458",
            "urn:epc:id:sgln:0614141.12345.0, https://id.gs1.org/414/0614141123452",
            // demonstration prefix 952
            "urn:epc:id:sgtin:9520001.000001.SN1, https://id.gs1.org/01/09520001000010/21/SN1",
            "urn:epc:id:sgln:9520001.00000.3, https://id.gs1.org/414/9520001000003/254/3",
            "urn:epc:id:sscc:9520001.0000000001, https://id.gs1.org/00/095200010000000010"
    })
    void epcUrnAndDigitalLinkConvertBothWays(String urn, String digitalLink) {
        EpcIdentifier fromUrn = EpcIdentifier.parse(urn);
        EpcIdentifier fromLink = EpcIdentifier.parse(digitalLink);
        assertThat(fromUrn).isEqualTo(fromLink);
        assertThat(fromUrn.toDigitalLink()).isEqualTo(digitalLink);
        assertThat(fromLink.toEpcUrn()).isEqualTo(urn);
        assertThat(fromUrn.key()).isEqualTo(digitalLink.substring("https://id.gs1.org/".length()));
    }

    @Test
    void sgtinUrnAndDigitalLinkConvertBothWays() {
        String urn = "urn:epc:id:sgtin:0614141.812345.6789";
        Sgtin sgtin = Sgtin.parse(urn);
        assertThat(sgtin.gtin()).isEqualTo(Gtin.of("80614141123458"));
        assertThat(sgtin.serial()).isEqualTo(SerialNumber.of("6789"));

        String link = sgtin.toDigitalLink("https://labels.example.org");
        assertThat(link).isEqualTo("https://labels.example.org/01/80614141123458/21/6789");
        assertThat(Sgtin.parseDigitalLink(link).toEpcUrn()).isEqualTo(urn);
    }

    @Test
    void typedParsersReadTheirOwnForms() {
        assertThat(Lgtin.parse("urn:epc:class:lgtin:4012345.012345.998877").lot()).isEqualTo(LotNumber.of("998877"));
        assertThat(Lgtin.parseDigitalLink("https://id.gs1.org/01/04012345123456/10/998877").gtin().value())
                .isEqualTo("04012345123456");
        assertThat(Sgln.parse("urn:epc:id:sgln:0614141.12345.400").extension()).contains("400");
        assertThat(Sgln.parseDigitalLink("https://id.gs1.org/414/0614141123452").extension()).isEmpty();
        assertThat(Sscc.parse("urn:epc:id:sscc:0614141.1234567890")).isEqualTo(Sscc.of("106141412345678908"));
        assertThat(Sscc.parseDigitalLink("http://x.example/00/106141412345678908").value()).isEqualTo("106141412345678908");
        assertThat(Gtin.parse("urn:epc:idpat:sgtin:0614141.812345.*")).isEqualTo(Gtin.of("80614141123458"));
        assertThat(Gtin.parseDigitalLink("https://id.gs1.org/01/9520001000010")).isEqualTo(Gtin.of("09520001000010"));
    }

    @Test
    void typedParsersRejectOtherIdentifierTypes() {
        assertThatThrownBy(() -> Sgtin.parse("urn:epc:id:sscc:0614141.1234567890"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("EPC URN \"urn:epc:id:sscc:0614141.1234567890\": identifies an SSCC (logistic unit, AI 00), not an SGTIN");
        assertThatThrownBy(() -> Sgtin.parseDigitalLink("https://id.gs1.org/01/04012345123456/10/998877"))
                .hasMessageEndingWith("identifies an LGTIN (GTIN + lot, AI 01 + 10), not an SGTIN");
        assertThatThrownBy(() -> Gtin.parse("urn:epc:id:sgtin:0614141.812345.6789"))
                .hasMessageEndingWith("identifies an SGTIN (GTIN + serial, AI 01 + 21), not a GTIN pattern");
        assertThatThrownBy(() -> Sgln.parseDigitalLink("https://id.gs1.org/01/04012345123456"))
                .hasMessageEndingWith("identifies a GTIN (product class, AI 01), not an SGLN");
        assertThatThrownBy(() -> Lgtin.parse("urn:epc:id:sgln:0614141.12345.0"))
                .hasMessageEndingWith("identifies an SGLN (location, AI 414), not an LGTIN");
    }

    @ParameterizedTest(name = "serial {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "A/B|A%2FB|A%2FB",
            "A&B|A%26B|A%26B",
            "100%|100%25|100%25",
            "<\"?>|%3C%22%3F%3E|%3C%22%3F%3E",
            "!'()*+,-.:;=_|!'()*+,-.:;=_|%21%27%28%29%2A%2B%2C-.%3A%3B%3D_",
            "a.b.c|a.b.c|a.b.c"
    })
    void urnEscapingAndDigitalLinkEncodingRoundTrip(String serial, String urnForm, String linkForm) {
        Sgtin sgtin = Sgtin.of(Gtin.of("09520001000010"), serial);
        String urn = "urn:epc:id:sgtin:9520001.000001." + urnForm;
        String link = "https://id.gs1.org/01/09520001000010/21/" + linkForm;

        assertThat(sgtin.toEpcUrn()).isEqualTo(urn);
        assertThat(sgtin.toDigitalLink()).isEqualTo(link);
        assertThat(Sgtin.parse(urn)).isEqualTo(sgtin);
        assertThat(Sgtin.parseDigitalLink(link)).isEqualTo(sgtin);
        assertThat(Sgtin.parseDigitalLink(Sgtin.parse(urn).toDigitalLink("https://example.com")).toEpcUrn())
                .isEqualTo(urn);
    }

    @Test
    void lotAndGlnExtensionUseTheSameEscaping() {
        Lgtin lgtin = Lgtin.of(Gtin.of("09520001000010"), "L/7%");
        assertThat(lgtin.toEpcUrn()).isEqualTo("urn:epc:class:lgtin:9520001.000001.L%2F7%25");
        assertThat(lgtin.key()).isEqualTo("01/09520001000010/10/L%2F7%25");
        assertThat(Lgtin.parse(lgtin.toEpcUrn())).isEqualTo(lgtin);

        Sgln sgln = Sgln.of(Gln.of("9520001000003"), "Dock&1");
        assertThat(sgln.toEpcUrn()).isEqualTo("urn:epc:id:sgln:9520001.00000.Dock%261");
        assertThat(sgln.toDigitalLink()).isEqualTo("https://id.gs1.org/414/9520001000003/254/Dock%261");
        assertThat(Sgln.parse(sgln.toEpcUrn())).isEqualTo(sgln);
    }

    @Test
    void readsLowerCaseUrnEscapesAndWritesUpperCase() {
        Sgtin sgtin = Sgtin.parse("urn:epc:id:sgtin:9520001.000001.A%2fB");
        assertThat(sgtin.serial().value()).isEqualTo("A/B");
        assertThat(sgtin.toEpcUrn()).isEqualTo("urn:epc:id:sgtin:9520001.000001.A%2FB");
    }

    @Test
    void rejectsUrnCharactersThatMustBeEscapedAndUnknownEscapes() {
        assertThatThrownBy(() -> Sgtin.parse("urn:epc:id:sgtin:9520001.000001.A/B"))
                .hasMessageEndingWith("character '/' at position 2 of the serial must be escaped as %2F (EPC TDS)");
        assertThatThrownBy(() -> Sgtin.parse("urn:epc:id:sgtin:9520001.000001.A&B"))
                .hasMessageEndingWith("must be escaped as %26 (EPC TDS)");
        assertThatThrownBy(() -> Sgtin.parse("urn:epc:id:sgtin:9520001.000001.%41"))
                .hasMessageEndingWith("escape \"%41\" at position 1 of the serial is not one of %22 %25 %26 %2F %3C %3E %3F (EPC TDS)");
        assertThatThrownBy(() -> Lgtin.parse("urn:epc:class:lgtin:9520001.000001.L%2"))
                .hasMessageEndingWith("escape \"%2\" at position 2 of the lot is not one of %22 %25 %26 %2F %3C %3E %3F (EPC TDS)");
        assertThatThrownBy(() -> Sgtin.parse("urn:epc:id:sgtin:9520001.000001.A%20B"))
                .hasMessageContaining("escape \"%20\"");
    }

    @Test
    void rejectsUrnWithWrongComponentLengths() {
        assertThatThrownBy(() -> Sgtin.parse("urn:epc:id:sgtin:0614141.81234.6789"))
                .hasMessage("EPC URN \"urn:epc:id:sgtin:0614141.81234.6789\": company prefix (7 digits) and indicator"
                        + " and item reference (5 digits) must total 13 digits");
        assertThatThrownBy(() -> Sgtin.parse("urn:epc:id:sgtin:06141.8123456.6789"))
                .hasMessageEndingWith("company prefix has 5 digits, expected 6 to 12");
        assertThatThrownBy(() -> Sscc.parse("urn:epc:id:sscc:0614141.123456789"))
                .hasMessageEndingWith("company prefix (7 digits) and extension digit and serial reference (9 digits) must total 17 digits");
        assertThatThrownBy(() -> Sgln.parse("urn:epc:id:sgln:0614141.1234.0"))
                .hasMessageEndingWith("company prefix (7 digits) and location reference (4 digits) must total 12 digits");
        assertThatThrownBy(() -> Sgtin.parse("urn:epc:id:sgtin:0614141.81234X.6789"))
                .hasMessageEndingWith("character 'X' at position 6 of the indicator and item reference is not a digit");
        assertThatThrownBy(() -> Sscc.parse("urn:epc:id:sscc:0614141.1234567890.1"))
                .hasMessageEndingWith("character '.' at position 11 of the extension digit and serial reference is not a digit");
        assertThatThrownBy(() -> Sgtin.parse("urn:epc:id:sgtin:0614141.812345"))
                .hasMessageEndingWith("expected urn:epc:id:sgtin:CompanyPrefix.IndicatorItemRef.Serial");
    }

    @Test
    void readsUrnWithTwelveDigitCompanyPrefixAndEmptyLocationReference() {
        Sgln sgln = Sgln.parse("urn:epc:id:sgln:061414112345..0");
        assertThat(sgln).isEqualTo(Sgln.of(Gln.of("0614141123452")));
        assertThat(sgln.toEpcUrn(digits -> java.util.OptionalInt.of(12))).isEqualTo("urn:epc:id:sgln:061414112345..0");
        Sgtin sgtin = Sgtin.parse("urn:epc:id:sgtin:061414112345.8.1");
        assertThat(sgtin.gtin().value()).isEqualTo("80614141123458");
    }

    @Test
    void rejectsGlnExtensionZeroBecauseTheUrnReservesIt() {
        assertThatThrownBy(() -> Sgln.of(Gln.of("0614141123452"), "0"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("GLN extension (AI 254) \"0\": \"0\" is reserved by the EPC Tag Data Standard for"
                        + " 'no extension'; omit the extension instead");
        assertThatThrownBy(() -> Sgln.parseDigitalLink("https://id.gs1.org/414/0614141123452/254/0"))
                .hasMessageStartingWith("GLN extension (AI 254) \"0\"");
        assertThat(new Sgln(Gln.of("0614141123452"), Optional.of("00")).toEpcUrn())
                .isEqualTo("urn:epc:id:sgln:0614141.12345.00");
    }

    @Test
    void writesPatternUrnForAPlainGtin() {
        assertThat(Gtin.of("09520001000010").toEpcUrn()).isEqualTo("urn:epc:idpat:sgtin:9520001.000001.*");
        assertThatThrownBy(() -> Gtin.parse("urn:epc:idpat:sgtin:0614141.*.*"))
                .hasMessageEndingWith("only the single-GTIN pattern CompanyPrefix.IndicatorItemRef.* is supported");
    }

    @Test
    void acceptsUpperCaseUrnPrefixAndWritesLowerCase() {
        assertThat(EpcIdentifier.parse("URN:EPC:ID:SGTIN:0614141.812345.6789").toEpcUrn())
                .isEqualTo("urn:epc:id:sgtin:0614141.812345.6789");
    }

    @Test
    void rejectsUnsupportedEpcSchemes() {
        assertThatThrownBy(() -> EpcIdentifier.parse("urn:epc:id:grai:0614141.12345.400"))
                .hasMessageStartingWith("EPC URN \"urn:epc:id:grai:0614141.12345.400\": unsupported scheme, expected one of");
        assertThatThrownBy(() -> EpcIdentifier.parse("urn:epc:tag:sgtin-96:3.0614141.812345.6789"))
                .hasMessageContaining("unsupported scheme");
    }
}
