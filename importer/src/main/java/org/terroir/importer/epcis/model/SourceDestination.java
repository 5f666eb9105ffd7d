package org.terroir.importer.epcis.model;

import org.terroir.model.Cbv;

/**
 * One entry of a {@code sourceList} or {@code destinationList}.
 *
 * @param type {@linkplain Cbv normalised} CBV source/destination type, e.g. {@code owning_party}
 */
public record SourceDestination(String type, Epc id) {
}
