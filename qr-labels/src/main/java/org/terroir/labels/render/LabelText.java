package org.terroir.labels.render;

import java.util.Objects;

/**
 * The human-readable words printed beside every QR code of a sheet, in the order a shopper reads
 * them: the product's Chinese name, its English name, then the brand. Each is printed whole,
 * wrapped or in a smaller size where it is long, never cut short.
 *
 * @param brand                  the regional brand, e.g. {@code 临夏苹果 Linxia Apples}
 * @param product                the product's Chinese name, printed first, e.g. {@code 冰糖心苹果 5公斤}
 * @param productEn              the product's English name, printed under it, e.g. {@code Bingtangxin apples 5 kg};
 *                               empty for none
 * @param geographicalIndication whether to print the GI mark ({@code 地理标志产品 GI})
 */
public record LabelText(String brand, String product, String productEn, boolean geographicalIndication) {

    /** Requires brand and product; the English name may be empty. */
    public LabelText {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(productEn, "productEn");
        if (product.isBlank()) {
            throw new IllegalArgumentException("the product name is empty; a label names its product");
        }
    }

    /** A product with one name only (e.g. {@code 冰糖心苹果 Bingtangxin apples 5 kg}). */
    public LabelText(String brand, String product, boolean geographicalIndication) {
        this(brand, product, "", geographicalIndication);
    }
}
