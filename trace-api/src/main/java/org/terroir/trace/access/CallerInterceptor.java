package org.terroir.trace.access;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the {@link Caller} of each GraphQL request into its {@code GraphQLContext}. Until
 * authentication is configured every request is {@link Caller#PUBLIC}.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return caller().flatMap(caller -> {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(Caller.CONTEXT_KEY, caller)).build());
            return chain.next(request);
        });
    }

    private Mono<Caller> caller() {
        return Mono.just(Caller.PUBLIC);
    }
}
