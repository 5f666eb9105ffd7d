package org.terroir.trace.graphql;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.WebFilter;

/**
 * The HTTP side of the {@link Budgets}: each GraphQL request's remote address goes into its context
 * (the client it is charged to), and an operation refused for its budget is answered with 429 and
 * {@code Retry-After}, as HTTP has it for a client sending too much.
 */
@Configuration(proxyBeanMethods = false)
class BudgetHttp {

    /**
     * The client's address as the connection (or the proxy, with {@code server.forward-headers-strategy})
     * gives it, kept in the exchange's attributes: the routes that rebuild a GraphQL request (GET, the
     * checked POST) hand Spring for GraphQL a request without one.
     */
    @Bean
    WebFilter budgetAddress() {
        return (exchange, chain) -> {
            InetSocketAddress address = exchange.getRequest().getRemoteAddress();
            if (address != null) {
                exchange.getAttributes().put(Budgets.REMOTE_ADDRESS, address);
            }
            return chain.filter(exchange);
        };
    }

    @Bean
    WebGraphQlInterceptor budgetClient() {
        return (request, chain) -> {
            Object address = request.getAttributes().getOrDefault(Budgets.REMOTE_ADDRESS, request.getRemoteAddress());
            if (address instanceof InetSocketAddress remote) {
                request.configureExecutionInput((input, builder) ->
                        builder.graphQLContext(Map.of(Budgets.REMOTE_ADDRESS, remote)).build());
            }
            return chain.next(request).doOnNext(response -> retryAfter(response).ifPresent(seconds ->
                    response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds))));
        };
    }

    /** Spring for GraphQL's handler, but 429 for a request refused for its budget. */
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
        return new GraphQlHttpHandler(handler) {
            @Override
            protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
                return retryAfter(response).isPresent() ? HttpStatus.TOO_MANY_REQUESTS
                        : super.selectResponseStatus(response, responseMediaType);
            }
        };
    }

    /** The seconds a response refused for its budget says to wait; empty for any other response. */
    private static Optional<Long> retryAfter(WebGraphQlResponse response) {
        if (response.getData() != null) {
            return Optional.empty();
        }
        for (ResponseError error : response.getErrors()) {
            if (Budgets.RATE_LIMITED.equals(error.getErrorType().toString())
                    && error.getExtensions().get("retryAfterSeconds") instanceof Number seconds) {
                return Optional.of(seconds.longValue());
            }
        }
        return Optional.empty();
    }
}
