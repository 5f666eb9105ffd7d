package org.terroir.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerAdapter;
import org.neo4j.io.ByteUnit;

/**
 * An embedded, file-backed Neo4j in {@code <data-dir>/neo4j}, with Bolt on localhost so that other
 * processes (another {@code terroir} command, Neo4j's tools) can reach it while it runs.
 *
 * <p>The process that starts it holds {@code <data-dir>/terroir.lock} and writes its Bolt port to
 * {@code <data-dir>/bolt.port}. A second process finding the lock held connects through that port.
 *
 * <p>Bolt asks for a login ({@link StoreCredentials}: a password made on the first start, kept
 * owner-only in the data folder, which is owner-only too), also over WebSocket, which the connector
 * speaks on the same port. Failed logins lock nobody out: the password is 256 random bits, and a lock
 * would let any local process or web page shut Terroir out of its own store.
 */
final class EmbeddedGraph implements OpenGraph {

    static final String LOCK_FILE = "terroir.lock";
    static final String PORT_FILE = "bolt.port";

    /**
     * Indexes sampled at once: one, not Neo4j's four. The samplers run on virtual threads, whose
     * scheduler has as many carriers as the machine has cores. On 2 cores a 100,000-batch import
     * (2026-12-08) made no progress for 15 minutes at its fifth file, both cores busy: a thread dump
     * showed two samplers scanning indexes on both carriers, the import's commit (splitting an index
     * page) blocked on the page cache's allocator, and the allocator held by a third sampler waiting
     * for a carrier. With one sampler at a time, a carrier is left for the rest.
     */
    static final int INDEX_SAMPLERS = 1;

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final DatabaseManagementService dbms;
    private final ServerGraph connection;
    private final String description;
    private final AtomicReference<String> failure;
    private final List<Consumer<String>> failureListeners = new CopyOnWriteArrayList<>();

    private EmbeddedGraph(Path dataDir, FileChannel lockChannel, FileLock lock, DatabaseManagementService dbms,
            ServerGraph connection, String description, AtomicReference<String> failure) {
        this.failure = failure;
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.dbms = dbms;
        this.connection = connection;
        this.description = description;
    }

    static OpenGraph open(GraphTarget.Embedded target) {
        Path dataDir = target.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new GraphUnavailableException("cannot create the data folder " + target.dataDir() + ": " + e.getMessage(), e);
        }
        FileChannel channel = null;
        FileLock lock;
        try {
            channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new GraphUnavailableException("cannot lock " + dataDir.resolve(LOCK_FILE) + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            return reachRunningStore(target.dataDir(), dataDir);
        }
        try {
            return start(target, dataDir, channel, lock);
        } catch (RuntimeException e) {
            releaseQuietly(lock, channel);
            throw e;
        }
    }

