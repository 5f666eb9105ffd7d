package org.terroir.trace.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parsed and validated documents, kept by their text (at most {@code terroir.graphql.document-cache}
 * of them, the least worth keeping out first), so that the same query sent again (a client's query with
 * other variables) is neither parsed nor validated again. Documents that failed to parse or validate
 * are kept too: a bomb sent in a loop costs one parse. Depth, complexity and alias limits are checked
 * for every execution all the same.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentCache {

    @Bean
    GraphQlSourceBuilderCustomizer preparsedDocuments(GraphQlLimits limits) {
        PreparsedDocumentProvider provider = new Lru(limits.documentCache());
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    /** A bounded cache of documents by query text (Caffeine: concurrent, no lock on the event loop). */
    static final class Lru implements PreparsedDocumentProvider {
        private final Cache<String, PreparsedDocumentEntry> entries;

        Lru(int size) {
            this.entries = Caffeine.newBuilder().maximumSize(size).build();
        }

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
            return CompletableFuture.completedFuture(entries.get(input.getQuery(), query -> parseAndValidate.apply(input)));
        }
    }
}
