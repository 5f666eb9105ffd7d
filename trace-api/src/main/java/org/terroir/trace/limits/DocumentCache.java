package org.terroir.trace.limits;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parsed and validated documents, kept by their text (at most {@code terroir.graphql.document-cache}
 * of them, least recently used out first), so that the same query sent again (a client's query with
 * other variables) is neither parsed nor validated again. Documents that failed to parse or validate
 * are kept too: a bomb sent in a loop costs one parse. Depth, complexity and alias limits are checked
 * for every execution all the same.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentCache {

    @Bean
    GraphQlSourceBuilderCustomizer preparsedDocuments(@Value("${terroir.graphql.document-cache:1000}") int size) {
        PreparsedDocumentProvider provider = new Lru(size);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    /** A bounded least-recently-used map of documents by query text. */
    static final class Lru implements PreparsedDocumentProvider {
        private final Map<String, PreparsedDocumentEntry> entries;

        Lru(int size) {
            this.entries = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                    return size() > size;
                }
            };
        }

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
            String query = input.getQuery();
            PreparsedDocumentEntry entry;
            synchronized (entries) {
                entry = entries.get(query);
            }
            if (entry == null) {
                entry = parseAndValidate.apply(input);
                synchronized (entries) {
                    entries.put(query, entry);
                }
            }
            return CompletableFuture.completedFuture(entry);
        }
    }
}
