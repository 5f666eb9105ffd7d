package org.terroir.trace.labels;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The trust list labels are verified against ({@code terroir.trust-list}, {@code terroir.trust-roots},
 * {@code terroir.trust-list-refresh}; docs/trace-api.md).
 *
 * @param trustList        the signed trust list: a file, or an {@code http(s)} URL; none: no label is trusted
 * @param trustRoots       PEM file of the regulator root certificate(s) the list must be signed by
 * @param trustListRefresh how often the list is read again
 */
@ConfigurationProperties("terroir")
record TrustListSettings(String trustList, String trustRoots, @DefaultValue("30s") Duration trustListRefresh) {}
