package org.terroir.trace.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.Sgtin;

/** GraphQL arguments read into typed identifiers; an invalid one is named. */
class ArgumentsTest {

    @Test
    void aGtinAndLotGiveTheBatchKey() {
        assertThat(Arguments.batch("09520011001021", "LC2601").key()).isEqualTo("01/09520011001021/10/LC2601");
    }

    @Test
    void aGtin13IsPaddedAndALotPercentEncodedAsInTheGraph() {
        assertThat(Arguments.batch("9520011001021", "2026/11").key()).isEqualTo("01/09520011001021/10/2026%2F11");
    }

    @Test
    void rejectsGtinWithWrongCheckDigitNamingTheArgument() {
        assertThatThrownBy(() -> Arguments.batch("09520011001022", "LC2601"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("gtin"))
                .hasMessageStartingWith("argument gtin: GTIN \"09520011001022\"");
    }

    @Test
    void rejectsLotOfMoreThanTwentyCharactersNamingTheArgument() {
        assertThatThrownBy(() -> Arguments.batch("09520011001021", "L".repeat(21)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("lot"))
                .hasMessageContaining("21 characters");
    }

    @Test
    void aGtinAndSerialGiveTheItemKey() {
        assertThat(Arguments.item("09520011001021", "LC2601-0001").key()).isEqualTo("01/09520011001021/21/LC2601-0001");
    }

    @Test
    void rejectsSerialOutsideTheGs1SetNamingTheArgument() {
        assertThatThrownBy(() -> Arguments.item("09520011001021", "LC 0001"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("serial"))
                .hasMessageStartingWith("argument serial: serial (AI 21) \"LC 0001\"");
    }

    @Test
    void aDigitalLinkOnAnyHostWithLotNamesTheBatch() {
        assertThat(Arguments.link("https://id.example.cn/01/09520011001021/10/LC2601?17=270131&8030=abc"))
                .isInstanceOf(Lgtin.class)
                .extracting(EpcIdentifier::key).isEqualTo("01/09520011001021/10/LC2601");
    }

    @Test
    void aDigitalLinkWithSerialNamesTheItemWithOrWithoutItsLot() {
        assertThat(Arguments.link("https://example.com/01/09520011001021/21/LC2601-0001"))
                .isInstanceOf(Sgtin.class)
                .extracting(EpcIdentifier::key).isEqualTo("01/09520011001021/21/LC2601-0001");
        assertThat(Arguments.link("http://example.com/some/prefix/01/09520011001021/10/LC2601/21/LC2601-0001#x").key())
                .isEqualTo("01/09520011001021/21/LC2601-0001");
    }

    @Test
    void rejectsMalformedDigitalLinksNamingTheArgumentUri() {
        for (String uri : List.of("not a uri", "ftp://example.com/01/09520011001021/10/LC2601",
                "https://example.com/01/09520011001022/10/LC2601", "https://example.com/01/09520011001021/10/LC%202601",
                "https://example.com/01/09520011001021/21", "https://example.com/", "urn:epc:id:sgtin:9520011.000102.LC2601-0001")) {
            assertThatThrownBy(() -> Arguments.link(uri)).as(uri)
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("uri"))
                    .hasMessageStartingWith("argument uri: ");
        }
    }

    @Test
    void rejectsADigitalLinkOfAProductOrLocationWhichIsNeitherBatchNorItem() {
        for (String uri : List.of("https://example.com/01/09520011001021", "https://example.com/414/9520011000017")) {
            assertThatThrownBy(() -> Arguments.link(uri)).as(uri)
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("uri"))
                    .hasMessageContaining("neither a batch");
        }
    }
}
