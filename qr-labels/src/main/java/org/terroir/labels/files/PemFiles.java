package org.terroir.labels.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.terroir.labels.CertificateRole;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.SigningKey;
import org.terroir.labels.TrustList;
import org.terroir.labels.VerificationKey;

/** Reading and writing the PEM files of the label PKI (keys, certificates, trust lists); private keys are written owner-only. */
public final class PemFiles {

    private PemFiles() {
    }

    public static SigningKey readKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            return SigningKey.fromPem(text);
        } catch (IllegalArgumentException e) {
            // never echo the file's content: it is a private key
            throw new IllegalArgumentException(file + ": not an unencrypted PKCS#8 private key (PEM \"PRIVATE KEY\") of"
                    + " Ed25519, ECDSA P-256 or SM2");
        }
    }

    public static LabelCertificate readCertificate(Path file) throws IOException {
        try {
            return LabelCertificate.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** A public key (PEM {@code PUBLIC KEY}, e.g. from {@code openssl pkey -pubout}). */
    public static VerificationKey readPublicKey(Path file) throws IOException {
        try {
            return VerificationKey.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** Every certificate of a PEM file that holds one or more {@code CERTIFICATE} blocks. */
    public static List<LabelCertificate> readCertificatesIn(Path file) throws IOException {
        try {
            return LabelCertificate.allFromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /**
     * The regulator root certificates of a PEM file that a user pins as trust anchors: each must be
     * a self-signed regulator root, and a trust list is refused (the root inside one proves nothing).
     *
     * @param source how the user named the file, for messages ({@code --root FILE})
     */
    public static List<LabelCertificate> readRegulatorRoots(String source, Path file) throws IOException {
        if (Files.readString(file, StandardCharsets.US_ASCII).contains("-----BEGIN " + TrustList.PEM_LABEL + "-----")) {
            throw new IllegalArgumentException(source + " is a trust list, not a root certificate: the root inside a trust list"
                    + " proves nothing; give the regulator's root certificate");
        }
        List<LabelCertificate> certificates = readCertificatesIn(file);
        for (LabelCertificate certificate : certificates) {
            if (certificate.role() != CertificateRole.REGULATOR_ROOT || !certificate.isIssuedBy(certificate)) {
                throw new IllegalArgumentException(source + ": " + certificate.subject() + " is a "
                        + certificate.role().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " certificate, not a self-signed regulator root");
            }
        }
        return certificates;
    }

    public static List<LabelCertificate> readCertificates(List<Path> files) throws IOException {
        List<LabelCertificate> certificates = new ArrayList<>();
        for (Path file : files) {
            certificates.add(readCertificate(file));
        }
        return certificates;
    }

    /** Writes a private key to a new file, readable and writable by its owner only; never overwrites. */
    public static void writePrivate(Path file, String pem) throws IOException {
        requireAbsent(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the folder's access rules apply
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    /** Writes a public file (certificate, trust list, revocation); never overwrites. */
    public static void writePublic(Path file, String text) throws IOException {
        requireAbsent(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public static void requireAbsent(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists; nothing was written (choose another --out or move it away)");
        }
    }

    public static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        return dir;
    }
}
