package org.terroir.importer.epcis.internal;

import static org.terroir.importer.epcis.internal.FieldReader.describe;
import static org.terroir.importer.epcis.internal.FieldReader.isStandardLooking;
import static org.terroir.importer.epcis.internal.FieldReader.scalarText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.terroir.importer.epcis.model.Extension;
import tools.jackson.databind.JsonNode;

/**
 * User extensions: fields in a namespace of their own, wherever EPCIS allows them (the event, its
 * locations, error declaration and sensor elements), and the ILMD, which holds nothing else. A
 * name's prefix must be declared; an object becomes an extension with children.
 */
final class UserExtensions {

    private final FieldReader reader;

    UserExtensions(FieldReader reader) {
        this.reader = reader;
    }

    /** Adds the extension {@code key}, or a problem at {@code path} when its namespace is unknown. */
    void add(String key, JsonNode value, String path, List<Extension> into) {
        Optional<String[]> name = reader.names().expand(key);
        if (name.isEmpty()) {
            reader.problem(path, key.contains(":")
                    ? "namespace prefix \"" + key.substring(0, key.indexOf(':')) + "\" is not declared in @context"
                    : "\"" + key + "\" is not a standard field and has no namespace (user extensions need one)");
            return;
        }
        addNamed(name.get(), value, path, into);
    }

    /** Adds an extension whose name is known: {namespace, local}; a list adds one extension per item. */
    private void addNamed(String[] name, JsonNode value, String path, List<Extension> into) {
        if (value.isArray()) {
            for (JsonNode item : value) {
                addNamed(name, item, path, into);
            }
        } else if (value.isObject()) {
            List<Extension> children = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (e.getKey().startsWith("@")) {
                    continue;
                }
                String key = e.getKey();
                if (isStandardLooking(key)) {
                    addNamed(new String[] {"", key}, e.getValue(), path + "." + key, children);
                } else {
                    add(key, e.getValue(), path + "." + key, children);
                }
            }
            into.add(new Extension(name[0], name[1], "", children));
        } else {
            into.add(new Extension(name[0], name[1], scalarText(value), List.of()));
        }
    }

    /** The {@code ilmd} object's fields, each a user extension. */
    List<Extension> ilmd(JsonNode node) {
        JsonNode ilmd = node.get("ilmd");
        if (ilmd == null) {
            return List.of();
        }
        if (!ilmd.isObject()) {
            reader.problem("ilmd", "expected an object, got " + describe(ilmd));
            return List.of();
        }
        List<Extension> list = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : ilmd.properties()) {
            add(e.getKey(), e.getValue(), "ilmd." + e.getKey(), list);
        }
        return list;
    }

    /**
     * {@code rdfs:comment} is a JSON-LD annotation, the counterpart of an XML comment: not event
     * data, so not kept as a user extension (the GS1 event hash ignores it too).
     */
    boolean isComment(String key) {
        return reader.names().expand(key).map(n -> n[0].equals("http://www.w3.org/2000/01/rdf-schema#") && n[1].equals("comment"))
                .orElse(false);
    }
}
