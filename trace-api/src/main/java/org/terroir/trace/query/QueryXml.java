package org.terroir.trace.query;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.terroir.importer.epcis.EventJson;
import org.terroir.importer.epcis.EventXml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An EPCIS query document in the XML binding: {@code epcisq:EPCISQueryDocument} of the official
 * query schema ({@code EPCglobal-epcis-query-2_0.xsd}), its {@code QueryResults} naming the query (and
 * the subscription of a report), each event of the JSON-LD document read back into the importer's
 * model and written by {@link EventXml}: the same events, in the same order, with the same ids, record
 * times and error declarations.
 */
final class QueryXml {

    private QueryXml() {}

    /** {@code document} (a JSON-LD query document as {@link QueryHttp#document} makes it) as XML, UTF-8, CBV values as {@code cbvValues}. */
    static byte[] of(ObjectNode document, EventXml.CbvValues cbvValues) throws XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XMLStreamWriter out = EventXml.writer(bytes);
        out.writeStartDocument("UTF-8", "1.0");
        out.writeStartElement("epcisq", "EPCISQueryDocument", EventXml.EPCIS_QUERY);
        out.writeNamespace("epcisq", EventXml.EPCIS_QUERY);
        out.writeAttribute("schemaVersion", "2.0");
        out.writeAttribute("creationDate", document.get("creationDate").asString());
        out.writeStartElement("EPCISBody");
        out.writeStartElement("epcisq", "QueryResults", EventXml.EPCIS_QUERY);
        JsonNode results = document.at("/epcisBody/queryResults");
        text(out, "queryName", results.get("queryName").asString());
        if (results.has("subscriptionID")) {
            text(out, "subscriptionID", results.get("subscriptionID").asString());
        }
        out.writeStartElement("resultsBody");
        out.writeStartElement("EventList");
        for (JsonNode event : results.at("/resultsBody/eventList")) {
            EventXml.write(out, EventJson.read(event), event.get("eventID").asString(), cbvValues);
        }
        out.writeEndDocument();
        out.close();
        return bytes.toByteArray();
    }

    private static void text(XMLStreamWriter out, String name, String value) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(value);
        out.writeEndElement();
    }
}
