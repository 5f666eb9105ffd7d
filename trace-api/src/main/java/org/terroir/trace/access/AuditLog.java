package org.terroir.trace.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of what only some callers may do: reading a household's personal data, marking
 * a recall. Each entry is one JSON line — time, action, the caller's role, subject and parties, and
 * what was done — logged to the {@code terroir.audit} logger; where it is kept is the logging
 * configuration's (the {@code terroir} command's appends it to its audit file, {@code terroir.audit-log},
 * on a thread of its own, so that the request never waits for the disk).
 */
@Component
public class AuditLog {

    /** The logger the entries go to. */
    public static final String LOGGER = "terroir.audit";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Records that {@code caller} did {@code action}; {@code details} say to what (no personal datum). */
    public void record(Caller caller, String action, Map<String, String> details) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", Instant.now().toString());
        entry.put("action", action);
        entry.put("role", caller.role().name().toLowerCase(Locale.ROOT));
        entry.put("subject", caller.subject().orElse(null));
        entry.put("parties", caller.parties().stream().sorted().toList());
        entry.putAll(details);
        LOG.info(JSON.writeValueAsString(entry));
    }
}
