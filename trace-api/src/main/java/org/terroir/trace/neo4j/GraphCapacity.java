package org.terroir.trace.neo4j;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests use the graph at once ({@code terroir.graph.max-concurrent-requests}, 4 a core by
 * default) and how many may wait for a permit ({@code terroir.graph.max-waiting-requests}).
 */
@ConfigurationProperties("terroir.graph")
public record GraphCapacity(Integer maxConcurrentRequests, @DefaultValue("1000") int maxWaitingRequests) {

    /** How many requests may use the graph at once: as set, or 4 a core. */
    public int permits() {
        return maxConcurrentRequests != null ? maxConcurrentRequests : 4 * Runtime.getRuntime().availableProcessors();
    }
}
