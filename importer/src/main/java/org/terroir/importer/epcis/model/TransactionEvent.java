package org.terroir.importer.epcis.model;

import java.util.List;
import java.util.Optional;

/** Objects were tied to (ADD) or released from (DELETE) business transactions. */
public record TransactionEvent(
        EventCommon common,
        Action action,
        Optional<Epc> parentId,
        List<Epc> epcList,
        List<QuantityElement> quantityList) implements EpcisEvent {

    public TransactionEvent {
        epcList = List.copyOf(epcList);
        quantityList = List.copyOf(quantityList);
    }
}
