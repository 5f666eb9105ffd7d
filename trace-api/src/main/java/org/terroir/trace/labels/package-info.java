/**
 * Label verification for the API ({@code verifyLabel}): the verdict of {@code qr-labels} against
 * the configured trust list, reloaded when it changes.
 */
package org.terroir.trace.labels;
