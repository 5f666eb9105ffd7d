package org.terroir.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.impl.transaction.log.LogPosition;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;

/**
 * Where a database's transaction log ends with its last whole transaction: the log file's version
 * and the byte offset after that transaction. Read from the running database when it panics, since a
 * disk that fills during an append leaves part of the failed transaction behind it; Neo4j's own
 * recovery may then choke on those bytes (it has run out of heap reading a length they hold). The
 * next start cuts the log back to this end first, which leaves the log as a crash between two
 * transactions would: nothing acknowledged is lost, the cut transaction never was.
 */
record LogEnd(String database, long version, long offset) {

    private static final Pattern LINE = Pattern.compile("(?m)^log-end (\\S+) (\\d+) (\\d+)$");
    private static final String LOG_FILE = "neostore.transaction.db.";

    /** The end of the last transaction {@code database} closed, when the database can still say. */
    static Optional<LogEnd> of(DatabaseManagementService dbms, String database) {
        try {
            if (!(dbms.database(database) instanceof GraphDatabaseAPI api)) {
                return Optional.empty();
            }
            LogPosition end = api.getDependencyResolver().resolveDependency(TransactionIdStore.class)
                    .getHighestGapFreeClosedTransaction().logPosition();
            return end == null || end.equals(LogPosition.UNSPECIFIED) ? Optional.empty()
                    : Optional.of(new LogEnd(database, end.getLogVersion(), end.getByteOffset()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The line a note of the critical error keeps it in. */
    String line() {
        return "log-end " + database + " " + version + " " + offset;
    }

    /** The log end a note of a critical error holds, if it holds one. */
    static Optional<LogEnd> in(String note) {
        Matcher m = LINE.matcher(note);
        return m.find() ? Optional.of(new LogEnd(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))))
                : Optional.empty();
    }

    /**
     * Cuts the database's transaction log in Neo4j home {@code home} back to this end: the file of
     * this version to this offset, later files removed. Returns how many bytes were cut.
     */
    long cut(Path home) throws IOException {
        Path folder = home.resolve("data").resolve("transactions").resolve(database);
        long cut = 0;
        Path file = folder.resolve(LOG_FILE + version);
        if (Files.isRegularFile(file) && Files.size(file) > offset) {
            cut += Files.size(file) - offset;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(offset);
                channel.force(true);
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path later : files.filter(f -> f.getFileName().toString().startsWith(LOG_FILE)).toList()) {
                String suffix = later.getFileName().toString().substring(LOG_FILE.length());
                if (suffix.matches("\\d+") && Long.parseLong(suffix) > version) {
                    cut += Files.size(later);
                    Files.delete(later);
                }
            }
        }
        return cut;
    }
}
