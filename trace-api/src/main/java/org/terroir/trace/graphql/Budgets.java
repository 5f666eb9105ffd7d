package org.terroir.trace.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ErrorClassification;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.terroir.trace.access.Caller;
import org.terroir.trace.access.Clients;

/**
 * A cost budget per client for GraphQL: each client ({@link Clients}: its token's subject, else its
 * address, IPv6 by /64) has a bucket of {@code terroir.graphql.budget.capacity} units (default 4,000)
 * refilled at {@code terroir.graphql.budget.per-minute} (default 12,000), and every operation it runs
 * takes its complexity in units — the same count the complexity limit judges, every fragment at every
 * place it is spread. An operation the bucket cannot pay is refused before it runs with an error of
 * classification {@value #RATE_LIMITED} whose {@code extensions.retryAfterSeconds} says when it can,
 * answered with HTTP 429 and {@code Retry-After}. Operations Terroir runs for itself (the scan page's
 * question, which the scan limits count) take nothing. Clients are kept ten minutes after their last
 * request, at most {@code terroir.graphql.budget.clients} (default 100,000) of them.
 */
@Component
public class Budgets {

    /** The classification of a refused operation's error. */
    public static final String RATE_LIMITED = "RATE_LIMITED";

    /** The key of the request's remote address in the GraphQL context. */
    static final String REMOTE_ADDRESS = "terroir.remote-address";

    private final Clients clients;
    private final Bandwidth limit;
    private final long capacity;
    private final Cache<String, Bucket> buckets;

    Budgets(Clients clients, GraphQlLimits limits) {
        long capacity = limits.budget().capacity();
        long perMinute = limits.budget().perMinute();
        int clientCount = limits.budget().clients();
        int maxComplexity = limits.maxComplexity();
        if (capacity < maxComplexity || perMinute < 1) {
            throw new IllegalArgumentException("terroir.graphql.budget.capacity must be at least terroir.graphql.max-complexity ("
                    + maxComplexity + ", or the costliest allowed query could never run) and per-minute at least 1, are "
                    + capacity + " and " + perMinute);
        }
        this.clients = clients;
        this.capacity = capacity;
        this.limit = Bandwidth.builder().capacity(capacity).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
        this.buckets = Caffeine.newBuilder().maximumSize(clientCount).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    /**
     * Takes {@code cost} units from the budget of the client the context names: empty when taken (or
     * when no client asked: an operation Terroir runs for itself), else the error to refuse it with.
     */
    Optional<GraphQLError> take(GraphQLContext context, long cost) {
        InetSocketAddress address = context.get(REMOTE_ADDRESS);
        if (address == null) {
            return Optional.empty();
        }
        Caller caller = context.getOrDefault(Caller.CONTEXT_KEY, Caller.PUBLIC);
        String client = clients.key(caller.subject(), Clients.addressOf(address));
        Bucket bucket = buckets.get(client, key -> Bucket.builder().addLimit(limit).build());
        long units = Math.max(1, Math.min(cost, capacity));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(units);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return Optional.of(GraphqlErrorBuilder.newError()
                .errorType(ErrorClassification.errorClassification(RATE_LIMITED))
                .message("this client has spent its query budget: the query costs " + units + " units, "
                        + probe.getRemainingTokens() + " are left; retry in " + seconds + " s"
                        + " (terroir.graphql.budget: a query costs its complexity)")
                .extensions(Map.of("retryAfterSeconds", seconds, "cost", units))
                .build());
    }
}
