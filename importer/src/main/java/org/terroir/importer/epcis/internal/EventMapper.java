package org.terroir.importer.epcis.internal;

import static org.terroir.importer.epcis.internal.FieldReader.describe;
import static org.terroir.importer.epcis.internal.FieldReader.isStandardLooking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.terroir.importer.epcis.model.Action;
import org.terroir.importer.epcis.model.AggregationEvent;
import org.terroir.importer.epcis.model.AssociationEvent;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.importer.epcis.model.EventCommon;
import org.terroir.importer.epcis.model.Extension;
import org.terroir.importer.epcis.model.ObjectEvent;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.QuantityElement;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.TransactionEvent;
import org.terroir.importer.epcis.model.TransformationEvent;
import org.terroir.model.Cbv;
import tools.jackson.databind.JsonNode;

/**
 * Turns one event, in the JSON binding's tree shape, into an {@link EpcisEvent}, checking it
 * against the EPCIS 2.0 schemas and the CBV on the way. The XML reader converts each XML event
 * into the same tree shape first ({@code xml = true}: every scalar arrives as text, so numbers and
 * booleans are parsed from text), so both bindings share one set of rules.
 *
 * <p>This class maps the event type and what the event is about (EPCs and quantities); the shared
 * fields are {@link CommonFieldMapper}'s, sensor data {@link SensorElementMapper}'s, user extensions
 * and ILMD {@link UserExtensions}', and all of them read fields and report problems through one
 * {@link FieldReader}.
 */
public final class EventMapper {

