package org.terroir.importer.epcis.model;

import java.util.List;
import java.util.Map;

/**
 * One {@code sensorElement}: metadata and reports as name/value maps. Standard attributes use
 * their EPCIS names ({@code time}, {@code deviceID}, {@code value}, ...); user attributes use
 * {@code {namespace}localName}. Values are normalised: times as UTC instants
 * ({@link java.time.Instant#toString()}), decimals without trailing zeros, the measurement
 * {@code type} as a full {@code https://gs1.org/voc/...} URI.
 */
public record SensorElement(Map<String, String> metadata, List<Map<String, String>> reports, List<Extension> extensions) {

    public SensorElement {
        metadata = sorted(metadata);
        reports = reports.stream().map(SensorElement::sorted).toList();
        extensions = Extension.canonical(extensions);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(map));
    }
}
