package org.terroir.importer.epcis.model;

import java.util.List;

/** A {@code readPoint} or {@code bizLocation}: its identifier and any user extensions inside it. */
public record Location(Epc id, List<Extension> extensions) {

    public Location {
        extensions = Extension.canonical(extensions);
    }
}
