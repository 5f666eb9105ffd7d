package org.terroir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.terroir.trace.access.Role;
import org.terroir.trace.access.TokenKeys;
import org.terroir.trace.access.Tokens;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terroir tokens}: the key of the API's bearer tokens and tokens minted with it, so that a
 * newcomer can call the API as each role. The key pair lives in {@code <data-dir>/tokens/} unless
 * told otherwise; {@code serve} and {@code demo} verify tokens with its public half.
 */
@Command(name = "tokens", header = "Bearer tokens (JWT) of the trace API: the signing key, and tokens of each role.",
        mixinStandardHelpOptions = true,
        description = {"The trace API verifies bearer tokens (ES256 JWTs) with the public key of terroir.tokens.public-key,",
            "which 'serve' and 'demo' take from <data-dir>/tokens/token.pub.pem when it is not set. A token names a role:",
            "public, association (with --association GLN), logistics (with --carrier GLN) or regulator."},
        subcommands = {TokensCommand.CreateKey.class, TokensCommand.Issue.class})
final class TokensCommand implements Runnable {

    /** The folder of the token key pair under a data folder. */
    static Path keyFolder(Path dataDir) {
        return dataDir.resolve("tokens");
    }

    /** The public key under a data folder, when there is one. */
    static Optional<Path> publicKey(Path dataDir) {
        Path file = keyFolder(dataDir).resolve("token.pub.pem");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The API property of the public key under a data folder, none when there is no key there. */
    static java.util.Map<String, Object> apiProperties(Path dataDir) {
        return publicKey(dataDir).<java.util.Map<String, Object>>map(file ->
                java.util.Map.of("terroir.tokens.public-key", file.toAbsolutePath().toString())).orElse(java.util.Map.of());
    }

    /** The private key under a data folder, made with its public half when there is none yet. */
    static ECPrivateKey ensureKey(Path dataDir) throws IOException {
        Path folder = keyFolder(dataDir);
        if (!Files.exists(folder.resolve("token.key.pem"))) {
            TokenKeys.write(folder, TokenKeys.generate());
        }
        return TokenKeys.readPrivate(folder.resolve("token.key.pem"));
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create-key", mixinStandardHelpOptions = true,
            header = "Creates the token signing key pair: token.key.pem (owner-only) and token.pub.pem.")
    static final class CreateKey implements Callable<Integer> {
        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:TERROIR_DATA_DIR:-data}",
                description = "Data folder; the key pair goes to its tokens/ folder (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--out", paramLabel = "DIR", description = "Folder for the key pair instead of <data-dir>/tokens.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Path folder = out != null ? out : keyFolder(dataDir);
            Path publicKey = TokenKeys.write(folder, TokenKeys.generate());
            PrintWriter printer = spec.commandLine().getOut();
            printer.printf("Wrote %s (private, owner-only) and %s.%n", folder.resolve("token.key.pem"), publicKey);
            printer.printf("The API verifies tokens with it: terroir.tokens.public-key=%s%n", publicKey.toAbsolutePath());
            printer.println("(serve and demo find it by themselves under <data-dir>/tokens; elsewhere set "
                    + "TERROIR_TOKENS_PUBLICKEY or -Dterroir.tokens.public-key).");
            return Terroir.OK;
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            header = "Prints a token of a role, signed with the token key.",
            description = {"Prints the token alone on standard output, e.g.",
                "  TOKEN=$(./terroir tokens issue --role regulator)",
                "  curl -H \"Authorization: Bearer $TOKEN\" ..."})
    static final class Issue implements Callable<Integer> {
        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "public, association, logistics (a carrier), enterprise (a cooperative or enterprise), station "
                        + "(a station's staff) or regulator.")
        String role;

        @ArgGroup(exclusive = true)
        Party party;

        static final class Party {
            @Option(names = "--association", paramLabel = "GLN", description = "The GLN of the association (role association).")
            String association;

            @Option(names = "--carrier", paramLabel = "GLN", description = "The GLN of the carrier (role logistics).")
            String carrier;

            @Option(names = "--enterprise", paramLabel = "GLN", description = "The GLN of the cooperative or enterprise (role enterprise).")
            String enterprise;

            @Option(names = "--station", paramLabel = "GLN", description = "The GLN of the station's location (role station).")
            String station;

            /** The GLN given, and the role it goes with. */
            Map.Entry<String, Role> gln() {
                if (association != null) {
                    return Map.entry(association, Role.ASSOCIATION);
                }
                if (carrier != null) {
                    return Map.entry(carrier, Role.LOGISTICS);
                }
                return enterprise != null ? Map.entry(enterprise, Role.ENTERPRISE) : Map.entry(station, Role.STATION);
            }
        }

        @Option(names = "--subject", paramLabel = "NAME", description = "Who the token is for (claim sub; default: the role).")
        String subject;

        @Option(names = "--hours", paramLabel = "N", defaultValue = "8", description = "Hours until it expires, at most 168 (the API's terroir.tokens.max-lifetime, 7 days by default; default: ${DEFAULT-VALUE}).")
        int hours;

        @Option(names = "--key", paramLabel = "FILE", defaultValue = "${env:TERROIR_TOKENS_KEY}",
                description = "The private key (PEM) to sign with (default: env TERROIR_TOKENS_KEY, else <data-dir>/tokens/token.key.pem).")
        Path key;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:TERROIR_DATA_DIR:-data}",
                description = "Data folder whose tokens/ holds the key (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--issuer", paramLabel = "ISS", defaultValue = Tokens.DEFAULT_ISSUER,
                description = "Claim iss; the API's terroir.tokens.issuer (default: ${DEFAULT-VALUE}).")
        String issuer;

        @Option(names = "--audience", paramLabel = "AUD", defaultValue = Tokens.DEFAULT_AUDIENCE,
                description = "Claim aud; the API's terroir.tokens.audience (default: ${DEFAULT-VALUE}).")
        String audience;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (hours < 1 || hours > Tokens.DEFAULT_MAX_LIFETIME.toHours()) {
                throw new IllegalArgumentException("--hours must be 1 to " + Tokens.DEFAULT_MAX_LIFETIME.toHours()
                        + ", got " + hours + ": the API refuses tokens that live longer than terroir.tokens.max-lifetime"
                        + " (" + Tokens.DEFAULT_MAX_LIFETIME.toDays() + " days unless configured)");
            }
            Role parsed = Tokens.parseRole(role);
            Optional<String> gln = party == null ? Optional.empty() : Optional.of(party.gln().getKey());
            if (party != null && party.gln().getValue() != parsed) {
                String option = switch (party.gln().getValue()) {
                    case ASSOCIATION -> "--association";
                    case LOGISTICS -> "--carrier";
                    case ENTERPRISE -> "--enterprise";
                    default -> "--station";
                };
                throw new IllegalArgumentException(option + " goes with --role "
                        + party.gln().getValue().name().toLowerCase(Locale.ROOT) + ", not " + role);
            }
            Path file = key != null ? key : keyFolder(dataDir).resolve("token.key.pem");
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file + " (make one with 'terroir tokens create-key', or run 'terroir demo')");
            }
            ECPrivateKey privateKey = TokenKeys.readPrivate(file);
            String name = subject != null ? subject : parsed.name().toLowerCase(Locale.ROOT) + gln.map(g -> "-" + g).orElse("");
            spec.commandLine().getOut().println(Tokens.mint(privateKey, new Tokens.Request(name, parsed, gln, issuer, audience,
                    Instant.now(), Duration.ofHours(hours))));
            return Terroir.OK;
        }
    }
}
