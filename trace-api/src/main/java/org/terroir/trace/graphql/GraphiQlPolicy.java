package org.terroir.trace.graphql;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The Content-Security-Policy of {@code /graphiql}: Spring for GraphQL's page runs an inline module
 * and import map and loads React and GraphiQL from esm.sh, so it may do that and call this server's
 * {@code /graphql}, and nothing more (no framing, no form, no base). Every other response keeps the
 * stricter policy of the security configuration, which sets a header only where none is set.
 */
@Component
class GraphiQlPolicy implements WebFilter {

    static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' https://esm.sh;"
            + " style-src 'self' 'unsafe-inline' https://esm.sh; font-src 'self' https://esm.sh data:; img-src 'self' data:;"
            + " connect-src 'self' https://esm.sh; worker-src 'self' blob: https://esm.sh; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().equals("/graphiql")) {
            exchange.getResponse().getHeaders().set("Content-Security-Policy", POLICY);
        }
        return chain.filter(exchange);
    }
}
