package org.terroir.trace.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.terroir.model.id.Gln;
import org.terroir.model.id.InvalidIdentifierException;

/**
 * The API's bearer tokens: JWTs signed with ES256 whose claims say who the caller is. Beside the
 * registered claims ({@code iss}, {@code aud}, {@code sub}, {@code iat}, {@code exp}, {@code jti}) a
 * token carries
 * <ul>
 *   <li>{@value #ROLE}: {@code public}, {@code association}, {@code logistics}, {@code enterprise},
 *       {@code station} or {@code regulator};</li>
 *   <li>{@value #PARTY}: the GLN of the party the caller speaks for (the association, carrier,
 *       cooperative or enterprise; for a station, the station's location GLN); required for those
 *       roles, refused for the public and regulators.</li>
 * </ul>
 */
public final class Tokens {

    /** The claim naming the caller's {@link Role}, in lower case. */
    public static final String ROLE = "role";
    /** The claim naming the GLN of the party a caller speaks for (all roles but public and regulator). */
    public static final String PARTY = "party";
    /** The issuer the API expects by default ({@code terroir.tokens.issuer}). */
    public static final String DEFAULT_ISSUER = "terroir";
    /** The audience the API expects by default ({@code terroir.tokens.audience}). */
    public static final String DEFAULT_AUDIENCE = "terroir-trace-api";
    /** The longest a token may live by default ({@code terroir.tokens.max-lifetime}). */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(7);

    private Tokens() {
    }

    /**
     * What a new token says.
     *
     * @param subject  who it is for ({@code sub}), e.g. a user name
     * @param role     the caller's role
     * @param party    the GLN of the party, for the roles that speak for one
     * @param issuer   {@code iss}
     * @param audience {@code aud}
     * @param issuedAt {@code iat}
     * @param lifetime from {@code iat} to {@code exp}
     */
    public record Request(String subject, Role role, Optional<String> party, String issuer, String audience,
                          Instant issuedAt, Duration lifetime) {
        public Request {
            Objects.requireNonNull(subject, "subject");
            if (subject.isBlank()) {
                throw new IllegalArgumentException("the subject must not be blank");
            }
            Objects.requireNonNull(issuedAt, "issuedAt");
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("the lifetime must be positive, got " + lifetime);
            }
            // The same rules as a token read back: a token that could not be used is never minted.
            caller(role, party, Optional.of(subject));
        }
    }

    /** A compact JWS of {@code request}, signed with {@code key}. */
    public static String mint(ECPrivateKey key, Request request) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(request.issuer())
                .audience(request.audience())
                .subject(request.subject())
                .issueTime(Date.from(request.issuedAt()))
                .expirationTime(Date.from(request.issuedAt().plus(request.lifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim(ROLE, request.role().name().toLowerCase(Locale.ROOT));
        request.party().ifPresent(party -> claims.claim(PARTY, party));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /**
     * The caller a verified token's claims describe.
     *
     * @throws IllegalArgumentException naming the claim that is missing or wrong
     */
    public static Caller caller(Map<String, Object> claims) {
        Object role = claims.get(ROLE);
        if (!(role instanceof String name)) {
            throw new IllegalArgumentException("the token has no '" + ROLE + "' claim naming one of "
                    + roleNames());
        }
        Object party = claims.get(PARTY);
        if (party != null && !(party instanceof String)) {
            throw new IllegalArgumentException("the token's '" + PARTY + "' claim must be a GLN string");
        }
        Object subject = claims.get("sub");
        return caller(parseRole(name), Optional.ofNullable((String) party),
                Optional.ofNullable(subject).map(Object::toString));
    }

    private static Caller caller(Role role, Optional<String> party, Optional<String> subject) {
        Objects.requireNonNull(role, "role");
        boolean speaksForParty = role.speaksForAParty();
        if (speaksForParty && party.isEmpty()) {
            throw new IllegalArgumentException("a token of role " + lower(role) + " must name its party (claim '"
                    + PARTY + "': the GLN of the " + partyOf(role) + ")");
        }
        if (!speaksForParty && party.isPresent()) {
            throw new IllegalArgumentException("a token of role " + lower(role) + " names no party, got '"
                    + PARTY + "' " + party.get());
        }
        party.ifPresent(Tokens::requireGln);
        return new Caller(role, subject, party.map(Set::of).orElse(Set.of()));
    }

    /**
     * The role of a claim value or option, spelt exactly as {@link #roleNames} gives it, e.g.
     * {@code association}: {@code REGULATOR} or {@code regulator } is no role (a token's claims are
     * compared as written, never normalised into another's).
     */
    public static Role parseRole(String name) {
        for (Role role : Role.values()) {
            if (lower(role).equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name.replace('"', '\'') + "', expected one of " + roleNames()
                + " exactly");
    }

    /** What the party of a role is, in words. */
    static String partyOf(Role role) {
        return switch (role) {
            case ASSOCIATION -> "association";
            case LOGISTICS -> "carrier";
            case ENTERPRISE -> "cooperative or enterprise";
            case STATION -> "station's location";
            case PUBLIC, REGULATOR -> "nobody";
        };
    }

    private static void requireGln(String gln) {
        try {
            Gln.of(gln);
        } catch (InvalidIdentifierException e) {
            // No double quote: the reason goes into a WWW-Authenticate error_description (RFC 6750 §3).
            throw new IllegalArgumentException("the '" + PARTY + "' claim is not a GLN: " + e.getMessage().replace('"', '\''), e);
        }
    }

    private static String roleNames() {
        return java.util.Arrays.stream(Role.values()).map(Tokens::lower).toList().toString();
    }

    private static String lower(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
