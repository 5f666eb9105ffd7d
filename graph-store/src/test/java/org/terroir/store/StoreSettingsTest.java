package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store settings: the page cache, the driver's connections, the space reserve. */
class StoreSettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty(StoreSettings.PAGE_CACHE_PROPERTY);
        System.clearProperty(StoreSettings.MAX_CONNECTIONS_PROPERTY);
        System.clearProperty(StoreSettings.RESERVE_PROPERTY);
    }

    @Test
    void aSizeInTheUsualUnits() {
        System.setProperty(StoreSettings.PAGE_CACHE_PROPERTY, "4g");
        assertThat(StoreSettings.pageCacheBytes(Path.of("none"))).isEqualTo(4L << 30);
        System.setProperty(StoreSettings.PAGE_CACHE_PROPERTY, " 768m ");
        assertThat(StoreSettings.pageCacheBytes(Path.of("none"))).isEqualTo(768L << 20);
    }

    @Test
    void byDefaultTheStoreAndAFifthWithinHalfOfWhatTheHeapLeaves() {
        long gib = 1L << 30;
        // A small store: the floor.
        assertThat(StoreSettings.defaultPageCache(0, 24 * gib, 2 * gib)).isEqualTo(512L << 20);
        assertThat(StoreSettings.defaultPageCache(100L << 20, 24 * gib, 2 * gib)).isEqualTo(512L << 20);
        // A store that fits: all of it and a fifth.
        assertThat(StoreSettings.defaultPageCache(2 * gib, 24 * gib, 2 * gib)).isEqualTo(2 * gib + 2 * gib / 5);
        // A store larger than the machine: half of what the heap leaves.
        assertThat(StoreSettings.defaultPageCache(22 * gib, 24 * gib, 2 * gib)).isEqualTo(11 * gib);
        // A small machine still gets the floor.
        assertThat(StoreSettings.defaultPageCache(22 * gib, gib, 2 * gib)).isEqualTo(512L << 20);
    }

    @Test
    void byDefaultAnEmptyOrMissingStoreGetsTheFloor(@TempDir Path dir) {
        if (System.getenv("TERROIR_PAGECACHE") == null) {
            assertThat(StoreSettings.pageCacheBytes(dir.resolve("none"))).isEqualTo(512L << 20);
            assertThat(StoreSettings.pageCacheBytes(dir)).isEqualTo(512L << 20);
        }
    }

    @Test
    void aWrongSizeIsRefusedNamingTheSetting() {
        for (String wrong : new String[] {"lots", "1k", "-4g"}) {
            System.setProperty(StoreSettings.PAGE_CACHE_PROPERTY, wrong);
            assertThatThrownBy(() -> StoreSettings.pageCacheBytes(Path.of("none"))).as(wrong).isInstanceOf(GraphUnavailableException.class)
                    .hasMessageContaining("terroir.pagecache").hasMessageContaining(wrong);
        }
    }

    @Test
    void connectionsAsConfiguredElseTheDefault() {
        if (System.getenv("TERROIR_NEO4J_MAX_CONNECTIONS") == null) {
            assertThat(StoreSettings.maxConnections(100)).isEqualTo(100);
            assertThat(ServerGraph.driverConfig().maxConnectionPoolSize()).isEqualTo(ServerGraph.DRIVER_MAX_CONNECTIONS);
        }
        System.setProperty(StoreSettings.MAX_CONNECTIONS_PROPERTY, "8");
        assertThat(StoreSettings.maxConnections(100)).isEqualTo(8);
        assertThat(ServerGraph.driverConfig().maxConnectionPoolSize()).isEqualTo(8);
    }

    @Test
    void aWrongConnectionCountIsRefusedNamingTheSetting() {
        for (String wrong : new String[] {"many", "0", "-3"}) {
            System.setProperty(StoreSettings.MAX_CONNECTIONS_PROPERTY, wrong);
            assertThatThrownBy(() -> StoreSettings.maxConnections(100)).as(wrong).isInstanceOf(GraphUnavailableException.class)
                    .hasMessageContaining("terroir.neo4j.max-connections").hasMessageContaining(wrong);
        }
    }

    @Test
    void theSpaceReserveAsConfiguredZeroForNoneElse64MiB() {
        assertThat(StoreSettings.reserveBytes()).isEqualTo(64L << 20);
        System.setProperty(StoreSettings.RESERVE_PROPERTY, "16m");
        assertThat(StoreSettings.reserveBytes()).isEqualTo(16L << 20);
        System.setProperty(StoreSettings.RESERVE_PROPERTY, "0");
        assertThat(StoreSettings.reserveBytes()).isZero();
        for (String wrong : new String[] {"lots", "-1m"}) {
            System.setProperty(StoreSettings.RESERVE_PROPERTY, wrong);
            assertThatThrownBy(StoreSettings::reserveBytes).as(wrong).isInstanceOf(GraphUnavailableException.class)
                    .hasMessageContaining("terroir.store.reserve").hasMessageContaining(wrong);
        }
    }
}
