package org.terroir.importer.epcis.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.terroir.importer.epcis.EpcisReader;
import org.terroir.importer.epcis.EventHash;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.testsupport.SharedFiles;

class EventRowsTest {

    private static final String PAIR = "corpus/epcis-openepcis/%s/Documents/SensorData_with_combined_events.%s";

    @Test
    void anEventWithoutEventIdHasOneGraphKeyWhicheverWayTheCbvMasterDataNamespaceIsWritten() {
        List<EpcisEvent> json = events(SharedFiles.require(PAIR.formatted("JSON", "json")));
        List<EpcisEvent> xml = events(SharedFiles.require(PAIR.formatted("XML", "xml")));

        assertThat(xml.stream().map(EventHash::of).toList()).as("the standard hash takes the namespace as written")
                .isNotEqualTo(json.stream().map(EventHash::of).toList());
        assertThat(xml.stream().map(EventRows::eventId).toList()).isEqualTo(json.stream().map(EventRows::eventId).toList());
        assertThat(json.stream().map(EventRows::eventId).toList()).as("the JSON-LD form keeps its standard hash")
                .isEqualTo(json.stream().map(EventHash::of).toList());
    }

    private static List<EpcisEvent> events(Path file) {
        List<EpcisEvent> events = new ArrayList<>();
        try (EpcisReader reader = EpcisReader.open(file)) {
            for (Optional<ReadEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
                events.add(e.get().event().orElseThrow());
            }
        }
        return events;
    }
}
