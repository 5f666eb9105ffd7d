package org.terroir.cli.labels;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.terroir.labels.CertificateIssuer;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.Revocation;
import org.terroir.labels.SignatureAlgorithm;
import org.terroir.labels.SigningKey;
import org.terroir.labels.VerificationKey;
import org.terroir.labels.files.PemFiles;
import org.terroir.labels.files.RevocationFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code terroir keys}: the label PKI, regulator root to brand to signer, and revocations. */
@Command(name = "keys", header = "Keys and X.509 certificates of the label PKI: root, brand, signer, revocation.", mixinStandardHelpOptions = true,
        description = {"Keys and X.509 certificates of the label PKI: a regulator's root issues brand association",
            "certificates (bound to GS1 company prefixes), which issue signer certificates for packing houses and",
            "cooperatives. Private keys are PKCS#8 PEM files readable by their owner only, never printed."},
        subcommands = {KeysCommand.CreateRoot.class, KeysCommand.IssueBrand.class, KeysCommand.IssueSigner.class,
            KeysCommand.Revoke.class},
        footerHeading = "%nA demo PKI in 4 commands, then a label and its check:%n",
        footer = {
            "  terroir keys create-root --name 'Demo Regulator' --out pki",
            "  terroir keys issue-brand --issuer-key pki/root.key.pem \\",
            "      --issuer-cert pki/root.cert.pem --name 'Linxia Apples' \\",
            "      --gs1-prefix 9520001 --out pki",
            "  terroir keys issue-signer --issuer-key pki/brand.key.pem \\",
            "      --issuer-cert pki/brand.cert.pem --name 'Packhouse 1' --out pki",
            "  terroir trust-list create --root-key pki/root.key.pem \\",
            "      --root-cert pki/root.cert.pem --cert pki/brand.cert.pem \\",
            "      --cert pki/signer.cert.pem --out pki/trust-list.pem",
            "",
            "  terroir labels issue --gtin 09520001000010 --lot L1 --count 24 \\",
            "      --date $(date +%%F) --key pki/signer.key.pem \\",
            "      --cert pki/signer.cert.pem --host brand.example --out labels.pdf",
            "  terroir verify --trust-list pki/trust-list.pem --root pki/root.cert.pem \\",
            "      \"$(head -1 labels.txt)\""})
