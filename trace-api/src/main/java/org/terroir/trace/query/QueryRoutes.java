package org.terroir.trace.query;

import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The query interface's routes ({@link QueryHttp}): {@code /events}, {@code /events/{eventID}}, and
 * each top-level resource ({@link TopLevel}) with its members and their events.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuerySettings.class)
class QueryRoutes {

    /** The resources whose members are the standard's values; the others list identifiers. */
    private static final Set<TopLevel> VOCABULARIES = Set.of(TopLevel.EVENT_TYPES, TopLevel.BIZ_STEPS, TopLevel.DISPOSITIONS);

    @Bean
    RouterFunction<ServerResponse> queryRouter(QueryHttp query) {
        RouterFunctions.Builder routes = RouterFunctions.route()
                .OPTIONS("/events", query::discover)
                .GET("/events", query::events)
                .OPTIONS("/events/{eventID}", query::discoverReadOnly)
                .GET("/events/{eventID}", query::event);
        for (TopLevel resource : TopLevel.values()) {
            String collection = "/" + resource.path();
            String member = collection + "/{" + resource.variable() + "}";
            routes.OPTIONS(collection, query::discoverReadOnly)
                    .OPTIONS(member, query::discoverReadOnly)
                    .OPTIONS(member + "/events", query::discoverReadOnly)
                    .GET(collection, VOCABULARIES.contains(resource) ? request -> query.vocabulary(resource, request)
                            : request -> query.identifiers(resource, request))
                    .GET(member, request -> query.member(resource, request))
                    .GET(member + "/events", request -> query.eventsOf(resource, request));
        }
        return routes.build();
    }
}
