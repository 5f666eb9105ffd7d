package org.terroir.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The levels of PRC administrative divisions the graph knows, top down, with the length of their
 * division codes (GB/T 2260 for prefecture and county, the statistical division codes of the
 * National Bureau of Statistics for township and village). Provinces are not modelled.
 */
public enum RegionLevel {

    /** Prefecture-level city or autonomous prefecture: 6 digits ending in {@code 00}, e.g. {@code 350800} Longyan. */
    PREFECTURE("prefecture", 6, 4),
    /** County, county-level city or district: 6 digits not ending in {@code 00}, e.g. {@code 350825} Liancheng. */
    COUNTY("county", 6, 6),
    /** Town, township or sub-district: 9 digits, the last three not {@code 000}, e.g. {@code 350825100}. */
    TOWNSHIP("township", 9, 9),
    /** Administrative village or residents' committee: 12 digits, the last three not {@code 000}, e.g. {@code 350825100201}. */
    VILLAGE("village", 12, 12);

    private final String value;
    private final int codeLength;
    private final int prefixLength;

    RegionLevel(String value, int codeLength, int prefixLength) {
        this.value = value;
        this.codeLength = codeLength;
        this.prefixLength = prefixLength;
    }

    /** The value of the {@code level} property, e.g. {@code county}. */
    public String value() {
        return value;
    }

    /** How many digits a division code of this level has. */
    public int codeLength() {
        return codeLength;
    }

    /**
     * How many leading digits of a code of this level every division inside it shares: 4 for a
     * prefecture ({@code 3508} of {@code 350800}), the whole code for the other levels.
     */
    public int prefixLength() {
        return prefixLength;
    }

    /** The level directly above ({@code village} → {@code township} → {@code county} → {@code prefecture}); empty for a prefecture. */
    public Optional<RegionLevel> parent() {
        return this == PREFECTURE ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** Whether this level is higher than {@code other}, e.g. county above village. */
    public boolean isAbove(RegionLevel other) {
        return ordinal() < other.ordinal();
    }

    /** The level of a {@code level} property value, e.g. {@code county}. */
    public static RegionLevel fromValue(String value) {
        Check.present("RegionLevel", value);
        return Arrays.stream(values()).filter(l -> l.value.equals(value)).findFirst()
                .orElseThrow(() -> Check.invalid("RegionLevel", value, "one of "
                        + Arrays.stream(values()).map(RegionLevel::value).collect(Collectors.joining(", "))));
    }

    /**
     * The level a division code denotes: 6 digits ending in {@code 00} a prefecture, other 6 digits
     * a county, 9 digits a township, 12 a village.
     *
     * @throws IllegalArgumentException if the code is not 6, 9 or 12 digits
     */
    public static RegionLevel ofCode(String code) {
        Check.present("Region.code", code);
        if (!isDigits(code)) {
            throw Check.invalid("Region.code", code, "digits only (a PRC administrative division code)");
        }
        return switch (code.length()) {
            case 6 -> code.endsWith("00") ? PREFECTURE : COUNTY;
            case 9 -> TOWNSHIP;
            case 12 -> VILLAGE;
            default -> throw Check.invalid("Region.code", code,
                    "6 digits (prefecture or county), 9 (township) or 12 (village)");
        };
    }

    /** Why {@code code} is not a division code of this level, or {@code null} if it is one. */
    String codeError(String code) {
        if (!isDigits(code)) {
            return "digits only (a PRC administrative division code)";
        }
        if (code.length() != codeLength) {
            return codeLength + " digits for a " + value;
        }
        return switch (this) {
            case PREFECTURE -> !code.endsWith("00")
                    ? "a code ending in 00 for a prefecture (e.g. 350800); six digits not ending in 00 denote a county"
                    : code.startsWith("00", 2)
                            ? "a code whose digits 3-4 are not 00 for a prefecture (a code ending in 0000 is a province)"
                            : null;
            case COUNTY -> code.endsWith("00")
                    ? "a code not ending in 00 for a county (e.g. 350825); six digits ending in 00 denote a prefecture"
                    : null;
            case TOWNSHIP -> code.endsWith("000")
                    ? "a code whose last three digits are not 000 for a township (e.g. 350825100)"
                    : null;
            case VILLAGE -> code.endsWith("000") || code.startsWith("000", 6)
                    ? "a code whose digits 7-9 and 10-12 are not 000 for a village (e.g. 350825100201)"
                    : null;
        };
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
