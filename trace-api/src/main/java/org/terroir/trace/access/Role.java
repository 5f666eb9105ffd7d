package org.terroir.trace.access;

/**
 * Who is asking, as far as what they may see and capture goes. A request without a token is
 * {@link #PUBLIC}. Every role but the public and regulators speaks for one party, named by GLN in its
 * token: an association, a carrier, a cooperative or enterprise, or a station (the station's location GLN).
 */
public enum Role {
    /** A consumer: provenance in the public view, producer households by pseudonym only. */
    PUBLIC,
    /** A brand association: its own brands in full, other brands in the public view. */
    ASSOCIATION,
    /** A logistics operator (a carrier): the hops and locations of the goods it carried. */
    LOGISTICS,
    /**
     * A cooperative or leading enterprise, the producer side: the events at the locations it runs and
     * about the goods produced there.
     */
    ENTERPRISE,
    /** The staff of one e-commerce service station (village, township or county): the events at that station. */
    STATION,
    /** A regulator: everything, and the recall of batches. */
    REGULATOR;

    /** Whether a caller of this role speaks for one party, whose GLN its token names. */
    public boolean speaksForAParty() {
        return this != PUBLIC && this != REGULATOR;
    }
}
