package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store settings: the page cache (512 MiB unless {@code terroir.pagecache} says otherwise) and the driver's connections. */
class StoreSettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty(StoreSettings.PAGE_CACHE_PROPERTY);
        System.clearProperty(StoreSettings.MAX_CONNECTIONS_PROPERTY);
    }

    @Test
    void aSizeInTheUsualUnits() {
        System.setProperty(StoreSettings.PAGE_CACHE_PROPERTY, "4g");
        assertThat(StoreSettings.pageCacheBytes()).isEqualTo(4L << 30);
        System.setProperty(StoreSettings.PAGE_CACHE_PROPERTY, " 768m ");
        assertThat(StoreSettings.pageCacheBytes()).isEqualTo(768L << 20);
    }

    @Test
    void fiveHundredTwelveMebibytesByDefault() {
        if (System.getenv("TERROIR_PAGECACHE") == null) {
            assertThat(StoreSettings.pageCacheBytes()).isEqualTo(512L << 20);
        }
    }

    @Test
    void aWrongSizeIsRefusedNamingTheSetting() {
        for (String wrong : new String[] {"lots", "1k", "-4g"}) {
            System.setProperty(StoreSettings.PAGE_CACHE_PROPERTY, wrong);
            assertThatThrownBy(StoreSettings::pageCacheBytes).as(wrong).isInstanceOf(GraphUnavailableException.class)
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
}
