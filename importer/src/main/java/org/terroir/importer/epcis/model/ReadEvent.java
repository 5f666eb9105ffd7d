package org.terroir.importer.epcis.model;

import java.util.List;
import java.util.Optional;

/**
 * One event as a reader saw it: the event when it is valid, otherwise the problems found.
 *
 * @param index  0-based position in the document's event list
 * @param line   1-based line where the event starts, or -1 when unknown
 */
public record ReadEvent(int index, long line, Optional<EpcisEvent> event, List<Problem> problems) {

    public ReadEvent {
        problems = List.copyOf(problems);
        if (event.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("An event is either read or has problems, not both nor neither");
        }
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
