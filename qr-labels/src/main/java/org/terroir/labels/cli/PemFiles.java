package org.terroir.labels.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.SigningKey;

/** Reading and writing the PEM files of the label commands; private keys are written owner-only. */
final class PemFiles {

    private PemFiles() {
    }

    static SigningKey readKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            return SigningKey.fromPem(text);
        } catch (IllegalArgumentException e) {
            // never echo the file's content: it is a private key
            throw new IllegalArgumentException(file + ": not an unencrypted PKCS#8 private key (PEM \"PRIVATE KEY\") of"
                    + " Ed25519, ECDSA P-256 or SM2");
        }
    }

    static LabelCertificate readCertificate(Path file) throws IOException {
        try {
            return LabelCertificate.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** Every certificate of a PEM file that holds one or more {@code CERTIFICATE} blocks. */
    static List<LabelCertificate> readCertificatesIn(Path file) throws IOException {
        try {
            return LabelCertificate.allFromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    static List<LabelCertificate> readCertificates(List<Path> files) throws IOException {
        List<LabelCertificate> certificates = new ArrayList<>();
        for (Path file : files) {
            certificates.add(readCertificate(file));
        }
        return certificates;
    }

    /** Writes a private key to a new file, readable and writable by its owner only; never overwrites. */
    static void writePrivate(Path file, String pem) throws IOException {
        requireAbsent(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the folder's access rules apply
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    /** Writes a public file (certificate, trust list, revocation); never overwrites. */
    static void writePublic(Path file, String text) throws IOException {
        requireAbsent(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void requireAbsent(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists; nothing was written (choose another --out or move it away)");
        }
    }

    static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        return dir;
    }
}
