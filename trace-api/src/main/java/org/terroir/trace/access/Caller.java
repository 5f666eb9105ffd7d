package org.terroir.trace.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The authenticated caller of one request: its role, the token's subject, and the parties
 * (by GLN) the token speaks for: the association of an {@link Role#ASSOCIATION} caller, the carrier
 * of a {@link Role#LOGISTICS} caller, the cooperative or enterprise of an {@link Role#ENTERPRISE} caller,
 * the station (its location's GLN) of a {@link Role#STATION} caller. {@link CallerInterceptor} puts it into the request's
 * {@code GraphQLContext} under {@link #CONTEXT_KEY}, where controllers read it
 * ({@code @ContextValue(name = Caller.CONTEXT_KEY) Caller caller}, or {@link #of(graphql.GraphQLContext)}).
 *
 * @param role    what the caller may see
 * @param subject the token's subject ({@code sub}), empty for the public
 * @param parties the GLNs of the parties the caller speaks for: one association, carrier, enterprise or
 *                station; empty for the public and regulators
 */
public record Caller(Role role, Optional<String> subject, Set<String> parties) {

    /** The key of the caller in a request's {@code GraphQLContext}. */
    public static final String CONTEXT_KEY = "terroir.caller";

    /** A caller without a token. */
    public static final Caller PUBLIC = new Caller(Role.PUBLIC, Optional.empty(), Set.of());

    public Caller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
        parties = Set.copyOf(parties);
        if (role.speaksForAParty() && parties.isEmpty()) {
            throw new IllegalArgumentException("a caller of role " + role + " must name the party it speaks for");
        }
        if (!role.speaksForAParty() && !parties.isEmpty()) {
            throw new IllegalArgumentException("a caller of role " + role + " speaks for no party, got " + parties);
        }
    }

    /** The caller of a request, {@link #PUBLIC} when the context holds none. */
    public static Caller of(graphql.GraphQLContext context) {
        return context.getOrDefault(CONTEXT_KEY, PUBLIC);
    }

    /**
     * The caller of the request being served (from Reactor's context): the one its verified bearer
     * token names, {@link #PUBLIC} without one. A token that does not verify never gets this far.
     */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(authentication -> authentication instanceof JwtAuthenticationToken
                        && authentication.getDetails() instanceof Caller)
                .map(authentication -> (Caller) authentication.getDetails())
                .defaultIfEmpty(PUBLIC);
    }

    /**
     * Who the caller is, in one string: its role, token subject and parties together, so that two
     * parties' tokens of one subject (one client system serving both) are not taken for each other.
     * What a caller makes (a named query, a subscription) is the caller's of this identity.
     */
    public String identity() {
        return role.name().toLowerCase(java.util.Locale.ROOT) + " " + subject.orElse("") + " "
                + String.join(",", parties.stream().sorted().toList());
    }

    public boolean isRegulator() {
        return role == Role.REGULATOR;
    }

    /**
     * Whether the caller may read the personal data of the households behind a batch whose brand is
     * owned by {@code brandOwners} (GLNs): a regulator always, an association for its own brands,
     * nobody else.
     */
    public boolean mayReadHouseholdsOf(java.util.Collection<String> brandOwners) {
        return switch (role) {
            case REGULATOR -> true;
            case ASSOCIATION -> brandOwners.stream().anyMatch(parties::contains);
            case PUBLIC, LOGISTICS, ENTERPRISE, STATION -> false;
        };
    }

    /** Who the caller is, for logs and audit records: role and subject, never a token. */
    public String describe() {
        return role.name().toLowerCase(java.util.Locale.ROOT) + subject.map(s -> " '" + s + "'").orElse("")
                + (parties.isEmpty() ? "" : " for " + String.join(",", new java.util.TreeSet<>(parties)));
    }

    /** Whether the caller speaks for the party of this GLN (an association for its brands, a carrier for its hops). */
    public boolean speaksFor(String gln) {
        return parties.contains(gln);
    }
}
