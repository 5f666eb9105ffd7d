package org.terroir.importer.epcis.model;

import java.util.List;

/** Objects were associated with (ADD) or dissociated from (DELETE) a parent, e.g. a sensor with an asset. */
public record AssociationEvent(
        EventCommon common,
        Action action,
        Epc parentId,
        List<Epc> childEpcs,
        List<QuantityElement> childQuantityList) implements EpcisEvent {

    public AssociationEvent {
        childEpcs = List.copyOf(childEpcs);
        childQuantityList = List.copyOf(childQuantityList);
    }
}
