/**
 * Imports GS1 EPCIS 2.0 events and master data into the provenance graph: {@code epcis} reads and
 * validates documents ({@code epcis.graph} writes their events), {@code masterdata} reads and writes
 * the CSV master data, {@code run} is a whole import with its progress, {@code generate} makes
 * synthetic data of any size; {@link org.terroir.importer.PseudonymSalts} keeps households' pseudonyms stable.
 */
package org.terroir.importer;
