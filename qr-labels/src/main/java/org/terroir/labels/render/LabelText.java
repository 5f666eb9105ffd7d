package org.terroir.labels.render;

import java.util.Objects;

/**
 * The human-readable words printed beside every QR code of a sheet.
 *
 * @param brand                  the regional brand, e.g. {@code 临夏苹果 Linxia Apples}
 * @param product                the product, e.g. {@code 冰糖心苹果 Bingtangxin apples 5 kg}
 * @param geographicalIndication whether to print the GI mark ({@code 地理标志产品 GI})
 */
public record LabelText(String brand, String product, boolean geographicalIndication) {

    /** Requires brand and product. */
    public LabelText {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(product, "product");
    }
}
