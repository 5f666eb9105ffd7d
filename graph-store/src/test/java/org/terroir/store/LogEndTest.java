package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of a transaction log's last whole transaction, as a note keeps it and a start cuts the log back to it (FullDiskIT with Neo4j). */
class LogEndTest {

    @Test
    void aNoteKeepsTheEndOnALineOfItsOwn() {
        LogEnd end = new LogEnd("neo4j", 3, 20_757_012);
        String note = "2026-12-07T07:45:56Z the embedded Neo4j stopped after a critical error\n" + end.line() + "\n";

        assertThat(LogEnd.in(note)).contains(end);
        assertThat(LogEnd.in("2026-12-07T07:45:56Z a note written before the end was kept")).isEmpty();
    }

    @Test
    void cuttingTheLogLeavesItsFileAtTheEndAndRemovesLaterFiles(@TempDir Path home) throws Exception {
        Path folder = Files.createDirectories(home.resolve("data/transactions/neo4j"));
        Files.write(folder.resolve("neostore.transaction.db.2"), new byte[1000]);
        Files.write(folder.resolve("neostore.transaction.db.3"), new byte[5000]);
        Files.write(folder.resolve("neostore.transaction.db.4"), new byte[64]);
        Files.write(folder.resolve("checkpoint.0"), new byte[614]);

        long cut = new LogEnd("neo4j", 3, 4000).cut(home);

        assertThat(cut).isEqualTo(1000 + 64);
        assertThat(folder.resolve("neostore.transaction.db.2")).hasSize(1000);
        assertThat(folder.resolve("neostore.transaction.db.3")).hasSize(4000);
        assertThat(folder.resolve("neostore.transaction.db.4")).doesNotExist();
        assertThat(folder.resolve("checkpoint.0")).hasSize(614);
        assertThat(new LogEnd("neo4j", 3, 4000).cut(home)).as("cut once").isZero();
    }
}
