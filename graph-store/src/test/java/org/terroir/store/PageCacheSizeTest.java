package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded store's page cache size: 512 MiB unless {@code terroir.pagecache} says otherwise. */
class PageCacheSizeTest {

    @AfterEach
    void clear() {
        System.clearProperty(EmbeddedGraph.PAGE_CACHE_PROPERTY);
    }

    @Test
    void aSizeInTheUsualUnits() {
        System.setProperty(EmbeddedGraph.PAGE_CACHE_PROPERTY, "4g");
        assertThat(EmbeddedGraph.pageCacheBytes()).isEqualTo(4L << 30);
        System.setProperty(EmbeddedGraph.PAGE_CACHE_PROPERTY, " 768m ");
        assertThat(EmbeddedGraph.pageCacheBytes()).isEqualTo(768L << 20);
    }

    @Test
    void fiveHundredTwelveMebibytesByDefault() {
        if (System.getenv("TERROIR_PAGECACHE") == null) {
            assertThat(EmbeddedGraph.pageCacheBytes()).isEqualTo(512L << 20);
        }
    }

    @Test
    void aWrongSizeIsRefusedNamingTheSetting() {
        for (String wrong : new String[] {"lots", "1k", "-4g"}) {
            System.setProperty(EmbeddedGraph.PAGE_CACHE_PROPERTY, wrong);
            assertThatThrownBy(EmbeddedGraph::pageCacheBytes).as(wrong).isInstanceOf(GraphUnavailableException.class)
                    .hasMessageContaining("terroir.pagecache").hasMessageContaining(wrong);
        }
    }
}
