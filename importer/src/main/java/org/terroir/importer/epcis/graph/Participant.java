package org.terroir.importer.epcis.graph;

import java.util.Objects;
import org.terroir.model.id.Gln;

/**
 * Whose events a document may hold, as {@link Participation} checks before anything is written:
 * anyone's ({@link #ANYONE}: a file imported by whoever runs the store, a regulator's capture), those
 * a party takes part in ({@link Party}), or those at one station ({@link Station}).
 */
public sealed interface Participant {

    /** Any event: nothing is checked. */
    Participant ANYONE = new Anyone();

    /** No restriction. */
    record Anyone() implements Participant {
        @Override
        public String describe() {
            return "anyone";
        }
    }

    /**
     * A party (association, cooperative or enterprise, carrier) by its GLN: the events that happen at
     * its locations, and, where no other party runs the place, those naming it in their source or
     * destination lists or naming its objects (produced at its locations, or of its brands).
     */
    record Party(String gln) implements Participant {
        public Party {
            Objects.requireNonNull(gln, "gln");
            Gln.of(gln);
        }

        @Override
        public String describe() {
            return "party " + gln;
        }
    }

    /** The staff of one station, by the station's GLN: the events that happen there. */
    record Station(String gln) implements Participant {
        public Station {
            Objects.requireNonNull(gln, "gln");
            Gln.of(gln);
        }

        @Override
        public String describe() {
            return "station " + gln;
        }

        /** Whether the location of this key ({@code 414/{gln}[/254/{extension}]}) is the station or a part of it. */
        boolean holds(String locationKey) {
            String station = "414/" + gln;
            return locationKey.equals(station) || locationKey.startsWith(station + "/");
        }
    }

    /** For problems and logs, e.g. {@code party 9520099000015}. */
    String describe();
}
