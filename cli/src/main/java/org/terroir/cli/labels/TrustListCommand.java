package org.terroir.cli.labels;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.Revocation;
import org.terroir.labels.TrustList;
import org.terroir.labels.files.PemFiles;
import org.terroir.labels.files.RevocationFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terroir trust-list}: the signed list of certificates and revocations verifiers load. */
@Command(name = "trust-list", header = "The signed trust list that verifiers load.", mixinStandardHelpOptions = true,
        description = {"The trust list: brand and signer certificates in force and revocations, signed by a regulator",
            "root, which 'terroir verify --trust-list' loads to check labels offline."},
        subcommands = TrustListCommand.Create.class)
public final class TrustListCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: create");
    }

    /** {@code trust-list create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Signs a trust list with the regulator root's key. The file holds the list (PEM \"TERROIR",
                "TRUST LIST\") followed by the root certificate, for people and tools to read; a verifier trusts only",
                "the root it pins itself ('terroir verify --root root.cert.pem'), never the one in the file. Revocation",
                "files ('terroir keys revoke') are checked against their issuer's certificate."})
    public static final class Create implements Callable<Integer> {
        @Option(names = "--root-key", required = true, paramLabel = "FILE", description = "The regulator root's private key (PEM).")
        Path rootKey;

        @Option(names = "--root-cert", required = true, paramLabel = "FILE", description = "The regulator root's certificate (PEM).")
        Path rootCert;

        @Option(names = "--cert", required = true, paramLabel = "FILE", arity = "1..*",
                description = "Brand and signer certificates (PEM) to list; repeat or give several.")
        List<Path> certs;

        @Option(names = "--revocation", paramLabel = "FILE", arity = "1..*",
                description = "Revocation files of 'terroir keys revoke'; repeat or give several.")
        List<Path> revocations = List.of();

        @Option(names = "--next-update-days", paramLabel = "DAYS", defaultValue = "30",
                description = "Days until verifiers should fetch a newer list (default: ${DEFAULT-VALUE}).")
        int nextUpdateDays;

        @Option(names = "--sequence", paramLabel = "N",
                description = "Sequence number; must grow with every list (default: the issue time in seconds since 1970).")
        BigInteger sequence;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The trust list file to write.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (nextUpdateDays < 1) {
                throw new IllegalArgumentException("--next-update-days must be at least 1, got " + nextUpdateDays);
            }
            LabelCertificate root = PemFiles.readCertificate(rootCert);
            List<LabelCertificate> certificates = PemFiles.readCertificates(certs);
            List<LabelCertificate> issuers = new ArrayList<>(certificates);
            issuers.add(root);
            List<Revocation> revoked = new ArrayList<>();
            for (Path file : revocations) {
                revoked.add(RevocationFile.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), issuers));
            }
            Instant now = Instant.now();
            BigInteger number = sequence == null ? BigInteger.valueOf(now.getEpochSecond()) : sequence;
            String list = TrustList.signPem(root, PemFiles.readKey(rootKey), number, now,
                    now.plus(Duration.ofDays(nextUpdateDays)), certificates, revoked);
            PemFiles.writePublic(out, list + root.toPem());
            spec.commandLine().getOut().printf("trust list: %s (%s, sequence %s, %d certificate(s), %d revocation(s), next update %s)%n",
                    out, root.subject(), number, certificates.size(), revoked.size(), now.plus(Duration.ofDays(nextUpdateDays)));
            return 0;
        }
    }
}
