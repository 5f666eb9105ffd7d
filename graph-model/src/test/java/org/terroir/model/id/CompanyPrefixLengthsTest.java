package org.terroir.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CompanyPrefixLengthsTest {

    @Test
    void defaultsKnowTheDemonstrationAndStandardExamplePrefixes() {
        CompanyPrefixLengths defaults = CompanyPrefixLengths.defaults();
        assertThat(defaults.lengthFor("9520001000010")).hasValue(7);
        assertThat(defaults.lengthFor("0614141123452")).hasValue(7);
        assertThat(defaults.lengthFor("4012345123456")).hasValue(7);
        assertThat(defaults.lengthFor("5012345678900")).isEmpty();
    }

    @Test
    void longestMatchingPrefixWinsThenFallback() {
        CompanyPrefixLengths.Table table = CompanyPrefixLengths.defaults()
                .withPrefix("95200099", 9)
                .withFallback(8);
        assertThat(table.lengthFor("9520009912345")).hasValue(9);
        assertThat(table.lengthFor("9520001000010")).hasValue(7);
        assertThat(table.lengthFor("5012345678900")).hasValue(8);
        assertThat(table.withoutFallback().lengthFor("5012345678900")).isEmpty();
    }

    @Test
    void writingAnEpcUrnUsesTheGivenLengths() {
        Gtin gtin = Gtin.of("05012345678900");
        assertThatThrownBy(gtin::toEpcUrn)
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("GTIN \"05012345678900\": GS1 Company Prefix length unknown, cannot write an EPC URN"
                        + " (add the prefix to CompanyPrefixLengths)");
        assertThat(gtin.toEpcUrn(CompanyPrefixLengths.defaults().withFallback(7)))
                .isEqualTo("urn:epc:idpat:sgtin:5012345.067890.*");
        assertThat(Sgtin.of(gtin, "1").toEpcUrn(digits -> OptionalInt.of(9)))
                .isEqualTo("urn:epc:id:sgtin:501234567.0890.1");
        assertThat(Sscc.of("106141412345678908").toEpcUrn(digits -> OptionalInt.of(12)))
                .isEqualTo("urn:epc:id:sscc:061414123456.17890");
    }

    @Test
    void rejectsLengthsOutsideSixToTwelve() {
        assertThatThrownBy(() -> CompanyPrefixLengths.defaults().withFallback(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GS1 Company Prefix length must be 6 to 12, got 5");
        assertThatThrownBy(() -> CompanyPrefixLengths.defaults().withPrefix("952", 13))
                .hasMessage("GS1 Company Prefix length must be 6 to 12, got 13");
        assertThatThrownBy(() -> new CompanyPrefixLengths.Table(Map.of("95x", 7), OptionalInt.empty()))
                .hasMessage("company prefix table entry \"95x\": leading digits must be 1 to 12 digits");
        assertThatThrownBy(() -> Sgln.of(Gln.of("0614141123452")).toEpcUrn(digits -> OptionalInt.of(13)))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("GLN \"0614141123452\": GS1 Company Prefix length 13 given by CompanyPrefixLengths"
                        + " is not 6 to 12");
    }
}
