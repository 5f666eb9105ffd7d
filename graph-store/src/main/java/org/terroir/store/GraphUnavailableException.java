package org.terroir.store;

/** The graph cannot be opened or reached; the message says which and why. */
public class GraphUnavailableException extends RuntimeException {
    public GraphUnavailableException(String message) {
        super(message);
    }

    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
