package org.terroir.trace.graphql;

/** What an operation names is not in the graph; a {@code NOT_FOUND} GraphQL error. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
