package org.terroir.importer.epcis.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads namespace prefixes from a JSON-LD {@code @context} value without fetching anything. */
final class JsonContexts {

    /** The standard EPCIS context URLs, whose terms are built in. */
    static final Set<String> STANDARD_URLS = Set.of(
            "https://ref.gs1.org/standards/epcis/epcis-context.jsonld",
            "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
            "https://gs1.github.io/EPCIS/epcis-context.jsonld");

    private JsonContexts() {
    }

    /** Prefix to IRI for every {@code "prefix": "iri"} in the context's objects; remote URLs are not fetched. */
    static Map<String, String> prefixes(JsonNode context) {
        Map<String, String> prefixes = new HashMap<>();
        if (context.isArray()) {
            for (JsonNode item : context) {
                prefixes.putAll(prefixes(item));
            }
        } else if (context.isObject()) {
            for (Map.Entry<String, JsonNode> e : context.properties()) {
                JsonNode value = e.getValue();
                if (value.isString() && !e.getKey().startsWith("@")) {
                    prefixes.put(e.getKey(), value.stringValue());
                } else if (value.isObject() && value.has("@id") && value.get("@id").isString()) {
                    prefixes.put(e.getKey(), value.get("@id").stringValue());
                }
            }
        }
        return prefixes;
    }
}
