package org.terroir.model;

import org.terroir.model.id.Gln;

/**
 * An organisation taking part in the chain, node {@code (:Party:Kind {gln, nameZh, nameEn})}:
 * label {@code Party} plus exactly one kind label, keyed by its GLN.
 * {@code (Party)-[:BASED_IN]->(Region)}.
 *
 * @param gln    the party's Global Location Number, e.g. {@code 9520001000041}
 * @param kind   what the party is, written as its second label
 * @param nameZh the Chinese name, 1 to 200 characters
 * @param nameEn the English name, 1 to 200 characters
 */
public record Party(Gln gln, PartyKind kind, String nameZh, String nameEn) {

    /** Requires every field and validates the names. */
    public Party {
        Check.present("Party.gln", gln);
        Check.present("Party.kind", kind);
        nameZh = Check.text("Party.nameZh", nameZh, 200);
        nameEn = Check.text("Party.nameEn", nameEn, 200);
    }
}
