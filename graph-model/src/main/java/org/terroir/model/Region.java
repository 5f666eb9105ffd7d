package org.terroir.model;

/**
 * A PRC administrative division, node {@code (:Region {code, level, nameZh, nameEn})}, keyed by
 * its code; {@code (child)-[:PART_OF]->(parent)} leads up the hierarchy.
 *
 * <p>The code's length must fit the level (6 digits for prefecture and county, 9 for township, 12
 * for village), a prefecture's code ends in {@code 00} and a county's does not. A region inside
 * another has a code starting with the other's prefix: the first four digits of a prefecture, the
 * whole code of the other levels (see {@link #checkPartOf}). Counties administered directly by a
 * province (prefecture digits {@code 90}, e.g. {@code 429004}) have no prefecture to be part of.
 *
 * @param code   the division code, e.g. {@code 350825}
 * @param level  the level, which the code's length and form must fit
 * @param nameZh the Chinese name, e.g. {@code 连城县}
 * @param nameEn the English name, e.g. {@code Liancheng}
 */
public record Region(String code, RegionLevel level, String nameZh, String nameEn) {

    /** Validates the code against the level, and the names. */
    public Region {
        Check.present("Region.code", code);
        Check.present("Region.level", level);
        String error = level.codeError(code);
        if (error != null) {
            throw Check.invalid("Region.code", code, error);
        }
        nameZh = Check.text("Region.nameZh", nameZh, 100);
        nameEn = Check.text("Region.nameEn", nameEn, 100);
    }

    /** A region whose level follows from its code (see {@link RegionLevel#ofCode}). */
    public static Region of(String code, String nameZh, String nameEn) {
        return new Region(code, RegionLevel.ofCode(code), nameZh, nameEn);
    }

    /** The leading digits every region inside this one shares, e.g. {@code 3508} for {@code 350800}. */
    public String prefix() {
        return code.substring(0, level.prefixLength());
    }

    /** Whether {@code other} lies inside this region: its level is lower and its code starts with {@link #prefix()}. */
    public boolean contains(Region other) {
        Check.present("other", other);
        return level.isAbove(other.level) && other.code.startsWith(prefix());
    }

    /**
     * Checks that this region may be {@code PART_OF} {@code parent}: the parent's level is higher
     * (levels may be skipped, e.g. a village directly in its county) and this code starts with the
     * parent's {@link #prefix()}.
     *
     * @throws IllegalArgumentException naming both codes and the rule broken
     */
    public void checkPartOf(Region parent) {
        Check.present("parent", parent);
        if (!parent.level.isAbove(level)) {
            throw new IllegalArgumentException("Region " + code + " (" + level.value() + ") cannot be PART_OF "
                    + parent.code + " (" + parent.level.value() + "): the parent must be of a higher level");
        }
        if (!code.startsWith(parent.prefix())) {
            throw new IllegalArgumentException("Region " + code + " (" + level.value() + ") cannot be PART_OF "
                    + parent.code + " (" + parent.level.value() + "): its code must start with the parent's prefix "
                    + parent.prefix());
        }
    }
}
