package org.terroir.trace.graphql;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The Content-Security-Policy of {@code /graphiql} ({@link GraphiQlPage}): its scripts, styles and
 * queries come from this server and go to it, and nothing else loads (no other host, no inline
 * script or style, no plug-in, no framing, no form, no base); the fonts and icons that GraphiQL's
 * style sheet carries inline are {@code data:} URLs. Every other response keeps the stricter policy
 * of the security configuration, which sets a header only where none is set.
 */
@Component
class GraphiQlPolicy implements WebFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    private final String path;

    GraphiQlPolicy(GraphQlProperties graphQl) {
        this.path = graphQl.getGraphiql().getPath();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().equals(path)) {
            exchange.getResponse().getHeaders().set("Content-Security-Policy", POLICY);
        }
        return chain.filter(exchange);
    }
}
