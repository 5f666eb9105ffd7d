package org.terroir.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.neo4j.io.ByteUnit;

/**
 * The store's tuning settings, each a system property or its environment variable (the property
 * wins), read when a graph is opened. A wrong value is refused naming the setting.
 */
public final class StoreSettings {

    /** The system property that sizes the embedded store's page cache. */
    public static final String PAGE_CACHE_PROPERTY = "terroir.pagecache";

    /** The system property that caps the driver's connections, i.e. the transactions running at once. */
    public static final String MAX_CONNECTIONS_PROPERTY = "terroir.neo4j.max-connections";

    /** The system property that sizes the space the embedded store keeps in reserve on its disk. */
    public static final String RESERVE_PROPERTY = "terroir.store.reserve";

    private StoreSettings() {}

    /** The space reserve no store gets unless told otherwise. */
    static final long DEFAULT_RESERVE = ByteUnit.mebiBytes(64);

    /**
     * The space the embedded store keeps in reserve on its disk ({@link SpaceReserve}):
     * {@value #RESERVE_PROPERTY} or {@code TERROIR_STORE_RESERVE} (e.g. {@code 64m}; {@code 0}
     * switches it off), else 64 MiB.
     */
    static long reserveBytes() {
        return size(RESERVE_PROPERTY, "TERROIR_STORE_RESERVE", 0, "a size such as 64m, or 0").orElse(DEFAULT_RESERVE);
    }

    /** The page cache no store gets less of unless told: enough for an import, or a small store. */
    static final long MIN_PAGE_CACHE = ByteUnit.mebiBytes(512);

    /**
     * The embedded store's page cache: {@value #PAGE_CACHE_PROPERTY} or {@code TERROIR_PAGECACHE}
     * (e.g. {@code 4g}, {@code 512m}); else sized from the store and the machine, see
     * {@link #defaultPageCache}.
     */
    static long pageCacheBytes(Path databases) {
        return size(PAGE_CACHE_PROPERTY, "TERROIR_PAGECACHE", ByteUnit.mebiBytes(8), "a page cache size such as 512m or 4g")
                .orElseGet(() -> defaultPageCache(storeBytes(databases), physicalMemory(), Runtime.getRuntime().maxMemory()));
    }

    /**
     * The whole store and a fifth more to grow into, so that reads are served from memory; but no
     * more than half of the memory the heap leaves (the rest is the operating system's, and its
     * file cache); and never under 512 MiB. A 2 GB store on a 24 GiB machine with a 2 GiB heap gets
     * 2.4 GB, a 22 GB store 11 GiB.
     */
    static long defaultPageCache(long storeBytes, long physicalMemory, long maxHeap) {
        long wanted = storeBytes + storeBytes / 5;
        long room = Math.max(0, physicalMemory - maxHeap) / 2;
        return Math.max(MIN_PAGE_CACHE, Math.min(wanted, room));
    }

    private static long storeBytes(Path databases) {
        if (!Files.isDirectory(databases)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(databases)) {
            return files.filter(Files::isRegularFile).mapToLong(StoreSettings::size).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /**
     * How many connections the driver keeps to the graph, so how many transactions run at once; the
     * next one waits for a connection: {@value #MAX_CONNECTIONS_PROPERTY} or
     * {@code TERROIR_NEO4J_MAX_CONNECTIONS}, else {@code defaultValue}.
     */
    static int maxConnections(int defaultValue) {
        String value = value(MAX_CONNECTIONS_PROPERTY, "TERROIR_NEO4J_MAX_CONNECTIONS");
        if (value == null) {
            return defaultValue;
        }
        try {
            int connections = Integer.parseInt(value);
            if (connections < 1) {
                throw new IllegalArgumentException("less than 1");
            }
            return connections;
        } catch (IllegalArgumentException e) {
            throw wrong(MAX_CONNECTIONS_PROPERTY, "TERROIR_NEO4J_MAX_CONNECTIONS", value, "a number of connections such as 16", e);
        }
    }

    /** A size in bytes ({@code 512m}, {@code 4g}) of at least {@code least}, if set. */
    private static OptionalLong size(String property, String variable, long least, String expected) {
        String value = value(property, variable);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long bytes = ByteUnit.parse(value);
            if (bytes < least) {
                throw new IllegalArgumentException("less than " + ByteUnit.bytesToString(least));
            }
            return OptionalLong.of(bytes);
        } catch (IllegalArgumentException e) {
            throw wrong(property, variable, value, expected, e);
        }
    }

    private static String value(String property, String variable) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static GraphUnavailableException wrong(String property, String variable, String value, String expected,
            IllegalArgumentException e) {
        return new GraphUnavailableException(property + " (" + variable + ") \"" + value + "\" is not " + expected + ": "
                + e.getMessage(), e);
    }
}
