package org.terroir.importer.epcis.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.Vocabulary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams an EPCIS 2.0 (or 1.2) XML document with StAX, XXE-safe. Each event element is read
 * into a small element tree, checked for strict schema element order, turned into the JSON
 * binding's shape and mapped by {@link EventMapper}; memory holds one event at a time.
 */
public final class XmlEventParser extends EventParser {

    static final String EPCIS_2 = "urn:epcglobal:epcis:xsd:2";
    static final String EPCIS_1 = "urn:epcglobal:epcis:xsd:1";
    static final String MASTER_DATA_2 = "urn:epcglobal:epcis-masterdata:xsd:2";
    static final Set<String> MASTER_DATA_NAMESPACES = Set.of(MASTER_DATA_2, "urn:epcglobal:epcis-masterdata:xsd:1");
    static final Set<String> EPCIS_NAMESPACES = Set.of(EPCIS_2, EPCIS_1,
            "urn:epcglobal:epcis-query:xsd:2", "urn:epcglobal:epcis-query:xsd:1");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final XMLStreamReader xml;
    private final EventMapper mapper;
    private boolean started;
    /** The root is an {@code EPCISMasterDataDocument}: vocabularies in its body, no events. */
    private boolean masterDataDocument;
    /** The root is an {@code EPCISCaptureJob}: a capture interface's report on a job, neither events nor master data. */
    private boolean captureJob;
    private boolean sawCaptureErrorBehaviour;
    private boolean finished;
    private int eventListDepth = -1;
    private int depth;
    private int index;
    /** Namespace prefixes declared on the elements above the events (root, body, event list). */
    private final Map<String, String> outerPrefixes = new LinkedHashMap<>();

    private final boolean strictOrder;

    public XmlEventParser(InputStream in, String file, boolean strictOrder) {
        this.file = file;
        this.strictOrder = strictOrder;
        this.mapper = new EventMapper(file, true);
        XMLStreamReader reader = null;
        try {
            reader = SecureXml.reader(in);
        } catch (XMLStreamException e) {
            fatal(e);
        }
        this.xml = reader;
    }

    @Override
    public Optional<ReadEvent> next() {
        if (finished || xml == null) {
            return Optional.empty();
        }
        try {
            return advance();
        } catch (XMLStreamException | RuntimeException e) {
            fatal(e);
            return Optional.empty();
        }
    }

    private void fatal(Exception e) {
        finished = true;
        long line = e instanceof XMLStreamException x && x.getLocation() != null ? x.getLocation().getLineNumber() : -1;
        String message = e.getMessage() == null ? e.toString() : e.getMessage().replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
        documentProblems.add(new Problem(file, -1, line, "document", "is not acceptable XML: " + message));
    }

