package org.terroir.trace.trace;

import org.neo4j.driver.Value;
import org.terroir.model.RegionLevel;
import org.terroir.trace.neo4j.Fields;

/**
 * An administrative division as the public trace shows it.
 *
 * @param code   the division code, e.g. {@code 350825}
 * @param level  prefecture, county, township or village
 * @param nameZh the Chinese name
 * @param nameEn the English name
 */
public record Region(String code, RegionLevel level, String nameZh, String nameEn) {

    /** The region of a {@code {code, level, nameZh, nameEn}} map; {@code null} for a null value. */
    public static Region from(Value map) {
        if (map.isNull()) {
            return null;
        }
        return new Region(Fields.text(map, "code"), Fields.parsed(map, "level", RegionLevel::fromValue),
                Fields.text(map, "nameZh"), Fields.text(map, "nameEn"));
    }
}
