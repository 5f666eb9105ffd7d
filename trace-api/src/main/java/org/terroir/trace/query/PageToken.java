package org.terroir.trace.query;

import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code nextPageToken}: the query it continues (its parameters as given) and the last entry of
 * the page before it (an event's time and id; a collection's member, {@code time} null), so the next
 * page starts right after it whatever was captured meanwhile: no entry is shown twice or skipped
 * among those that were there. Base64url of a small JSON object; it grants nothing (the caller's
 * token decides what is seen), and a token that is not one is refused.
 */
record PageToken(SortedMap<String, List<String>> query, String time, String id) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String encode() {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("v", 1);
        token.put("q", query);
        if (time != null) {
            token.put("t", time);
        }
        token.put("i", id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(token));
    }

    /** The token {@code text} holds; {@link IllegalArgumentException} when it holds none. */
    static PageToken decode(String text) {
        try {
            JsonNode token = JSON.readTree(Base64.getUrlDecoder().decode(text));
            if (token.path("v").asInt() != 1 || !token.path("q").isObject() || !token.path("i").isString()
                    || token.has("t") && !token.get("t").isString()) {
                throw new IllegalArgumentException("not a page token");
            }
            String time = token.has("t") ? token.get("t").asString() : null;
            if (time != null) {
                OffsetDateTime.parse(time);
            }
            SortedMap<String, List<String>> query = new TreeMap<>();
            for (Map.Entry<String, JsonNode> p : token.get("q").properties()) {
                if (!p.getValue().isArray()) {
                    throw new IllegalArgumentException("not a page token");
                }
                query.put(p.getKey(), p.getValue().valueStream().map(JsonNode::asString).toList());
            }
            return new PageToken(query, time, token.get("i").asString());
        } catch (JacksonException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a page token", e);
        }
    }
}
