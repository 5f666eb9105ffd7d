package org.terroir.trace.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens whose signature was verified once, remembered by their text: a partner's client sends
 * the same token with every request, and an ES256 verification was about a fifth of the CPU of a
 * query page ({@code bench/events}, a profile). A remembered token's claims are checked again on each
 * request ({@code validator}: its expiry first), so a token that expires while remembered is refused
 * as it would be unremembered; it is forgotten at its expiry. Only tokens that verified are
 * remembered, at most {@code size} (the least used go first): forgeries cost a verification each, as
 * before, and cannot fill the cache.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier  decodes a token, verifying its signature and then its claims with {@code validator}
     * @param validator the checks of the claims, run again on every request with a remembered token
     * @param size      the most tokens remembered
     * @param clock     what "now" is, for forgetting a token at its expiry
     */
    VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int size, Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfter(new Expiry<String, Jwt>() {
            @Override
            public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                Instant expires = jwt.getExpiresAt();
                long nanos = expires == null ? 0 : Duration.between(clock.instant(), expires).toNanos();
                return Math.max(0, nanos);
            }

            @Override
            public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            String description = result.getErrors().iterator().next().getDescription();
            return Mono.error(new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
                    result.getErrors()));
        }
        return Mono.just(known);
    }

    /** How many tokens are remembered now (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
