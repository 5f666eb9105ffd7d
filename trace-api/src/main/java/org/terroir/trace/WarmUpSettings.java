package org.terroir.trace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the busiest statements are planned at start ({@code terroir.warm-up}; docs/trace-api.md).
 *
 * @param warmUp plan them before the server says it is ready
 */
@ConfigurationProperties("terroir")
record WarmUpSettings(@DefaultValue("true") boolean warmUp) {}
