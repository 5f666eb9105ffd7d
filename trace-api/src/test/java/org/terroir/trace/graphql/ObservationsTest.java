package org.terroir.trace.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

/** The GraphQL request is observed, the fields and data loaders inside it are left as they are. */
class ObservationsTest {

    private static final String SDL = """
            type Query { lots(keys: [String!]!): [Lot!]! }
            type Lot { key: String! product: String }
            """;

    @Test
    void observesTheRequestOnlyAndLeavesTheDataLoadersAsTheyAre() {
        List<String> observed = new CopyOnWriteArrayList<>();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                observed.add(context.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });

        AtomicReference<DataLoaderRegistry> seenByFields = new AtomicReference<>();
        DataFetcher<?> product = env -> {
            seenByFields.set(env.getDataLoaderRegistry());
            return env.getDataLoader("products").load(env.<Map<String, String>>getSource().get("key"));
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("lots", env -> env.<List<String>>getArgument("keys").stream()
                        .map(key -> Map.of("key", key)).toList()))
                .type("Lot", t -> t.dataFetcher("product", product))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        GraphQL graphQl = GraphQL.newGraphQL(schema).instrumentation(new Observations().graphQlObservationInstrumentation(observations)).build();

        DataLoaderRegistry loaders = DataLoaderRegistry.newRegistry()
                .register("products", DataLoaderFactory.newMappedDataLoader((Set<String> keys) ->
                        CompletableFuture.completedFuture(keys.stream().collect(Collectors.toMap(Function.identity(), k -> "product of " + k)))))
                .build();
        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput()
                .query("{ lots(keys: [\"A\", \"B\"]) { key product } }").dataLoaderRegistry(loaders).build());

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("lots", List.of(
                Map.of("key", "A", "product", "product of A"), Map.of("key", "B", "product", "product of B"))));
        assertThat(observed).contains("graphql.request")
                .noneMatch(name -> name.startsWith("graphql.datafetcher") || name.startsWith("graphql.dataloader"));
        assertThat(seenByFields.get()).as("the request's own registry, not a copy rebuilt with an instrumentation")
                .isSameAs(loaders);
        assertThat(loaders.getInstrumentation()).isNull();
    }
}
