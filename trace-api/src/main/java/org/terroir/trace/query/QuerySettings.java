package org.terroir.trace.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The query interface's settings ({@code terroir.query.*}; docs/capture.md).
 *
 * @param defaultPerPage events a page holds when {@code perPage} is not given (the binding's 30)
 * @param maxPerPage     the most events a page holds, whatever {@code perPage} asks
 */
@ConfigurationProperties("terroir.query")
public record QuerySettings(@DefaultValue("30") int defaultPerPage, @DefaultValue("1000") int maxPerPage) {

    public QuerySettings {
        if (maxPerPage < 1 || defaultPerPage < 1 || defaultPerPage > maxPerPage) {
            throw new IllegalArgumentException("terroir.query: 1 <= default-per-page <= max-per-page, got "
                    + defaultPerPage + " and " + maxPerPage);
        }
    }
}
