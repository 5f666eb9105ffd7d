/**
 * The scan: what a phone camera opens from a label's GS1 Digital Link. The resolver answers
 * {@code /01/{gtin}[/10/{lot}][/21/{serial}]} as a GS1-conformant resolver (a linkset, a redirect
 * per link type, {@code /.well-known/gs1resolver}) and, for a browser, with the provenance page; each
 * scan is recorded and checked for signs of a copied label, and the {@code scans} and
 * {@code suspiciousScans} queries list them for the brand owners and regulators.
 */
package org.terroir.trace.scans;
