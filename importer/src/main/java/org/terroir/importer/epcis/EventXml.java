package org.terroir.importer.epcis;

import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terroir.importer.epcis.internal.Names;
import org.terroir.importer.epcis.model.Action;
import org.terroir.importer.epcis.model.AggregationEvent;
import org.terroir.importer.epcis.model.AssociationEvent;
import org.terroir.importer.epcis.model.BizTransaction;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.importer.epcis.model.EventCommon;
import org.terroir.importer.epcis.model.Extension;
import org.terroir.importer.epcis.model.Location;
import org.terroir.importer.epcis.model.ObjectEvent;
import org.terroir.importer.epcis.model.QuantityElement;
import org.terroir.importer.epcis.model.SensorElement;
import org.terroir.importer.epcis.model.SourceDestination;
import org.terroir.importer.epcis.model.TransactionEvent;
import org.terroir.importer.epcis.model.TransformationEvent;
import org.terroir.model.Cbv;

/**
 * Writes events in the EPCIS 2.0 XML binding, the form the query interface answers with when XML is
 * asked for, whichever binding an event came in: each event type's elements in the order of the
 * official schema ({@code EPCglobal-epcis-2_0.xsd}: the 2.0 fields at the event's root, no
 * {@code extension} wrappers), GS1 keys as GS1 Digital Links on {@code https://id.gs1.org/} (as
 * {@link EventJson} writes them), CBV values as their URNs ({@code urn:epcglobal:cbv:bizstep:shipping}) or,
 * when asked ({@link CbvValues#WEB_URI}), their GS1 Web URIs ({@code https://ref.gs1.org/cbv/BizStep-shipping}),
 * sensor metadata and reports as attributes, user extensions as elements of their own namespace.
 *
 * <p>Reading what this writes gives back the same event with the same GS1 event hash
 * ({@code EventXmlTest}, over every valid document of the shared corpus), and a document of it is
 * valid against the official schema.
 */
public final class EventXml {

    /** The namespace of EPCIS 2.0 event documents. */
    public static final String EPCIS = "urn:epcglobal:epcis:xsd:2";
    /** The namespace of EPCIS 2.0 query documents. */
    public static final String EPCIS_QUERY = "urn:epcglobal:epcis-query:xsd:2";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final XMLOutputFactory OUTPUT = outputFactory();
    /** The prefixes of the namespaces the standard JSON-LD context names, for extensions in them. */
    private static final Map<String, String> PREFIXES = prefixes();

    /** How standard CBV values are written (the binding's {@code GS1-CBV-XML-Format}); other values are URIs written as they are. */
    public enum CbvValues {
        /** {@code urn:epcglobal:cbv:bizstep:shipping} ({@code Always_URN}, the default). */
        URN,
        /** {@code https://ref.gs1.org/cbv/BizStep-shipping} ({@code Always_Web_URI}). */
        WEB_URI
    }

    private final XMLStreamWriter out;
    private final CbvValues cbvValues;
    /** The prefixes this event's own extension namespaces got. */
    private final Map<String, String> own = new HashMap<>();

    private EventXml(XMLStreamWriter out, CbvValues cbvValues) {
        this.out = out;
        this.cbvValues = cbvValues;
    }

    /**
     * A writer of UTF-8 XML to {@code out} that declares each namespace where it is first needed (the
     * EPCIS ones and those of user extensions).
     */
    public static XMLStreamWriter writer(OutputStream out) throws XMLStreamException {
        return OUTPUT.createXMLStreamWriter(out, "UTF-8");
    }

    /** Writes {@code event} as the element of its type, with {@code eventId} as its {@code eventID}, CBV values as URNs. */
    public static void write(XMLStreamWriter out, EpcisEvent event, String eventId) throws XMLStreamException {
        write(out, event, eventId, CbvValues.URN);
    }

    /** Writes {@code event} as the element of its type, with {@code eventId} as its {@code eventID}, CBV values as {@code cbvValues}. */
    public static void write(XMLStreamWriter out, EpcisEvent event, String eventId, CbvValues cbvValues) throws XMLStreamException {
        new EventXml(out, cbvValues).event(event, eventId);
    }

    /** The standard value {@code value} of {@code vocabulary} in the form asked; any other value (a URI) as it is. */
    private String cbv(Cbv vocabulary, String value) {
        return cbvValues == CbvValues.WEB_URI ? vocabulary.webUri(value) : vocabulary.urn(value);
    }

