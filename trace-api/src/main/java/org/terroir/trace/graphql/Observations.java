package org.terroir.trace.graphql;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Which observations (metrics, traces) the API records: each HTTP request and each GraphQL request,
 * but not each data fetcher and data loader call inside one. A trace of one lot resolves dozens of
 * fields; timing each cost more CPU than the timers were worth (seen in a profile of the benchmark),
 * while the statements behind them are few and counted in tests.
 *
 * <p>The fields and loaders are left out by not instrumenting them at all, rather than by an
 * {@code ObservationPredicate} that turns their observations into no-ops: Spring for GraphQL
 * (2.0.4 to 2.0.6) casts a data loader observation's context to its own type when the batch
 * completes, and a no-op observation's context is not of that type. Every batch then threw a
 * {@code ClassCastException} (swallowed in a future nobody reads, its stack trace filled in each
 * time), and the registry of data loaders was rebuilt with that instrumentation for every request
 * (seen in an allocation profile of the benchmark).
 */
@Configuration(proxyBeanMethods = false)
public class Observations {

    /** Replaces Spring Boot's instrumentation (which backs off when one is defined). */
    @Bean
    GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry registry) {
        return new RequestObservations(registry);
    }

    /** Observes each GraphQL request (and its document), nothing inside it. */
    static final class RequestObservations extends GraphQlObservationInstrumentation {

        RequestObservations(ObservationRegistry registry) {
            super(registry);
        }

        /** The request's data loaders as they are: no observation of each batch. */
        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            return input;
        }

        /** Each field's data fetcher as it is: no observation of each call. */
        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            return fetcher;
        }
    }
}
