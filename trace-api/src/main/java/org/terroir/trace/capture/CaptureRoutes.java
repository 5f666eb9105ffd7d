package org.terroir.trace.capture;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The capture interface's routes: {@code /capture}, {@code /capture/{captureID}} and {@code POST /events} ({@link CaptureHttp}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaptureSettings.class)
class CaptureRoutes {

    @Bean
    RouterFunction<ServerResponse> captureRouter(CaptureHttp capture) {
        return RouterFunctions.route()
                .OPTIONS("/capture", capture::discover)
                .POST("/capture", capture::capture)
                .GET("/capture", capture::jobs)
                .GET("/capture/{captureID}", capture::job)
                .POST("/events", capture::captureEvent)
                .build();
    }
}
