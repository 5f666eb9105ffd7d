/**
 * Recalls: the {@code recall} mutation that marks a batch, the {@code recall} query that answers what
 * a recalled batch went into and where it went, and {@code BatchTrace.recall}.
 */
package org.terroir.trace.recall;
