package org.terroir.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A regional or geographical-indication brand, node
 * {@code (:Brand {id, kind, nameZh, nameEn, giRegistration?, story?})}, keyed by its slug.
 * {@code (Brand)-[:OWNED_BY]->(Party:Association)}, {@code (Brand)-[:PROTECTS]->(Region)}.
 *
 * @param id             the slug: 1 to 64 lower-case letters and digits in words joined by single
 *                       hyphens, e.g. {@code liancheng-dried-sweet-potato}
 * @param kind           regional brand or GI
 * @param nameZh         the Chinese name, e.g. {@code 连城地瓜干}
 * @param nameEn         the English name
 * @param giRegistration the GI registration (e.g. the certification mark's registration number);
 *                       required for a GI brand, absent for a regional one
 * @param story          the brand's story as shown to consumers, up to 4000 characters, if any
 */
public record Brand(String id, BrandKind kind, String nameZh, String nameEn, Optional<String> giRegistration,
        Optional<String> story) {

    /** Lower-case letters and digits in words joined by single hyphens. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** Validates the slug, the names, and that only (and every) GI brand has a GI registration. */
    public Brand {
        Check.present("Brand.id", id);
        if (id.length() > 64 || !SLUG.matcher(id).matches()) {
            throw Check.invalid("Brand.id", id,
                    "a slug of 1 to 64 lower-case letters and digits in words joined by single hyphens, e.g. liancheng-dried-sweet-potato");
        }
        Check.present("Brand.kind", kind);
        nameZh = Check.text("Brand.nameZh", nameZh, 200);
        nameEn = Check.text("Brand.nameEn", nameEn, 200);
        giRegistration = Check.optionalText("Brand.giRegistration", giRegistration, 64);
        Check.present("Brand.story", story);
        story = story.map(s -> Check.prose("Brand.story", s, 4000));
        if (kind == BrandKind.GI && giRegistration.isEmpty()) {
            throw new IllegalArgumentException("Brand.giRegistration must be present for a GI brand");
        }
        if (kind == BrandKind.REGIONAL && giRegistration.isPresent()) {
            throw Check.invalid("Brand.giRegistration", giRegistration.get(),
                    "absent for a regional brand (only a GI brand has a GI registration)");
        }
    }
}
