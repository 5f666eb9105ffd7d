package org.terroir.trace.graphql;

import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Component;

/**
 * The cursors of every connection, Spring for GraphQL's pagination support: a cursor is its entry's
 * natural key (for the lists in time order, {@link TimePosition#key()}), versioned and encoded by the
 * library's Base64 {@link CursorEncoder}. As the application's {@link CursorStrategy} it reads the
 * {@code after} argument into a controller's {@link Subrange}, the key the next page starts after; a
 * cursor this API did not make is a {@code BAD_REQUEST} naming {@code after}.
 */
@Component
public class Cursors implements CursorStrategy<String> {

    private static final String VERSION = "v1:";

    private static final CursorStrategy<String> ENCODED = CursorStrategy.withEncoder(new Versioned(), CursorEncoder.base64());

    /** The cursor of an entry with this natural key. */
    public static String cursor(String key) {
        return ENCODED.toCursor(key);
    }

    /**
     * The error of an {@code after} that is not a cursor of the list it was given to.
     *
     * @param cursor what was given, null when no longer at hand
     * @param ofWhat {@code "this API"} or {@code "this list"}
     */
    public static InvalidArgumentException notACursor(String cursor, String ofWhat) {
        return new InvalidArgumentException("after", new IllegalArgumentException((cursor == null ? "the value given"
                : "\"" + cursor + "\"") + " is not a cursor of " + ofWhat + ": pass an edge's cursor or pageInfo.endCursor"));
    }

    @Override
    public boolean supports(Class<?> positionType) {
        return positionType == String.class;
    }

    @Override
    public String toCursor(String key) {
        return cursor(key);
    }

    @Override
    public String fromCursor(String cursor) {
        return key(cursor);
    }

    /** The natural key a cursor of {@link #cursor} holds; another is a {@code BAD_REQUEST} naming {@code after}. */
    public static String key(String cursor) {
        try {
            return ENCODED.fromCursor(cursor);
        } catch (IllegalArgumentException e) {
            throw notACursor(cursor, "this API");
        }
    }

    /** A key with the version of its cursor's format. */
    private record Versioned() implements CursorStrategy<String> {

        @Override
        public boolean supports(Class<?> positionType) {
            return positionType == String.class;
        }

        @Override
        public String toCursor(String key) {
            return VERSION + key;
        }

        @Override
        public String fromCursor(String cursor) {
            if (!cursor.startsWith(VERSION)) {
                throw new IllegalArgumentException("not a cursor of this version: " + cursor);
            }
            return cursor.substring(VERSION.length());
        }
    }
}
