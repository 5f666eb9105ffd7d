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
 * and the audit trail ({@code terroir.audit-log}: {@code <data-dir>/audit.log}).
 */
final class ApiDefaults {

    private ApiDefaults() {
    }

    static Map<String, Object> of(Path dataDir) throws IOException {
        Map<String, Object> properties = new HashMap<>(TokensCommand.apiProperties(dataDir));
        properties.putAll(DemoPki.apiProperties(dataDir));
        Files.createDirectories(dataDir);
        properties.put("terroir.audit-log", dataDir.resolve("audit.log").toAbsolutePath().toString());
        return properties;
    }
}
