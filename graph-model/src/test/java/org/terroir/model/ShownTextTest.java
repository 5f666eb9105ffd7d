package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.terroir.model.id.Gtin;

class ShownTextTest {

    @Test
    void aNulIsRefusedNamingTheFieldAndPosition() {
        assertThatThrownBy(() -> ShownText.line("Product.nameEn", "Dried\u0000 sweet potato", 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Product.nameEn must not contain control characters, found U+0000 at position 6");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
    void everyBidiEmbeddingOverrideAndIsolateIsRefused(int codePoint) {
        String text = "Genuine " + Character.toString(codePoint) + "eunineg";
        assertThatThrownBy(() -> ShownText.prose("reason", text, 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.format("found U+%04X at position 9", codePoint));
    }

    @Test
    void theDomainRecordsRefuseABidiOverrideInANameToo() {
        assertThatThrownBy(() -> new Product(Gtin.of("09520011001021"), "连城\u202E地瓜干", "Liancheng dried sweet potato"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Product.nameZh").hasMessageContaining("U+202E");
    }

    @Test
    void plainDirectionMarksLineBreaksInProseAndChineseAreKept() {
        assertThat(ShownText.line("name", "  عربي\u200F 连城地瓜干 ", 100)).isEqualTo("عربي\u200F 连城地瓜干");
        assertThat(ShownText.prose("story", "Line one\nline two", 100)).isEqualTo("Line one\nline two");
    }
}