    private void event(EpcisEvent event, String eventId) throws XMLStreamException {
        EventCommon common = event.common();
        out.writeStartElement(event.type());
        text("eventTime", TIME.format(OffsetDateTime.ofInstant(common.eventTime(), common.eventTimeZoneOffset())));
        if (common.recordTime().isPresent()) {
            text("recordTime", instant(common.recordTime().get()));
        }
        text("eventTimeZoneOffset", offset(common.eventTimeZoneOffset()));
        text("eventID", eventId);
        if (common.errorDeclaration().isPresent()) {
            var declaration = common.errorDeclaration().get();
            out.writeStartElement("errorDeclaration");
            text("declarationTime", instant(declaration.declarationTime()));
            optional("reason", declaration.reason().map(value -> cbv(Cbv.ERROR_REASON, value)));
            if (!declaration.correctiveEventIds().isEmpty()) {
                out.writeStartElement("correctiveEventIDs");
                for (String id : declaration.correctiveEventIds()) {
                    text("correctiveEventID", id);
                }
                out.writeEndElement();
            }
            extensions(declaration.extensions());
            out.writeEndElement();
        }
        if (!common.certificationInfo().isEmpty()) {
            // The XML binding has room for one (JSON-LD for several): the first.
            text("certificationInfo", common.certificationInfo().getFirst());
        }
        switch (event) {
            case ObjectEvent e -> {
                epcs("epcList", e.epcList());
                action(e.action());
                where(common, true);
                quantities("quantityList", e.quantityList());
                sourcesAndDestinations(common);
                afterMoves(common);
                ilmd(e.ilmd());
            }
            case AggregationEvent e -> {
                optional("parentID", e.parentId().map(EventJson::uri));
                epcs("childEPCs", e.childEpcs());
                action(e.action());
                where(common, true);
                quantities("childQuantityList", e.childQuantityList());
                sourcesAndDestinations(common);
                afterMoves(common);
            }
            case TransactionEvent e -> {
                bizTransactions(common.bizTransactions(), true);
                optional("parentID", e.parentId().map(EventJson::uri));
                epcs("epcList", e.epcList());
                action(e.action());
                where(common, false);
                quantities("quantityList", e.quantityList());
                sourcesAndDestinations(common);
                afterMoves(common);
            }
            case TransformationEvent e -> {
                epcs("inputEPCList", e.inputEpcList());
                quantities("inputQuantityList", e.inputQuantityList());
                epcs("outputEPCList", e.outputEpcList());
                quantities("outputQuantityList", e.outputQuantityList());
                optional("transformationID", e.transformationId());
                where(common, true);
                sourcesAndDestinations(common);
                afterMoves(common);
                ilmd(e.ilmd());
            }
            case AssociationEvent e -> {
                text("parentID", EventJson.uri(e.parentId()));
                epcs("childEPCs", e.childEpcs());
                quantities("childQuantityList", e.childQuantityList());
                action(e.action());
                where(common, true);
                sourcesAndDestinations(common);
                afterMoves(common);
            }
        }
        extensions(common.extensions());
        out.writeEndElement();
    }

    /** {@code bizStep}, {@code disposition}, {@code readPoint}, {@code bizLocation} and (but in a transaction event) the transactions. */
    private void where(EventCommon common, boolean transactions) throws XMLStreamException {
        optional("bizStep", common.bizStep().map(value -> cbv(Cbv.BIZ_STEP, value)));
        optional("disposition", common.disposition().map(value -> cbv(Cbv.DISPOSITION, value)));
        location("readPoint", common.readPoint());
        location("bizLocation", common.bizLocation());
        if (transactions) {
            bizTransactions(common.bizTransactions(), false);
        }
    }

    private void sourcesAndDestinations(EventCommon common) throws XMLStreamException {
        sourcesOrDestinations("sourceList", "source", common.sources());
        sourcesOrDestinations("destinationList", "destination", common.destinations());
    }

    /** {@code sensorElementList} and {@code persistentDisposition}, which every type has after the moves. */
    private void afterMoves(EventCommon common) throws XMLStreamException {
        if (!common.sensorElements().isEmpty()) {
            out.writeStartElement("sensorElementList");
            for (SensorElement element : common.sensorElements()) {
                out.writeStartElement("sensorElement");
                if (!element.metadata().isEmpty()) {
                    attributes("sensorMetadata", element.metadata());
                }
                for (Map<String, String> report : element.reports()) {
                    attributes("sensorReport", report);
                }
                extensions(element.extensions());
                out.writeEndElement();
            }
            out.writeEndElement();
        }
        if (common.persistentDisposition().isPresent()) {
            var disposition = common.persistentDisposition().get();
            out.writeStartElement("persistentDisposition");
            for (String unset : disposition.unset()) {
                text("unset", cbv(Cbv.DISPOSITION, unset));
            }
            for (String set : disposition.set()) {
                text("set", cbv(Cbv.DISPOSITION, set));
            }
            out.writeEndElement();
        }
    }

