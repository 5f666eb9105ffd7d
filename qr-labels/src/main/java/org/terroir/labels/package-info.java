/**
 * Signed GS1 Digital Link labels, their certificates and offline verification (no database).
 *
 * <ul>
 *   <li>{@link org.terroir.labels.DigitalLink}: build and parse the label URI (AI 01, 10, 21 in
 *       the path; 11, 13, 17, 8030 in the query) and its canonical element string;
 *       {@link org.terroir.labels.Gs1Date} for the YYMMDD dates.</li>
 *   <li>{@link org.terroir.labels.SigningKey} / {@link org.terroir.labels.VerificationKey}: keys
 *       as PKCS#8 / SubjectPublicKeyInfo PEM; the {@link org.terroir.labels.SignatureAlgorithm}
 *       (Ed25519, ECDSA P-256, SM2) follows from the key.</li>
 *   <li>{@link org.terroir.labels.LabelSigner} adds AI 8030, laid out by
 *       {@link org.terroir.labels.LabelSignature}; {@link org.terroir.labels.LabelVerifier}
 *       returns a {@link org.terroir.labels.Verdict} and never throws on bad input.</li>
 *   <li>{@link org.terroir.labels.CertificateIssuer} and
 *       {@link org.terroir.labels.LabelCertificate}: regulator root → brand association (GS1
 *       company prefixes) → signer.</li>
 * </ul>
 *
 * The exact bytes and encodings are specified in {@code docs/label-format.md}.
 */
package org.terroir.labels;
