package org.terroir.model;

import java.util.Optional;
import org.terroir.model.id.Gln;
import org.terroir.model.id.Sgln;

/**
 * A physical place, node {@code (:Location {key, gln, kind, nameZh, nameEn, latitude, longitude})}, keyed by its SGLN
 * key {@code 414/{gln}[/254/{extension}]}. Several locations may share a GLN with different
 * extensions. {@code (Location)-[:IN_REGION]->(Region)}, {@code (Location)-[:OPERATED_BY]->(Party)}.
 *
 * @param sgln   the location's identifier: GLN and optional extension
 * @param kind   what the location is
 * @param nameZh the Chinese name, 1 to 200 characters
 * @param nameEn the English name, 1 to 200 characters
 * @param place  where it is on the map, when the master data says (copy detection compares scans with
 *               where a unit's journey ended)
 */
public record Location(Sgln sgln, LocationKind kind, String nameZh, String nameEn, Optional<GeoPoint> place) {

    /** Requires every field and validates the names. */
    public Location {
        Check.present("Location.sgln", sgln);
        Check.present("Location.kind", kind);
        nameZh = Check.text("Location.nameZh", nameZh, 200);
        nameEn = Check.text("Location.nameEn", nameEn, 200);
        Check.present("Location.place", place);
    }

    /** A location whose place on the map is not known. */
    public Location(Sgln sgln, LocationKind kind, String nameZh, String nameEn) {
        this(sgln, kind, nameZh, nameEn, Optional.empty());
    }

    /** The natural key, {@code 414/{gln}[/254/{extension}]}. */
    public String key() {
        return sgln.key();
    }

    /** The location's GLN, without extension. */
    public Gln gln() {
        return sgln.gln();
    }
}
