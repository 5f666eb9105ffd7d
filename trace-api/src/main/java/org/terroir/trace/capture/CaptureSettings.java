package org.terroir.trace.capture;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The capture interface's settings ({@code terroir.capture.*}; docs/capture.md).
 *
 * @param spool           the folder documents are kept in until their job is done; the {@code terroir} command's
 *                        {@code <data-dir>/capture}, else one under the system's temporary folder
 * @param maxDocumentSize the largest document accepted ({@code GS1-EPCIS-Capture-File-Size-Limit}); larger: 413
 * @param workers         documents written at once
 * @param maxEvents       the most events a document may hold ({@code GS1-EPCIS-Capture-Limit}); more: its job fails
 *                        with {@code CaptureLimitExceededException}
 */
@ConfigurationProperties("terroir.capture")
public record CaptureSettings(Path spool, @DefaultValue("64MB") DataSize maxDocumentSize, @DefaultValue("1") int workers,
                              @DefaultValue("1000000") long maxEvents) {

    public CaptureSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("terroir.capture.workers must be at least 1, got " + workers);
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("terroir.capture.max-events must be at least 1, got " + maxEvents);
        }
        if (maxDocumentSize.toBytes() < 1) {
            throw new IllegalArgumentException("terroir.capture.max-document-size must be positive, got " + maxDocumentSize);
        }
    }

    /** The folder documents wait in. */
    public Path spoolFolder() {
        return spool != null ? spool : Path.of(System.getProperty("java.io.tmpdir"), "terroir-capture");
    }
}
