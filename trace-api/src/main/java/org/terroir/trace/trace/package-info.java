/**
 * The {@code trace} and {@code traceItem} queries: a batch's product, brand, origin, certifications,
 * inputs, producers and journey, and an item's; each field answered for every batch of a request's
 * depth by one statement ({@link org.terroir.trace.trace.TraceStatements}). Households appear by
 * pseudonym; their personal data are read only by {@link org.terroir.trace.trace.Identities}, for
 * callers that have been checked to see them (the producers' owners and regulators).
 */
package org.terroir.trace.trace;