public final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand: create-root, issue-brand, issue-signer or revoke");
    }

    /** Validity of a new certificate; defaults fit within the issuer's. */
    static final class Validity {
        @Option(names = "--not-before", paramLabel = "DATE", converter = Options.Moment.class,
                description = "Start of validity, ISO date or instant (default: the start of yesterday, UTC, so labels"
                        + " dated today in any time zone are covered; never before the issuer's).")
        Instant notBefore;

        @Option(names = "--not-after", paramLabel = "DATE", converter = Options.Moment.class,
                description = "End of validity, ISO date or instant (default: --years after the start, never after the issuer's).")
        Instant notAfter;

        @Option(names = "--years", paramLabel = "N", description = "Years of validity when --not-after is not given.")
        Integer years;

        Instant start(Optional<LabelCertificate> issuer) {
            if (notBefore != null) {
                return notBefore;
            }
            Instant yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return issuer.map(i -> i.notBefore().isAfter(yesterday) ? i.notBefore() : yesterday).orElse(yesterday);
        }

        Instant end(Instant start, int defaultYears, Optional<LabelCertificate> issuer) {
            if (notAfter != null) {
                return notAfter;
            }
            Instant end = start.atOffset(ZoneOffset.UTC).plusYears(years == null ? defaultYears : years).toInstant();
            return issuer.map(i -> i.notAfter().isBefore(end) ? i.notAfter() : end).orElse(end);
        }
    }

    /** The algorithm of a new key. */
    static final class NewKey {
        @Option(names = "--algorithm", paramLabel = "ALG", converter = Options.Algorithm.class, defaultValue = "ed25519",
                description = "Signature algorithm of the new key: " + Options.Algorithm.CHOICES + " (default: ${DEFAULT-VALUE}).")
        SignatureAlgorithm algorithm;
    }

    static String describe(LabelCertificate certificate) {
        return certificate.subject() + ", " + certificate.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + ", " + certificate.publicKey().algorithm().name() + ", certificate id " + certificate.certificateId()
                + (certificate.companyPrefixes().isEmpty() ? "" : ", GS1 company prefixes " + String.join(",", certificate.companyPrefixes()))
                + ", valid " + certificate.notBefore() + " to " + certificate.notAfter();
    }

    /** Writes {@code role.cert.pem} and, for a new key, {@code role.key.pem} into the folder. */
    static void write(PrintWriter out, Path dir, String role, LabelCertificate certificate, Optional<SigningKey> key)
            throws IOException {
        PemFiles.folder(dir);
        Path certFile = dir.resolve(role + ".cert.pem");
        Path keyFile = dir.resolve(role + ".key.pem");
        PemFiles.requireAbsent(certFile);
        if (key.isPresent()) {
            PemFiles.writePrivate(keyFile, key.get().toPkcs8Pem());
        }
        PemFiles.writePublic(certFile, certificate.toPem());
        out.println("certificate: " + certFile + " (" + describe(certificate) + ")");
        key.ifPresent(k -> out.println("private key: " + keyFile + " (owner-only; keep it safe, it is never printed)"));
    }

    /** {@code keys create-root}. */
    @Command(name = "create-root", mixinStandardHelpOptions = true,
            description = "Creates a regulator root: a new key (root.key.pem, PKCS#8) and its self-signed certificate"
                    + " (root.cert.pem) in the --out folder.")
    public static final class CreateRoot implements Callable<Integer> {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The regulator's name (certificate CN).")
        String name;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for root.key.pem and root.cert.pem.")
        Path out;

        @Mixin
        NewKey newKey;

        @Mixin
        Validity validity;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            SigningKey key = SigningKey.generate(newKey.algorithm);
            Instant start = validity.start(Optional.empty());
            LabelCertificate root = CertificateIssuer.regulatorRoot(key, name, start, validity.end(start, 20, Optional.empty()));
            write(spec.commandLine().getOut(), out, "root", root, Optional.of(key));
            return 0;
        }
    }

    /** What issue-brand and issue-signer share. */
    abstract static class Issue implements Callable<Integer> {
        @Option(names = "--issuer-key", required = true, paramLabel = "FILE", description = "The issuer's private key (PEM).")
        Path issuerKey;

        @Option(names = "--issuer-cert", required = true, paramLabel = "FILE", description = "The issuer's certificate (PEM).")
        Path issuerCert;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The subject's name (certificate CN).")
        String name;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the new key and certificate.")
        Path out;

        @Option(names = "--public-key", paramLabel = "FILE",
                description = "Certify this public key (PEM \"PUBLIC KEY\", e.g. from openssl pkey -pubout) instead of"
                        + " making a new key pair; only the certificate is written.")
        Path publicKey;

        @Mixin
        NewKey newKey;

        @Mixin
        Validity validity;

        @Spec
        CommandSpec spec;

        /** What the subject is ({@code brand}, {@code signer}: the files' names) and how long it is certified by default. */
        private final String role;
        private final int defaultYears;

        Issue(String role, int defaultYears) {
            this.role = role;
            this.defaultYears = defaultYears;
        }

        abstract LabelCertificate issue(CertificateIssuer issuer, VerificationKey subject, Instant start, Instant end);

        @Override
        public Integer call() throws IOException {
            LabelCertificate issuerCertificate = PemFiles.readCertificate(issuerCert);
            CertificateIssuer issuer = new CertificateIssuer(issuerCertificate, PemFiles.readKey(issuerKey));
            Optional<SigningKey> key = publicKey == null ? Optional.of(SigningKey.generate(newKey.algorithm)) : Optional.empty();
            VerificationKey subject = key.map(SigningKey::verificationKey).orElseGet(() -> readPublicKey(publicKey));
            Instant start = validity.start(Optional.of(issuerCertificate));
            LabelCertificate certificate = issue(issuer, subject, start, validity.end(start, defaultYears, Optional.of(issuerCertificate)));
            write(spec.commandLine().getOut(), out, role, certificate, key);
            return 0;
        }

        private static VerificationKey readPublicKey(Path file) {
            try {
                return PemFiles.readPublicKey(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** {@code keys issue-brand}. */
    @Command(name = "issue-brand", mixinStandardHelpOptions = true,
            description = "Issues a brand association certificate with a regulator root: a new key and certificate"
                    + " (brand.key.pem, brand.cert.pem) in the --out folder, bound to the brand's GS1 company prefixes.")
    public static final class IssueBrand extends Issue {
        @Option(names = "--gs1-prefix", required = true, split = ",", paramLabel = "PREFIX",
                description = "The brand's GS1 company prefixes (6 to 12 digits), comma-separated or repeated.")
        List<String> prefixes;

        public IssueBrand() {
            super("brand", 10);
        }

        @Override
        LabelCertificate issue(CertificateIssuer issuer, VerificationKey subject, Instant start, Instant end) {
            requireRole(issuer, org.terroir.labels.CertificateRole.REGULATOR_ROOT, "a brand certificate is issued with a regulator root's key and certificate");
            return issuer.issueBrand(subject, name, prefixes, start, end);
        }
    }

    /** {@code keys issue-signer}. */
    @Command(name = "issue-signer", mixinStandardHelpOptions = true,
            description = "Issues a signer certificate (packing house, cooperative) with a brand's key: a new key and"
                    + " certificate (signer.key.pem, signer.cert.pem) in the --out folder; the signer may sign labels"
                    + " of the brand's GS1 company prefixes, or of the narrower ones given.")
    public static final class IssueSigner extends Issue {
        @Option(names = "--gs1-prefix", split = ",", paramLabel = "PREFIX",
                description = "Narrow the signer to these prefixes, each within the brand's (default: all the brand's).")
        List<String> prefixes = List.of();

        public IssueSigner() {
            super("signer", 5);
        }

        @Override
        LabelCertificate issue(CertificateIssuer issuer, VerificationKey subject, Instant start, Instant end) {
            requireRole(issuer, org.terroir.labels.CertificateRole.BRAND, "a signer certificate is issued with a brand's key and certificate");
            return issuer.issueSigner(subject, name, prefixes, start, end);
        }
    }

    static void requireRole(CertificateIssuer issuer, org.terroir.labels.CertificateRole role, String rule) {
        if (issuer.certificate().role() != role) {
            throw new IllegalArgumentException(rule + ", but --issuer-cert is a "
                    + issuer.certificate().role().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " certificate (" + issuer.certificate().subject() + ")");
        }
    }

    /** {@code keys revoke}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Writes a revocation of a certificate, signed with its issuer's key.",
                "Give it to 'terroir trust-list create --revocation'. key-compromise and ca-compromise void every",
                "label of the certificate; the other reasons void labels dated on or after the revocation day."})
    public static final class Revoke implements Callable<Integer> {
        @Option(names = "--cert", required = true, paramLabel = "FILE", description = "The certificate to revoke (PEM).")
        Path cert;

        @Option(names = "--issuer-key", required = true, paramLabel = "FILE",
                description = "The private key of the certificate's issuer (PEM).")
        Path issuerKey;

        @Option(names = "--date", paramLabel = "DATE", converter = Options.Moment.class,
                description = "When it was revoked, ISO date or instant (default: now).")
        Instant date;

        @Option(names = "--reason", required = true, paramLabel = "REASON", converter = Options.Reason.class,
                description = "One of: key-compromise, ca-compromise, affiliation-changed, superseded,"
                        + " cessation-of-operation, privilege-withdrawn, unspecified.")
        Revocation.Reason reason;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The revocation file to write.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            LabelCertificate certificate = PemFiles.readCertificate(cert);
            Revocation revocation = Revocation.of(certificate, date == null ? Instant.now() : date, reason);
            PemFiles.writePublic(out, RevocationFile.sign(revocation, PemFiles.readKey(issuerKey)));
            spec.commandLine().getOut().println("revocation: " + out + " (" + certificate.subject() + ", serial "
                    + certificate.serialNumber() + ", " + reason.text() + ", " + revocation.revokedAt() + ")");
            return 0;
        }
    }
}
