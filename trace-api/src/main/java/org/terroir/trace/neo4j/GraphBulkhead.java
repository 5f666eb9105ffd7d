package org.terroir.trace.neo4j;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;

/**
 * At most {@code terroir.graph.max-concurrent-requests} HTTP requests use the graph at once (four per
 * core by default: on a machine whose cores the embedded Neo4j shares, more in flight only lengthens
 * every request's wait for a core; raise it when Neo4j runs elsewhere), and at most
 * {@code terroir.graph.max-waiting-requests} wait for a permit; beyond that a request is refused at
 * once ("the server is busy"). Every request gets a permit it takes only if it reaches the graph,
 * so that a refused query, a health check or a metrics scrape never waits behind traces. The
 * Prometheus gauges {@code terroir_graph_requests_active} and {@code terroir_graph_requests_waiting}
 * show the permits taken and the line.
 */
@Configuration(proxyBeanMethods = false)
public class GraphBulkhead {

    @Bean
    Bulkhead bulkhead(GraphCapacity settings) {
        int capacity = settings.permits();
        int maxWaiting = settings.maxWaitingRequests();
        if (capacity < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("terroir.graph.max-concurrent-requests must be at least 1 (was " + capacity
                    + ") and terroir.graph.max-waiting-requests at least 0 (was " + maxWaiting + ")");
        }
        return new Bulkhead(capacity, maxWaiting);
    }

    /** First of the filters, so that the permit is given back only when the whole answer is written. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter permitPerRequest(Bulkhead bulkhead) {
        return (exchange, chain) -> bulkhead.permit().around(chain.filter(exchange))
                // A page or a link the resolver could not answer for want of a permit (GraphQL answers it as an error).
                .onErrorMap(Bulkhead.BusyException.class, busy -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        busy.getMessage(), busy));
    }

    @Bean
    MeterBinder bulkheadGauges(Bulkhead bulkhead) {
        return registry -> {
            Gauge.builder("terroir.graph.requests.active", bulkhead, Bulkhead::taken)
                    .description("HTTP requests using the graph now (at most terroir.graph.max-concurrent-requests)")
                    .register(registry);
            Gauge.builder("terroir.graph.requests.waiting", bulkhead, Bulkhead::waiting)
                    .description("HTTP requests waiting for a permit at the graph")
                    .register(registry);
        };
    }
}
