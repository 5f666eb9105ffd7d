/**
 * The reactive GraphQL provenance API. So far the public {@code trace} query of a batch (see
 * {@code docs/trace-api.md}); roles, limits, recall and the scan pages are still to come.
 */
package org.terroir.trace;
