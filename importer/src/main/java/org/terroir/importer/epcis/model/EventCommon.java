package org.terroir.importer.epcis.model;

import org.terroir.model.Cbv;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The fields every EPCIS event type has.
 *
 * @param eventTime             when the event happened
 * @param eventTimeZoneOffset   the offset the event happened in ({@code eventTimeZoneOffset})
 * @param bizStep               CBV business step, {@linkplain Cbv normalised}
 * @param disposition           CBV disposition, {@linkplain Cbv normalised}
 * @param certificationInfo     certification URIs (JSON allows several, XML one)
 * @param extensions            user extensions at event level, in document order
 */
public record EventCommon(
        Optional<String> eventId,
        Instant eventTime,
        ZoneOffset eventTimeZoneOffset,
        Optional<Instant> recordTime,
        Optional<String> bizStep,
        Optional<String> disposition,
        Optional<Location> readPoint,
        Optional<Location> bizLocation,
        List<BizTransaction> bizTransactions,
        List<SourceDestination> sources,
        List<SourceDestination> destinations,
        List<SensorElement> sensorElements,
        List<String> certificationInfo,
        Optional<PersistentDisposition> persistentDisposition,
        Optional<ErrorDeclaration> errorDeclaration,
        List<Extension> extensions) {

    public EventCommon {
        bizTransactions = List.copyOf(bizTransactions);
        sources = List.copyOf(sources);
        destinations = List.copyOf(destinations);
        sensorElements = List.copyOf(sensorElements);
        certificationInfo = List.copyOf(certificationInfo);
        extensions = Extension.canonical(extensions);
    }

    /** This with {@code extensions} as the event-level user extensions. */
    public EventCommon withExtensions(List<Extension> extensions) {
        return new EventCommon(eventId, eventTime, eventTimeZoneOffset, recordTime, bizStep, disposition, readPoint,
                bizLocation, bizTransactions, sources, destinations, sensorElements, certificationInfo,
                persistentDisposition, errorDeclaration, extensions);
    }
}
