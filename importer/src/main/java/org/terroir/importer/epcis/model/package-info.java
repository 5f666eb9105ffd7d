/**
 * The EPCIS 2.0 event model the graph is built from: the sealed
 * {@link org.terroir.importer.epcis.model.EpcisEvent} and its five event types, identifiers
 * ({@link org.terroir.importer.epcis.model.Epc}), CBV vocabularies
 * ({@link org.terroir.model.Cbv}), user extensions, master data and problems.
 */
package org.terroir.importer.epcis.model;
