package org.terroir.store;

/** The embedded store is held by another process that cannot be reached through Bolt. */
public final class StoreBusyException extends GraphUnavailableException {
    public StoreBusyException(String message) {
        super(message, null);
    }
}
