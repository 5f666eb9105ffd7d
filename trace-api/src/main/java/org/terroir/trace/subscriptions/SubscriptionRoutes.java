package org.terroir.trace.subscriptions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.terroir.trace.epcis.EpcisAnswers;

/** The subscriptions' routes ({@link SubscriptionHttp}): {@code /queries/{queryName}/subscriptions} and each subscription. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriptionSettings.class)
class SubscriptionRoutes {

    @Bean
    RouterFunction<ServerResponse> subscriptionRouter(SubscriptionHttp subscriptions) {
        return RouterFunctions.route()
                .OPTIONS("/queries/{queryName}/subscriptions", request -> ServerResponse.noContent()
                        .headers(EpcisAnswers::versionRange).header(HttpHeaders.ALLOW, "OPTIONS, GET, POST").build())
                .POST("/queries/{queryName}/subscriptions", subscriptions::subscribe)
                .GET("/queries/{queryName}/subscriptions", subscriptions::list)
                .OPTIONS("/queries/{queryName}/subscriptions/{subscriptionID}", request -> ServerResponse.noContent()
                        .headers(EpcisAnswers::versionRange).header(HttpHeaders.ALLOW, "OPTIONS, GET, DELETE").build())
                .GET("/queries/{queryName}/subscriptions/{subscriptionID}", subscriptions::get)
                .DELETE("/queries/{queryName}/subscriptions/{subscriptionID}", subscriptions::unsubscribe)
                .build();
    }
}
