package org.terroir.trace.access;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the API verifies bearer tokens ({@code terroir.tokens.*}).
 *
 * @param publicKey the PEM file of the public key(s) tokens are signed for ({@code terroir tokens
 *                  create-key} writes one); unset: the API accepts no token, every caller is public
 * @param issuer    the {@code iss} a token must carry
 * @param audience  the {@code aud} a token must carry
 */
@ConfigurationProperties("terroir.tokens")
public record TokenSettings(Path publicKey, @DefaultValue(Tokens.DEFAULT_ISSUER) String issuer,
                            @DefaultValue(Tokens.DEFAULT_AUDIENCE) String audience) {
}