    private void action(Action action) throws XMLStreamException {
        text("action", action.name());
    }

    private void epcs(String list, List<Epc> epcs) throws XMLStreamException {
        if (epcs.isEmpty()) {
            return;
        }
        out.writeStartElement(list);
        for (Epc epc : epcs) {
            text("epc", EventJson.uri(epc));
        }
        out.writeEndElement();
    }

    private void quantities(String list, List<QuantityElement> quantities) throws XMLStreamException {
        if (quantities.isEmpty()) {
            return;
        }
        out.writeStartElement(list);
        for (QuantityElement q : quantities) {
            out.writeStartElement("quantityElement");
            text("epcClass", EventJson.uri(q.epcClass()));
            if (q.quantity().isPresent()) {
                text("quantity", q.quantity().get().toPlainString());
                optional("uom", q.uom());
            }
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private void location(String name, Optional<Location> location) throws XMLStreamException {
        if (location.isEmpty()) {
            return;
        }
        out.writeStartElement(name);
        text("id", EventJson.uri(location.get().id()));
        extensions(location.get().extensions());
        out.writeEndElement();
    }

    private void bizTransactions(List<BizTransaction> transactions, boolean always) throws XMLStreamException {
        if (transactions.isEmpty() && !always) {
            return;
        }
        out.writeStartElement("bizTransactionList");
        for (BizTransaction t : transactions) {
            out.writeStartElement("bizTransaction");
            if (t.type().isPresent()) {
                out.writeAttribute("type", cbv(Cbv.BIZ_TRANSACTION_TYPE, t.type().get()));
            }
            out.writeCharacters(t.id());
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private void sourcesOrDestinations(String list, String item, List<SourceDestination> entries) throws XMLStreamException {
        if (entries.isEmpty()) {
            return;
        }
        out.writeStartElement(list);
        for (SourceDestination s : entries) {
            out.writeStartElement(item);
            out.writeAttribute("type", cbv(Cbv.SOURCE_DESTINATION_TYPE, s.type()));
            out.writeCharacters(EventJson.uri(s.id()));
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private void ilmd(List<Extension> ilmd) throws XMLStreamException {
        if (ilmd.isEmpty()) {
            return;
        }
        out.writeStartElement("ilmd");
        extensions(ilmd);
        out.writeEndElement();
    }

    /** An element of no content but {@code fields} as its attributes (user ones {@code {namespace}local}). */
    private void attributes(String name, Map<String, String> fields) throws XMLStreamException {
        out.writeEmptyElement(name);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String key = field.getKey();
            if (key.startsWith("{")) {
                int end = key.indexOf('}');
                String namespace = key.substring(1, end);
                out.writeAttribute(prefix(namespace), namespace, key.substring(end + 1), field.getValue());
            } else {
                out.writeAttribute(key, field.getValue());
            }
        }
    }

    private void extensions(List<Extension> extensions) throws XMLStreamException {
        for (Extension x : extensions) {
            if (x.namespace().isEmpty()) {
                out.writeStartElement("", x.name(), "");
            } else {
                out.writeStartElement(prefix(x.namespace()), x.name(), x.namespace());
            }
            if (x.children().isEmpty()) {
                out.writeCharacters(x.text());
            } else {
                extensions(x.children());
            }
            out.writeEndElement();
        }
    }

    /** The prefix an extension namespace is declared with: the standard context's, else one of its own. */
    private String prefix(String namespace) {
        String prefix = PREFIXES.get(namespace);
        if (prefix != null) {
            return prefix;
        }
        return own.computeIfAbsent(namespace, n -> "ext" + (own.size() + 1));
    }

    private void text(String name, String value) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(value);
        out.writeEndElement();
    }

    private void optional(String name, Optional<String> value) throws XMLStreamException {
        if (value.isPresent()) {
            text(name, value.get());
        }
    }

    private static String offset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }

    private static String instant(Instant instant) {
        return TIME.format(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static XMLOutputFactory outputFactory() {
        XMLOutputFactory factory = XMLOutputFactory.newFactory();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
        return factory;
    }

    private static Map<String, String> prefixes() {
        Map<String, String> prefixes = new HashMap<>();
        Names.STANDARD.forEach((prefix, namespace) -> prefixes.put(namespace, prefix));
        prefixes.put("urn:epcglobal:cbv:mda", "cbvmda");
        return Map.copyOf(prefixes);
    }
}
