package org.terroir.trace.events;

import java.util.List;
import org.terroir.trace.trace.Hop;

/**
 * A hop as the carrier that carried it sees it: the hop and what it moved.
 *
 * @param hop        the hop: locations, times, carrier
 * @param movedCount how many batches, items and containers it moved
 * @param moved      the first {@value org.terroir.trace.events.EventStatements#EVENT_LIST_CAP} of them by key
 */
public record CarriedHop(Hop hop, int movedCount, List<RecordedEvent.EventObject> moved) {

    public CarriedHop {
        moved = List.copyOf(moved);
    }

    /** The hop of a {@code hops.byId} row. */
    static CarriedHop from(org.neo4j.driver.Record row) {
        return new CarriedHop(Hop.from(row), row.get("movedCount").asInt(), row.get("moved").asList(v ->
                RecordedEvent.EventObject.from(RecordedEvent.ObjectRole.MOVED, v)));
    }
}
