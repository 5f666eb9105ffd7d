package org.terroir.model;

import org.terroir.model.id.Gln;
import org.terroir.model.id.Sgln;

/**
 * A physical place, node {@code (:Location {key, gln, kind, nameZh, nameEn})}, keyed by its SGLN
 * key {@code 414/{gln}[/254/{extension}]}. Several locations may share a GLN with different
 * extensions. {@code (Location)-[:IN_REGION]->(Region)}, {@code (Location)-[:OPERATED_BY]->(Party)}.
 *
 * @param sgln   the location's identifier: GLN and optional extension
 * @param kind   what the location is
 * @param nameZh the Chinese name, 1 to 200 characters
 * @param nameEn the English name, 1 to 200 characters
 */
public record Location(Sgln sgln, LocationKind kind, String nameZh, String nameEn) {

    /** Requires every field and validates the names. */
    public Location {
        Check.present("Location.sgln", sgln);
        Check.present("Location.kind", kind);
        nameZh = Check.text("Location.nameZh", nameZh, 200);
        nameEn = Check.text("Location.nameEn", nameEn, 200);
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
