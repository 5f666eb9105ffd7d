package org.terroir.trace.graphql;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.parser.ParserOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import org.terroir.trace.neo4j.RequestTimeout;
import reactor.core.publisher.Mono;

/**
 * Limits of a whole request: the size of its document (characters and tokens, checked by the
 * parser as it reads, so that a huge document costs no more than the limit), and how long it may
 * take. A request over time is cancelled (its statements with it) and answered with one error of
 * classification {@code INTERNAL_ERROR} naming the limit; its partial data is dropped.
 */
@Component
public class RequestLimits implements WebGraphQlInterceptor {

    private final ParserOptions parserOptions;
    private final Duration timeout;
    private final String timeoutMessage;

    RequestLimits(GraphQlLimits limits, RequestTimeout requestTimeout) {
        int maxCharacters = limits.maxDocumentChars();
        int maxTokens = limits.maxDocumentTokens();
        Duration timeout = requestTimeout.timeout();
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxCharacters(maxCharacters)
                .maxTokens(maxTokens));
        this.timeout = timeout;
        this.timeoutMessage = "the request took longer than the limit " + timeout.toMillis() + " ms (terroir.graphql.timeout) "
                + "and was cancelled";
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(ParserOptions.class, parserOptions)).build());
        return chain.next(request)
                .timeout(timeout)
                .onErrorResume(TimeoutException.class, e -> Mono.just(timedOut(request)));
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().errorType(ErrorType.INTERNAL_ERROR).message(timeoutMessage)
                        .extensions(Map.of("limit", "terroir.graphql.timeout")).build())
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
