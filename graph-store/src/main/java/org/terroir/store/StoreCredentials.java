package org.terroir.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

/**
 * The login of the embedded store's Bolt port: user {@value #USER} and a random password made on the
 * store's first start, kept owner-only in {@code <data-dir>/}{@value #FILE_NAME}. Terroir's own
 * commands read it from there, so nobody types it; Neo4j's tools (cypher-shell, Browser) take it from
 * that file too. Without it, anyone on the machine — or any web page open in a browser there, through
 * Bolt over WebSocket — could read every household's name and phone and write to the graph.
 */
public record StoreCredentials(String user, String password) {

    /** The file under the data folder. */
    public static final String FILE_NAME = "bolt.credentials";

    /** The Neo4j user the store's password belongs to. */
    public static final String USER = "neo4j";

    private static final Set<PosixFilePermission> OWNER_FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_FOLDER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    public StoreCredentials {
        if (user == null || !user.matches("[A-Za-z][A-Za-z0-9_]*") || password == null || password.isBlank()) {
            throw new IllegalArgumentException("the store's credentials need a user (letters, digits, _) and a password");
        }
    }

    /** Where the credentials of the store in {@code dataDir} are kept. */
    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * The credentials kept in {@code dataDir}, made (32 random bytes, owner-only file) when there are
     * none yet.
     */
    static StoreCredentials readOrCreate(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            StoreCredentials made = new StoreCredentials(USER, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            try {
                write(file, made);
                return made;
            } catch (FileAlreadyExistsException raced) {
                // another process made them first: use theirs
            } catch (IOException e) {
                throw new GraphUnavailableException("cannot write the store's credentials " + file + ": " + e.getMessage(), e);
            }
        }
        restrictToOwner(file, OWNER_FILE);
        return read(dataDir);
    }

    /** The credentials kept in {@code dataDir}, for reaching a store another process holds. */
    static StoreCredentials read(Path dataDir) {
        Path file = file(dataDir);
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new GraphUnavailableException("the store's credentials " + file + " are missing: start the store once"
                    + " (any terroir command with this --data-dir) while no other process holds it, to make new ones", e);
        } catch (AccessDeniedException e) {
            throw new GraphUnavailableException("cannot read the store's credentials " + file
                    + ": the data folder belongs to another user; run terroir as that user", e);
        } catch (IOException e) {
            throw new GraphUnavailableException("cannot read the store's credentials " + file + ": " + e.getMessage(), e);
        }
        try {
            return new StoreCredentials(properties.getProperty("user"), properties.getProperty("password"));
        } catch (IllegalArgumentException e) {
            throw new GraphUnavailableException("the store's credentials " + file + " have no valid user or no password;"
                    + " delete the file and start the store again to make new ones", e);
        }
    }

    /** The driver's login. */
    AuthToken authToken() {
        return AuthTokens.basic(user, password);
    }

    /**
     * Makes {@code dataDir} and everything in it readable by its owner only (where the file system has
     * POSIX permissions): the store files hold the households' names and phones. Files Neo4j makes
     * later take the process's umask, but sit in this folder, which nobody else can enter.
     */
    static void restrictFolderToOwner(Path dataDir) {
        if (!supportsPosix(dataDir)) {
            return;
        }
        restrictToOwner(dataDir, OWNER_FOLDER);
        try (Stream<Path> inside = Files.walk(dataDir)) {
            inside.forEach(path -> {
                if (Files.isSymbolicLink(path)) {
                    return;
                }
                try {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                    if (permissions.removeIf(StoreCredentials::groupOrOthers)) {
                        Files.setPosixFilePermissions(path, permissions);
                    }
                } catch (NoSuchFileException gone) {
                    // removed meanwhile (a lock or a temporary file of the store)
                } catch (IOException e) {
                    throw new GraphUnavailableException("cannot make " + path + " owner-only: " + e.getMessage(), e);
                }
            });
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) { // a folder the running store removed meanwhile
                throw new GraphUnavailableException("cannot make the data folder " + dataDir + " owner-only: " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new GraphUnavailableException("cannot make the data folder " + dataDir + " owner-only: " + e.getMessage(), e);
        }
    }

    private static boolean groupOrOthers(PosixFilePermission permission) {
        return !permission.name().startsWith("OWNER_");
    }

    private static void write(Path file, StoreCredentials credentials) throws IOException {
        String text = "# The embedded store's Bolt login, made on its first start. Keep it secret: it reads and writes the whole graph.\n"
                + "user=" + credentials.user() + "\npassword=" + credentials.password() + "\n";
        if (supportsPosix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void restrictToOwner(Path path, Set<PosixFilePermission> permissions) {
        if (!supportsPosix(path)) {
            return;
        }
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (IOException e) {
            throw new GraphUnavailableException("cannot make " + path + " owner-only: " + e.getMessage(), e);
        }
    }

    private static boolean supportsPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    @Override
    public String toString() {
        return "StoreCredentials[user=" + user + "]"; // never the password
    }
}
