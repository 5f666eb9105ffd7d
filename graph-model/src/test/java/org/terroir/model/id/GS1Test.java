package org.terroir.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GS1Test {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "9638507, 4",          // EAN-8 example
            "03600029145, 2",      // UPC-A example
            "400638133393, 1",     // EAN-13 example
            "0950600013435, 2",    // GS1 example GTIN-14
            "8061414112345, 8",    // EPC TDS SGTIN example
            "061414112345, 2",     // EPC TDS SGLN example
            "10614141234567890, 8", // EPC TDS SSCC example
            "0, 0",
            "1, 7"
    })
    void computesMod10CheckDigitOfPublishedExamples(String data, int expected) {
        assertThat(GS1.checkDigit(data)).isEqualTo(expected);
    }

    @Test
    void checkDigitRejectsNonDigitsEmptyAndNull() {
        assertThatThrownBy(() -> GS1.checkDigit("12a4"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("GS1 key data digits \"12a4\": character 'a' at position 3 is not a digit");
        assertThatThrownBy(() -> GS1.checkDigit(""))
                .hasMessageContaining("empty, at least 1 digit required");
        assertThatThrownBy(() -> GS1.checkDigit(null))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("must not be null");
    }

    @Test
    void checkDigitRejectsNonAsciiDigits() {
        assertThatThrownBy(() -> GS1.checkDigit("12\u0663"))
                .hasMessageContaining("at position 3 is not a digit");
    }

    @Test
    void characterSet82HasExactlyTheListedAsciiCharacters() {
        String accepted = IntStream.range(0, 0x3000).filter(GS1::isCharacterSet82)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(accepted)
                .hasSize(82)
                .isEqualTo("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
                .isEqualTo(GS1.CHARACTER_SET_82);
        assertThat(GS1.isCharacterSet82(-1)).isFalse();
    }
}
