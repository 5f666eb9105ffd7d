package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.terroir.model.id.Gtin;

class ProductTest {

    @Test
    void holdsItsGtinAsFourteenDigits() {
        Product product = new Product(Gtin.of("9520001000010"), "连城地瓜干 500克", "Liancheng dried sweet potato 500 g");
        assertThat(product.gtin().value()).isEqualTo("09520001000010");
    }

    @Test
    void rejectsMissingGtin() {
        assertThatNullPointerException().isThrownBy(() -> new Product(null, "地瓜干", "Dried sweet potato"))
                .withMessage("Product.gtin must not be null");
    }

    @Test
    void rejectsBlankNames() {
        Gtin gtin = Gtin.of("09520001000027");
        assertThatIllegalArgumentException().isThrownBy(() -> new Product(gtin, " ", "Dried sweet potato"))
                .withMessage("Product.nameZh must not be blank");
        assertThatNullPointerException().isThrownBy(() -> new Product(gtin, "地瓜干", null))
                .withMessage("Product.nameEn must not be null");
    }
}
