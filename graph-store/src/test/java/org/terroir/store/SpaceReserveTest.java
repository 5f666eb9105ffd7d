package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The space the embedded store holds back on its disk, and the note of a critical error (FullDiskIT fills a disk). */
class SpaceReserveTest {

    @TempDir
    Path dataDir;

    @Test
    void holdingWritesTheReserveOnceAndKeepsIt() throws Exception {
        SpaceReserve reserve = new SpaceReserve(dataDir, 3 << 20);
        reserve.hold(dataDir);
        Path file = dataDir.resolve(SpaceReserve.FILE);
        assertThat(file).hasSize(3 << 20);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        reserve.hold(dataDir);
        assertThat(Files.getLastModifiedTime(file).toMillis()).as("not written again").isZero();

        new SpaceReserve(dataDir, 1 << 20).hold(dataDir);
        assertThat(file).as("resized").hasSize(1 << 20);
        new SpaceReserve(dataDir, 0).hold(dataDir);
        assertThat(file).as("switched off").doesNotExist();
    }

    @Test
    void aDiskWithoutRoomForTheReserveAndAsMuchAgainIsRefusedSayingHowMuchIsFreeAndNeeded() throws Exception {
        long free = Files.getFileStore(dataDir).getUsableSpace();
        SpaceReserve reserve = new SpaceReserve(dataDir, free / 2 + (1L << 30));
        assertThatThrownBy(() -> reserve.hold(Path.of("data"))).isInstanceOf(GraphUnavailableException.class)
                .hasMessageContaining("the disk holding data has").hasMessageContaining("free; the store needs")
                .hasMessageContaining("Free space, then start again").hasMessageContaining("terroir.store.reserve");
        assertThat(dataDir.resolve(SpaceReserve.FILE)).doesNotExist();
    }

    @Test
    void aCriticalErrorGivesTheReserveBackAndIsNotedUntilTheStoreHasStartedAgain() {
        SpaceReserve reserve = new SpaceReserve(dataDir, 1 << 20);
        reserve.hold(dataDir);
        assertThat(reserve.lastCriticalError()).isEmpty();

        reserve.release("the embedded Neo4j stopped after a critical error");
        assertThat(dataDir.resolve(SpaceReserve.FILE)).doesNotExist();
        assertThat(reserve.lastCriticalError()).hasValueSatisfying(note -> assertThat(note)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z the embedded Neo4j stopped after a critical error"));
        assertThat(new SpaceReserve(dataDir, 1 << 20).lastCriticalError()).as("read by the next start").isPresent();

        reserve.recovered();
        assertThat(reserve.lastCriticalError()).isEmpty();
    }
}
