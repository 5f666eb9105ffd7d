package org.terroir.trace.graphql;

import java.util.Objects;

/** A GraphQL argument that is not a valid value, e.g. a GTIN with a wrong check digit. */
public final class InvalidArgumentException extends IllegalArgumentException {

    private final String argument;

    /**
     * @param argument the argument's name in the schema, e.g. {@code gtin}
     * @param cause    why its value is invalid; its message names the value and the rule it breaks
     */
    public InvalidArgumentException(String argument, IllegalArgumentException cause) {
        super("argument " + argument + ": " + cause.getMessage(), cause);
        this.argument = Objects.requireNonNull(argument, "argument");
    }

    /** The argument's name in the schema. */
    public String argument() {
        return argument;
    }
}
