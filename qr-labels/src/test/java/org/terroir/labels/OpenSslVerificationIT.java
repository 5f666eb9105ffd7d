package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.terroir.labels.internal.Base64Url;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;

/**
 * Labels signed here verify with the {@code openssl} command line, by the steps of
 * {@code docs/label-format.md}: the public key as PEM, the signed bytes, and the signature from
 * AI 8030 (raw for Ed25519; for ECDSA and SM2, raw r || s turned into DER by
 * {@code openssl asn1parse -genconf}). A changed message must fail, so the check can fail.
 */
class OpenSslVerificationIT {

    @TempDir
    Path dir;

    /** Each test is reported skipped, saying what to install, where the tool is missing. */
    @BeforeEach
    void requireOpenSsl() {
        Tools.assumeInstalled("openssl version", "openssl not found on the PATH: install it (Debian: apt-get install -y openssl) "
                + "to check labels against the OpenSSL command line");
    }

    static Stream<SignatureAlgorithm> algorithms() {
        return Stream.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ECDSA_P256, SignatureAlgorithm.SM2,
                new SignatureAlgorithm.Sm2("terroir-linxia-01"));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void opensslVerifiesTheSignatureOfALabel(SignatureAlgorithm algorithm) throws Exception {
        SigningKey key = SigningKey.generate(algorithm);
        DigitalLink label = new LabelSigner(key).sign(DigitalLink.of("https://id.example.cn", Gtin.of("09520001000010"),
                LotNumber.of("LX-2611/A"), SerialNumber.of("S000123")).withProductionDate("261120").withExpiryDate("270500"));
        assertThat(new LabelVerifier(List.of(key.verificationKey())).verify(label.toUri()).isGenuine()).isTrue();

        // What a verifier has: the label's URI and the signer's public key.
        LabelSignature signature = LabelSignature.parse(DigitalLink.parse(label.toUri()).digitalSignature().orElseThrow());
        Files.writeString(dir.resolve("signer.pem"), key.verificationKey().toPem());
        Files.write(dir.resolve("msg.bin"), LabelSignature.signedBytes(label, signature.signer()));
        Files.write(dir.resolve("tampered.bin"), LabelSignature.signedBytes(label.withExpiryDate("291231"), signature.signer()));
        byte[] payload = Base64Url.decode(label.digitalSignature().orElseThrow());
        Files.write(dir.resolve("sig.raw"), Arrays.copyOfRange(payload, CertificateId.LENGTH, payload.length));

        List<String> verify = switch (algorithm) {
            case SignatureAlgorithm.Ed25519 e ->
                    List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signer.pem", "-rawin", "-in", "MSG",
                            "-sigfile", "sig.raw");
            case SignatureAlgorithm.EcdsaP256 e -> {
                rawToDer();
                yield List.of("openssl", "dgst", "-sha256", "-verify", "signer.pem", "-signature", "sig.der", "MSG");
            }
            case SignatureAlgorithm.Sm2 sm2 -> {
                rawToDer();
                yield List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signer.pem", "-rawin", "-digest", "sm3",
                        "-pkeyopt", "distid:" + sm2.distinguishingId(), "-in", "MSG", "-sigfile", "sig.der");
            }
        };
        Tools.Result good = Tools.run(dir, verify.stream().map(a -> a.equals("MSG") ? "msg.bin" : a).toList());
        assertThat(good.exitCode()).as(good.output()).isZero();
        assertThat(good.output()).containsIgnoringCase("verified");
        Tools.Result bad = Tools.run(dir, verify.stream().map(a -> a.equals("MSG") ? "tampered.bin" : a).toList());
        assertThat(bad.exitCode()).as("a changed expiry date must fail: " + bad.output()).isNotZero();
    }

    /**
     * Keys interoperate both ways as PEM: a PKCS#8 key made by {@code openssl genpkey} signs
     * here and its public key from {@code openssl pkey -pubout} is this key's; a key written
     * here is read by openssl, which derives the same public key.
     */
    @ParameterizedTest
    @CsvSource({
            "ED25519,    -algorithm ed25519",
            "ECDSA_P256, -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve",
            "SM2,        -algorithm SM2",
    })
    void readsKeysMadeByOpensslAndWritesKeysOpensslReads(String algorithm, String genpkeyOptions) throws Exception {
        List<String> genpkey = new ArrayList<>(List.of("openssl", "genpkey"));
        genpkey.addAll(List.of(genpkeyOptions.split(" ")));
        genpkey.addAll(List.of("-out", "theirs.pem"));
        assertThat(Tools.run(dir, genpkey).exitCode()).isZero();
        assertThat(Tools.run(dir, List.of("openssl", "pkey", "-in", "theirs.pem", "-pubout", "-out", "theirs.pub.pem")).exitCode()).isZero();

        SigningKey theirs = SigningKey.fromPem(Files.readString(dir.resolve("theirs.pem")));
        assertThat(VerificationKey.kindOf(theirs.algorithm()).name()).isEqualTo(algorithm);
        assertThat(VerificationKey.fromPem(Files.readString(dir.resolve("theirs.pub.pem")))).isEqualTo(theirs.verificationKey());
        byte[] message = "terroir".getBytes(StandardCharsets.US_ASCII);
        assertThat(theirs.verificationKey().verify(message, theirs.sign(message))).isTrue();

        SigningKey ours = SigningKey.generate(VerificationKey.algorithmOf(org.terroir.labels.internal.Crypto.Kind.valueOf(algorithm)));
        Files.writeString(dir.resolve("ours.pem"), ours.toPkcs8Pem());
        assertThat(Tools.run(dir, List.of("openssl", "pkey", "-in", "ours.pem", "-pubout", "-out", "ours.pub.pem")).exitCode()).isZero();
        assertThat(VerificationKey.fromPem(Files.readString(dir.resolve("ours.pub.pem")))).isEqualTo(ours.verificationKey());
    }

    /** The documented conversion of raw r || s into a DER ECDSA-Sig-Value / SM2 signature. */
    private void rawToDer() throws Exception {
        byte[] raw = Files.readAllBytes(dir.resolve("sig.raw"));
        HexFormat hex = HexFormat.of().withUpperCase();
        String config = "asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x" + hex.formatHex(raw, 0, 32) + "\ns=INTEGER:0x"
                + hex.formatHex(raw, 32, 64) + "\n";
        Files.writeString(dir.resolve("sig.cnf"), config);
        Tools.Result der = Tools.run(dir, List.of("openssl", "asn1parse", "-genconf", "sig.cnf", "-out", "sig.der", "-noout"));
        assertThat(der.exitCode()).as(der.output()).isZero();
    }


}
