package org.terroir.labels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void matchesTheRfc4648TestVectorsWithoutPadding() {
        String[][] vectors = {{"", ""}, {"f", "Zg"}, {"fo", "Zm8"}, {"foo", "Zm9v"}, {"foob", "Zm9vYg"},
                {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}};
        for (String[] v : vectors) {
            assertThat(Base64Url.encode(v[0].getBytes())).isEqualTo(v[1]);
            assertThat(new String(Base64Url.decode(v[1]))).isEqualTo(v[0]);
        }
    }

    @Test
    void usesTheUrlSafeCharactersForTheLastTwoValues() {
        assertThat(Base64Url.encode(new byte[] {(byte) 0xFB, (byte) 0xFF})).isEqualTo("-_8");
    }

    @Test
    void roundTripsEveryLengthUpTo100Bytes() {
        Random random = new Random(42);
        for (int length = 0; length <= 100; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String text = Base64Url.encode(bytes);
            assertThat(text).hasSize((length * 8 + 5) / 6);
            assertThat(Base64Url.decode(text)).isEqualTo(bytes);
        }
    }

    @Test
    void acceptsALastCharacterOnlyWhenItsUnusedBitsAreZeroSoNoBytesHaveTwoSpellings() {
        Random random = new Random(7);
        for (int length = 1; length <= 6; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String head = Base64Url.encode(bytes).substring(0, Base64Url.encode(bytes).length() - 1);
            int unusedBits = (6 - length * 8 % 6) % 6;
            java.util.Set<String> decodings = new java.util.HashSet<>();
            for (int value = 0; value < 64; value++) {
                String text = head + ALPHABET.charAt(value);
                boolean canonical = (value & ((1 << unusedBits) - 1)) == 0;
                if (canonical) {
                    assertThat(Base64Url.encode(Base64Url.decode(text))).isEqualTo(text);
                    assertThat(decodings.add(java.util.HexFormat.of().formatHex(Base64Url.decode(text)))).isTrue();
                } else {
                    assertThatThrownBy(() -> Base64Url.decode(text)).as(text)
                            .hasMessageContaining("non-zero unused low bits");
                }
            }
            assertThat(decodings).hasSize(64 >> unusedBits);
        }
    }

    @Test
    void rejectsNonZeroUnusedBits() {
        assertThat(Base64Url.decode("AA")).containsExactly(0);
        assertThatThrownBy(() -> Base64Url.decode("AB")).hasMessageContaining("'B'").hasMessageContaining("non-zero unused low bits");
        assertThatThrownBy(() -> Base64Url.decode("AAB")).hasMessageContaining("non-zero unused low bits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zm9v+", "Zm9/", "Zg==", "Zm8=", "Zm 9v", "Zm9\n", "Zm9é", "Zm9.", "Zm9~"})
    void rejectsCharactersOutsideTheUrlSafeAlphabetAndPadding(String text) {
        assertThatThrownBy(() -> Base64Url.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsALengthThatEncodesNoWholeByte() {
        assertThatThrownBy(() -> Base64Url.decode("Zm9vY")).hasMessageContaining("1 modulo 4");
    }

    @Test
    void namesTheOffendingCharacterAndPosition() {
        assertThatThrownBy(() -> Base64Url.decode("Zm+v")).hasMessageContaining("'+' at position 3");
    }
}
