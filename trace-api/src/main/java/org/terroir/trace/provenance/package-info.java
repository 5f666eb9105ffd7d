/**
 * The public provenance view of the graph: one query class per question ({@link
 * org.terroir.trace.provenance.Batches}, {@link org.terroir.trace.provenance.Contributions},
 * {@link org.terroir.trace.provenance.Inputs}, {@link org.terroir.trace.provenance.Journeys}), each
 * answering for many batches with one statement, and the records they answer with. Households appear
 * by pseudonym only: nothing here reads their identities.
 */
package org.terroir.trace.provenance;
