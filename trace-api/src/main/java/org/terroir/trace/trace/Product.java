package org.terroir.trace.trace;

import org.neo4j.driver.Value;
import org.terroir.trace.neo4j.Fields;

/**
 * A trade item.
 *
 * @param gtin   the GTIN-14
 * @param nameZh the Chinese name, if known
 * @param nameEn the English name, if known
 */
public record Product(String gtin, String nameZh, String nameEn) {

    /** The product of a {@code {gtin, nameZh, nameEn}} map; {@code null} for a null value. */
    public static Product from(Value map) {
        if (map.isNull()) {
            return null;
        }
        return new Product(Fields.text(map, "gtin"), Fields.text(map, "nameZh"), Fields.text(map, "nameEn"));
    }
}
