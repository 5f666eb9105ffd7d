package org.terroir.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.OptionalInt;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rejection names the identifier, quotes the input and states the rule it breaks. */
class RejectionMessagesTest {

    static Stream<Arguments> rejections() {
        String dl = "https://id.gs1.org/01/09520001000010/21/S/10/L";
        return Stream.of(
                rejection(() -> Gtin.of("09520000000017"), "GTIN", "09520000000017",
                        "check digit is 7, expected 1 (GS1 mod-10)"),
                rejection(() -> Gtin.of("123456789"), "GTIN", "123456789",
                        "9 digits, expected 8, 12, 13 or 14"),
                rejection(() -> Gtin.of("9520001OOOO10"), "GTIN", "9520001OOOO10",
                        "character 'O' at position 8 is not a digit"),
                rejection(() -> Gln.of("9520001000007"), "GLN", "9520001000007",
                        "check digit is 7, expected 3 (GS1 mod-10)"),
                rejection(() -> Sscc.of("095200010000000011"), "SSCC", "095200010000000011",
                        "check digit is 1, expected 0 (GS1 mod-10)"),
                rejection(() -> LotNumber.of("ABCDEFGHIJKLMNOPQRSTU"), "lot (AI 10)", "ABCDEFGHIJKLMNOPQRSTU",
                        "21 characters, at most 20 allowed"),
                rejection(() -> LotNumber.of(""), "lot (AI 10)", "", "empty, 1 to 20 characters required"),
                rejection(() -> SerialNumber.of("A B"), "serial (AI 21)", "A B",
                        "character ' ' at position 2 is not in GS1 AI encodable character set 82"),
                rejection(() -> Sgln.of(Gln.of("9520001000003"), "Dock 1"), "GLN extension (AI 254)", "Dock 1",
                        "character ' ' at position 5 is not in GS1 AI encodable character set 82"),
                rejection(() -> EpcIdentifier.parse(dl), "GS1 Digital Link", dl,
                        "AI 10 must come before AI 21 (order after AI 01: 22, 10, 21)"),
                rejection(() -> EpcIdentifier.parse("urn:epc:id:sgtin:0614141.812345.A/B"), "EPC URN",
                        "urn:epc:id:sgtin:0614141.812345.A/B",
                        "character '/' at position 2 of the serial must be escaped as %2F (EPC TDS)"),
                rejection(() -> EpcIdentifier.fromKey("01/9520001000010"), "identifier key", "01/9520001000010",
                        "not in canonical form, expected \"01/09520001000010\""),
                rejection(() -> Gtin.of("05012345678900").toEpcUrn(d -> OptionalInt.empty()), "GTIN", "05012345678900",
                        "GS1 Company Prefix length unknown, cannot write an EPC URN (add the prefix to CompanyPrefixLengths)"),
                rejection(() -> GS1.checkDigit("1-2"), "GS1 key data digits", "1-2",
                        "character '-' at position 2 is not a digit"));
    }

    private static Arguments rejection(ThrowingCallable call, String identifier, String input, String rule) {
        return arguments(identifier + " / " + rule, call, identifier, input, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void everyMessageNamesIdentifierInputAndRule(String name, ThrowingCallable call, String identifier,
            String input, String rule) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.identifier()).isEqualTo(identifier);
                    assertThat(e.input()).isEqualTo(input);
                    assertThat(e.rule()).isEqualTo(rule);
                })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(identifier + " \"" + input + "\": " + rule);
    }
}
