package org.terroir.model.schema;

/** A schema migration that cannot be read or applied, or one changed after it was applied. */
public final class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
