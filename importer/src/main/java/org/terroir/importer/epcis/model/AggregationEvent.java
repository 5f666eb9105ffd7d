package org.terroir.importer.epcis.model;

import java.util.List;
import java.util.Optional;

/** Objects were packed into (ADD), seen in (OBSERVE) or taken out of (DELETE) a container. */
public record AggregationEvent(
        EventCommon common,
        Action action,
        Optional<Epc> parentId,
        List<Epc> childEpcs,
        List<QuantityElement> childQuantityList) implements EpcisEvent {

    public AggregationEvent {
        childEpcs = List.copyOf(childEpcs);
        childQuantityList = List.copyOf(childQuantityList);
    }
}
