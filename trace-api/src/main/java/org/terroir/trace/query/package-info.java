/**
 * The EPCIS 2.0 query interface (the REST binding's {@code GET /events}): partners, associations and
 * regulators read the events of the repository with the standard's query parameters, a keyset page
 * at a time, as EPCIS query documents; each caller sees what its role may see.
 */
package org.terroir.trace.query;
