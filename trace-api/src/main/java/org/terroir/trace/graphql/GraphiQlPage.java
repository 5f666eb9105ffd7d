package org.terroir.trace.graphql;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.webflux.GraphiQlHandler;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /graphiql}: GraphiQL served wholly by this server, so that it works with no internet and
 * where a CDN is out of reach (Spring for GraphQL's own page loads React and GraphiQL from esm.sh in
 * the browser, and stays at "Loading…" without it). The page ({@value #PAGE}) loads GraphiQL, React
 * and ReactDOM from the WebJars pinned in this module's build ({@code /webjars/…}) and its style and
 * start script from {@code static/graphiql/}; no inline script or style, so {@link GraphiQlPolicy}
 * allows this server only. Spring for GraphQL's handler still answers: a request without
 * {@code ?path=} is redirected to {@code ?path=/graphql}, which the page sends its queries to.
 * Switched on and off by {@code spring.graphql.graphiql.enabled}, like the page it replaces, whose
 * route comes after this one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.graphql.graphiql.enabled")
class GraphiQlPage {

    /** The page, on the class path; the build writes the WebJars' versions into it. */
    static final String PAGE = "graphiql-page/index.html";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphiQlRoute(GraphQlProperties graphQl) {
        String path = graphQl.getGraphiql().getPath();
        GraphiQlHandler page = new GraphiQlHandler("/graphql", null, new ClassPathResource(PAGE));
        return RouterFunctions.route().GET(path, page::handleRequest).build();
    }
}
