package org.terroir.trace.trace;

import org.neo4j.driver.Value;
import org.terroir.model.BrandKind;
import org.terroir.trace.neo4j.Fields;

/**
 * A regional or GI brand.
 *
 * @param id             the slug, e.g. {@code liancheng-dried-sweet-potato}
 * @param kind           regional brand or geographical indication
 * @param nameZh         the Chinese name
 * @param nameEn         the English name
 * @param giRegistration the GI registration number of a GI brand
 * @param storyZh        the brand's story in Chinese, if any
 * @param storyEn        the brand's story in English, if any
 * @param owner          the association that owns the brand, if known
 */
public record Brand(String id, BrandKind kind, String nameZh, String nameEn, String giRegistration,
                    String storyZh, String storyEn, Party owner) {

    /** The brand of a {@code {id, kind, nameZh, nameEn, giRegistration, storyZh, storyEn, owner}} map; {@code null} for a null value. */
    public static Brand from(Value map) {
        if (map.isNull()) {
            return null;
        }
        return new Brand(Fields.text(map, "id"), Fields.parsed(map, "kind", BrandKind::fromValue),
                Fields.text(map, "nameZh"), Fields.text(map, "nameEn"), Fields.text(map, "giRegistration"),
                Fields.text(map, "storyZh"), Fields.text(map, "storyEn"), Party.from(map.get("owner")));
    }
}
