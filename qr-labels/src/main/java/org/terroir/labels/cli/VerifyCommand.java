package org.terroir.labels.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.terroir.labels.CertificateRole;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.LabelVerifier;
import org.terroir.labels.TrustList;
import org.terroir.labels.Verdict;
import org.terroir.labels.render.QrImages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code terroir verify}: is a label genuine, offline, from a trust list or certificates. */
@Command(name = "verify", header = "Checks a signed label offline (URI or image): genuine or not, and why.", mixinStandardHelpOptions = true,
        description = {"Checks a signed label offline: a GS1 Digital Link URI, or an image file (PNG, JPEG) of its QR",
            "code. Prints one line: 'genuine: <product/lot/serial>, signed by <signer> (<algorithm>)' or",
            "'not genuine: <reason>: <detail>', the reason one of tampered, unknown signer, revoked, certificate",
            "expired, certificate not yet valid, certificate not allowed for this GTIN, malformed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:genuine", "1:not genuine", "2:unusable input (no such file, no QR code found, no trust list)"})
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--trust-list", paramLabel = "FILE",
            description = "A trust list of 'terroir trust-list create'; its signature is checked against --root, or"
                    + " else against the root certificate in the same file.")
    Path trustList;

    @Option(names = "--root", paramLabel = "FILE",
            description = "A regulator root certificate (PEM) to trust for --trust-list; repeat for several.")
    List<Path> roots = List.of();

    @Option(names = "--cert", paramLabel = "FILE",
            description = "Instead of a trust list: a root, brand or signer certificate (PEM); repeat for each."
                    + " No revocations apply.")
    List<Path> certs = List.of();

    @Parameters(paramLabel = "URI|IMAGE", description = "The label's Digital Link, or an image file of its QR code.")
    String label;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (trustList == null && certs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --trust-list FILE or --cert FILE...");
        }
        if (trustList != null && !certs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --trust-list or --cert, not both");
        }
        String uri = readLabel();
        LabelVerifier verifier = verifier();
        Verdict verdict = verifier.verify(uri);
        PrintWriter out = spec.commandLine().getOut();
        out.println(describe(verdict));
        return verdict.isGenuine() ? 0 : 1;
    }

    private String readLabel() throws IOException {
        Path file = label.contains("://") ? null : Path.of(label);
        if (file == null) {
            return label;
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(label + " (neither a Digital Link URI nor an image file)");
        }
        java.util.Optional<String> decoded;
        try {
            decoded = QrImages.decode(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // not an image: unusable input
        }
        return decoded.orElseThrow(() -> new IllegalArgumentException("no QR code found in " + file));
    }

    private LabelVerifier verifier() throws IOException {
        if (!certs.isEmpty()) {
            List<LabelCertificate> all = PemFiles.readCertificates(certs);
            List<LabelCertificate> rootCerts = all.stream().filter(c -> c.role() == CertificateRole.REGULATOR_ROOT).toList();
            if (rootCerts.isEmpty()) {
                throw new IllegalArgumentException("none of the --cert files is a regulator root certificate");
            }
            return LabelVerifier.trusting(rootCerts, all);
        }
        String text = Files.readString(trustList, StandardCharsets.US_ASCII);
        List<LabelCertificate> rootCerts = new ArrayList<>(PemFiles.readCertificates(roots));
        if (rootCerts.isEmpty()) {
            rootCerts.add(PemFiles.readCertificate(trustList));
        }
        TrustList list;
        try {
            list = TrustList.verifyPem(text, rootCerts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(trustList + ": " + e.getMessage());
        }
        if (list.isStale(Instant.now())) {
            spec.commandLine().getErr().println("terroir: warning: trust list " + trustList + " was due for an update on "
                    + list.nextUpdate() + "; fetch a newer one");
        }
        return LabelVerifier.trusting(rootCerts, list, Clock.systemUTC(), LabelVerifier.CHINA);
    }

    /** The one line printed for a verdict. */
    public static String describe(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Genuine genuine -> "genuine: " + item(genuine.label()) + ", signed by "
                    + genuine.chain().map(c -> c.signer().name() + " of " + c.brand().name())
                            .orElse("certificate " + genuine.signer().certificateId())
                    + " (" + genuine.signer().algorithm().name() + ")";
            case Verdict.NotGenuine not -> "not genuine: " + not.reason().text() + ": " + not.detail();
        };
    }

    private static String item(DigitalLink label) {
        return "01/" + label.gtin().value() + label.lot().map(l -> "/10/" + l.value()).orElse("")
                + label.serial().map(s -> "/21/" + s.value()).orElse("");
    }
}
