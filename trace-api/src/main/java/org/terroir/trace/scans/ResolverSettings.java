package org.terroir.trace.scans;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The resolver's root ({@code terroir.resolver.base}; docs/scan.md).
 *
 * @param base the scheme and host the links a resolver answers with start with, e.g.
 *             {@code https://id.example.cn}; none: those of each request
 */
@ConfigurationProperties("terroir.resolver")
record ResolverSettings(String base) {}
