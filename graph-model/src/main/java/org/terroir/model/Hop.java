package org.terroir.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One logistics leg, node {@code (:Hop {id, departed, arrived?})}: goods leave one location and
 * reach another, e.g. village station → township station.
 * {@code (Hop)-[:FROM|TO]->(Location)}, {@code (Hop)-[:CARRIED_BY]->(Party:Carrier)},
 * {@code (Hop)-[:MOVED]->(Batch|Item|Container)}, {@code (Hop)-[:DEPARTED_WITH|ARRIVED_WITH]->(Event)}.
 *
 * @param id       the hop's id: 1 to 128 characters, a letter or digit first, then letters, digits, {@code . _ : -}
 * @param departed when the goods left
 * @param arrived  when they arrived, not before they left; empty while in transit
 */
public record Hop(String id, Instant departed, Optional<Instant> arrived) {

    /** Validates the id and that the hop does not arrive before it departs. */
    public Hop {
        Check.identifier("Hop.id", id);
        Check.present("Hop.departed", departed);
        Check.present("Hop.arrived", arrived);
        if (arrived.isPresent() && arrived.get().isBefore(departed)) {
            throw Check.invalid("Hop.arrived", arrived.get(), "at or after Hop.departed (" + departed + ")");
        }
    }

    /** A hop still in transit. */
    public static Hop departed(String id, Instant departed) {
        return new Hop(id, departed, Optional.empty());
    }

    /** This hop, arrived at {@code arrived}. */
    public Hop arrivedAt(Instant arrived) {
        return new Hop(id, departed, Optional.of(Check.present("Hop.arrived", arrived)));
    }

    /** How long the goods travelled: arrived − departed; empty while in transit. */
    public Optional<Duration> duration() {
        return arrived.map(a -> Duration.between(departed, a));
    }

    /** Whether the goods have not arrived yet. */
    public boolean inTransit() {
        return arrived.isEmpty();
    }
}
