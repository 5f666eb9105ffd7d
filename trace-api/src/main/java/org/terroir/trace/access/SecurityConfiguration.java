package org.terroir.trace.access;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Authentication by bearer token through Spring Security's OAuth 2.0 resource server: every request
 * may come without a token (the public view); a request with one is answered only if the token is
 * signed by a configured key ({@link TokenSettings}), unexpired, for this issuer and audience, and
 * names a valid role ({@link Tokens#caller}); otherwise 401 with {@code WWW-Authenticate: Bearer
 * error="invalid_token"} and the reason. What a role may see is decided field by field in the
 * GraphQL layer. No session, no cookie, no CSRF token: each request stands on its own token. The
 * usual security headers go on every response (no sniffing, no framing, no referrer, no caching of
 * answers), with a Content-Security-Policy and a Permissions-Policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(TokenSettings.class)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * The Content-Security-Policy of every response that sets none of its own (JSON, problems, error
     * pages): nothing loads, nothing frames it. The scan pages set one with a nonce for their inline
     * style and script; GraphiQL one of its own.
     */
    static final String NOTHING_LOADS = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** Powerful features: only the place a scan page may ask for (coarse, by a button), nothing else. */
    static final String PERMISSIONS = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()";

    /** How far ahead of this clock a token's {@code iat} may be. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** The most verified tokens remembered ({@link VerifiedTokens}). */
    private static final int VERIFIED_TOKENS = 10_000;

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder tokenDecoder) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(NOTHING_LOADS))
                        .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS)))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtDecoder(tokenDecoder)
                        .jwtAuthenticationConverter(SecurityConfiguration::authenticate)))
                .build();
    }

    /**
     * Spring Security's strict firewall, letting through what an EPCIS identifier in a path needs: an
     * event hash id ({@code ni:///sha-256;…?ver=CBV2.0}) in {@code /events/{eventID}} arrives with
     * encoded slashes, one encoded double slash and an encoded semicolon. Everything else it refuses
     * stays refused (traversal, backslashes, NUL, line breaks, …).
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedDoubleSlash(true);
        firewall.setAllowSemicolon(true);
        return firewall;
    }

    /**
     * No observation of each security filter, authentication and authorization: the HTTP request's
     * observation already times it with its status (a refused token is a 401 there), and these took
     * 2 to 3 % of the server's CPU under load in a profile of the benchmark.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ReactiveJwtDecoder tokenDecoder(TokenSettings settings) {
        if (settings.publicKey() == null) {
            LOG.info("terroir.tokens.public-key is not set: the API accepts no bearer token, every caller is public");
            return token -> Mono.error(new BadJwtException(
                    "this API accepts no tokens (terroir.tokens.public-key is not set): call it without one"));
        }
        List<JWK> keys;
        try {
            keys = TokenKeys.readPublic(settings.publicKey()).stream()
                    .<JWK>map(key -> new ECKey.Builder(Curve.P_256, key).build())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("terroir.tokens.public-key: " + e.getMessage(), e);
        }
        LOG.info("bearer tokens: ES256 by {} key(s) of {}, issuer '{}', audience '{}', living at most {}",
                keys.size(), settings.publicKey(), settings.issuer(), settings.audience(), settings.maxLifetime());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.fromIterable(keys))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<Instant>(JwtClaimNames.IAT, iat -> iat != null),
                lifetime(settings.maxLifetime(), Clock.systemUTC()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(settings.audience())));
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, VERIFIED_TOKENS, Clock.systemUTC());
    }

    /**
     * Refuses a token that would live longer than {@code max} from its {@code iat} to its {@code exp},
     * or that says it was issued in the future (beyond a minute of clock skew): a stolen long-lived
     * token, or one dated ahead to outlive the limit, is no better than a short one.
     */
    static OAuth2TokenValidator<Jwt> lifetime(Duration max, Clock clock) {
        return jwt -> {
            Instant issued = jwt.getIssuedAt();
            Instant expires = jwt.getExpiresAt();
            if (issued == null || expires == null) {
                return OAuth2TokenValidatorResult.failure(invalid("the token must carry iat and exp"));
            }
            if (issued.isAfter(clock.instant().plus(CLOCK_SKEW))) {
                return OAuth2TokenValidatorResult.failure(invalid("the token's iat " + issued + " lies in the future"));
            }
            Duration lives = Duration.between(issued, expires);
            if (lives.compareTo(max) > 0) {
                return OAuth2TokenValidatorResult.failure(invalid("the token lives " + lives + " from iat to exp, longer than"
                        + " the limit " + max + " (terroir.tokens.max-lifetime)"));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }

    /**
     * A verified token's authentication: its role and party claims read once into the {@link Caller}
     * it carries as details ({@link CallerInterceptor} takes it from there); claims that name no
     * caller make the token invalid (401).
     */
    private static Mono<AbstractAuthenticationToken> authenticate(Jwt jwt) {
        Caller caller;
        try {
            caller = Tokens.caller(jwt.getClaims());
        } catch (IllegalArgumentException e) {
            return Mono.error(new InvalidBearerTokenException(e.getMessage()));
        }
        JwtAuthenticationToken authentication = new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject());
        authentication.setDetails(caller);
        return Mono.just(authentication);
    }
}
