package org.terroir.trace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/** Real ES256 tokens, a real decoder: verified once, their claims checked on every use, forgeries never remembered. */
class VerifiedTokensTest {

    private static final KeyPair KEYS = TokenKeys.generate();
    private static final Instant T0 = Instant.parse("2026-12-08T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtTimestampValidator timestamps = timestamps(clock);
    private final VerifiedTokens tokens = new VerifiedTokens(counting(), timestamps, 100, clock);

    private static JwtTimestampValidator timestamps(Clock clock) {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(clock);
        return validator;
    }

    /** The real decoder (signature, then the same claims' checks), counting its verifications. */
    private ReactiveJwtDecoder counting() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.just(
                        new ECKey.Builder(Curve.P_256, (ECPublicKey) KEYS.getPublic()).build()))
                .jwsAlgorithm(SignatureAlgorithm.ES256).build();
        decoder.setJwtValidator(timestamps);
        return token -> {
            verifications.incrementAndGet();
            return decoder.decode(token);
        };
    }

    private static String token(Duration lives) {
        return Tokens.mint((ECPrivateKey) KEYS.getPrivate(), new Tokens.Request("partner", Role.LOGISTICS, Optional.of("9520099000015"),
                Tokens.DEFAULT_ISSUER, Tokens.DEFAULT_AUDIENCE, T0, lives));
    }

    @Test
    void aTokenIsVerifiedOnceAndItsClaimsCheckedOnEveryUse() {
        String token = token(Duration.ofHours(1));

        Jwt first = tokens.decode(token).block();
        Jwt again = tokens.decode(token).block();

        assertThat(again.getSubject()).isEqualTo(first.getSubject()).isEqualTo("partner");
        assertThat(verifications).hasValue(1);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenThatExpiresIsRefusedAsAnUnrememberedOneIs() {
        String token = token(Duration.ofMinutes(5));
        tokens.decode(token).block();

        clock.now = T0.plus(Duration.ofMinutes(6));

        assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired");
        assertThatThrownBy(() -> tokens.decode(token).block()).as("and again, verified afresh").isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aForgedTokenIsRefusedEachTimeAndNeverRemembered() {
        String token = token(Duration.ofHours(1));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + new StringBuilder(token.substring(token.lastIndexOf('.') + 1))
                .reverse();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(BadJwtException.class);
        }

        assertThat(verifications).hasValue(3);
        assertThat(tokens.size()).isZero();
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
