/**
 * The files of the label PKI and of issued labels, as the {@code terroir keys}, {@code trust-list},
 * {@code labels} and {@code verify} commands read and write them: PEM keys and certificates
 * ({@link org.terroir.labels.files.PemFiles}), signed revocations
 * ({@link org.terroir.labels.files.RevocationFile}), label sheets and images with their URIs and
 * commissioning event ({@link org.terroir.labels.files.LabelFiles},
 * {@link org.terroir.labels.files.CommissioningDocument}).
 */
package org.terroir.labels.files;