    private Optional<ReadEvent> advance() throws XMLStreamException {
        while (xml.hasNext()) {
            int type = xml.next();
            switch (type) {
                case XMLStreamConstants.DTD -> {
                    if (!SecureXml.definesNothing(xml.getText())) {
                        documentProblems.add(new Problem(file, -1, xml.getLocation().getLineNumber(), "DOCTYPE",
                                "DTDs are refused (no external entities, no entity expansion); only a bare"
                                        + " <!DOCTYPE name> is accepted"));
                        finished = true;
                        return Optional.empty();
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> {
                    documentProblems.add(new Problem(file, -1, xml.getLocation().getLineNumber(), "entity",
                            "entity reference &" + xml.getLocalName() + "; refused (no entity expansion)"));
                    finished = true;
                    return Optional.empty();
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth != eventListDepth + 1 || eventListDepth < 0) {
                        declarations(xml, outerPrefixes);
                    }
                    if (!started) {
                        started = true;
                        root();
                    } else if (depth == eventListDepth + 1) {
                        Optional<ReadEvent> event = eventElement();
                        if (event.isPresent()) {
                            return event;
                        }
                    } else if ("EventList".equals(xml.getLocalName()) && eventListDepth < 0) {
                        eventListDepth = depth;
                    } else if (captureJob && depth == 2 && "captureErrorBehaviour".equals(xml.getLocalName())) {
                        long line = xml.getLocation().getLineNumber();
                        String behaviour = xml.getElementText().strip();
                        depth--;
                        sawCaptureErrorBehaviour = true;
                        if (!behaviour.equals("rollback") && !behaviour.equals("proceed")) {
                            documentProblems.add(new Problem(file, -1, line, "captureErrorBehaviour",
                                    "\"" + behaviour + "\" is not rollback or proceed"));
                        }
                    } else if (masterDataDocument && depth == 3 && "VocabularyList".equals(xml.getLocalName())) {
                        XmlElement body = XmlElement.read(xml, new LinkedHashMap<>());
                        depth--;
                        masterData.addAll(XmlMasterData.read(body));
                    } else if ("EPCISHeader".equals(xml.getLocalName())) {
                        XmlElement header = XmlElement.read(xml, new LinkedHashMap<>());
                        depth--;
                        masterData.addAll(XmlMasterData.read(header));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == eventListDepth) {
                        eventListDepth = -1;
                    }
                    depth--;
                }
                default -> {
                    // text, comments, processing instructions between elements
                }
            }
        }
        finished = true;
        if (captureJob && !sawCaptureErrorBehaviour) {
            documentProblems.add(new Problem(file, -1, -1, "captureErrorBehaviour", "is required in an EPCISCaptureJob"));
        }
        return Optional.empty();
    }

    private void root() {
        String ns = xml.getNamespaceURI();
        String local = xml.getLocalName();
        documentType = local;
        masterDataDocument = local.equals("EPCISMasterDataDocument") && MASTER_DATA_NAMESPACES.contains(ns);
        captureJob = local.equals("EPCISCaptureJob") && EPCIS_2.equals(ns);
        if (captureJob) {
            captureJobAttributes();
            return;
        }
        if (!masterDataDocument && (!(local.equals("EPCISDocument") || local.equals("EPCISQueryDocument")) || ns == null
                || !EPCIS_NAMESPACES.contains(ns))) {
            documentProblems.add(new Problem(file, -1, xml.getLocation().getLineNumber(), "document",
                    "root element " + qname(ns, local) + " is not an EPCISDocument in namespace " + EPCIS_2
                            + " (or " + EPCIS_1 + "), nor an EPCISMasterDataDocument in namespace " + MASTER_DATA_2
                            + ", nor an EPCISCaptureJob"));
            finished = true;
            return;
        }
        for (String attribute : List.of("schemaVersion", "creationDate")) {
            String value = xml.getAttributeValue(null, attribute);
            if (value == null) {
                documentProblems.add(new Problem(file, -1, xml.getLocation().getLineNumber(), attribute,
                        "attribute is required on " + local));
            } else if (attribute.equals("creationDate") && Times.parse(value.strip()).isEmpty()) {
                documentProblems.add(new Problem(file, -1, xml.getLocation().getLineNumber(), attribute,
                        Times.dateTimeRule(value)));
            }
        }
    }

    /** A capture job's required attributes: {@code running} and {@code success} (booleans), {@code captureID}. */
    private void captureJobAttributes() {
        long line = xml.getLocation().getLineNumber();
        for (String flag : List.of("running", "success")) {
            String value = xml.getAttributeValue(null, flag);
            if (value == null) {
                documentProblems.add(new Problem(file, -1, line, flag, "attribute is required on EPCISCaptureJob"));
            } else if (!List.of("true", "false", "1", "0").contains(value.strip())) {
                documentProblems.add(new Problem(file, -1, line, flag, "\"" + value + "\" is not a boolean (true or false)"));
            }
        }
        if (xml.getAttributeValue(null, "captureID") == null) {
            documentProblems.add(new Problem(file, -1, line, "captureID", "attribute is required on EPCISCaptureJob"));
        }
    }

    /** Reads one child of EventList; an EPCIS 1.2 {@code extension} wrapper is entered instead. */
    private Optional<ReadEvent> eventElement() throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        String ns = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if ((ns == null || ns.isEmpty()) && local.equals("extension")) {
            eventListDepth = depth;
            return Optional.empty();
        }
        Map<String, String> prefixes = new LinkedHashMap<>(outerPrefixes);
        XmlElement element = XmlElement.read(xml, prefixes);
        depth--;
        List<Problem> problems = new ArrayList<>();
        int i = index++;
        if (ns != null && !ns.isEmpty() && strictOrder) {
            problems.add(new Problem(file, i, line, local, "event element " + qname(ns, local)
                    + " must not be namespace-qualified: EPCIS events are unqualified elements of EventList"));
        }
        ObjectNode tree = XmlEvents.toTree(element, strictOrder, (field, reason) -> problems.add(new Problem(file, i, line, field, reason)));
        return Optional.of(mapper.map(tree, i, line, Names.standard().with(prefixes), problems));
    }

    /** Adds the namespace declarations of the current start element (QName values such as {@code ext1:step} use them). */
    static void declarations(XMLStreamReader xml, Map<String, String> into) {
        for (int n = 0; n < xml.getNamespaceCount(); n++) {
            String prefix = xml.getNamespacePrefix(n);
            if (prefix != null && !prefix.isEmpty()) {
                into.put(prefix, xml.getNamespaceURI(n));
            }
        }
    }

