/**
 * Reading GS1 EPCIS 2.0 documents: {@link org.terroir.importer.epcis.EpcisReader} (streaming JSON-LD
 * and XML), {@link org.terroir.importer.epcis.EpcisValidator} (pass 1 of an import: every problem
 * of a document) and {@link org.terroir.importer.epcis.EventHash} (the CBV 2.0 event hash ID).
 * The events themselves are in {@code epcis.model}; {@code epcis.internal} is implementation.
 */
package org.terroir.importer.epcis;
