package org.terroir.trace.access;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of what only some callers may do: reading a household's personal data, marking
 * a recall. Each entry is one JSON line — time, action, the caller's role, subject and parties, and
 * what was done — appended to {@code terroir.audit-log} (when set) by a thread of its own, so that
 * the request never waits for the disk, and logged to the {@code terroir.audit} logger as well.
 */
@Component
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("terroir.audit");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final ExecutorService writer;

    AuditLog(AuditLogSettings settings) {
        String file = settings.auditLog();
        this.file = file == null || file.isBlank() ? null : Path.of(file.strip());
        this.writer = this.file == null ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "terroir-audit");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Records that {@code caller} did {@code action}; {@code details} say to what (no personal datum). */
    public void record(Caller caller, String action, Map<String, String> details) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", Instant.now().toString());
        entry.put("action", action);
        entry.put("role", caller.role().name().toLowerCase(java.util.Locale.ROOT));
        entry.put("subject", caller.subject().orElse(null));
        entry.put("parties", caller.parties().stream().sorted().toList());
        entry.putAll(details);
        String line = JSON.writeValueAsString(entry);
        LOG.info(line);
        if (writer != null) {
            writer.execute(() -> append(line));
        }
    }

    private void append(String line) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            LOG.error("audit log {} not written ({}): {}", file, e.getMessage(), line);
        }
    }

    /** Writes what is queued before the application stops. */
    @PreDestroy
    void flush() throws InterruptedException {
        if (writer != null) {
            writer.shutdown();
            writer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
