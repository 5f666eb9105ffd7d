package org.terroir.importer.epcis.model;

import org.terroir.model.Cbv;
import java.util.List;

/** Dispositions that stay set or unset until changed ({@linkplain Cbv normalised} values). */
public record PersistentDisposition(List<String> set, List<String> unset) {

    public PersistentDisposition {
        set = List.copyOf(set);
        unset = List.copyOf(unset);
    }
}
