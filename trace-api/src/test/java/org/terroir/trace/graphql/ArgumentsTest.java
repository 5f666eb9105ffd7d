package org.terroir.trace.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
