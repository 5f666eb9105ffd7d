package org.terroir.trace.access;

/**
 * Who is asking, as far as what they may see goes. A request without a token is {@link #PUBLIC}.
 */
public enum Role {
    /** A consumer: provenance in the public view, producer households by pseudonym only. */
    PUBLIC,
    /** A brand association: its own brands in full, other brands in the public view. */
    ASSOCIATION,
    /** A logistics operator: the hops and locations of the goods it carried. */
    LOGISTICS,
    /** A regulator: everything, and the recall of batches. */
    REGULATOR
}
