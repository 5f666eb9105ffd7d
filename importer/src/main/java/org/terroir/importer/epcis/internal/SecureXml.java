package org.terroir.importer.epcis.internal;

import java.io.InputStream;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that never read a DTD: no external entities, no external DTD, no entity expansion
 * (so neither XXE nor "billion laughs"). The caller sees the DOCTYPE as a DTD event and accepts
 * only one that {@linkplain #definesNothing defines nothing}; undeclared entity references fail in
 * the parser. The JDK's own StAX implementation, whatever else is on the class path, so that these
 * settings and the DTD event's text are the ones tested.
 */
final class SecureXml {

    /** {@code <!DOCTYPE name>} or {@code <!DOCTYPE name [ ]>}: no external ID, nothing declared. */
    private static final Pattern EMPTY_DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[^\\s\\[\\]<>\"']+\\s*(\\[\\s*\\]\\s*)?>");

    private SecureXml() {
    }

    /**
     * Whether a DOCTYPE, as the reader gives its text, is a bare declaration such as
     * {@code <!DOCTYPE project>} (real documents carry one): no external subset, no internal one.
     */
    static boolean definesNothing(String doctype) {
        return doctype != null && EMPTY_DOCTYPE.matcher(doctype.strip()).matches();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        return f;
    }

    /** A reader from a factory of its own: XMLInputFactory is not specified to be thread-safe. */
    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return factory().createXMLStreamReader(in);
    }
}
