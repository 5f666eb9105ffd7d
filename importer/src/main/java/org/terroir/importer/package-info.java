/** Imports GS1 EPCIS 2.0 events and master data into the provenance graph (work in progress: see the importer issue). */
package org.terroir.importer;
