package org.terroir.trace.neo4j;

import java.util.function.Function;
import org.neo4j.driver.Value;

/** Reading the properties of a map value that may lack them (nodes an event created without master data). */
public final class Fields {

    private Fields() {}

    /** The text under {@code key}, or {@code null} when the map has none. */
    public static String text(Value map, String key) {
        Value value = map.get(key);
        return value.isNull() ? null : value.asString();
    }

    /** The text under {@code key} read by {@code parse}, or {@code null} when the map has none. */
    public static <T> T parsed(Value map, String key, Function<String, T> parse) {
        String text = text(map, key);
        return text == null ? null : parse.apply(text);
    }
}
