package org.terroir.trace.scans;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** The routes of the scan: the resolver, the provenance page, the resolver description; who may read them; and the pages' language. */
@Configuration(proxyBeanMethods = false)
class ScanRoutes {

    @Bean
    RouterFunction<ServerResponse> resolverRoutes(DigitalLinkResolver resolver) {
        return RouterFunctions.route()
                .GET("/01/**", resolver::resolve)
                .HEAD("/01/**", resolver::resolve)
                .GET("/provenance/01/**", resolver::provenance)
                .GET("/.well-known/gs1resolver", resolver::description)
                .POST("/scans/{id}/place", resolver::place)
                .build();
    }

    /**
     * The resolver answers any origin (the GS1 resolver standard: a web page elsewhere reads a product's
     * links), preflights included, and lets it read the {@code Link} header; the provenance page and
     * the scan's place are for the page itself.
     */
    @Bean
    CorsWebFilter resolverCors() {
        CorsConfiguration anyOrigin = new CorsConfiguration();
        anyOrigin.addAllowedOrigin("*");
        anyOrigin.setAllowedMethods(List.of("GET", "HEAD"));
        anyOrigin.addAllowedHeader("*");
        anyOrigin.setExposedHeaders(List.of(HttpHeaders.LINK, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
        anyOrigin.setMaxAge(Duration.ofDays(1));
        UrlBasedCorsConfigurationSource paths = new UrlBasedCorsConfigurationSource();
        paths.registerCorsConfiguration("/01/**", anyOrigin);
        paths.registerCorsConfiguration("/.well-known/gs1resolver", anyOrigin);
        return new CorsWebFilter(paths);
    }

    /**
     * The pages' language from {@code Accept-Language}: English when the browser prefers it, else
     * Chinese (zh-CN) — the language of the consumers the labels are printed for.
     */
    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver() {
        AcceptHeaderLocaleContextResolver resolver = new AcceptHeaderLocaleContextResolver();
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }
}
