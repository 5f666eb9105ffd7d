package org.terroir.trace.graphql;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Where a page of a list in time order starts: after the entry at {@code time} (ISO 8601) with
 * {@code id}. Its cursor's key holds it as the time, a space, the id.
 */
public record TimePosition(String time, String id) {

    /** The cursor key of this position. */
    public String key() {
        return time + " " + id;
    }

    /** The position a cursor's key holds; a key that holds none is a {@code BAD_REQUEST} naming {@code after}. */
    public static TimePosition of(String key) {
        int space = key.indexOf(' ');
        if (space <= 0 || space == key.length() - 1) {
            throw Cursors.notACursor(null, "this list");
        }
        try {
            OffsetDateTime.parse(key.substring(0, space));
        } catch (DateTimeParseException e) {
            throw Cursors.notACursor(null, "this list");
        }
        return new TimePosition(key.substring(0, space), key.substring(space + 1));
    }
}
