package org.terroir.trace.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of a GraphQL request ({@code terroir.graphql.*}; docs/trace-api.md lists them).
 *
 * @param maxBody           the largest {@code POST /graphql} body read
 * @param maxDocumentChars  the longest document parsed
 * @param maxDocumentTokens the most tokens a document may hold
 * @param maxDepth          the deepest selection
 * @param maxComplexity     the costliest operation ({@link OperationCost})
 * @param maxAliases        the most aliases in one operation
 * @param documentCache     how many parsed documents (and verdicts on their operations) are kept
 * @param budget            each client's budget of operation cost
 */
@ConfigurationProperties("terroir.graphql")
public record GraphQlLimits(@DefaultValue("64KB") DataSize maxBody, @DefaultValue("20000") int maxDocumentChars,
                            @DefaultValue("5000") int maxDocumentTokens, @DefaultValue("12") int maxDepth,
                            @DefaultValue("2000") int maxComplexity, @DefaultValue("30") int maxAliases,
                            @DefaultValue("1000") int documentCache, @DefaultValue Budget budget) {

    /**
     * A client's budget: a bucket of {@code capacity} units refilled at {@code perMinute}, kept for
     * the {@code clients} most recent clients.
     */
    public record Budget(@DefaultValue("4000") long capacity, @DefaultValue("12000") long perMinute,
                         @DefaultValue("100000") int clients) {}
}
