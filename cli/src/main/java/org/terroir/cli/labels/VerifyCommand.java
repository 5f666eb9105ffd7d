package org.terroir.cli.labels;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.terroir.labels.CertificateRole;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.LabelVerifier;
import org.terroir.labels.TrustList;
import org.terroir.labels.Verdict;
import org.terroir.labels.files.LabelFiles;
import org.terroir.labels.files.PemFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code terroir verify}: is a label genuine, offline, from a trust list or certificates. The trust
 * anchor is always a regulator root the user names ({@code --root}, {@value #TRUST_ROOT_VARIABLE}, or
 * a root among {@code --cert}), never the root certificate a trust list file carries: anyone can
 * make a list and a root of the same name.
 */
@Command(name = "verify", header = "Checks a signed label offline (URI or image): genuine or not, and why.", mixinStandardHelpOptions = true,
        description = {"Checks a signed label offline: a GS1 Digital Link URI, or an image file (PNG, JPEG) of its QR"
                + " code. Prints one line: 'genuine: <product/lot/serial>, signed by <signer> (<algorithm>)' or"
                + " 'not genuine: <reason>: <detail>', the reason one of tampered, unknown signer, revoked, certificate"
                + " expired, certificate not yet valid, certificate not allowed for this GTIN, malformed.",
            "Only a regulator root you name is trusted: --root FILE, else the file " + VerifyCommand.TRUST_ROOT_VARIABLE
                + " names (for --trust-list), else with --cert the root certificate among the --cert files; never the root"
                + " in the trust list file. A trust list without a pinned root prints 'not verified: trust anchor not"
                + " pinned: ...' and exits 2."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:genuine", "1:not genuine",
            "2:unusable input (no such file, no QR code found, no trust list, trust anchor not pinned)"})
public final class VerifyCommand implements Callable<Integer> {

    /** The environment variable naming a PEM file of the regulator root certificate(s) that pin --trust-list. */
    static final String TRUST_ROOT_VARIABLE = "TERROIR_TRUST_ROOT";

    /** The exit code of unusable input, as the terroir program gives it for a bad input or a missing file. */
    private static final int UNUSABLE = 2;

    @Option(names = "--trust-list", paramLabel = "FILE",
            description = "A trust list of 'terroir trust-list create'; its signature is checked against --root, else"
                    + " against the root(s) in the file named by " + TRUST_ROOT_VARIABLE + ", never the root in the trust list"
                    + " file itself.")
    Path trustList;

    @Option(names = "--root", paramLabel = "FILE",
            description = "The regulator root certificate (PEM), obtained from the regulator, that is the trust anchor;"
                    + " repeat for several. When given, it is the only root trusted, with --trust-list and with --cert.")
    List<Path> roots = List.of();

    @Option(names = "--cert", paramLabel = "FILE",
            description = "Instead of a trust list: a root, brand or signer certificate (PEM); repeat for each."
                    + " Without --root, the regulator root certificate given here is the one trusted. No revocations apply.")
    List<Path> certs = List.of();

    @Parameters(paramLabel = "URI|IMAGE", description = "The label's Digital Link, or an image file of its QR code.")
    String label;

    @Spec
    CommandSpec spec;

    /** Reads environment variables; tests replace it. */
    UnaryOperator<String> environment = System::getenv;

    @Override
    public Integer call() throws IOException {
        if (trustList == null && certs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --trust-list FILE or --cert FILE...");
        }
        if (trustList != null && !certs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --trust-list or --cert, not both");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<LabelCertificate> pinned = pinnedRoots();
        if (trustList != null && pinned.isEmpty()) {
            out.println("not verified: trust anchor not pinned: give --root FILE (the regulator's root certificate) or set "
                    + TRUST_ROOT_VARIABLE + " to it; the root inside " + trustList + " proves nothing, anyone can make one");
            return UNUSABLE;
        }
        String uri = LabelFiles.readLabel(label);
        LabelVerifier verifier = verifier(pinned);
        Verdict verdict = verifier.verify(uri);
        out.println(describe(verdict));
        return verdict.isGenuine() ? 0 : 1;
    }

    /** The roots of --root, else (for --trust-list) of {@value #TRUST_ROOT_VARIABLE}; each a self-signed regulator root. */
    private List<LabelCertificate> pinnedRoots() throws IOException {
        List<LabelCertificate> pinned = new ArrayList<>();
        for (Path file : roots) {
            pinned.addAll(PemFiles.readRegulatorRoots("--root " + file, file));
        }
        String configured = environment.apply(TRUST_ROOT_VARIABLE);
        if (pinned.isEmpty() && trustList != null && configured != null && !configured.isBlank()) {
            Path file = Path.of(configured.strip());
            pinned.addAll(PemFiles.readRegulatorRoots(TRUST_ROOT_VARIABLE + "=" + file, file));
        }
        return pinned;
    }

    private LabelVerifier verifier(List<LabelCertificate> pinned) throws IOException {
        if (!certs.isEmpty()) {
            List<LabelCertificate> all = PemFiles.readCertificates(certs);
            List<LabelCertificate> rootCerts = !pinned.isEmpty() ? pinned
                    : all.stream().filter(c -> c.role() == CertificateRole.REGULATOR_ROOT).toList();
            if (rootCerts.isEmpty()) {
                throw new IllegalArgumentException("none of the --cert files is a regulator root certificate; give it with --cert"
                        + " or --root");
            }
            return LabelVerifier.trusting(rootCerts, all);
        }
        String text = Files.readString(trustList, StandardCharsets.US_ASCII);
        TrustList list;
        try {
            list = TrustList.verifyPem(text, pinned);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(trustList + ": " + e.getMessage());
        }
        if (list.isStale(Instant.now())) {
            spec.commandLine().getErr().println("terroir: warning: trust list " + trustList + " was due for an update on "
                    + list.nextUpdate() + "; fetch a newer one");
        }
        return LabelVerifier.trusting(pinned, list, Clock.systemUTC(), LabelVerifier.CHINA);
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
