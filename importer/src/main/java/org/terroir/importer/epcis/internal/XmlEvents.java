package org.terroir.importer.epcis.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.terroir.importer.epcis.internal.XmlEventParser.XmlElement;
import org.terroir.importer.epcis.model.AggregationEvent;
import org.terroir.importer.epcis.model.AssociationEvent;
import org.terroir.importer.epcis.model.ObjectEvent;
import org.terroir.importer.epcis.model.TransactionEvent;
import org.terroir.importer.epcis.model.TransformationEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one XML event element into the JSON binding's tree shape, so {@link EventMapper} checks
 * both bindings with one set of rules, and checks the XML-only rule: the event's children come
 * in the XSD's order (strict), user extensions after all standard elements.
 */
final class XmlEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> COMMON_ORDER = List.of("eventTime", "recordTime", "eventTimeZoneOffset",
            "eventID", "errorDeclaration", "certificationInfo", "baseExtension");
    /** Event-level element order of EPCglobal-epcis-2_0.xsd, after the common part. */
    static final Map<String, List<String>> ORDER = Map.of(
            "ObjectEvent", List.of("epcList", "action", "bizStep", "disposition", "readPoint", "bizLocation",
                    "bizTransactionList", "quantityList", "sourceList", "destinationList", "sensorElementList",
                    "persistentDisposition", "ilmd", "extension"),
            "AggregationEvent", List.of("parentID", "childEPCs", "action", "bizStep", "disposition", "readPoint",
                    "bizLocation", "bizTransactionList", "childQuantityList", "sourceList", "destinationList",
                    "sensorElementList", "persistentDisposition", "extension"),
            "TransactionEvent", List.of("bizTransactionList", "parentID", "epcList", "action", "bizStep",
                    "disposition", "readPoint", "bizLocation", "quantityList", "sourceList", "destinationList",
                    "sensorElementList", "persistentDisposition", "extension"),
            "TransformationEvent", List.of("inputEPCList", "inputQuantityList", "outputEPCList",
                    "outputQuantityList", "transformationID", "bizStep", "disposition", "readPoint", "bizLocation",
                    "bizTransactionList", "sourceList", "destinationList", "sensorElementList",
                    "persistentDisposition", "ilmd", "extension"),
            "AssociationEvent", List.of("parentID", "childEPCs", "childQuantityList", "action", "bizStep",
                    "disposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList",
                    "destinationList", "sensorElementList", "persistentDisposition", "extension"));
    private static final Set<String> EPC_LISTS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    private static final Set<String> QUANTITY_LISTS = Set.of("quantityList", "childQuantityList",
            "inputQuantityList", "outputQuantityList");

    private XmlEvents() {
    }

    static ObjectNode toTree(XmlElement event, boolean strict, BiConsumer<String, String> problems) {
        ObjectNode tree = NODES.objectNode();
        tree.put("type", event.local());
        if (strict && event.unqualified()) {
            for (XmlElement child : event.children()) {
                if (child.standard() && !child.unqualified()) {
                    problems.accept(child.local(), "<" + child.local() + "> must not be namespace-qualified ("
                            + child.ns() + "): EPCIS event fields are unqualified elements");
                }
            }
        }
        if (strict) {
            checkOrder(event, problems);
            checkNestedOrder(event, "", problems);
            checkNil(event, "", problems);
        }
        fill(tree, event, problems);
        return tree;
    }

    private static void checkOrder(XmlElement event, BiConsumer<String, String> problems) {
        List<String> specific = ORDER.get(event.local());
        if (specific == null) {
            return;
        }
        int last = -1;
        String lastName = null;
        String firstExtension = null;
        for (XmlElement child : event.children()) {
            if (!child.standard()) {
                if (firstExtension == null) {
                    firstExtension = child.name();
                }
                continue;
            }
            String name = child.local();
            int position = COMMON_ORDER.indexOf(name);
            if (position < 0 && specific.indexOf(name) >= 0) {
                position = COMMON_ORDER.size() + specific.indexOf(name);
            }
            if (position < 0) {
                continue; // unknown elements are reported by the mapper
            }
            if (firstExtension != null) {
                problems.accept(name, "element order: <" + name + "> comes after the user extension "
                        + firstExtension + "; the EPCIS 2.0 schema puts extensions last");
            } else if (position <= last) {
                problems.accept(name, "element order: <" + name + "> must come "
                        + (position == last ? "only once" : "before <" + lastName + ">")
                        + " (EPCIS 2.0 schema order for " + event.local() + ")");
            }
            if (position > last) {
                last = position;
                lastName = name;
            }
        }
    }

    /**
     * Element order inside the event's standard structures, as in the XSD's sequences; user
     * elements last. {@code errorDeclaration} is not here: the XSD makes its content an unbounded
     * {@code xsd:choice}, so its elements, user ones too, come in any order.
     */
    private static final Map<String, List<String>> NESTED_ORDER = Map.of(
            "quantityElement", List.of("epcClass", "quantity", "uom"),
            "readPoint", List.of("id", "extension"),
            "bizLocation", List.of("id", "extension"),
            "sensorElement", List.of("sensorMetadata", "sensorReport", "extension"),
            "persistentDisposition", List.of("unset", "set"));
    private static final Set<String> REPEATABLE = Set.of("sensorReport", "unset", "set");

    private static void checkNestedOrder(XmlElement parent, String path, BiConsumer<String, String> problems) {
        for (XmlElement child : parent.children()) {
            if (!child.standard()) {
                continue;
            }
            String childPath = path.isEmpty() ? child.local() : path + "." + child.local();
            List<String> order = NESTED_ORDER.get(child.local());
            if (order != null) {
                checkSequence(child, order, childPath, problems);
            }
            if (!child.local().equals("ilmd")) {
                checkNestedOrder(child, childPath, problems);
            }
        }
    }

    /**
     * What the XSD makes of {@code xsi:} attributes. {@code xsi:nil="true"}: it declares one element
     * nillable, a quantity element's {@code quantity} (a quantity not known), which must then be
     * empty; nil on any other standard element makes the document invalid. A user extension element
     * has no declaration, so its nil means nothing, but its {@code xsi:type} is checked: its text must
     * be a value of that type ({@link XsiTypes}).
     */
    private static void checkNil(XmlElement parent, String path, BiConsumer<String, String> problems) {
        for (XmlElement child : parent.children()) {
            String childPath = path.isEmpty() ? child.name() : path + "." + child.name();
            if (!child.standard()) {
                if (child.xsiType() != null) {
                    XsiTypes.problem(child.xsiType(), child.text(), !child.children().isEmpty())
                            .ifPresent(reason -> problems.accept(childPath, reason));
                }
            } else if (child.nil()) {
                boolean nillable = child.standard() && child.local().equals("quantity") && parent.standard()
                        && parent.local().equals("quantityElement");
                if (!nillable) {
                    problems.accept(childPath, "xsi:nil is not allowed here: the EPCIS 2.0 schema makes only a quantity"
                            + " element's <quantity> nillable");
                } else if (!child.text().isEmpty() || !child.children().isEmpty()) {
                    problems.accept(childPath, "is xsi:nil but not empty");
                }
            }
            checkNil(child, childPath, problems);
        }
    }

    private static void checkSequence(XmlElement element, List<String> order, String path,
            BiConsumer<String, String> problems) {
        int last = -1;
        String lastName = null;
        String firstUser = null;
        for (XmlElement child : element.children()) {
            if (!child.standard()) {
                firstUser = firstUser == null ? child.name() : firstUser;
                continue;
            }
            int position = order.indexOf(child.local());
            if (position < 0) {
                continue; // unknown elements are reported by the mapper
            }
            String field = path + "." + child.local();
            if (firstUser != null) {
                problems.accept(field, "element order: <" + child.local() + "> comes after the user extension "
                        + firstUser + "; the EPCIS 2.0 schema puts extensions last");
            } else if (position < last || (position == last && !REPEATABLE.contains(child.local()))) {
                problems.accept(field, "element order: <" + child.local() + "> must come "
                        + (position == last ? "only once" : "before <" + lastName + ">")
                        + " (EPCIS 2.0 schema order in " + element.local() + ")");
            }
            if (position > last) {
                last = position;
                lastName = child.local();
            }
        }
    }

    private static void fill(ObjectNode tree, XmlElement parent, BiConsumer<String, String> problems) {
        for (XmlElement child : parent.children()) {
            if (!child.standard()) {
                put(tree, child.name(), generic(child));
                continue;
            }
            String name = child.local();
            if (name.equals("extension") || name.equals("baseExtension")) {
                fill(tree, child, problems);
            } else if (EPC_LISTS.contains(name)) {
                tree.set(name, texts(child, "epc", problems));
            } else if (QUANTITY_LISTS.contains(name)) {
                ArrayNode list = NODES.arrayNode();
                for (XmlElement q : child.children()) {
                    ObjectNode element = NODES.objectNode();
                    for (XmlElement f : q.children()) {
                        if (f.nil() && f.local().equals("quantity") && f.text().isEmpty()) {
                            element.putNull(f.local()); // nillable in the XSD: a quantity not known
                        } else {
                            element.put(f.local(), f.text());
                        }
                    }
                    list.add(element);
                }
                tree.set(name, list);
            } else if (name.equals("bizTransactionList")) {
                ArrayNode list = NODES.arrayNode();
                for (XmlElement b : child.children()) {
                    ObjectNode element = NODES.objectNode();
                    if (b.attributes().containsKey("type")) {
                        element.put("type", b.attributes().get("type"));
                    }
                    element.put("bizTransaction", b.text());
                    list.add(element);
                }
                tree.set(name, list);
            } else if (name.equals("sourceList") || name.equals("destinationList")) {
                String item = name.equals("sourceList") ? "source" : "destination";
                ArrayNode list = NODES.arrayNode();
                for (XmlElement s : child.children()) {
                    ObjectNode element = NODES.objectNode();
                    if (s.attributes().containsKey("type")) {
                        element.put("type", s.attributes().get("type"));
                    }
                    element.put(s.local().equals(item) ? item : s.local(), s.text());
                    list.add(element);
                }
                tree.set(name, list);
            } else if (name.equals("readPoint") || name.equals("bizLocation") || name.equals("ilmd")) {
                ObjectNode object = NODES.objectNode();
                fillGeneric(object, child);
                tree.set(name, object);
            } else if (name.equals("errorDeclaration")) {
                ObjectNode object = NODES.objectNode();
                for (XmlElement f : child.children()) {
                    if (f.standard() && f.local().equals("correctiveEventIDs")) {
                        object.set("correctiveEventIDs", texts(f, "correctiveEventID", problems));
                    } else if (f.standard() && f.local().equals("extension")) {
                        fillGeneric(object, f);
                    } else {
                        put(object, f.name(), generic(f));
                    }
                }
                tree.set(name, object);
            } else if (name.equals("persistentDisposition")) {
                ObjectNode object = NODES.objectNode();
                for (XmlElement f : child.children()) {
                    ArrayNode values = object.has(f.local()) ? (ArrayNode) object.get(f.local()) : object.putArray(f.local());
                    values.add(f.text());
                }
                tree.set(name, object);
            } else if (name.equals("sensorElementList")) {
                ArrayNode list = NODES.arrayNode();
                for (XmlElement s : child.children()) {
                    if (s.standard() && s.local().equals("extension")) {
                        continue;
                    }
                    list.add(sensorElement(s));
                }
                tree.set(name, list);
            } else {
                put(tree, name, child.children().isEmpty() ? NODES.stringNode(child.text()) : generic(child));
            }
        }
    }

    private static ObjectNode sensorElement(XmlElement s) {
        ObjectNode element = NODES.objectNode();
        ArrayNode reports = NODES.arrayNode();
        for (XmlElement f : s.children()) {
            if (f.standard() && f.local().equals("sensorMetadata")) {
                element.set("sensorMetadata", attributes(f));
            } else if (f.standard() && f.local().equals("sensorReport")) {
                reports.add(attributes(f));
            } else if (f.standard() && f.local().equals("extension")) {
                fillGeneric(element, f);
            } else {
                put(element, f.name(), generic(f));
            }
        }
        element.set("sensorReport", reports);
        return element;
    }

    private static ObjectNode attributes(XmlElement e) {
        ObjectNode object = NODES.objectNode();
        e.attributes().forEach(object::put);
        return object;
    }

    private static ArrayNode texts(XmlElement list, String item, BiConsumer<String, String> problems) {
        ArrayNode array = NODES.arrayNode();
        for (XmlElement e : list.children()) {
            if (!e.local().equals(item) || !e.standard()) {
                problems.accept(list.local(), "<" + e.name() + "> is not allowed here (expected <" + item + ">)");
            } else {
                array.add(e.text());
            }
        }
        return array;
    }

    /** Children as members (expanded names, repeated names as lists); {@code extension} wrappers flattened. */
    private static void fillGeneric(ObjectNode object, XmlElement parent) {
        for (XmlElement f : parent.children()) {
            if (f.standard() && f.local().equals("extension")) {
                fillGeneric(object, f);
            } else {
                put(object, f.name(), generic(f));
            }
        }
    }

    /** An extension element as JSON: text, or an object of its children. */
    static JsonNode generic(XmlElement e) {
        if (e.children().isEmpty() && e.attributes().isEmpty()) {
            return NODES.stringNode(e.text());
        }
        ObjectNode object = NODES.objectNode();
        // Attributes of a user element are its JSON members, as in the JSON-LD binding.
        e.attributes().forEach((name, value) -> put(object, name, NODES.stringNode(value)));
        for (XmlElement c : e.children()) {
            put(object, c.name(), generic(c));
        }
        return object;
    }

    /** Repeated elements of one name become a list (XML values never are lists themselves). */
    private static void put(ObjectNode object, String name, JsonNode value) {
        JsonNode existing = object.get(name);
        if (existing == null) {
            object.set(name, value);
        } else if (existing instanceof ArrayNode list) {
            list.add(value);
        } else {
            ArrayNode list = NODES.arrayNode();
            list.add(existing);
            list.add(value);
            object.set(name, list);
        }
    }
}
