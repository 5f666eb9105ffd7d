/**
 * The EPCIS 2.0 capture interface (the REST binding's {@code /capture}): a partner hands in a
 * document over HTTPS; it is kept on disk, recorded as a capture job in the graph, answered
 * {@code 202} with the job's {@code Location}, and then written by the same pipeline as
 * {@code terroir import} (validation of the whole document first, all or nothing, the event hash,
 * idempotent writes). A job survives a restart: the server takes up the jobs it left running.
 */
package org.terroir.trace.capture;