    private static OpenGraph start(GraphTarget.Embedded target, Path dataDir, FileChannel channel, FileLock lock) {
        int port = choosePort(target.boltPort());
        StoreCredentials.restrictFolderToOwner(dataDir);
        StoreCredentials credentials = StoreCredentials.readOrCreate(dataDir);
        SpaceReserve reserve = new SpaceReserve(dataDir, StoreSettings.reserveBytes());
        reserve.hold(target.dataDir());
        Optional<String> lastCriticalError = reserve.lastCriticalError();
        Path home = dataDir.resolve("neo4j");
        Optional<LogEnd> logEnd = lastCriticalError.flatMap(LogEnd::in);
        if (logEnd.isPresent()) {
            try {
                logEnd.get().cut(home);
            } catch (IOException e) {
                throw new GraphUnavailableException("cannot cut the transaction log of " + target.dataDir() + " back to its"
                        + " last whole transaction after the critical error noted in " + dataDir.resolve(SpaceReserve.PANIC_FILE)
                        + ": " + e.getMessage(), e);
            }
        }
        DatabaseManagementService dbms;
        Path debugLog = home.resolve("logs").resolve("debug.log");
        long pageCache = StoreSettings.pageCacheBytes(home.resolve("data").resolve("databases"));
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("localhost", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseInternalSettings.index_sampling_parallelism, INDEX_SAMPLERS)
                    // after a critical error (SpaceReserve) whose log end is not known, the log's last transaction
                    // may be cut short: dropped
                    .setConfig(GraphDatabaseInternalSettings.fail_on_corrupted_log_files,
                            lastCriticalError.isEmpty() || logEnd.isPresent())
                    .build();
        } catch (RuntimeException e) {
            throw new GraphUnavailableException("cannot start the embedded Neo4j in " + target.dataDir() + ": "
                    + ServerGraph.firstLine(rootMessage(e)), e);
        }
        DatabaseManagementService started = dbms;
        if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable()) {
            dbms.shutdown();
            throw new GraphUnavailableException("the embedded Neo4j in " + target.dataDir() + " started, but its database did"
                    + " not" + lastCriticalError.map(error -> " after the critical error noted in " + dataDir.resolve(
                            SpaceReserve.PANIC_FILE)).orElse("") + ": Neo4j says why in " + debugLog);
        }
        String uri = "bolt://localhost:" + port;
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicReference<EmbeddedGraph> opened = new AtomicReference<>();
        dbms.registerDatabaseEventListener(new DatabaseEventListenerAdapter() {
            @Override
            public void databasePanic(DatabaseEventContext event) {
                String why = "the embedded Neo4j in " + target.dataDir() + " stopped after a critical error in database '"
                        + event.getDatabaseName() + "' (a full disk, usually; see " + debugLog
                        + "): free space, then restart the terroir process holding it";
                if (failure.compareAndSet(null, why)) {
                    reserve.release(why + LogEnd.of(started, event.getDatabaseName()).map(end -> "\n" + end.line()).orElse(""));
                    if (opened.get() != null) {
                        opened.get().failed(why);
                    }
                }
            }
        });
        ServerGraph connection;
        try {
            setPassword(dbms, uri, credentials);
            connection = ServerGraph.connect(uri, credentials.authToken(), "embedded store " + target.dataDir());
            StoreCredentials.restrictFolderToOwner(dataDir); // what Neo4j and the migrations made at this start
            Files.writeString(dataDir.resolve(PORT_FILE), port + " " + ProcessHandle.current().pid() + "\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            dbms.shutdown();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
        if (lastCriticalError.isPresent() && failure.get() == null) {
            reserve.recovered();
        }
        EmbeddedGraph graph = new EmbeddedGraph(dataDir, channel, lock, dbms, connection,
                "embedded store " + target.dataDir() + " (Bolt " + uri + ", page cache " + ByteUnit.bytesToString(pageCache)
                        + lastCriticalError.map(error -> "; started again after the critical error of "
                                + error.split(" ", 2)[0] + ", dropping the transaction it cut short").orElse("") + ")",
                failure);
        opened.set(graph);
        if (failure.get() != null) {
            graph.failed(failure.get());
        }
        return graph;
    }

    /**
     * Gives the store's user the password of the credentials file, unless it has it already: a new
     * store (Neo4j's default password), one made before logins were asked for, or one whose file was
     * deleted. The embedded API is this process's own, and needs no login.
     */
    private static void setPassword(DatabaseManagementService dbms, String uri, StoreCredentials credentials) {
        try (Driver driver = GraphDatabase.driver(uri, credentials.authToken(), ServerGraph.driverConfig())) {
            driver.verifyConnectivity();
            return;
        } catch (AuthenticationException notYet) {
            // set it below
        } catch (Neo4jException e) {
            throw new GraphUnavailableException("cannot reach the embedded store's Bolt port " + uri + ": "
                    + ServerGraph.firstLine(e.getMessage()), e);
        }
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER " + credentials.user() + " SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", credentials.password()));
    }

    private static OpenGraph reachRunningStore(Path shown, Path dataDir) {
        StoreCredentials credentials = StoreCredentials.read(dataDir);
        String holder;
        int port;
        try {
            String[] parts = Files.readString(dataDir.resolve(PORT_FILE), StandardCharsets.US_ASCII).strip().split(" ");
            port = Integer.parseInt(parts[0]);
            holder = parts.length > 1 ? "process " + parts[1] : "another process";
        } catch (IOException | RuntimeException e) {
            throw new StoreBusyException("the store " + shown + " is in use by another terroir process that is still starting"
                    + " or has no Bolt port; wait for it, stop it, or use another --data-dir");
        }
        try {
            ServerGraph graph = ServerGraph.connect("bolt://localhost:" + port, credentials.authToken(),
                    "embedded store " + shown + " held by " + holder + ", reached through its Bolt port " + port);
            return graph;
        } catch (GraphUnavailableException e) {
            if (e.getCause() instanceof Neo4jException neo4j && stoppedAfterCriticalError(neo4j)) {
                throw new GraphUnavailableException("the store " + shown + " held by " + holder + " stopped after a critical"
                        + " error (a full disk, usually; see " + dataDir.resolve("neo4j").resolve("logs").resolve("debug.log")
                        + "): free space, then restart that process", e);
            }
            throw new StoreBusyException("the store " + shown + " is in use by " + holder
                    + " and its Bolt port " + port + " does not answer; stop that process or use another --data-dir");
        }
    }

    private static int choosePort(int wanted) {
        if (wanted != 0 && isFree(wanted)) {
            return wanted;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new GraphUnavailableException("no free local port for Bolt: " + e.getMessage(), e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Whether the store answering said it stopped after a critical error (Neo4j's "needs to be restarted"). */
    static boolean stoppedAfterCriticalError(Neo4jException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("critical error") || message.contains("needs to be restarted")
                || "Neo.DatabaseError.Transaction.TransactionStartFailed".equals(e.code());
    }

    private void failed(String why) {
        failureListeners.forEach(listener -> listener.accept(why));
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void whenFailed(Consumer<String> listener) {
        failureListeners.add(listener);
        String why = failure.get();
        if (why != null) {
            listener.accept(why);
        }
    }

    @Override
    public Driver driver() {
        return connection.driver();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String boltUri() {
        return connection.boltUri();
    }

    @Override
    public Schema.Report schema() {
        return connection.schema();
    }

    @Override
    public synchronized void close() {
        if (!lockChannel.isOpen()) {
            return;
        }
        try {
            connection.close();
            dbms.shutdown();
        } finally {
            try {
                Files.deleteIfExists(dataDir.resolve(PORT_FILE));
            } catch (IOException ignored) {
                // the next start overwrites it
            }
            releaseQuietly(lock, lockChannel);
        }
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel) {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
