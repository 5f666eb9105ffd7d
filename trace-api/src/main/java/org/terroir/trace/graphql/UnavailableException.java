package org.terroir.trace.graphql;

/** The API is not set up to answer this (e.g. no trust list); an {@code INTERNAL_ERROR} that says what is missing. */
public final class UnavailableException extends RuntimeException {

    public UnavailableException(String message) {
        super(message, null, false, false);
    }
}
