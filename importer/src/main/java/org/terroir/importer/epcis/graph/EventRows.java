package org.terroir.importer.epcis.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.terroir.importer.epcis.EventHash;
import org.terroir.importer.epcis.EventJson;
import org.terroir.importer.epcis.model.Action;
import org.terroir.importer.epcis.model.AggregationEvent;
import org.terroir.importer.epcis.model.AssociationEvent;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.importer.epcis.model.EventCommon;
import org.terroir.importer.epcis.model.Extension;
import org.terroir.importer.epcis.model.ObjectEvent;
import org.terroir.importer.epcis.model.QuantityElement;
import org.terroir.importer.epcis.model.SourceDestination;
import org.terroir.importer.epcis.model.TransactionEvent;
import org.terroir.importer.epcis.model.TransformationEvent;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.Sgtin;
import org.terroir.model.id.Sscc;

/**
 * Turns one EPCIS event into the parameter rows the {@code epcis.*} statements ({@link EpcisStatements})
 * write: the event, the objects it names and what it says about them, transformations, packing and
 * logistics hops. The mapping is written down in {@code docs/epcis-mapping.md}.
 *
 * <p>Each statement gets only its own rows (objects and hops carry their event's id, packings its
 * time): sending every statement the whole event would cost a transfer of the batch per statement.
 *
 * @param event the event's own row, for {@code epcis.events}
 * @param objects for {@code epcis.objects}
 * @param madeFrom output and input batch pairs, each with the event's id, for {@code epcis.madeFrom}
 * @param packed child and parent pairs, each with the event's id and time, for {@code epcis.packedIn}
 * @param hops for {@code epcis.hops}
 */
