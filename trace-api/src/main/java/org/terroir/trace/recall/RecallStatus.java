package org.terroir.trace.recall;

import java.util.List;

/**
 * The recalls that affect a batch.
 *
 * @param notices its own recalls and those of the batches it was made from, oldest first
 */
public record RecallStatus(List<RecallNotice> notices) {

    public static final RecallStatus NONE = new RecallStatus(List.of());

    public RecallStatus {
        notices = List.copyOf(notices);
    }

    public boolean recalled() {
        return !notices.isEmpty();
    }
}
