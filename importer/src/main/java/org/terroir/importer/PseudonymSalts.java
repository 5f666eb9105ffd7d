package org.terroir.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.terroir.model.PseudonymSalt;

/**
 * Finds the installation's pseudonym salt: {@code TERROIR_PSEUDONYM_SALT} (Base64) when set,
 * otherwise the file {@code pseudonym.salt} in the data folder, created with a new random salt,
 * readable by its owner only, the first time. Every import into the same graph must use the same
 * salt, or households get new pseudonyms: point a cluster's importers at one secret.
 */
public final class PseudonymSalts {

    public static final String ENVIRONMENT = "TERROIR_PSEUDONYM_SALT";
    static final String FILE = "pseudonym.salt";

    private PseudonymSalts() {}

    public static PseudonymSalt load(Path dataDir) {
        String fromEnvironment = System.getenv(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return PseudonymSalt.fromBase64(fromEnvironment.strip());
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(dataDir);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, PseudonymSalt.random().toBase64() + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } catch (UnsupportedOperationException notPosix) {
                    Files.writeString(file, PseudonymSalt.random().toBase64() + "\n", StandardCharsets.US_ASCII);
                }
            }
            return PseudonymSalt.fromBase64(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym salt " + file + ": " + e.getMessage(), e);
        }
    }
}