    static String qname(String ns, String local) {
        return ns == null || ns.isEmpty() ? local : "{" + ns + "}" + local;
    }

    @Override
    public void close() {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing left to release
            }
        }
    }

    /** A small in-memory element: namespace, local name, attributes ({ns}local), text, children. */
    /**
     * An element as read; {@code nil} when it carries {@code xsi:nil="true"} (a nillable element given
     * no value); {@code xsiType} the type its {@code xsi:type} names, as {@code {ns}local}, or null.
     */
    record XmlElement(String ns, String local, Map<String, String> attributes, String text, List<XmlElement> children,
            boolean nil, String xsiType) {

        /** The local name of a standard element, {@code {ns}local} of a user element. */
        String name() {
            return standard() ? local : "{" + ns + "}" + local;
        }

        /** In no namespace (or, wrongly, in an EPCIS namespace): a standard EPCIS element, not a user extension. */
        boolean standard() {
            return unqualified() || EPCIS_NAMESPACES.contains(ns);
        }

        boolean unqualified() {
            return ns == null || ns.isEmpty();
        }

        /** Reads the element the reader is positioned on, up to and including its end tag; collects its namespace declarations. */
        static XmlElement read(XMLStreamReader xml, Map<String, String> prefixes) throws XMLStreamException {
            declarations(xml, prefixes);
            String ns = xml.getNamespaceURI();
            String local = xml.getLocalName();
            Map<String, String> attributes = new LinkedHashMap<>();
            boolean nil = false;
            String xsiType = null;
            for (int a = 0; a < xml.getAttributeCount(); a++) {
                if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(xml.getAttributeNamespace(a))) {
                    // xsi:type and xsi:nil describe the XML, they are not event data
                    String value = xml.getAttributeValue(a).strip();
                    if ("nil".equals(xml.getAttributeLocalName(a))) {
                        nil = Set.of("true", "1").contains(value);
                    } else if ("type".equals(xml.getAttributeLocalName(a))) {
                        int colon = value.indexOf(':');
                        String prefix = colon < 0 ? "" : value.substring(0, colon);
                        String typeNs = xml.getNamespaceContext().getNamespaceURI(prefix);
                        xsiType = "{" + (typeNs == null ? "" : typeNs) + "}" + value.substring(colon + 1);
                    }
                    continue;
                }
                attributes.put(qname(xml.getAttributeNamespace(a), xml.getAttributeLocalName(a)),
                        xml.getAttributeValue(a));
            }
            StringBuilder text = new StringBuilder();
            List<XmlElement> children = new ArrayList<>();
            while (true) {
                int type = xml.next();
                switch (type) {
                    case XMLStreamConstants.START_ELEMENT -> children.add(read(xml, prefixes));
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            text.append(xml.getText());
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                            "entity reference &" + xml.getLocalName() + "; refused (no entity expansion)", xml.getLocation());
                    case XMLStreamConstants.END_ELEMENT -> {
                        return new XmlElement(ns, local, attributes, text.toString().strip(), children, nil, xsiType);
                    }
                    default -> {
                        // comments, processing instructions
                    }
                }
            }
        }
    }

    /** EPCIS master data in an XML header: every Vocabulary element below it. */
    static final class XmlMasterData {

        private XmlMasterData() {
        }

        static List<Vocabulary> read(XmlElement header) {
            List<Vocabulary> list = new ArrayList<>();
            collect(header, list);
            return list;
        }

        private static void collect(XmlElement e, List<Vocabulary> into) {
            if (e.local().equals("Vocabulary")) {
                List<Vocabulary.Element> elements = new ArrayList<>();
                for (XmlElement l : e.children()) {
                    if (l.local().equals("VocabularyElementList")) {
                        for (XmlElement v : l.children()) {
                            List<Vocabulary.Attribute> attributes = new ArrayList<>();
                            List<String> children = new ArrayList<>();
                            for (XmlElement a : v.children()) {
                                if (a.local().equals("attribute")) {
                                    attributes.add(new Vocabulary.Attribute(a.attributes().getOrDefault("id", ""),
                                            a.children().isEmpty() ? a.text() : XmlEvents.generic(a).toString()));
                                } else if (a.local().equals("children")) {
                                    a.children().forEach(c -> children.add(c.text()));
                                }
                            }
                            elements.add(new Vocabulary.Element(v.attributes().getOrDefault("id", ""), attributes, children));
                        }
                    }
                }
                into.add(new Vocabulary(e.attributes().getOrDefault("type", ""), elements));
                return;
            }
            e.children().forEach(c -> collect(c, into));
        }
    }

    static JsonNode text(String value) {
        return NODES.stringNode(value);
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }
}
