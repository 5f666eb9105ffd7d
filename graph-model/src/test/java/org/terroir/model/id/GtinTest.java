package org.terroir.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "96385074, 00000096385074",
            "036000291452, 00036000291452",
            "9520001000010, 09520001000010",
            "09520001000010, 09520001000010",
            "19520001000017, 19520001000017"
    })
    void normalises8To14DigitGtinsTo14Digits(String input, String gtin14) {
        Gtin gtin = Gtin.of(input);
        assertThat(gtin.value()).isEqualTo(gtin14);
        assertThat(gtin).isEqualTo(new Gtin(gtin14)).hasToString(gtin14);
        assertThat(gtin.digits(input.length())).isEqualTo(input);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "96385075, 5, 4",
            "036000291453, 3, 2",
            "9520001000011, 1, 0",
            "09520000000017, 7, 1"
    })
    void rejectsGtinWithWrongCheckDigit(String input, int actual, int expected) {
        assertThatThrownBy(() -> Gtin.of(input))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("GTIN \"" + input + "\": check digit is " + actual + ", expected " + expected
                        + " (GS1 mod-10)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "123456789", "12345678901", "123456789012345"})
    void rejectsGtinOfOtherLengths(String input) {
        assertThatThrownBy(() -> Gtin.of(input))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("GTIN \"" + input + "\": " + input.length() + " digits, expected 8, 12, 13 or 14");
    }

    @Test
    void rejectsGtinWithNonDigits() {
        assertThatThrownBy(() -> Gtin.of("0952000100001O"))
                .hasMessage("GTIN \"0952000100001O\": character 'O' at position 14 is not a digit");
        assertThatThrownBy(() -> Gtin.of(" 9520001000010"))
                .hasMessage("GTIN \" 9520001000010\": character ' ' at position 1 is not a digit");
        assertThatThrownBy(() -> Gtin.of(null))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("GTIN null: must not be null");
    }

    @Test
    void withCheckDigitAppendsTheComputedDigit() {
        assertThat(Gtin.withCheckDigit("9638507").digits(8)).isEqualTo("96385074");
        assertThat(Gtin.withCheckDigit("03600029145").digits(12)).isEqualTo("036000291452");
        assertThat(Gtin.withCheckDigit("952000100001").value()).isEqualTo("09520001000010");
        assertThat(Gtin.withCheckDigit("1952000100001").value()).isEqualTo("19520001000017");
    }

    @Test
    void withCheckDigitRejectsOtherDataLengths() {
        assertThatThrownBy(() -> Gtin.withCheckDigit("95200010"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("GTIN \"95200010\": 8 data digits, expected 7, 11, 12 or 13 (without check digit)");
    }

    @Test
    void digitsWritesShorterFormsOnlyWhenLeadingDigitsAreZero() {
        Gtin gtin = Gtin.of("09520001000010");
        assertThat(gtin.digits(14)).isEqualTo("09520001000010");
        assertThat(gtin.digits(13)).isEqualTo("9520001000010");
        assertThatThrownBy(() -> gtin.digits(12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GTIN 09520001000010 has no 12-digit form: digit 2 is 9, not 0");
        assertThatThrownBy(() -> gtin.digits(10))
                .hasMessage("GTIN length must be 8, 12, 13 or 14, got 10");
    }
}
