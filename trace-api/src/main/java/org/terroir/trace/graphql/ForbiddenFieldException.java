package org.terroir.trace.graphql;

/** A field the caller's role may not read; a {@code FORBIDDEN} GraphQL error, the field null. */
public final class ForbiddenFieldException extends RuntimeException {

    public ForbiddenFieldException(String message) {
        super(message, null, false, false);
    }
}
