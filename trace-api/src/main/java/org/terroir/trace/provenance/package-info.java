/**
 * The read services of the trace API and the records they answer with: one query class per question
 * (batches, inputs, contributions, journeys, items, downstream, recalls, lists, events, scans and
 * their flags, poverty figures), each answering for many keys with one statement. Households appear
 * by pseudonym; their personal data are read only by {@link org.terroir.trace.provenance.Identities},
 * for callers that have checked who may see them (the producers' owners and regulators).
 */
package org.terroir.trace.provenance;