    private static final Set<String> COMMON = Set.of("@context", "type", "eventTime", "recordTime",
            "eventTimeZoneOffset", "eventID", "certificationInfo", "errorDeclaration");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "ObjectEvent", Set.of("action", "epcList", "quantityList", "bizStep", "disposition",
                    "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList",
                    "destinationList", "sensorElementList", "ilmd"),
            "AggregationEvent", Set.of("parentID", "childEPCs", "childQuantityList", "action", "bizStep",
                    "disposition", "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList",
                    "sourceList", "destinationList", "sensorElementList"),
            "TransactionEvent", Set.of("bizTransactionList", "parentID", "epcList", "quantityList", "action",
                    "bizStep", "disposition", "persistentDisposition", "readPoint", "bizLocation", "sourceList",
                    "destinationList", "sensorElementList"),
            "TransformationEvent", Set.of("inputEPCList", "inputQuantityList", "outputEPCList",
                    "outputQuantityList", "transformationID", "bizStep", "disposition", "persistentDisposition",
                    "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList",
                    "sensorElementList", "ilmd"),
            "AssociationEvent", Set.of("parentID", "childEPCs", "childQuantityList", "action", "bizStep",
                    "disposition", "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList",
                    "sourceList", "destinationList", "sensorElementList"));
    static final Set<String> EVENT_TYPES = FIELDS.keySet();

    private static final Pattern UOM = Pattern.compile("^[A-Z0-9]{2,3}$");

    private final FieldReader reader;
    private final UserExtensions userExtensions;
    private final CommonFieldMapper commonFields;

    /**
     * @param file the document's file name, for problems
     * @param xml  whether scalars arrive as text (XML binding)
     */
    public EventMapper(String file, boolean xml) {
        this.reader = new FieldReader(file, xml);
        this.userExtensions = new UserExtensions(reader);
        this.commonFields = new CommonFieldMapper(reader, userExtensions, new SensorElementMapper(reader, userExtensions));
    }

    /**
     * Maps one event tree.
     *
     * @param earlier problems already found for this event (e.g. XML element order)
     */
    public ReadEvent map(JsonNode node, int index, long line, Names names, List<Problem> earlier) {
        reader.begin(index, line, names, earlier);
        EpcisEvent event = null;
        try {
            event = event(node);
        } catch (RuntimeException unexpected) {
            reader.problem("event", "cannot be read: " + unexpected);
        }
        List<Problem> problems = reader.problems();
        if (!problems.isEmpty() || event == null) {
            if (problems.isEmpty()) {
                reader.problem("event", "cannot be read");
            }
            return new ReadEvent(index, line, Optional.empty(), problems);
        }
        return new ReadEvent(index, line, Optional.of(event), List.of());
    }

    private EpcisEvent event(JsonNode node) {
        if (!node.isObject()) {
            reader.problem("event", "expected an object, got " + node.getNodeType());
            return null;
        }
        JsonNode context = node.get("@context");
        if (context != null) {
            reader.declare(JsonContexts.prefixes(context));
        }
        String type = reader.string(node, "type", "type");
        if (type == null) {
            reader.problem("type", "is required (one of " + String.join(", ", EVENT_TYPES) + ")");
            return null;
        }
        Set<String> fields = FIELDS.get(type);
        if (fields == null) {
            reader.problem("type", "\"" + type + "\" is not one of " + String.join(", ", EVENT_TYPES));
            return null;
        }
        List<Extension> extensions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            if (COMMON.contains(key) || fields.contains(key) || userExtensions.isComment(key)) {
                continue;
            }
            if (isStandardLooking(key)) {
                reader.problem(key, "is not a field of " + type);
            } else {
                userExtensions.add(key, e.getValue(), key, extensions);
            }
        }
        EventCommon common = commonFields.map(node);
        Action action = fields.contains("action") ? commonFields.action(node) : null;
        return switch (type) {
            case "ObjectEvent" -> objectEvent(node, common, action, extensions);
            case "AggregationEvent" -> common == null || action == null ? null : new AggregationEvent(
                    common.withExtensions(extensions), action, optionalEpc(node, "parentID"),
                    epcs(node, "childEPCs"), quantities(node, "childQuantityList"));
            case "TransactionEvent" -> transactionEvent(node, common, action, extensions);
            case "TransformationEvent" -> transformationEvent(node, common, extensions);
            case "AssociationEvent" -> associationEvent(node, common, action, extensions);
            default -> throw new IllegalStateException(type);
        };
    }

    private ObjectEvent objectEvent(JsonNode node, EventCommon common, Action action, List<Extension> ext) {
        List<Epc> epcs = epcs(node, "epcList");
        List<QuantityElement> quantities = quantities(node, "quantityList");
        List<Extension> ilmd = userExtensions.ilmd(node);
        boolean hasEpcList = node.has("epcList");
        boolean sensorsAtReadPoint = node.has("sensorElementList") && node.get("sensorElementList").size() > 0
                && node.has("readPoint");
        if (!hasEpcList && quantities.isEmpty() && !sensorsAtReadPoint) {
            reader.problem("epcList", "an ObjectEvent needs an epcList, a non-empty quantityList, or sensor data at a readPoint");
        }
        if (node.has("ilmd") && action != null && action != Action.ADD) {
            reader.problem("ilmd", "is allowed only with action ADD, not " + action);
        }
        if (common == null || action == null) {
            return null;
        }
        return new ObjectEvent(common.withExtensions(ext), action, epcs, quantities, ilmd);
    }

    private TransactionEvent transactionEvent(JsonNode node, EventCommon common, Action action, List<Extension> ext) {
        if (common != null && common.bizTransactions().isEmpty() && !reader.hasProblemFor("bizTransactionList")) {
            reader.problem("bizTransactionList", "a TransactionEvent needs at least one bizTransaction");
        }
        Optional<Epc> parent = optionalEpc(node, "parentID");
        List<Epc> epcs = epcs(node, "epcList");
        List<QuantityElement> quantities = quantities(node, "quantityList");
        return common == null || action == null ? null
                : new TransactionEvent(common.withExtensions(ext), action, parent, epcs, quantities);
    }

    private TransformationEvent transformationEvent(JsonNode node, EventCommon common, List<Extension> ext) {
        Optional<String> transformationId = Optional.ofNullable(reader.uri(node, "transformationID", "transformationID"));
        List<Epc> inputs = epcs(node, "inputEPCList");
        List<QuantityElement> inputQuantities = quantities(node, "inputQuantityList");
        List<Epc> outputs = epcs(node, "outputEPCList");
        List<QuantityElement> outputQuantities = quantities(node, "outputQuantityList");
        List<Extension> ilmd = userExtensions.ilmd(node);
        return common == null ? null : new TransformationEvent(common.withExtensions(ext), transformationId,
                inputs, inputQuantities, outputs, outputQuantities, ilmd);
    }

    private AssociationEvent associationEvent(JsonNode node, EventCommon common, Action action, List<Extension> ext) {
        Optional<Epc> parent = optionalEpc(node, "parentID");
        if (parent.isEmpty() && !node.has("parentID")) {
            reader.problem("parentID", "is required in an AssociationEvent");
        }
        List<Epc> children = epcs(node, "childEPCs");
        List<QuantityElement> quantities = quantities(node, "childQuantityList");
        return common == null || action == null || parent.isEmpty() ? null
                : new AssociationEvent(common.withExtensions(ext), action, parent.get(), children, quantities);
    }

    // ---- what

    private List<Epc> epcs(JsonNode node, String field) {
        List<Epc> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : reader.array(node, field)) {
            String path = field + "[" + i++ + "]";
            if (item.isString() && Cbv.isAbsoluteUri(item.stringValue().strip())) {
                list.add(Epc.of(item.stringValue()));
            } else {
                reader.problem(path, "expected an EPC URI, got " + describe(item));
            }
        }
        return list;
    }

    private Optional<Epc> optionalEpc(JsonNode node, String field) {
        return Optional.ofNullable(reader.uri(node, field, field)).map(Epc::of);
    }

    private List<QuantityElement> quantities(JsonNode node, String field) {
        List<QuantityElement> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : reader.array(node, field)) {
            String path = field + "[" + i++ + "]";
            if (!reader.checkObject(item, path, Set.of("epcClass", "quantity", "uom"))) {
                continue;
            }
            String epcClass = reader.uri(item, "epcClass", path + ".epcClass");
            if (epcClass == null && !item.has("epcClass")) {
                reader.problem(path + ".epcClass", "is required");
            }
            Optional<BigDecimal> quantity = Optional.empty();
            JsonNode q = item.get("quantity");
            if (q != null && !q.isNull()) {
                quantity = reader.decimal(q, path + ".quantity");
            }
            Optional<String> uom = Optional.ofNullable(reader.string(item, "uom", path + ".uom"));
            uom.filter(u -> !UOM.matcher(u).matches())
                    .ifPresent(u -> reader.problem(path + ".uom", "\"" + u + "\" is not a UN/CEFACT unit code of 2-3 capitals or digits"));
            if (uom.isPresent() && quantity.isEmpty() && q == null) {
                reader.problem(path + ".uom", "needs a quantity");
            }
            if (epcClass != null) {
                list.add(new QuantityElement(Epc.of(epcClass), quantity, uom));
            }
        }
        return list;
    }
}
