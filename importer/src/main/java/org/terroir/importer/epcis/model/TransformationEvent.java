package org.terroir.importer.epcis.model;

import java.util.List;
import java.util.Optional;

/** Inputs were consumed and outputs produced, e.g. sweet potatoes dried and packed. */
public record TransformationEvent(
        EventCommon common,
        Optional<String> transformationId,
        List<Epc> inputEpcList,
        List<QuantityElement> inputQuantityList,
        List<Epc> outputEpcList,
        List<QuantityElement> outputQuantityList,
        List<Extension> ilmd) implements EpcisEvent {

    public TransformationEvent {
        inputEpcList = List.copyOf(inputEpcList);
        inputQuantityList = List.copyOf(inputQuantityList);
        outputEpcList = List.copyOf(outputEpcList);
        outputQuantityList = List.copyOf(outputQuantityList);
        ilmd = Extension.canonical(ilmd);
    }
}
