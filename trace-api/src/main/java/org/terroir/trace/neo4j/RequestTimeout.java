package org.terroir.trace.neo4j;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long one request may take, its statements included ({@code terroir.graphql.timeout}, 10 s by
 * default): the GraphQL request, the scan page, and each statement's transaction.
 */
@ConfigurationProperties("terroir.graphql")
public record RequestTimeout(@DefaultValue("10s") Duration timeout) {

    public RequestTimeout {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("terroir.graphql.timeout must be above 0, is " + timeout);
        }
    }
}
