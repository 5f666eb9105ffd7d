/**
 * EPCIS 2.0 webhook subscriptions (the REST binding's {@code /queries/{queryName}/subscriptions}): a
 * party subscribes to a named query with a destination and a signing key; the events captured that
 * match are POSTed to it as signed EPCIS query documents, through an outbox in the graph, retried
 * until delivered, across restarts.
 */
package org.terroir.trace.subscriptions;
