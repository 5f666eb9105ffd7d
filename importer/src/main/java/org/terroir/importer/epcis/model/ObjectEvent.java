package org.terroir.importer.epcis.model;

import java.util.List;

/** Something happened to objects: commissioned, observed, shipped, received, ... */
public record ObjectEvent(
        EventCommon common,
        Action action,
        List<Epc> epcList,
        List<QuantityElement> quantityList,
        List<Extension> ilmd) implements EpcisEvent {

    public ObjectEvent {
        epcList = List.copyOf(epcList);
        quantityList = List.copyOf(quantityList);
        ilmd = Extension.canonical(ilmd);
    }
}
