package org.terroir.importer.epcis;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;

/** A whole document read: its events and every problem, the events' and the document's. */
record ReadAll(List<EpcisEvent> events, List<Problem> problems) {

    static ReadAll of(String document, String name, EpcisReader.Format format) {
        List<EpcisEvent> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (EpcisReader reader = EpcisReader.of(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), name,
                format)) {
            for (Optional<ReadEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
                e.get().event().ifPresent(events::add);
                problems.addAll(e.get().problems());
            }
            problems.addAll(reader.documentProblems());
        }
        return new ReadAll(events, problems);
    }
}