record EventRows(Map<String, Object> event, List<Map<String, Object>> objects, List<Map<String, Object>> madeFrom,
        List<Map<String, Object>> packed, List<Map<String, Object>> hops) {

    /** The event's key in the graph. */
    String eventId() {
        return (String) event.get("eventId");
    }

    /** The GS1 event hash, which leaves an error declaration out: an event and its declaration share it. */
    String hash() {
        return (String) event.get("hash");
    }

    /** Whether the event declares an earlier one erroneous (it carries an {@code errorDeclaration}). */
    boolean declaresError() {
        return event.get("errorDeclaredAt") != null;
    }

    /** The row that marks the declared event, for {@code epcis.declareErrors}. */
    Map<String, Object> declaration() {
        Map<String, Object> row = new HashMap<>();
        for (String column : List.of("eventId", "hash", "errorDeclaredAt", "errorReason", "correctiveEventIds")) {
            row.put(column, event.get(column));
        }
        return row;
    }

    private static final Pattern PARTY = Pattern.compile("(?:417|414)/(\\d{13})(?:/.*)?");
    private static final String LOT_NUMBER = "lotNumber";

    /** The CBV master-data namespace as XML documents often declare it, and as the JSON-LD context does. */
    private static final String CBV_MDA_AS_XML = "{urn:epcglobal:cbv:mda}";
    private static final String CBV_MDA_AS_JSON_LD = "{urn:epcglobal:cbv:mda:}";
    private static final String CBV_MDA_AS_XML_EXTENSION = "namespace=urn:epcglobal:cbv:mda,";
    private static final String CBV_MDA_AS_JSON_LD_EXTENSION = "namespace=urn:epcglobal:cbv:mda:,";

    /**
     * The event's key in the graph: its {@code eventID}, or else the GS1 event hash of the event with
     * the CBV master-data namespace written as the JSON-LD context writes it ({@code urn:epcglobal:cbv:mda:}),
     * so that the JSON-LD and XML forms of one event are one node. (The standard hash takes namespaces as
     * written; it stays the event's {@code hash}.)
     */
    static String eventId(EpcisEvent event) {
        return eventId(event, EventHash.preHash(event));
    }

    private static String eventId(EpcisEvent event, String preHash) {
        if (event.eventId().isPresent()) {
            return event.eventId().get();
        }
        return EventHash.ofPreHash(preHash.replace(CBV_MDA_AS_XML, CBV_MDA_AS_JSON_LD));
    }

    /** The rows of {@code event}, read from the document {@code origin} names. */
    static EventRows of(EpcisEvent event, EpcisImport.Origin origin) {
        EventCommon common = event.common();
        Map<String, Object> row = new HashMap<>();
        String preHash = EventHash.preHash(event);
        String eventId = eventId(event, preHash);
        row.put("eventId", eventId);
        row.put("hash", EventHash.ofPreHash(preHash));
        row.put("type", event.type());
        row.put("action", action(event).map(Action::name).orElse(null));
        row.put("bizStep", common.bizStep().orElse(null));
        row.put("disposition", common.disposition().orElse(null));
        OffsetDateTime eventTime = OffsetDateTime.ofInstant(common.eventTime(), common.eventTimeZoneOffset());
        row.put("eventTime", eventTime);
        row.put("eventTimeZoneOffset", common.eventTimeZoneOffset().getId());
        row.put("recordTime", Optional.ofNullable(origin.recordTime()).or(common::recordTime)
                .map(t -> OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC)).orElse(null));
        row.put("bizTransactions", common.bizTransactions().stream()
                .map(t -> t.type().map(type -> type + " ").orElse("") + t.id()).toList());
        row.put("certificationInfo", common.certificationInfo());
        row.put("extensions", common.extensions().isEmpty() ? null
                : common.extensions().toString().replace(CBV_MDA_AS_XML_EXTENSION, CBV_MDA_AS_JSON_LD_EXTENSION));
        row.put("document", origin.document());
        row.put("epcis", EventJson.write(event, eventId));
        row.put("identifiers", identifiers(event));
        Optional<String> readPoint = common.readPoint().map(l -> l.id().key());
        Optional<String> bizLocation = common.bizLocation().map(l -> l.id().key());
        row.put("readPoint", readPoint.stream().toList());
        row.put("bizLocation", bizLocation.stream().toList());
        row.put("parties", parties(common));
        // An error declaration: the event it repeats (the same hash, which leaves the declaration out) is erroneous.
        row.put("errorDeclaredAt", common.errorDeclaration()
                .map(d -> OffsetDateTime.ofInstant(d.declarationTime(), java.time.ZoneOffset.UTC)).orElse(null));
        row.put("errorReason", common.errorDeclaration().flatMap(d -> d.reason()).orElse(null));
        row.put("correctiveEventIds", common.errorDeclaration().map(d -> d.correctiveEventIds()).orElse(null));

        List<Map<String, Object>> objects = new ArrayList<>();
        List<Map<String, Object>> madeFrom = new ArrayList<>();
        List<Map<String, Object>> packed = new ArrayList<>();
        // An erroneous event (it carries its declaration: written when the event it repeats is not in
        // the graph) asserts nothing: no place of production, lot, transformation or packing.
        boolean erroneous = common.errorDeclaration().isPresent();
        Optional<String> where = erroneous ? Optional.empty() : bizLocation.or(() -> readPoint);
        switch (event) {
            case ObjectEvent e -> {
                boolean commissioning = e.action() == Action.ADD && common.bizStep().filter("commissioning"::equals).isPresent();
                Optional<String> lot = erroneous ? Optional.empty() : lot(e.ilmd());
                Optional<String> producedAt = commissioning ? where : Optional.empty();
                e.epcList().forEach(epc -> object(epc, null, "OBSERVED", lot, producedAt, objects));
                e.quantityList().forEach(q -> object(q.epcClass(), q, "OBSERVED", lot, producedAt, objects));
            }
            case TransformationEvent e -> {
                Optional<String> lot = erroneous ? Optional.empty() : lot(e.ilmd());
                e.inputEpcList().forEach(epc -> object(epc, null, "INPUT", Optional.empty(), Optional.empty(), objects));
                e.inputQuantityList().forEach(q -> object(q.epcClass(), q, "INPUT", Optional.empty(), Optional.empty(), objects));
                e.outputEpcList().forEach(epc -> object(epc, null, "OUTPUT", lot, where, objects));
                e.outputQuantityList().forEach(q -> object(q.epcClass(), q, "OUTPUT", lot, where, objects));
                List<String> inputs = erroneous ? List.of() : batches(objects, "INPUT");
                for (String output : batches(objects, "OUTPUT")) {
                    for (String input : inputs) {
                        madeFrom.add(Map.of("output", output, "input", input, "eventId", eventId));
                    }
                }
            }
            case AggregationEvent e -> {
                e.parentId().ifPresent(p -> object(p, null, "PARENT", Optional.empty(), Optional.empty(), objects));
                e.childEpcs().forEach(epc -> object(epc, null, "CHILD", Optional.empty(), Optional.empty(), objects));
                e.childQuantityList().forEach(q -> object(q.epcClass(), q, "CHILD", Optional.empty(), Optional.empty(), objects));
                Optional<String> container = e.parentId().flatMap(EventRows::identifier)
                        .filter(Sscc.class::isInstance).map(EpcIdentifier::key);
                if (container.isPresent() && e.action() != Action.OBSERVE && !erroneous) {
                    for (Map<String, Object> child : objects) {
                        if ("CHILD".equals(child.get("rel")) && !"Product".equals(child.get("label"))) {
                            packed.add(Map.of("parent", container.get(), "child", child.get("key"),
                                    "added", e.action() == Action.ADD, "eventTime", eventTime, "eventId", eventId));
                        }
                    }
                }
            }
            case TransactionEvent e -> {
                e.parentId().ifPresent(p -> object(p, null, "PARENT", Optional.empty(), Optional.empty(), objects));
                e.epcList().forEach(epc -> object(epc, null, "OBSERVED", Optional.empty(), Optional.empty(), objects));
                e.quantityList().forEach(q -> object(q.epcClass(), q, "OBSERVED", Optional.empty(), Optional.empty(), objects));
            }
            case AssociationEvent e -> {
                object(e.parentId(), null, "PARENT", Optional.empty(), Optional.empty(), objects);
                e.childEpcs().forEach(epc -> object(epc, null, "CHILD", Optional.empty(), Optional.empty(), objects));
                e.childQuantityList().forEach(q -> object(q.epcClass(), q, "CHILD", Optional.empty(), Optional.empty(), objects));
            }
        }
        List<Map<String, Object>> hops = hop(common, readPoint, bizLocation, objects, eventTime).stream().toList();
        List<Map<String, Object>> named = once(objects);
        named.forEach(o -> o.put("eventId", eventId));
        hops.forEach(h -> h.put("eventId", eventId));
        return new EventRows(row, named, madeFrom, packed, hops);
    }

    /**
     * Every identifier the event names, as {@code <field> <key>}, for the EPCIS query's {@code MATCH_}
     * and {@code EQ_source_}/{@code EQ_destination_} parameters: {@code epc} ({@code epcList} or
     * {@code childEPCs}), {@code parent}, {@code input}, {@code output}, {@code class} (the
     * {@code epcClass} of {@code quantityList} or {@code childQuantityList}), {@code inputClass},
     * {@code outputClass}; {@code source <type> <key>} and {@code destination <type> <key>}. Keys are
     * the {@link Epc#key() canonical} ones, so a URN and a Digital Link of one object match alike.
     */
    static List<String> identifiers(EpcisEvent event) {
        List<String> names = new ArrayList<>();
        switch (event) {
            case ObjectEvent e -> {
                e.epcList().forEach(epc -> names.add("epc " + epc.key()));
                e.quantityList().forEach(q -> names.add("class " + q.epcClass().key()));
            }
            case AggregationEvent e -> {
                e.parentId().ifPresent(p -> names.add("parent " + p.key()));
                e.childEpcs().forEach(epc -> names.add("epc " + epc.key()));
                e.childQuantityList().forEach(q -> names.add("class " + q.epcClass().key()));
            }
            case TransactionEvent e -> {
                e.parentId().ifPresent(p -> names.add("parent " + p.key()));
                e.epcList().forEach(epc -> names.add("epc " + epc.key()));
                e.quantityList().forEach(q -> names.add("class " + q.epcClass().key()));
            }
            case TransformationEvent e -> {
                e.inputEpcList().forEach(epc -> names.add("input " + epc.key()));
                e.outputEpcList().forEach(epc -> names.add("output " + epc.key()));
                e.inputQuantityList().forEach(q -> names.add("inputClass " + q.epcClass().key()));
                e.outputQuantityList().forEach(q -> names.add("outputClass " + q.epcClass().key()));
            }
            case AssociationEvent e -> {
                names.add("parent " + e.parentId().key());
                e.childEpcs().forEach(epc -> names.add("epc " + epc.key()));
                e.childQuantityList().forEach(q -> names.add("class " + q.epcClass().key()));
            }
        }
        event.common().sources().forEach(s -> names.add("source " + s.type() + " " + s.id().key()));
        event.common().destinations().forEach(d -> names.add("destination " + d.type() + " " + d.id().key()));
        return names.stream().distinct().toList();
    }

    private static Optional<Action> action(EpcisEvent event) {
        return switch (event) {
            case ObjectEvent e -> Optional.of(e.action());
            case AggregationEvent e -> Optional.of(e.action());
            case TransactionEvent e -> Optional.of(e.action());
            case AssociationEvent e -> Optional.of(e.action());
            case TransformationEvent e -> Optional.empty();
        };
    }

    private static Optional<EpcIdentifier> identifier(Epc epc) {
        return epc.identifier();
    }

    /** The lot number the ILMD gives (CBV master-data attribute {@code lotNumber}). */
    private static Optional<String> lot(List<Extension> ilmd) {
        return ilmd.stream()
                .filter(x -> x.name().equals(LOT_NUMBER) && x.namespace().startsWith("urn:epcglobal:cbv:mda"))
                .map(Extension::text)
                .filter(t -> t != null && !t.isBlank())
                .findFirst();
    }

    /** Adds the node row of a GS1 object; other identifiers (GRAI, URIs, ...) are not objects of the graph. */
    private static void object(Epc epc, QuantityElement quantity, String rel, Optional<String> lot,
            Optional<String> producedAt, List<Map<String, Object>> objects) {
        Optional<EpcIdentifier> id = identifier(epc);
        if (id.isEmpty()) {
            return;
        }
        Map<String, Object> o = new HashMap<>();
        o.put("rel", rel);
        o.put("key", id.get().key());
        o.put("quantity", quantity == null ? null : quantity.quantity().map(java.math.BigDecimal::doubleValue).orElse(null));
        o.put("uom", quantity == null ? null : quantity.uom().orElse(null));
        o.put("batchKey", List.of());
        o.put("producedAt", List.of());
        o.put("lot", null);
        o.put("serial", null);
        o.put("sscc", null);
        switch (id.get()) {
            case Lgtin batch -> {
                o.put("label", "Batch");
                o.put("gtin", batch.gtin().value());
                o.put("lot", batch.lot().value());
                o.put("producedAt", producedAt.stream().toList());
            }
            case Sgtin item -> {
                o.put("label", "Item");
                o.put("gtin", item.gtin().value());
                o.put("serial", item.serial().value());
                o.put("producedAt", producedAt.stream().toList());
                lot.ifPresent(l -> {
                    Lgtin batch = new Lgtin(item.gtin(), LotNumber.of(l));
                    o.put("batchKey", List.of(batch.key()));
                    o.put("lot", batch.lot().value());
                });
            }
            case Sscc container -> {
                o.put("label", "Container");
                o.put("sscc", container.value());
                o.put("gtin", null);
            }
            case Gtin product -> {
                o.put("label", "Product");
                o.put("gtin", product.value());
            }
            default -> {
                return; // a location (SGLN) named as an object
            }
        }
        objects.add(o);
    }

    /** Each object once per relationship to the event (the first, should a list name it twice). */
    private static List<Map<String, Object>> once(List<Map<String, Object>> objects) {
        Map<String, Map<String, Object>> once = new java.util.LinkedHashMap<>();
        objects.forEach(o -> once.putIfAbsent(o.get("rel") + "\n" + o.get("key"), o));
        return once.size() == objects.size() ? objects : new ArrayList<>(once.values());
    }

    private static List<String> batches(List<Map<String, Object>> objects, String rel) {
        return objects.stream()
                .filter(o -> rel.equals(o.get("rel")) && "Batch".equals(o.get("label")))
                .map(o -> (String) o.get("key"))
                .toList();
    }

    /** Parties named as owning or possessing party in the source and destination lists. */
    private static List<Map<String, Object>> parties(EventCommon common) {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (SourceDestination source : common.sources()) {
            gln(source).ifPresent(gln -> parties.add(Map.of("gln", gln, "role", "source", "type", source.type())));
        }
        for (SourceDestination destination : common.destinations()) {
            gln(destination).ifPresent(gln -> parties.add(Map.of("gln", gln, "role", "destination", "type", destination.type())));
        }
        return parties;
    }

    private static Optional<String> gln(SourceDestination party) {
        if (!party.type().endsWith("_party")) {
            return Optional.empty();
        }
        Matcher m = PARTY.matcher(party.id().key());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> location(List<SourceDestination> list) {
        return list.stream().filter(s -> s.type().equals("location")).map(s -> s.id().key()).findFirst();
    }

    /**
     * A shipping event departs, a receiving event arrives, on the hop from the source location to the
     * destination location (for shipping, the read point if no source is listed; for receiving, the
     * business location or read point if no destination is). The carrier is the possessing party the
     * shipping event's destination list names, or the receiving event's source list.
     */
    private static Optional<Map<String, Object>> hop(EventCommon common, Optional<String> readPoint,
            Optional<String> bizLocation, List<Map<String, Object>> objects, OffsetDateTime time) {
        String step = common.bizStep().orElse("");
        boolean shipping = step.equals("shipping");
        boolean receiving = step.equals("receiving");
        if (!shipping && !receiving) {
            return Optional.empty();
        }
        Optional<String> from = location(common.sources()).or(() -> shipping ? readPoint.or(() -> bizLocation) : Optional.empty());
        Optional<String> to = location(common.destinations()).or(() -> receiving ? bizLocation.or(() -> readPoint) : Optional.empty());
        TreeSet<String> moved = new TreeSet<>();
        for (Map<String, Object> o : objects) {
            if (!"Product".equals(o.get("label"))) {
                moved.add((String) o.get("key"));
            }
        }
        if (from.isEmpty() || to.isEmpty() || moved.isEmpty() || from.equals(to)) {
            return Optional.empty();
        }
        List<SourceDestination> carrierList = shipping ? common.destinations() : common.sources();
        Optional<String> carrier = carrierList.stream().filter(s -> s.type().equals("possessing_party"))
                .map(EventRows::gln).flatMap(Optional::stream).findFirst();
        Map<String, Object> hop = new HashMap<>();
        hop.put("id", hopId(from.get(), to.get(), moved));
        hop.put("from", from.get());
        hop.put("to", to.get());
        hop.put("moved", List.copyOf(moved));
        hop.put("carrier", carrier.stream().toList());
        hop.put("departed", shipping ? time : null);
        hop.put("arrived", receiving ? time : null);
        return Optional.of(hop);
    }

    /** {@code hop-} + 16 hex digits of SHA-256 over from, to and the sorted keys of what moved. */
    static String hopId(String from, String to, TreeSet<String> moved) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((from + "\n" + to + "\n" + String.join("\n", moved)).getBytes(StandardCharsets.UTF_8));
            return "hop-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
