package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The label PKI's certificates are standard X.509: {@code openssl verify} accepts the chain
 * signer → brand → root for each algorithm, and the certificate id computed by openssl from a
 * signer certificate is the one its labels carry.
 */
class OpenSslCertificateIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenSsl() {
        boolean available;
        try {
            available = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        assumeTrue(available, "openssl not found on the PATH: install it (Debian: apt-get install -y openssl) "
                + "to check label certificates against the OpenSSL command line");
    }

    static Stream<SignatureAlgorithm> algorithms() {
        return Stream.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ECDSA_P256, SignatureAlgorithm.SM2);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void opensslVerifiesTheCertificateChainAndComputesTheSameCertificateId(SignatureAlgorithm algorithm) throws Exception {
        Instant now = Instant.now();
        SigningKey rootKey = SigningKey.generate(algorithm);
        LabelCertificate root = CertificateIssuer.regulatorRoot(rootKey, "Test Regulator Root",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
        SigningKey brandKey = SigningKey.generate(algorithm);
        LabelCertificate brand = new CertificateIssuer(root, rootKey).issueBrand(brandKey.verificationKey(),
                "Liancheng Ground-Melon Association", List.of("9520003"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1000)));
        SigningKey signerKey = SigningKey.generate(algorithm);
        LabelCertificate signer = new CertificateIssuer(brand, brandKey).issueSigner(signerKey.verificationKey(),
                "Liancheng Packing House 7", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        Files.writeString(dir.resolve("root.pem"), root.toPem());
        Files.writeString(dir.resolve("brand.pem"), brand.toPem());
        Files.writeString(dir.resolve("signer.pem"), signer.toPem());

        String sm2Id = "";
        if (algorithm instanceof SignatureAlgorithm.Sm2) {
            // OpenSSL 3.0 applies the SM2 distinguishing ID of certificate signatures (GM/T 0015
            // default) only to the certificate being verified, not to the rest of the chain:
            // check each link with its issuer as the (partial-chain) trust anchor.
            sm2Id = " -vfyopt distid:1234567812345678";
            String[] brandLink = run("openssl verify" + sm2Id + " -CAfile root.pem brand.pem");
            assertThat(brandLink[0]).as(brandLink[1]).isEqualTo("0");
            String[] signerLink = run("openssl verify" + sm2Id + " -partial_chain -CAfile brand.pem signer.pem");
            assertThat(signerLink[0]).as(signerLink[1]).isEqualTo("0");
            assertThat(signerLink[1]).contains("signer.pem: OK");
        } else {
            String[] chain = run("openssl verify -CAfile root.pem -untrusted brand.pem signer.pem");
            assertThat(chain[0]).as(chain[1]).isEqualTo("0");
            assertThat(chain[1]).contains("signer.pem: OK");
        }

        String[] id = run("openssl x509 -in signer.pem -noout -pubkey | openssl pkey -pubin -outform DER "
                + "| openssl dgst -sha256 -binary | head -c 3 | od -An -tx1 | tr -d ' \\n'");
        assertThat(id[0]).as(id[1]).isEqualTo("0");
        assertThat(id[1]).isEqualTo(signer.certificateId().toString());

        String[] wrongIssuer = run("openssl verify" + sm2Id + " -partial_chain -CAfile root.pem signer.pem");
        assertThat(wrongIssuer[0]).as("the root did not sign the signer certificate: " + wrongIssuer[1]).isNotEqualTo("0");
    }

    private String[] run(String script) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + script);
        }
        return new String[] {String.valueOf(process.exitValue()), output};
    }
}
