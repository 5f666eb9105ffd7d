package org.terroir.trace.trace;

import graphql.GraphQLContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.terroir.trace.access.AuditLog;
import org.terroir.trace.access.Caller;
import org.terroir.trace.graphql.ForbiddenFieldException;

/**
 * The fields of {@code ProducerContribution} and {@code Producer} that are personal data: the household's identity and
 * whether it is a registered poor household. Each is checked where it is resolved, so that no path
 * to it (nested, aliased, through a fragment) escapes the check: a regulator reads them, an
 * association for the batches of its own brands (a household in the producers list: one that contributed to
 * them); anyone else gets a {@code FORBIDDEN} error and
 * null. Every identity read is audited ({@link AuditLog}: who, which household, which batch). The identities of one request are read by one statement.
 */
@Controller
public class ProducerContributionFields {

    private final AuditLog audit;

    ProducerContributionFields(BatchLoaderRegistry registry, Identities identities, AuditLog audit) {
        this.audit = audit;
        registry.forTypePair(String.class, HouseholdIdentity.class)
                .registerMappedBatchLoader((pseudonyms, env) -> identities.byPseudonyms(pseudonyms));
    }

    @SchemaMapping(typeName = "ProducerContribution")
    CompletableFuture<HouseholdIdentity> identity(ProducerContribution contribution, GraphQLContext context,
                                                  DataLoader<String, HouseholdIdentity> identities) {
        Caller caller = Caller.of(context);
        requireAllowed(caller, contribution, "identity");
        audit.record(caller, "identity.read", Map.of("household", contribution.pseudonym(), "batch", contribution.batch()));
        return identities.load(contribution.pseudonym());
    }

    @SchemaMapping(typeName = "ProducerContribution")
    Boolean registeredPoor(ProducerContribution contribution, GraphQLContext context) {
        requireAllowed(Caller.of(context), contribution, "registeredPoor");
        return contribution.registeredPoor();
    }

    @SchemaMapping(typeName = "Producer", field = "identity")
    CompletableFuture<HouseholdIdentity> producerIdentity(Producer producer, GraphQLContext context,
                                                          DataLoader<String, HouseholdIdentity> identities) {
        Caller caller = Caller.of(context);
        requireAllowed(caller, producer, "identity");
        audit.record(caller, "identity.read", Map.of("household", producer.pseudonym(), "brands", String.join(",", producer.brands())));
        return identities.load(producer.pseudonym());
    }

    @SchemaMapping(typeName = "Producer", field = "registeredPoor")
    Boolean producerRegisteredPoor(Producer producer, GraphQLContext context) {
        requireAllowed(Caller.of(context), producer, "registeredPoor");
        return producer.registeredPoor();
    }

    private static void requireAllowed(Caller caller, ProducerContribution contribution, String field) {
        if (!caller.mayReadHouseholdsOf(contribution.brandOwners())) {
            throw new ForbiddenFieldException("ProducerContribution." + field + " is personal data: only a regulator or "
                    + "the association that owns the brand of batch " + contribution.batch() + " may read it (caller: "
                    + caller.describe() + ")");
        }
    }

    private static void requireAllowed(Caller caller, Producer producer, String field) {
        if (!caller.mayReadHouseholdsOf(producer.brandOwners())) {
            throw new ForbiddenFieldException("Producer." + field + " is personal data: only a regulator or "
                    + "the association that owns a brand the household contributed to may read it (caller: "
                    + caller.describe() + ")");
        }
    }
}
