package org.terroir.model;

import org.terroir.model.id.Gtin;

/**
 * A trade item, node {@code (:Product {gtin, nameZh, nameEn})}, keyed by its GTIN-14 (the 14
 * digits, e.g. {@code 09520001000010}). {@code (Product)-[:OF_BRAND]->(Brand)}.
 *
 * @param gtin   the product's GTIN, held as GTIN-14
 * @param nameZh the Chinese name, 1 to 200 characters
 * @param nameEn the English name, 1 to 200 characters
 */
public record Product(Gtin gtin, String nameZh, String nameEn) {

    /** Requires the GTIN and validates the names. */
    public Product {
        Check.present("Product.gtin", gtin);
        nameZh = Check.text("Product.nameZh", nameZh, 200);
        nameEn = Check.text("Product.nameEn", nameEn, 200);
    }
}
