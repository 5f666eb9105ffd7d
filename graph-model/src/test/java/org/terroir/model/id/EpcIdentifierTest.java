package org.terroir.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical key and the entry points of {@link EpcIdentifier}. */
class EpcIdentifierTest {

    @ParameterizedTest(name = "{2}")
    @CsvSource({
            "urn:epc:id:sgtin:9520001.000001.SN1, https://id.gs1.org/01/09520001000010/21/SN1, 01/09520001000010/21/SN1",
            "urn:epc:class:lgtin:9520001.000001.LOT7, https://example.com/x/01/9520001000010/10/LOT7, 01/09520001000010/10/LOT7",
            "urn:epc:idpat:sgtin:9520001.000001.*, https://example.com/01/09520001000010, 01/09520001000010",
            "urn:epc:id:sgln:9520001.00000.0, https://example.com/414/9520001000003, 414/9520001000003",
            "urn:epc:id:sgln:9520001.00000.3, https://example.com/414/9520001000003/254/3, 414/9520001000003/254/3",
            "urn:epc:id:sscc:9520001.0000000001, https://example.com/00/095200010000000010, 00/095200010000000010",
            "urn:epc:id:sgtin:9520001.000001.A%2FB, https://example.com/01/09520001000010/21/A%2FB, 01/09520001000010/21/A%2FB"
    })
    void epcUrnAndDigitalLinkOfTheSameThingHaveTheSameKey(String urn, String link, String key) {
        assertThat(EpcIdentifier.parse(urn).key()).isEqualTo(key);
        assertThat(EpcIdentifier.parse(link).key()).isEqualTo(key);
        assertThat(EpcIdentifier.fromKey(key)).isEqualTo(EpcIdentifier.parse(urn));
    }

    @Test
    void keyIsIndependentOfCompanyPrefixLength() {
        Sgtin seven = Sgtin.parse("urn:epc:id:sgtin:0614141.812345.6789");
        Sgtin nine = Sgtin.parse("urn:epc:id:sgtin:061414112.8345.6789");
        assertThat(seven).isEqualTo(nine);
        assertThat(seven.key()).isEqualTo(nine.key()).isEqualTo("01/80614141123458/21/6789");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "01/9520001000010", "/01/09520001000010", "01/09520001000010/", "21/SN1/01/09520001000010",
            "01/09520001000010/21/A%2fB", "01/09520001000010/21/A!B", "01/09520001000010/21"
    })
    void fromKeyRejectsNonCanonicalKeys(String key) {
        assertThatThrownBy(() -> EpcIdentifier.fromKey(key))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageStartingWith("identifier key \"" + key + "\": ");
    }

    @Test
    void fromKeyNamesTheCanonicalForm() {
        assertThatThrownBy(() -> EpcIdentifier.fromKey("01/09520001000010/21/A!B"))
                .hasMessage("identifier key \"01/09520001000010/21/A!B\": not in canonical form, expected"
                        + " \"01/09520001000010/21/A%21B\"");
        assertThatThrownBy(() -> EpcIdentifier.fromKey("01/09520001000010/21/S/10/L"))
                .hasMessageEndingWith("AI 10 must come before AI 21 (order after AI 01: 22, 10, 21)");
    }

    @Test
    void parseDispatchesOnTheFormAndRejectsOthers() {
        assertThat(EpcIdentifier.parse("urn:epc:id:sscc:0614141.1234567890")).isInstanceOf(Sscc.class);
        assertThat(EpcIdentifier.parseEpcUrn("urn:epc:id:sgln:0614141.12345.400")).isInstanceOf(Sgln.class);
        assertThat(EpcIdentifier.parseDigitalLink("https://id.gs1.org/01/04012345123456/10/998877"))
                .isInstanceOf(Lgtin.class);
        for (String other : new String[] {"01/09520001000010", "09520001000010", "", " urn:epc:id:sscc:0614141.1234567890"}) {
            assertThatThrownBy(() -> EpcIdentifier.parse(other))
                    .isInstanceOf(InvalidIdentifierException.class)
                    .hasMessageEndingWith("neither an EPC URN (urn:epc:...) nor a GS1 Digital Link URI (http:// or https://)");
        }
        assertThatThrownBy(() -> EpcIdentifier.parse(null))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("EPC identifier null: neither an EPC URN (urn:epc:...) nor a GS1 Digital Link URI"
                        + " (http:// or https://)");
    }

    @Test
    void switchesExhaustivelyOverTheSealedTypes() {
        EpcIdentifier id = EpcIdentifier.parse("https://id.gs1.org/414/9520001000003/254/3");
        String kind = switch (id) {
            case Sgtin s -> "item " + s.serial();
            case Lgtin l -> "lot " + l.lot();
            case Gtin g -> "product " + g;
            case Sgln s -> "location " + s.gln() + s.extension().map(e -> "+" + e).orElse("");
            case Sscc s -> "unit " + s;
        };
        assertThat(kind).isEqualTo("location 9520001000003+3");
    }
}
