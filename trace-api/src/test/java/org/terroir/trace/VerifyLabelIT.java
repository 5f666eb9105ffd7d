package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.terroir.labels.CertificateIssuer;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.LabelSigner;
import org.terroir.labels.Revocation;
import org.terroir.labels.SignatureAlgorithm;
import org.terroir.labels.SigningKey;
import org.terroir.labels.TrustList;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;

/**
 * {@code verifyLabel} against a trust list made for the test: a genuine label, an altered one, and
 * the list replaced on disk by one that revokes the signer, which the API picks up by itself. A
 * broken replacement leaves the good list in force.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyLabelIT extends DemoApiTestBase {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final SigningKey ROOT_KEY = SigningKey.generate(SignatureAlgorithm.ED25519);
    private static final LabelCertificate ROOT = CertificateIssuer.regulatorRoot(ROOT_KEY, "Test Regulator Root", START,
            START.plus(Duration.ofDays(3650)));
    private static final SigningKey BRAND_KEY = SigningKey.generate(SignatureAlgorithm.ED25519);
    private static final LabelCertificate BRAND = new CertificateIssuer(ROOT, ROOT_KEY).issueBrand(BRAND_KEY.verificationKey(),
            "Liancheng Dried Sweet Potato Association", List.of("9520011"), START, START.plus(Duration.ofDays(1800)));
    private static final SigningKey SIGNER_KEY = SigningKey.generate(SignatureAlgorithm.ED25519);
    private static final LabelCertificate SIGNER = new CertificateIssuer(BRAND, BRAND_KEY).issueSigner(SIGNER_KEY.verificationKey(),
            "Liancheng Processing Plant", START, START.plus(Duration.ofDays(900)));
    private static final Path FOLDER = folder();
    private static final Path TRUST_LIST = FOLDER.resolve("trust-list.pem");

    private static Path folder() {
        try {
            Path folder = Files.createTempDirectory("terroir-trust");
            Files.writeString(folder.resolve("roots.pem"), ROOT.toPem(), StandardCharsets.US_ASCII);
            Files.writeString(folder.resolve("trust-list.pem"), list(BigInteger.ONE, List.of()), StandardCharsets.US_ASCII);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String list(BigInteger sequence, List<Revocation> revocations) {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return TrustList.signPem(ROOT, ROOT_KEY, sequence, issued, issued.plus(Duration.ofDays(30)), List.of(BRAND, SIGNER), revocations);
    }

    /** Replaces the trust list file at once, as an operator's deployment would. */
    private static void replaceTrustList(String text) throws IOException {
        Path next = FOLDER.resolve("next.pem");
        Files.writeString(next, text, StandardCharsets.US_ASCII);
        Files.move(next, TRUST_LIST, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @DynamicPropertySource
    static void trust(DynamicPropertyRegistry registry) {
        registry.add("terroir.trust-list", TRUST_LIST::toString);
        registry.add("terroir.trust-roots", () -> FOLDER.resolve("roots.pem").toString());
        registry.add("terroir.trust-list-refresh", () -> "200ms");
    }

    private static final String LABEL = new LabelSigner(SIGNER_KEY).sign(DigitalLink.of("https://id.example.cn",
            Gtin.of("09520011001021"), LotNumber.of("LC2601"), SerialNumber.of("LC2601-0001")).withProductionDate("260107")).toUri();

    private static final String VERIFY = """
            query v($uri: String!) {
              verifyLabel(uri: $uri) { genuine problem detail signer brand trustList { issuer sequenceNumber stale } }
            }""";

    private HttpGraphQlTester.Response verify(String uri) {
        return graphQl.document(VERIFY).variable("uri", uri).execute();
    }

    @Test
    @Order(1)
    void aSignedLabelIsGenuineAndSaysWhoSignedIt() {
        var response = verify(LABEL);
        response.errors().verify();
        response.path("verifyLabel.genuine").entity(Boolean.class).isEqualTo(true);
        response.path("verifyLabel.problem").valueIsNull();
        response.path("verifyLabel.signer").entity(String.class).isEqualTo("Liancheng Processing Plant");
        response.path("verifyLabel.brand").entity(String.class).isEqualTo("Liancheng Dried Sweet Potato Association");
        response.path("verifyLabel.trustList.sequenceNumber").entity(String.class).isEqualTo("1");
        response.path("verifyLabel.trustList.stale").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    @Order(2)
    void oneCharacterChangedInTheSerialIsTampered() {
        String altered = LABEL.replace("LC2601-0001", "LC2601-0007");
        assertThat(altered).isNotEqualTo(LABEL);
        verify(altered).path("verifyLabel.problem").entity(String.class).isEqualTo("TAMPERED");
        verify("https://id.example.cn/01/09520011001021/10/LC2601").path("verifyLabel.problem").entity(String.class)
                .isEqualTo("MALFORMED");
    }

    @Test
    @Order(3)
    void aNewTrustListRevokingTheSignerIsPickedUpAndABrokenOneIsIgnored() throws IOException {
        replaceTrustList(list(BigInteger.TWO, List.of(Revocation.of(SIGNER, START, Revocation.Reason.KEY_COMPROMISE))));
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                verify(LABEL).path("verifyLabel.problem").entity(String.class).isEqualTo("REVOKED"));
        verify(LABEL).path("verifyLabel.trustList.sequenceNumber").entity(String.class).isEqualTo("2");

        // Neither a broken list nor one with an older sequence number replaces the list in force.
        for (String replacement : List.of("-----BEGIN TRUST LIST-----\nbroken\n-----END TRUST LIST-----\n",
                list(BigInteger.ONE, List.of()))) {
            replaceTrustList(replacement);
            Awaitility.await().ignoreExceptions().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                var response = verify(LABEL);
                response.path("verifyLabel.trustList.sequenceNumber").entity(String.class).isEqualTo("2");
                response.path("verifyLabel.problem").entity(String.class).isEqualTo("REVOKED");
            });
        }
    }
}
