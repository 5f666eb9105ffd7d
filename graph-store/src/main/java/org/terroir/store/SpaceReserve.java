package org.terroir.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.neo4j.io.ByteUnit;

/**
 * What lets the embedded store get through a full disk: space held back on its volume, and a note
 * of the critical error that stopped it.
 *
 * <p>A disk that fills while Neo4j appends to its transaction log stops the database ("panic") with
 * the last transaction cut short in the log. Two things then go wrong without help: Neo4j's shutdown
 * waits until it can flush its pages, so the process cannot stop while the disk is still full; and
 * the next start refuses the log's torn end. So the store keeps {@link #FILE} in its data folder, a
 * file of real (not sparse) blocks written at each start, and on a panic deletes it, which lets the
 * shutdown finish, and writes {@link #PANIC_FILE} saying when and why, and where the log's last
 * whole transaction ends ({@link LogEnd}). The next start finding that note cuts the log back to
 * that end (or, when the end could not be read, lets Neo4j drop the torn transaction itself): the
 * transaction the full disk interrupted, which no caller was told had committed, goes; every
 * transaction acknowledged before it is kept.
 *
 * <p>A start needs room for the reserve and as much again to write into; without it, it is refused
 * saying how much space there is and how much is needed.
 */
final class SpaceReserve {

    static final String FILE = "space.reserve";
    static final String PANIC_FILE = "store.panic";

    private final Path dataDir;
    private final long bytes;

    SpaceReserve(Path dataDir, long bytes) {
        this.dataDir = dataDir;
        this.bytes = bytes;
    }

    /**
     * Makes sure the reserve is there, writing it if not; refused when the volume cannot hold it.
     * A reserve of zero bytes (switched off) removes the file.
     */
    void hold(Path shown) {
        Path file = dataDir.resolve(FILE);
        try {
            if (bytes == 0) {
                Files.deleteIfExists(file);
                return;
            }
            boolean held = Files.isRegularFile(file) && Files.size(file) == bytes;
            long usable = Files.getFileStore(dataDir).getUsableSpace();
            if (!held) {
                Files.deleteIfExists(file);
                usable = Files.getFileStore(dataDir).getUsableSpace();
                if (usable < 2 * bytes) {
                    throw tooFull(shown, usable);
                }
                write(file);
            } else if (usable < bytes) {
                throw tooFull(shown, usable + bytes);
            }
        } catch (IOException e) {
            deleteQuietly(file);
            long usable = usableSpace();
            if (usable >= 0 && usable < 2 * bytes) {
                throw tooFull(shown, usable);
            }
            throw new GraphUnavailableException("cannot write the space reserve " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(Path file) throws IOException {
        byte[] block = new byte[(int) Math.min(bytes, 1 << 20)];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }

    private GraphUnavailableException tooFull(Path shown, long usable) {
        return new GraphUnavailableException("the disk holding " + shown + " has " + ByteUnit.bytesToString(Math.max(0, usable))
                + " free; the store needs " + ByteUnit.bytesToString(2 * bytes) + ": " + ByteUnit.bytesToString(bytes)
                + " to write into and as much kept in reserve, so that it can stop cleanly if the disk fills. Free space,"
                + " then start again (the reserve is sized by " + StoreSettings.RESERVE_PROPERTY + " or TERROIR_STORE_RESERVE)");
    }

    /**
     * On a critical error: gives the reserve back to the disk, then notes the error for the next
     * start. Never throws: the holder is told in any case.
     */
    void release(String why) {
        deleteQuietly(dataDir.resolve(FILE));
        try {
            Files.writeString(dataDir.resolve(PANIC_FILE), Instant.now() + " " + why + "\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // the disk gave nothing back (the reserve is off); the next start recovers as after a crash
        }
    }

    /** The note of the critical error that stopped the store last, if it did. */
    Optional<String> lastCriticalError() {
        Path note = dataDir.resolve(PANIC_FILE);
        try {
            return Files.exists(note) ? Optional.of(Files.readString(note, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.of("(unreadable: " + e.getMessage() + ")");
        }
    }

    /** Once the store has started again after the critical error. */
    void recovered() {
        deleteQuietly(dataDir.resolve(PANIC_FILE));
    }

    private long usableSpace() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
