package org.terroir.trace.trace;

import org.neo4j.driver.Value;
import org.terroir.model.LocationKind;
import org.terroir.trace.neo4j.Fields;

/**
 * A place goods are produced at or pass through.
 *
 * @param key    the SGLN key, e.g. {@code 414/9520011100205}
 * @param gln    the GLN part of the key
 * @param kind   farm, processor, village station, ...; {@code null} when the graph knows the place only from an event
 * @param nameZh the Chinese name, if known
 * @param nameEn the English name, if known
 * @param region the region it lies in, if known
 */
public record Location(String key, String gln, LocationKind kind, String nameZh, String nameEn, Region region) {

    /** The location of a {@code {key, gln, kind, nameZh, nameEn, region}} map; {@code null} for a null value. */
    public static Location from(Value map) {
        if (map.isNull()) {
            return null;
        }
        return new Location(Fields.text(map, "key"), Fields.text(map, "gln"),
                Fields.parsed(map, "kind", LocationKind::fromValue), Fields.text(map, "nameZh"),
                Fields.text(map, "nameEn"), Region.from(map.get("region")));
    }
}
