package org.terroir.importer.epcis.internal;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that refuse DTDs: no external entities, no external DTD, no entity expansion
 * (so neither XXE nor "billion laughs"). A document with a DOCTYPE is rejected by the caller on
 * the DTD event; undeclared entity references fail in the parser.
 */
final class SecureXml {

    private SecureXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
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
