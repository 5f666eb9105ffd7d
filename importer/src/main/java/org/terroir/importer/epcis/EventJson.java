package org.terroir.importer.epcis;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.terroir.importer.epcis.internal.Names;
import org.terroir.importer.epcis.model.AggregationEvent;
import org.terroir.importer.epcis.model.AssociationEvent;
import org.terroir.importer.epcis.model.BizTransaction;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.importer.epcis.model.EventCommon;
import org.terroir.importer.epcis.model.Extension;
import org.terroir.importer.epcis.model.Gs1DigitalLinks;
import org.terroir.importer.epcis.model.Location;
import org.terroir.importer.epcis.model.ObjectEvent;
import org.terroir.importer.epcis.model.QuantityElement;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.SensorElement;
import org.terroir.importer.epcis.model.SourceDestination;
import org.terroir.importer.epcis.model.TransactionEvent;
import org.terroir.importer.epcis.model.TransformationEvent;
import org.terroir.model.Cbv;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one event as EPCIS 2.0 JSON-LD, the form the query interface answers with, whichever
 * binding the event came in. What the reader normalised is written in one canonical form: GS1 keys
 * as GS1 Digital Links on {@code https://id.gs1.org/}, CBV values as their bare JSON-LD terms,
 * measurement types and coordinate components as the schema's short names, quantities and sensor
 * values as numbers. User extensions (at event level, in locations, ILMD, sensor elements and error
 * declarations) keep their namespace through prefixes the event's own {@code @context} declares
 * ({@code ext1}, {@code ext2}, … in order of first use; the standard context's own where it has one,
 * and the XML form of the CBV master-data namespace as {@code cbvmda}, as the standard maps it).
 *
 * <p>Reading what this writes gives back the same event: the same fields, the same GS1 event hash
 * ({@code EventJsonTest}, over every valid document of the shared corpus). {@code recordTime} is
 * left out: the repository sets it, and a stored event gets it from the graph.
 */
public final class EventJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String GS1_VOC = "https://gs1.org/voc/";
    private static final String COMPONENT = Cbv.WEB_BASE + "Comp-";
    private static final String CBV_MDA_AS_XML = "urn:epcglobal:cbv:mda";
    private static final Set<String> TIME_FIELDS = Set.of("time", "startTime", "endTime");
    private static final Set<String> DECIMAL_FIELDS = Set.of("value", "minValue", "maxValue", "meanValue", "sDev",
            "percRank", "percValue");

    /** Namespace → prefix: the standard context's, then those this event declares. */
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private final Map<String, String> declared = new LinkedHashMap<>();

    private EventJson() {
        Names.STANDARD.forEach((prefix, namespace) -> prefixes.put(namespace, prefix));
        prefixes.put(CBV_MDA_AS_XML, "cbvmda");
    }

    /** {@code event} as one compact JSON object, with {@code eventId} as its {@code eventID}. */
    public static String write(EpcisEvent event, String eventId) {
        return JSON.writeValueAsString(node(event, eventId));
    }

    /** {@code event} as a JSON-LD event object, with {@code eventId} as its {@code eventID}. */
    public static ObjectNode node(EpcisEvent event, String eventId) {
        return new EventJson().event(event, eventId);
    }

    private ObjectNode event(EpcisEvent event, String eventId) {
        EventCommon common = event.common();
        ObjectNode body = NODES.objectNode();
        body.put("type", event.type());
        body.put("eventID", eventId);
        body.put("eventTime", TIME.format(OffsetDateTime.ofInstant(common.eventTime(), common.eventTimeZoneOffset())));
        body.put("eventTimeZoneOffset", offset(common.eventTimeZoneOffset()));
        switch (event) {
            case ObjectEvent e -> {
                epcs(body, "epcList", e.epcList(), true);
                body.put("action", e.action().name());
                quantities(body, "quantityList", e.quantityList());
            }
            case AggregationEvent e -> {
                e.parentId().ifPresent(p -> body.put("parentID", uri(p)));
                epcs(body, "childEPCs", e.childEpcs(), true);
                body.put("action", e.action().name());
                quantities(body, "childQuantityList", e.childQuantityList());
            }
            case TransactionEvent e -> {
                e.parentId().ifPresent(p -> body.put("parentID", uri(p)));
                epcs(body, "epcList", e.epcList(), true);
                body.put("action", e.action().name());
                quantities(body, "quantityList", e.quantityList());
            }
            case TransformationEvent e -> {
                epcs(body, "inputEPCList", e.inputEpcList(), false);
                quantities(body, "inputQuantityList", e.inputQuantityList());
                epcs(body, "outputEPCList", e.outputEpcList(), false);
                quantities(body, "outputQuantityList", e.outputQuantityList());
                e.transformationId().ifPresent(id -> body.put("transformationID", id));
            }
            case AssociationEvent e -> {
                body.put("parentID", uri(e.parentId()));
                epcs(body, "childEPCs", e.childEpcs(), true);
                body.put("action", e.action().name());
                quantities(body, "childQuantityList", e.childQuantityList());
            }
        }
        common.bizStep().ifPresent(step -> body.put("bizStep", step));
        common.disposition().ifPresent(d -> body.put("disposition", d));
        common.persistentDisposition().ifPresent(pd -> {
            ObjectNode node = body.putObject("persistentDisposition");
            if (!pd.set().isEmpty()) {
                pd.set().forEach(node.putArray("set")::add);
            }
            if (!pd.unset().isEmpty()) {
                pd.unset().forEach(node.putArray("unset")::add);
            }
        });
        common.readPoint().ifPresent(l -> body.set("readPoint", location(l)));
        common.bizLocation().ifPresent(l -> body.set("bizLocation", location(l)));
        if (!common.bizTransactions().isEmpty() || event instanceof TransactionEvent) {
            ArrayNode list = body.putArray("bizTransactionList");
            for (BizTransaction t : common.bizTransactions()) {
                ObjectNode node = list.addObject();
                t.type().ifPresent(type -> node.put("type", type));
                node.put("bizTransaction", t.id());
            }
        }
        sourcesOrDestinations(body, "sourceList", "source", common.sources());
        sourcesOrDestinations(body, "destinationList", "destination", common.destinations());
        if (!common.sensorElements().isEmpty()) {
            ArrayNode list = body.putArray("sensorElementList");
            common.sensorElements().forEach(s -> list.add(sensorElement(s)));
        }
        List<Extension> ilmd = switch (event) {
            case ObjectEvent e -> e.ilmd();
            case TransformationEvent e -> e.ilmd();
            default -> List.of();
        };
        if (!ilmd.isEmpty()) {
            body.set("ilmd", extensions(NODES.objectNode(), ilmd));
        }
        if (common.certificationInfo().size() == 1) {
            body.put("certificationInfo", common.certificationInfo().getFirst());
        } else if (!common.certificationInfo().isEmpty()) {
            common.certificationInfo().forEach(body.putArray("certificationInfo")::add);
        }
        common.errorDeclaration().ifPresent(d -> {
            ObjectNode node = body.putObject("errorDeclaration");
            node.put("declarationTime", instant(d.declarationTime()));
            d.reason().ifPresent(r -> node.put("reason", r));
            if (!d.correctiveEventIds().isEmpty()) {
                d.correctiveEventIds().forEach(node.putArray("correctiveEventIDs")::add);
            }
            extensions(node, d.extensions());
        });
        extensions(body, common.extensions());
        if (declared.isEmpty()) {
            return body;
        }
        ObjectNode withContext = NODES.objectNode();
        ObjectNode context = withContext.putArray("@context").addObject();
        declared.forEach(context::put);
        withContext.setAll(body);
        return withContext;
    }

    /**
     * Reads back into the model an event as {@link #write} writes it, with its own {@code @context} and
     * what the query interface adds ({@code recordTime}, an {@code errorDeclaration}): through the
     * reader of every capture, as a document of its own.
     *
     * @throws IllegalArgumentException naming the problems, when it is not a valid event
     */
    public static EpcisEvent read(JsonNode event) {
        ObjectNode document = NODES.objectNode();
        ArrayNode context = document.putArray("@context").add(EPCIS_CONTEXT);
        if (!(event instanceof ObjectNode object)) {
            throw new IllegalArgumentException("an event is a JSON object, not " + event.getNodeType());
        }
        ObjectNode body = object.deepCopy();
        JsonNode own = body.remove("@context");
        if (own != null && own.isArray()) {
            context.addAll((ArrayNode) own);
        } else if (own != null) {
            context.add(own);
        }
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", "2000-01-01T00:00:00Z");
        document.putObject("epcisBody").putArray("eventList").add(body);
        try (EpcisReader reader = EpcisReader.of(new ByteArrayInputStream(JSON.writeValueAsBytes(document)), "event",
                EpcisReader.Format.JSON)) {
            ReadEvent read = reader.next().orElseThrow(() -> new IllegalArgumentException("no event: " + reader.documentProblems()));
            return read.event().orElseThrow(() -> new IllegalArgumentException("not a valid event: " + read.problems()));
        }
    }

    /**
     * A GS1 key as its Digital Link on {@code id.gs1.org}; anything else as written. Keys the reader
     * understood are canonical keys ({@code 01/…/21/…}), other GS1 keys their canonical link's path.
     */
    public static String uri(Epc epc) {
        return epc.gs1Key() || epc.key().matches("\\d{2,4}/.+") ? Gs1DigitalLinks.BASE + epc.key() : epc.key();
    }

    private static String offset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }

    private static String instant(Instant instant) {
        return TIME.format(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static void epcs(ObjectNode body, String field, List<Epc> epcs, boolean always) {
        if (always || !epcs.isEmpty()) {
            ArrayNode list = body.putArray(field);
            epcs.forEach(epc -> list.add(uri(epc)));
        }
    }

    private static void quantities(ObjectNode body, String field, List<QuantityElement> quantities) {
        if (quantities.isEmpty()) {
            return;
        }
        ArrayNode list = body.putArray(field);
        for (QuantityElement q : quantities) {
            ObjectNode node = list.addObject();
            node.put("epcClass", uri(q.epcClass()));
            q.quantity().ifPresent(n -> node.put("quantity", n));
            q.uom().ifPresent(u -> node.put("uom", u));
        }
    }

    private ObjectNode location(Location location) {
        ObjectNode node = NODES.objectNode();
        node.put("id", uri(location.id()));
        return extensions(node, location.extensions());
    }

    private static void sourcesOrDestinations(ObjectNode body, String field, String idField, List<SourceDestination> list) {
        if (list.isEmpty()) {
            return;
        }
        ArrayNode array = body.putArray(field);
        for (SourceDestination s : list) {
            array.addObject().put("type", s.type()).put(idField, uri(s.id()));
        }
    }

    private ObjectNode sensorElement(SensorElement element) {
        ObjectNode node = NODES.objectNode();
        if (!element.metadata().isEmpty()) {
            node.set("sensorMetadata", sensorFields(element.metadata()));
        }
        ArrayNode reports = node.putArray("sensorReport");
        element.reports().forEach(r -> reports.add(sensorFields(r)));
        return extensions(node, element.extensions());
    }

    private ObjectNode sensorFields(Map<String, String> fields) {
        ObjectNode node = NODES.objectNode();
        fields.forEach((name, value) -> {
            if (name.startsWith("{")) {
                int end = name.indexOf('}');
                node.put(name(name.substring(1, end), name.substring(end + 1)), value);
            } else if (DECIMAL_FIELDS.contains(name)) {
                node.put(name, new BigDecimal(value));
            } else if (name.equals("booleanValue")) {
                node.put(name, Boolean.parseBoolean(value));
            } else if (TIME_FIELDS.contains(name)) {
                node.put(name, instant(Instant.parse(value)));
            } else if ((name.equals("type") || name.equals("exception")) && value.startsWith(GS1_VOC)) {
                node.put(name, value.substring(GS1_VOC.length()));
            } else if (name.equals("component") && value.startsWith(COMPONENT)) {
                node.put(name, value.substring(COMPONENT.length()));
            } else {
                node.put(name, value);
            }
        });
        return node;
    }

    /** Adds {@code extensions} to {@code node}: one key per name, repeated elements as an array. */
    private ObjectNode extensions(ObjectNode node, List<Extension> extensions) {
        Map<String, List<JsonNode>> byName = new LinkedHashMap<>();
        for (Extension x : extensions) {
            String key = x.namespace().isEmpty() ? x.name() : name(x.namespace(), x.name());
            JsonNode value = x.children().isEmpty() ? NODES.stringNode(x.text()) : extensions(NODES.objectNode(), x.children());
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        byName.forEach((key, values) -> node.set(key, values.size() == 1 ? values.getFirst() : NODES.arrayNode().addAll(values)));
        return node;
    }

    /** A compact name for {@code local} in {@code namespace}, its prefix declared when the standard context has none. */
    private String name(String namespace, String local) {
        String prefix = prefixes.get(namespace);
        if (prefix == null) {
            prefix = "ext" + (declared.size() + 1);
            prefixes.put(namespace, prefix);
            declared.put(prefix, namespace);
        }
        return prefix + ":" + local;
    }
}
