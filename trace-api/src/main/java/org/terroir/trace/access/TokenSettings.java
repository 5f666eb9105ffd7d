package org.terroir.trace.access;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the API verifies bearer tokens ({@code terroir.tokens.*}).
 *
 * @param publicKey the PEM file of the public key(s) tokens are signed for ({@code terroir tokens
 *                  create-key} writes one); unset: the API accepts no token, every caller is public
 * @param issuer    the {@code iss} a token must carry
 * @param audience  the {@code aud} a token must carry
 * @param maxLifetime the longest a token may live, from its {@code iat} to its {@code exp}; a
 *                  token that would live longer is refused, however it was signed (default 7 days)
 */
@ConfigurationProperties("terroir.tokens")
public record TokenSettings(Path publicKey, @DefaultValue(Tokens.DEFAULT_ISSUER) String issuer,
                            @DefaultValue(Tokens.DEFAULT_AUDIENCE) String audience,
                            @DefaultValue("7d") Duration maxLifetime) {
}
