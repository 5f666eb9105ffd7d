package org.terroir.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.terroir.labels.CertificateIssuer;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.LabelSigner;
import org.terroir.labels.Revocation;
import org.terroir.labels.SignatureAlgorithm;
import org.terroir.labels.SigningKey;
import org.terroir.labels.TrustList;

/**
 * The label PKI of a test, made fresh (no key is committed): a regulator root, the Liancheng
 * association's brand certificate (company prefix 9520011) and a processing plant's signer under it,
 * and their signed trust list with the root in a temporary folder, as {@code terroir.trust-list} and
 * {@code terroir.trust-roots} read them.
 */
final class TestTrust {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final SigningKey rootKey = SigningKey.generate(SignatureAlgorithm.ED25519);
    final LabelCertificate root = CertificateIssuer.regulatorRoot(rootKey, "Test Regulator Root", START,
            START.plus(Duration.ofDays(3650)));
    final SigningKey brandKey = SigningKey.generate(SignatureAlgorithm.ED25519);
    final LabelCertificate brand = new CertificateIssuer(root, rootKey).issueBrand(brandKey.verificationKey(),
            "Liancheng Dried Sweet Potato Association", List.of("9520011"), START, START.plus(Duration.ofDays(1800)));
    final SigningKey signerKey = SigningKey.generate(SignatureAlgorithm.ED25519);
    final LabelCertificate signer = new CertificateIssuer(brand, brandKey).issueSigner(signerKey.verificationKey(),
            "Liancheng Processing Plant", START, START.plus(Duration.ofDays(900)));
    final Path folder;

    TestTrust() {
        try {
            folder = Files.createTempDirectory("terroir-trust");
            Files.writeString(folder.resolve("roots.pem"), root.toPem(), StandardCharsets.US_ASCII);
            Files.writeString(trustList(), list(BigInteger.ONE, List.of()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path trustList() {
        return folder.resolve("trust-list.pem");
    }

    /** The application's trust settings: this list, this root, re-read every {@code refresh}. */
    void register(DynamicPropertyRegistry registry, String refresh) {
        registry.add("terroir.trust-list", () -> trustList().toString());
        registry.add("terroir.trust-roots", () -> folder.resolve("roots.pem").toString());
        registry.add("terroir.trust-list-refresh", () -> refresh);
    }

    /** A trust list of the brand and the signer, issued an hour ago for 30 days. */
    String list(BigInteger sequence, List<Revocation> revocations) {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return TrustList.signPem(root, rootKey, sequence, issued, issued.plus(Duration.ofDays(30)), List.of(brand, signer), revocations);
    }

    /** Replaces the trust list file at once, as an operator's deployment would. */
    void replaceTrustList(String text) throws IOException {
        Path next = folder.resolve("next.pem");
        Files.writeString(next, text, StandardCharsets.US_ASCII);
        Files.move(next, trustList(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The link signed by the processing plant: its URI with AI 8030. */
    String sign(DigitalLink link) {
        return new LabelSigner(signerKey).sign(link).toUri();
    }
}
