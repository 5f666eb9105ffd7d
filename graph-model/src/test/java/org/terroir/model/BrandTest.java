package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrandTest {

    @Test
    void acceptsGiBrandWithItsRegistration() {
        Brand brand = new Brand("liancheng-dried-sweet-potato", BrandKind.GI, "连城地瓜干", "Liancheng Dried Sweet Potato",
                Optional.of("GI-2008-0123"), Optional.of("Sun-dried on the red soil of Liancheng.\nSince the Ming dynasty."));
        assertThat(brand.kind().value()).isEqualTo("gi");
        assertThat(brand.story()).hasValueSatisfying(s -> assertThat(s).contains("\n"));
    }

    @Test
    void acceptsRegionalBrandWithoutGiRegistration() {
        Brand brand = new Brand("baise-mango", BrandKind.REGIONAL, "百色芒果", "Baise Mango", Optional.empty(), Optional.empty());
        assertThat(brand.kind().value()).isEqualTo("regional");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Baise-mango", "baise_mango", "baise--mango", "-baise", "baise-", "", "百色"})
    void rejectsIdThatIsNotASlug(String id) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Brand(id, BrandKind.REGIONAL, "百色芒果", "Baise Mango", Optional.empty(), Optional.empty()))
                .withMessageStartingWith("Brand.id must be a slug of 1 to 64 lower-case letters and digits");
    }

    @Test
    void rejectsIdLongerThanSixtyFourCharacters() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Brand("a".repeat(65), BrandKind.REGIONAL, "名", "Name", Optional.empty(), Optional.empty()))
                .withMessageStartingWith("Brand.id must be a slug");
    }

    @Test
    void giBrandNeedsItsRegistration() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Brand("lingshan-litchi", BrandKind.GI, "灵山荔枝", "Lingshan Litchi", Optional.empty(), Optional.empty()))
                .withMessage("Brand.giRegistration must be present for a GI brand");
    }

    @Test
    void regionalBrandHasNoGiRegistration() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Brand("baise-mango", BrandKind.REGIONAL, "百色芒果", "Baise Mango", Optional.of("GI-1"), Optional.empty()))
                .withMessage("Brand.giRegistration must be absent for a regional brand (only a GI brand has a GI registration), got \"GI-1\"");
    }

    @Test
    void rejectsBlankStoryAndOverlongStory() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Brand("baise-mango", BrandKind.REGIONAL, "百色芒果", "Baise Mango", Optional.empty(), Optional.of(" ")))
                .withMessage("Brand.story must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Brand("baise-mango", BrandKind.REGIONAL, "百色芒果", "Baise Mango", Optional.empty(),
                        Optional.of("芒".repeat(4001))))
                .withMessage("Brand.story must be at most 4000 characters, got 4001");
    }

    @Test
    void kindValuesAreThoseOfTheGraph() {
        assertThat(BrandKind.fromValue("gi")).isEqualTo(BrandKind.GI);
        assertThat(BrandKind.fromValue("regional")).isEqualTo(BrandKind.REGIONAL);
        assertThatIllegalArgumentException().isThrownBy(() -> BrandKind.fromValue("GI"))
                .withMessage("BrandKind must be regional or gi, got \"GI\"");
    }
}
