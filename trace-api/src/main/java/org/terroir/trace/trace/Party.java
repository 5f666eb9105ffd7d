package org.terroir.trace.trace;

import org.neo4j.driver.Value;
import org.terroir.model.PartyKind;
import org.terroir.trace.neo4j.Fields;

/**
 * An organisation of the chain: association, cooperative, enterprise, carrier or regulator.
 *
 * @param gln    its Global Location Number
 * @param kind   what it is; {@code null} when the graph knows the party only from an event
 * @param nameZh the Chinese name, if known
 * @param nameEn the English name, if known
 */
public record Party(String gln, PartyKind kind, String nameZh, String nameEn) {

    /** The party of a {@code {gln, kind (its kind label), nameZh, nameEn}} map; {@code null} for a null value. */
    public static Party from(Value map) {
        if (map.isNull()) {
            return null;
        }
        return new Party(Fields.text(map, "gln"), Fields.parsed(map, "kind", PartyKind::fromLabel),
                Fields.text(map, "nameZh"), Fields.text(map, "nameEn"));
    }
}
