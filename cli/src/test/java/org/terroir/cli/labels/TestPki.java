package org.terroir.cli.labels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.terroir.labels.CertificateIssuer;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.LabelSigner;
import org.terroir.labels.LabelVerifier;
import org.terroir.labels.SignatureAlgorithm;
import org.terroir.labels.SigningKey;
import org.terroir.labels.TrustList;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;

/**
 * A label PKI with new keys, written as 'terroir keys' and 'terroir trust-list create' write it:
 * {@code root.cert.pem}, {@code brand.cert.pem} (company prefix 9520001), {@code signer.cert.pem}
 * and {@code signer.key.pem}, and {@code trust-list.pem} (the list, then the root certificate).
 * Root and brand are valid 2026 to 2035; the signer June 2026 to May 2027 unless told otherwise.
 */
record TestPki(Path folder, LabelCertificate root, LabelCertificate brand, SigningKey signerKey, LabelCertificate signer) {

    static final String BRAND_PREFIX = "9520001";
    static final Gtin APPLES = Gtin.withCheckDigit("0952000100001");
    static final Gtin OTHER_COMPANY = Gtin.withCheckDigit("0953000100001");

    static Instant day(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay(LabelVerifier.CHINA).toInstant();
    }

    /** A PKI whose root is named {@code rootName} and whose signer inherits the brand's prefixes. */
    static TestPki write(Path folder, String rootName) {
        return write(folder, rootName, List.of());
    }

    /** A PKI whose signer lists {@code signerPrefixes} (none: inherits the brand's). */
    static TestPki write(Path folder, String rootName, List<String> signerPrefixes) {
        SigningKey rootKey = SigningKey.generate(SignatureAlgorithm.ED25519);
        LabelCertificate root = CertificateIssuer.regulatorRoot(rootKey, rootName, day("2026-01-01"), day("2036-01-01"));
        SigningKey brandKey = SigningKey.generate(SignatureAlgorithm.ED25519);
        LabelCertificate brand = new CertificateIssuer(root, rootKey).issueBrand(brandKey.verificationKey(), "Linxia Apples",
                List.of(BRAND_PREFIX), day("2026-01-01"), day("2036-01-01"));
        SigningKey signerKey = SigningKey.generate(SignatureAlgorithm.ED25519);
        LabelCertificate signer = new CertificateIssuer(brand, brandKey).issueSigner(signerKey.verificationKey(), "Packhouse 1",
                signerPrefixes, day("2026-06-01"), day("2027-06-01"));
        String list = TrustList.signPem(root, rootKey, BigInteger.ONE, Instant.now(), Instant.now().plusSeconds(86_400),
                List.of(brand, signer), List.of());
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("root.cert.pem"), root.toPem(), StandardCharsets.US_ASCII);
            Files.writeString(folder.resolve("brand.cert.pem"), brand.toPem(), StandardCharsets.US_ASCII);
            Files.writeString(folder.resolve("signer.cert.pem"), signer.toPem(), StandardCharsets.US_ASCII);
            Files.writeString(folder.resolve("signer.key.pem"), signerKey.toPkcs8Pem(), StandardCharsets.US_ASCII);
            Files.writeString(folder.resolve("trust-list.pem"), list + root.toPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestPki(folder, root, brand, signerKey, signer);
    }

    String file(String name) {
        return folder.resolve(name).toString();
    }

    /** A label of GTIN 09520001000010, lot L1, serial 1, produced 2026-11-20, signed by this PKI's signer. */
    String label() {
        return new LabelSigner(signerKey).sign(DigitalLink.of("https://brand.example", APPLES, LotNumber.of("L1"),
                SerialNumber.of("1")).withProductionDate("261120")).toUri();
    }
}
