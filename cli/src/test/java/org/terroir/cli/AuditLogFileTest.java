package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.terroir.trace.access.AuditLog;

/** The audit trail's file: log4j2.xml's appender for the {@code terroir.audit} logger, and where serve and demo point it. */
class AuditLogFileTest {

    @Test
    void theSystemPropertyWinsThenTheEnvironmentThenTheDataFolder(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");

        assertThat(ApiDefaults.auditLog(dir.resolve("given.log").toString(), "/var/log/env.log", dataDir))
                .isEqualTo(dir.resolve("given.log").toString());
        assertThat(ApiDefaults.auditLog(" ", "/var/log/env.log", dataDir)).isEqualTo("/var/log/env.log");
        assertThat(ApiDefaults.auditLog(null, null, dataDir)).isEqualTo(dataDir.resolve("audit.log").toAbsolutePath().toString());
    }

    @Test
    void withoutThePropertyAnEntryIsOnlyLoggedAndNoFileIsMade() throws Exception {
        String before = System.getProperty(ApiDefaults.AUDIT_LOG);
        System.clearProperty(ApiDefaults.AUDIT_LOG);
        try {
            LoggerFactory.getLogger(AuditLog.LOGGER).info("{\"action\":\"identity.read\"}");
            Thread.sleep(500); // the appender's own thread would have made it by now
            assertThat(Path.of("${sys:" + ApiDefaults.AUDIT_LOG + "}")).as("a file named after the unresolved lookup").doesNotExist();
        } finally {
            if (before != null) {
                System.setProperty(ApiDefaults.AUDIT_LOG, before);
            }
        }
    }

    @Test
    void eachEntryIsOneLineAppendedToTheFileThePropertyNamesReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trail/audit.log");
        String before = System.getProperty(ApiDefaults.AUDIT_LOG);
        System.setProperty(ApiDefaults.AUDIT_LOG, file.toString());
        try {
            LoggerFactory.getLogger(AuditLog.LOGGER).info("{\"action\":\"identity.read\",\"household\":\"P-AAAAAAAAAAAA\"}");
            LoggerFactory.getLogger(AuditLog.LOGGER).info("{\"action\":\"recall\",\"batch\":\"01/09520011001014/10/LC2601R\"}");

            String expected = "{\"action\":\"identity.read\",\"household\":\"P-AAAAAAAAAAAA\"}\n"
                    + "{\"action\":\"recall\",\"batch\":\"01/09520011001014/10/LC2601R\"}\n";
            for (int i = 0; i < 100 && !(Files.exists(file) && Files.readString(file).equals(expected)); i++) {
                Thread.sleep(100); // written by the appender's own thread
            }
            assertThat(file).content().isEqualTo(expected);
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        } finally {
            if (before == null) {
                System.clearProperty(ApiDefaults.AUDIT_LOG);
            } else {
                System.setProperty(ApiDefaults.AUDIT_LOG, before);
            }
        }
    }
}
