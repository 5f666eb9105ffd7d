package org.terroir.trace.limits;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which observations (metrics, traces) the API records: each HTTP request and each GraphQL request,
 * but not each data fetcher and data loader call inside one. A trace of one lot resolves dozens of
 * fields; timing each cost more CPU than the timers were worth (seen in a profile of the benchmark),
 * while the statements behind them are few and counted in tests.
 */
@Configuration(proxyBeanMethods = false)
public class Observations {

    @Bean
    ObservationPredicate noFieldObservations() {
        return (name, context) -> !name.startsWith("graphql.datafetcher") && !name.startsWith("graphql.dataloader");
    }
}
