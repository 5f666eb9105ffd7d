package org.terroir.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code serve} and {@code demo} tell the API about the data folder, as defaults that the
 * environment and system properties still override: the token key ({@code terroir.tokens.public-key}),
 * the demo PKI's trust list ({@code terroir.trust-list}, {@code terroir.trust-roots}) when there is one,
 * the folder captured documents wait in ({@code terroir.capture.spool}: {@code <data-dir>/capture});
 * and where log4j2.xml appends the audit trail ({@link #AUDIT_LOG}).
 */
final class ApiDefaults {

    /**
     * The system property log4j2.xml's audit appender reads: the file of the audit trail. Given with
     * {@code -D} it stays; else {@code TERROIR_AUDIT_LOG} (the environment's name of the setting); else
     * {@code <data-dir>/audit.log}.
     */
    static final String AUDIT_LOG = "terroir.audit-log";

    /** What {@code -Dterroir.audit-log} said when the command started: {@link #of} sets the property itself after. */
    private static final String GIVEN_AUDIT_LOG = System.getProperty(AUDIT_LOG);

    private ApiDefaults() {
    }

    static Map<String, Object> of(Path dataDir) throws IOException {
        Map<String, Object> properties = new HashMap<>(TokensCommand.apiProperties(dataDir));
        properties.putAll(DemoPki.apiProperties(dataDir));
        Files.createDirectories(dataDir);
        properties.put("terroir.capture.spool", dataDir.resolve("capture").toAbsolutePath().toString());
        System.setProperty(AUDIT_LOG, auditLog(GIVEN_AUDIT_LOG, System.getenv("TERROIR_AUDIT_LOG"), dataDir));
        return properties;
    }

    /** The audit file: the system property's, else the environment's, else the data folder's {@code audit.log}. */
    static String auditLog(String property, String environment, Path dataDir) {
        for (String given : new String[] {property, environment}) {
            if (given != null && !given.isBlank()) {
                return Path.of(given.strip()).toAbsolutePath().toString();
            }
        }
        return dataDir.resolve("audit.log").toAbsolutePath().toString();
    }
}
