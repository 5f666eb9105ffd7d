package org.terroir.store;

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

    private StoreSettings() {}

    /**
     * The embedded store's page cache: {@value #PAGE_CACHE_PROPERTY} or {@code TERROIR_PAGECACHE}
     * (e.g. {@code 4g}, {@code 512m}), else 512 MiB — enough for an import, small for serving a
     * store many times its size, whose reads then go to the disk.
     */
    static long pageCacheBytes() {
        String value = value(PAGE_CACHE_PROPERTY, "TERROIR_PAGECACHE");
        if (value == null) {
            return ByteUnit.mebiBytes(512);
        }
        try {
            long bytes = ByteUnit.parse(value);
            if (bytes < ByteUnit.mebiBytes(8)) {
                throw new IllegalArgumentException("less than 8 MiB");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw wrong(PAGE_CACHE_PROPERTY, "TERROIR_PAGECACHE", value, "a page cache size such as 512m or 4g", e);
        }
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
