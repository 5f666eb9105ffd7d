package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The embedded store on a volume that fills up: a tmpfs of its own (mounting one needs root, as CI
 * has; elsewhere the test is skipped saying so), nearly filled with a ballast file before the writes
 * begin.
 */
class FullDiskIT {

    @TempDir
    Path temp;

    private Path volume;
    private boolean mounted;

    @BeforeEach
    void mountASmallVolume() throws Exception {
        volume = temp.resolve("volume");
        Files.createDirectories(volume);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=512m", "tmpfs", volume.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes()).strip();
        mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "FullDiskIT needs to mount a 512 MB tmpfs (run as root, as CI does): " + said);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", "-l", volume.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStoreWhoseDiskFillsStopsSaysWhyAndServesAgainWithEveryAcknowledgedWriteOnceSpaceIsFreed() throws Exception {
        GraphTarget target = new GraphTarget.Embedded(volume.resolve("data"), 0);
        Path ballast = volume.resolve("ballast");
        AtomicReference<String> told = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        int acknowledged = 0;
        try (OpenGraph graph = GraphStore.open(target)) {
            assertThat(volume.resolve("data").resolve(SpaceReserve.FILE)).hasSize(StoreSettings.DEFAULT_RESERVE);
            graph.whenFailed(why -> {
                told.set(why);
                failed.countDown();
            });
            fill(ballast, Files.getFileStore(volume).getUsableSpace() - (20L << 20)); // 20 MB left
            Neo4jException writeFailed = null;
            for (int batch = 0; batch < 10_000 && writeFailed == null; batch++) {
                try {
                    graph.driver().executableQuery("UNWIND range(1, 2000) AS x CREATE (:Filler {batch: $batch, text: $text})")
                            .withParameters(Map.of("batch", batch, "text", "x".repeat(100))).execute();
                    acknowledged++;
                } catch (Neo4jException e) {
                    writeFailed = e;
                }
            }
            assertThat(writeFailed).as("the disk filled up").isNotNull();
            assertThat(acknowledged).isPositive();
            assertThat(failed.await(30, TimeUnit.SECONDS)).as("the holder is told").isTrue();
            assertThat(told.get()).contains("stopped after a critical error", "a full disk, usually", "debug.log",
                    "free space, then restart");
            assertThat(graph.failure()).contains(told.get());

            // Another command reaching the store through its Bolt port says what happened, not that the port is silent.
            assertThatThrownBy(() -> GraphStore.open(target)).isInstanceOf(GraphUnavailableException.class)
                    .isNotInstanceOf(StoreBusyException.class)
                    .hasMessageContaining("stopped after a critical error").hasMessageContaining("free space, then restart");

            // The reserve went back to the disk, and the error is noted for the next start.
            assertThat(volume.resolve("data").resolve(SpaceReserve.FILE)).doesNotExist();
            assertThat(volume.resolve("data").resolve(SpaceReserve.PANIC_FILE)).content().contains("critical error");
        } // the holder stops although the disk is still full: Neo4j flushes its pages into the space the reserve held

        // A start before space is freed is refused, saying so; the store is untouched.
        assertThatThrownBy(() -> GraphStore.open(target)).isInstanceOf(GraphUnavailableException.class)
                .hasMessageContaining("free; the store needs 128.0MiB").hasMessageContaining("Free space, then start again");
        assertThat(volume.resolve("data").resolve(SpaceReserve.PANIC_FILE)).exists();

        // Space freed, it serves again: every write acknowledged before the disk filled is there, nothing after.
        Files.delete(ballast);
        try (OpenGraph again = GraphStore.open(target)) {
            assertThat(again.failure()).isEmpty();
            assertThat(again.description()).contains("started again after the critical error of",
                    "dropping the transaction it cut short");
            var counted = again.driver().executableQuery("MATCH (n:Filler) RETURN count(n) AS nodes, count(DISTINCT n.batch) AS batches")
                    .execute().records().getFirst();
            assertThat(counted.get("batches").asInt()).isEqualTo(acknowledged);
            assertThat(counted.get("nodes").asLong()).isEqualTo(acknowledged * 2000L);
            again.driver().executableQuery("CREATE (:Filler {batch: -1})").execute();
            assertThat(volume.resolve("data").resolve(SpaceReserve.PANIC_FILE)).doesNotExist();
        }
        try (OpenGraph third = GraphStore.open(target)) {
            assertThat(third.description()).doesNotContain("critical error");
            assertThat(third.driver().executableQuery("MATCH (n:Filler) RETURN count(n) AS nodes").execute().records()
                    .getFirst().get("nodes").asLong()).isEqualTo(acknowledged * 2000L + 1);
        }
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written + block.length <= bytes; written += block.length) {
                out.write(block);
            }
        }
    }
}
