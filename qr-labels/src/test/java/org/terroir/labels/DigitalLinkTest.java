package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.InvalidIdentifierException;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;

class DigitalLinkTest {

    static final String GTIN = "09520001000010";

    static DigitalLink sample() {
        return DigitalLink.of("https://id.example.cn", Gtin.of(GTIN), LotNumber.of("L2611A"), SerialNumber.of("S0001"))
                .withProductionDate("261120").withExpiryDate("270531");
    }

    @Test
    void buildsTheUriWithPathKeyAndDataAttributesInCanonicalOrder() {
        assertThat(sample().withPackagingDate("261121").toUri()).isEqualTo(
                "https://id.example.cn/01/09520001000010/10/L2611A/21/S0001?11=261120&13=261121&17=270531");
    }

    @Test
    void parsesWhatItBuilds() {
        DigitalLink link = sample().withPackagingDate("261121");
        assertThat(DigitalLink.parse(link.toUri())).isEqualTo(link);
    }

    @Test
    void readsDataAttributesInAnyOrderAndIgnoresNonGs1ParametersAndTheFragment() {
        DigitalLink link = DigitalLink.parse(
                "https://id.example.cn/01/09520001000010/10/L2611A/21/S0001?utm_source=wechat&17=270531&11=261120#top");
        assertThat(link).isEqualTo(sample());
    }

    @Test
    void keepsAPathPrefixInTheBaseAndNormalisesTheGtinTo14Digits() {
        DigitalLink link = DigitalLink.parse("https://example.cn/brand/gi/01/9520001000010/21/S0001?11=261120");
        assertThat(link.base()).isEqualTo("https://example.cn/brand/gi");
        assertThat(link.gtin().value()).isEqualTo(GTIN);
        assertThat(link.lot()).isEmpty();
        assertThat(link.toUri()).isEqualTo("https://example.cn/brand/gi/01/09520001000010/21/S0001?11=261120");
    }

    @Test
    void percentEncodesLotAndSerialAndDecodesThemBack() {
        DigitalLink link = DigitalLink.of("https://id.example.cn", Gtin.of(GTIN), LotNumber.of("A/B%1"),
                SerialNumber.of("x&y=z")).withProductionDate("261120");
        assertThat(link.toUri()).isEqualTo("https://id.example.cn/01/09520001000010/10/A%2FB%251/21/x%26y%3Dz?11=261120");
        assertThat(DigitalLink.parse(link.toUri())).isEqualTo(link);
    }

    @Test
    void writesTheHumanReadableElementString() {
        assertThat(sample().elementString()).isEqualTo("(01)09520001000010(10)L2611A(11)261120(17)270531(21)S0001");
    }

    @Test
    void separatesOnlyVariableLengthValuesThatAreNotLastWithGs() {
        assertThat(new String(sample().elementStringBytes(), StandardCharsets.US_ASCII))
                .isEqualTo("0109520001000010" + "10L2611A\u001D" + "11261120" + "17270531" + "21S0001");
        String signed = new String(sample().withDigitalSignature("AAAA").elementStringBytes(), StandardCharsets.US_ASCII);
        assertThat(signed).endsWith("21S0001\u001D8030AAAA");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://id.example.cn/01/09520001000011/21/S1                  | GTIN (AI 01) \"09520001000011\": check digit is 1, expected 0",
            "https://id.example.cn/01/0952000100/21/S1                      | GTIN (AI 01) \"0952000100\": 10 digits, expected 8, 12, 13 or 14",
            "https://id.example.cn/01/09520001000010/10/ABCDEFGHIJKLMNOPQRSTU/21/S1 | lot (AI 10) \"ABCDEFGHIJKLMNOPQRSTU\": 21 characters, at most 20",
            "https://id.example.cn/01/09520001000010/10/L%7E1/21/S1         | lot (AI 10) \"L~1\": character '~' at position 2 is not in GS1 AI encodable character set 82",
            "https://id.example.cn/01/09520001000010/21/S%2             | malformed percent-encoding \"%2\" in the value of AI 21",
            "https://id.example.cn/01/09520001000010/21/S1?11=26%G1     | AI 11 \"26%G1\": malformed percent-encoding \"%G1\" at position 3",
            "https://id.example.cn/01/09520001000010/21/S1?17=271301        | expiry date (AI 17) \"271301\": month 13 is not 01 to 12",
            "https://id.example.cn/01/09520001000010/21/S1?11=26113         | production date (AI 11) \"26113\": must be exactly 6 digits",
            "https://id.example.cn/01/09520001000010/21/S1?11=261120&11=261121 | AI 11 appears more than once",
            "https://id.example.cn/01/09520001000010/21/S1?15=261120        | AI 15 is not supported",
            "https://id.example.cn/01/09520001000010/21/S1?21=S2            | AI 21 belongs in the path",
            "https://id.example.cn/01/09520001000010/21/S1?11               | AI 11 in the query has no value",
            "https://id.example.cn/01/09520001000010/21/S1?8030=ab+c        | digital signature (AI 8030) \"ab+c\": character '+' at position 3 is not in GS1 character set 64",
            "https://id.example.cn/01/09520001000010/10/L1?8030=abc         | AI 8030 requires AI 01 together with AI 21",
            "https://id.example.cn/01/09520001000010/21/S1/10/L1            | AI 10 must come before AI 21",
            "https://id.example.cn/414/9520001000003                        | primary key must be AI 01",
            "ftp://id.example.cn/01/09520001000010/21/S1                    | must start with http:// or https://",
    })
    void rejectsABrokenRuleNamingTheAiAndTheRule(String uri, String message) {
        assertThatThrownBy(() -> DigitalLink.parse(uri))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining(message);
    }

    @Test
    void acceptsAi8030OfUpTo90CharactersAndNoMore() {
        DigitalLink link = sample();
        assertThat(link.withDigitalSignature("A".repeat(90)).digitalSignature()).contains("A".repeat(90));
        assertThat(link.withDigitalSignature("AAAAAA==").digitalSignature()).contains("AAAAAA==");
        assertThatThrownBy(() -> link.withDigitalSignature("A".repeat(91)))
                .hasMessageContaining("digital signature (AI 8030)").hasMessageContaining("Z..90");
        assertThatThrownBy(() -> link.withDigitalSignature("AA=A")).hasMessageContaining("'=' at position 3");
    }

    @Test
    void rejectsABaseWithQueryOrWithoutHost() {
        assertThatThrownBy(() -> sample().withBase("https://id.example.cn?x=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sample().withBase("https:///path")).isInstanceOf(IllegalArgumentException.class);
        assertThat(sample().withBase("http://other.example/a/").base()).isEqualTo("http://other.example/a");
    }

    @Test
    void givesTheItemWhenThereIsASerial() {
        assertThat(sample().item()).map(i -> i.key()).contains("01/09520001000010/21/S0001");
        DigitalLink noSerial = new DigitalLink("https://id.example.cn", Gtin.of(GTIN), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(noSerial.item()).isEmpty();
        assertThat(DigitalLink.parse("https://id.example.cn/01/09520001000010")).isEqualTo(noSerial);
    }
}
