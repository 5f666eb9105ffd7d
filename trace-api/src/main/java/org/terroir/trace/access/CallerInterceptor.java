package org.terroir.trace.access;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the {@link Caller} of each GraphQL request into its {@code GraphQLContext}: the caller the
 * request's verified bearer token names (read from its claims once, when it was verified, by
 * {@code SecurityConfiguration}), {@link Caller#PUBLIC} for a request
 * without one. A request with a token that does not verify never gets here: Spring Security answers
 * it with 401.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return Caller.current().flatMap(caller -> {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(Caller.CONTEXT_KEY, caller)).build());
            return chain.next(request);
        });
    }
}
