package org.terroir.trace.graphql;

/** A field the caller's role may not read; a {@code FORBIDDEN} GraphQL error, the field null. */
final class ForbiddenFieldException extends RuntimeException {

    ForbiddenFieldException(String message) {
        super(message, null, false, false);
    }
}
