package org.terroir.trace.graphql;

/** What an operation names is not in the graph; a {@code NOT_FOUND} GraphQL error. */
final class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message, null, false, false);
    }
}
