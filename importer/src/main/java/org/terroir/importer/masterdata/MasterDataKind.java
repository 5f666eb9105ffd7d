package org.terroir.importer.masterdata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of master-data CSV file (see {@code docs/master-data.md}), recognised by their header:
 * a file is of the kind whose required columns it has, and it may hold no column the kind does not
 * know. Constants are in the order files are written, so references point backwards.
 */
public enum MasterDataKind {
    REGIONS(List.of("code", "level", "name_zh", "name_en"), List.of("parent_code")),
    PARTIES(List.of("gln", "kind", "name_zh", "name_en"), List.of("region_code")),
    BRANDS(List.of("id", "kind", "name_zh", "name_en", "owner_gln"),
            List.of("gi_registration", "protected_region_codes", "story_en", "story_zh")),
    PRODUCTS(List.of("gtin", "brand_id", "name_zh", "name_en"), List.of()),
    LOCATIONS(List.of("gln", "kind", "name_zh", "name_en", "region_code"), List.of("extension", "operator_gln", "latitude", "longitude")),
    CERTIFICATIONS(List.of("id", "kind", "number", "issuer", "valid_from", "subject_kind", "subject_id"),
            List.of("valid_until")),
    PRODUCERS(List.of("household_id", "name", "phone", "registered_poor", "village_code"),
            List.of("cooperative_gln", "id_number")),
    CONTRIBUTIONS(List.of("household_id", "gtin", "lot", "quantity", "unit"), List.of());

    private final List<String> required;
    private final List<String> optional;

    MasterDataKind(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    public List<String> required() {
        return required;
    }

    public List<String> optional() {
        return optional;
    }

    /** The file name the documentation uses, e.g. {@code regions.csv}. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT) + ".csv";
    }

    /** The kind whose columns {@code header} has exactly: all required ones, none unknown. */
    public static Optional<MasterDataKind> recognise(Collection<String> header) {
        Set<String> columns = Set.copyOf(header);
        for (MasterDataKind kind : values()) {
            if (columns.containsAll(kind.required) && kind.knows(columns)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private boolean knows(Set<String> columns) {
        return columns.stream().allMatch(c -> required.contains(c) || optional.contains(c));
    }
}
