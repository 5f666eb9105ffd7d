package org.terroir.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LotAndSerialNumberTest {

    private static final String TWENTY = "ABCDEFGHIJKLMNOPQRST";
    private static final String ALL_SYMBOLS = "!\"%&'()*+,-./:;<=>?_"; // the 20 non-alphanumerics of set 82

    @Test
    void accepts20CharacterLotAndSerial() {
        assertThat(LotNumber.of(TWENTY).value()).isEqualTo(TWENTY);
        assertThat(SerialNumber.of(TWENTY).value()).isEqualTo(TWENTY);
    }

    @Test
    void acceptsOneCharacterAndEverySymbolOfCharacterSet82() {
        assertThat(LotNumber.of("7")).hasToString("7");
        assertThat(SerialNumber.of(ALL_SYMBOLS).value()).isEqualTo(ALL_SYMBOLS);
        assertThat(LotNumber.of("az09AZ").value()).isEqualTo("az09AZ");
    }

    @Test
    void rejects21CharacterLot() {
        assertThatThrownBy(() -> LotNumber.of("ABCDEFGHIJKLMNOPQRSTU"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("lot (AI 10) \"ABCDEFGHIJKLMNOPQRSTU\": 21 characters, at most 20 allowed");
    }

    @Test
    void rejects21CharacterSerial() {
        assertThatThrownBy(() -> SerialNumber.of(TWENTY + "1"))
                .hasMessage("serial (AI 21) \"" + TWENTY + "1\": 21 characters, at most 20 allowed");
    }

    @Test
    void rejectsEmptyLotAndSerial() {
        assertThatThrownBy(() -> LotNumber.of(""))
                .hasMessage("lot (AI 10) \"\": empty, 1 to 20 characters required");
        assertThatThrownBy(() -> SerialNumber.of(""))
                .hasMessage("serial (AI 21) \"\": empty, 1 to 20 characters required");
        assertThatThrownBy(() -> SerialNumber.of(null))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("serial (AI 21) null: must not be null");
    }

    @ParameterizedTest(name = "[{0}] at {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "A B|2|' '",
            "#1|1|'#'",
            "lot$|4|'$'",
            "a@b|2|'@'",
            "x[|2|'['",
            "back\\|5|'\\'",
            "grave`|6|'`'",
            "tilde~|6|'~'",
            "été|1|'é'",
            "A\u00A0B|2|U+00A0",
            "A\tB|2|U+0009",
            "😀x|1|'😀'",
            "x😀y|2|'😀'"
    })
    void rejectsSerialCharacterOutsideSet82NamingItAndItsPosition(String serial, int position, String shown) {
        assertThatThrownBy(() -> SerialNumber.of(serial))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageEndingWith(": character " + shown + " at position " + position
                        + " is not in GS1 AI encodable character set 82");
    }

    @ParameterizedTest
    @ValueSource(strings = {"L 1", "L\n1"})
    void rejectsLotCharacterOutsideSet82(String lot) {
        assertThatThrownBy(() -> LotNumber.of(lot))
                .hasMessageStartingWith("lot (AI 10) ")
                .hasMessageEndingWith("at position 2 is not in GS1 AI encodable character set 82");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String nineteenPlusEmoji = "ABCDEFGHIJKLMNOPQRS😀"; // 20 code points, 21 chars
        assertThatThrownBy(() -> SerialNumber.of(nineteenPlusEmoji))
                .hasMessageEndingWith("character '😀' at position 20 is not in GS1 AI encodable character set 82");
    }

    @Test
    void escapesControlCharactersInTheQuotedInput() {
        assertThatThrownBy(() -> SerialNumber.of("A\nB"))
                .hasMessage("serial (AI 21) \"A\\u000AB\": character U+000A at position 2 is not in GS1 AI encodable character set 82");
    }

    @Test
    void shortensVeryLongInputsInMessages() {
        String huge = "X".repeat(10_000);
        assertThatThrownBy(() -> LotNumber.of(huge))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.getMessage()).hasSizeLessThan(200).contains("10000 characters, at most 20 allowed");
                    assertThat(e.input()).isSameAs(huge);
                });
    }
}
