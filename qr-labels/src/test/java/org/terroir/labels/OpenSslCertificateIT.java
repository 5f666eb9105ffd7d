package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
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

    /** Each test is reported skipped, saying what to install, where the tool is missing. */
    @BeforeEach
    void requireOpenSsl() {
        Tools.assumeInstalled("openssl version", "openssl not found on the PATH: install it (Debian: apt-get install -y openssl) "
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
            Tools.Result brandLink = Tools.shell(dir, "openssl verify" + sm2Id + " -CAfile root.pem brand.pem");
            assertThat(brandLink.exitCode()).as(brandLink.output()).isZero();
            Tools.Result signerLink = Tools.shell(dir, "openssl verify" + sm2Id + " -partial_chain -CAfile brand.pem signer.pem");
            assertThat(signerLink.exitCode()).as(signerLink.output()).isZero();
            assertThat(signerLink.output()).contains("signer.pem: OK");
        } else {
            Tools.Result chain = Tools.shell(dir, "openssl verify -CAfile root.pem -untrusted brand.pem signer.pem");
            assertThat(chain.exitCode()).as(chain.output()).isZero();
            assertThat(chain.output()).contains("signer.pem: OK");
        }

        Tools.Result id = Tools.shell(dir, "openssl x509 -in signer.pem -noout -pubkey | openssl pkey -pubin -outform DER "
                + "| openssl dgst -sha256 -binary | head -c 3 | od -An -tx1 | tr -d ' \\n'");
        assertThat(id.exitCode()).as(id.output()).isZero();
        assertThat(id.output()).isEqualTo(signer.certificateId().toString());

        Tools.Result wrongIssuer = Tools.shell(dir, "openssl verify" + sm2Id + " -partial_chain -CAfile root.pem signer.pem");
        assertThat(wrongIssuer.exitCode()).as("the root did not sign the signer certificate: " + wrongIssuer.output()).isNotZero();
    }

}
