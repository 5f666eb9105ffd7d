package org.terroir.trace.query;

import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The query interface's routes ({@link QueryHttp}, {@link NamedQueryHttp}): {@code /}, {@code /events},
 * {@code /events/{eventID}}, each top-level resource ({@link TopLevel}) with its members and their
 * events, and the named queries ({@code /queries}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuerySettings.class)
class QueryRoutes {

    /** The resources whose members are the standard's values; the others list identifiers. */
    private static final Set<TopLevel> VOCABULARIES = Set.of(TopLevel.EVENT_TYPES, TopLevel.BIZ_STEPS, TopLevel.DISPOSITIONS);

    @Bean
    RouterFunction<ServerResponse> queryRouter(QueryHttp query, NamedQueryHttp named) {
        var readOnly = query.options("OPTIONS, GET");
        RouterFunctions.Builder routes = RouterFunctions.route()
                .OPTIONS("/events", query.options("OPTIONS, GET, POST"))
                .GET("/events", query::events)
                .OPTIONS("/events/{eventID}", readOnly)
                .GET("/events/{eventID}", query::event)
                .OPTIONS("/", readOnly)
                .GET("/", query::topLevel)
                .OPTIONS("/queries", query.options("OPTIONS, GET, POST"))
                .POST("/queries", named::create)
                .GET("/queries", named::list)
                .OPTIONS("/queries/{queryName}", query.options("OPTIONS, GET, DELETE"))
                .GET("/queries/{queryName}", named::get)
                .DELETE("/queries/{queryName}", named::delete)
                .OPTIONS("/queries/{queryName}/events", readOnly)
                .GET("/queries/{queryName}/events", named::events);
        for (TopLevel resource : TopLevel.values()) {
            String collection = "/" + resource.path();
            String member = collection + "/{" + resource.variable() + "}";
            routes.OPTIONS(collection, readOnly)
                    .OPTIONS(member, readOnly)
                    .OPTIONS(member + "/events", readOnly)
                    .GET(collection, VOCABULARIES.contains(resource) ? request -> query.vocabulary(resource, request)
                            : request -> query.identifiers(resource, request))
                    .GET(member, request -> query.member(resource, request))
                    .GET(member + "/events", request -> query.eventsOf(resource, request));
        }
        return routes.build();
    }
}
