package org.terroir.importer.epcis.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * The check the EPCIS 2.0 XSD makes of a user extension element that names its type with
 * {@code xsi:type}: the schema processes extensions laxly, so an undeclared element is not checked
 * unless it names a type, and then its content must be a value of that type. The types a document
 * can name this way are XML Schema's built-in ones ({@code xsd:integer}, {@code xsd:dateTime}, …);
 * the JDK's own schema validator judges the value, so that the verdict is the XSD's.
 */
final class XsiTypes {

    private static final Schema ANY_ELEMENT = schema();

    private XsiTypes() {
    }

    private static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(new StringReader(
                    "<xs:schema xmlns:xs=\"" + XMLConstants.W3C_XML_SCHEMA_NS_URI + "\"><xs:element name=\"v\"/></xs:schema>")));
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Why an element of type {@code type} ({@code {ns}local}) with this text (and child elements,
     * if {@code hasChildren}) is not valid, or empty when it is.
     */
    static Optional<String> problem(String type, String text, boolean hasChildren) {
        int close = type.indexOf('}');
        String ns = type.substring(1, close);
        String local = type.substring(close + 1);
        if (!XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(ns)) {
            return Optional.of("xsi:type " + type + " cannot be resolved: a user extension element may name one of XML"
                    + " Schema's built-in types only");
        }
        if (hasChildren) {
            return local.equals("anyType") ? Optional.empty()
                    : Optional.of("xsi:type xsd:" + local + " allows no child elements");
        }
        String document = "<v xmlns:xsi=\"" + XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI + "\" xmlns:xs=\""
                + XMLConstants.W3C_XML_SCHEMA_NS_URI + "\" xsi:type=\"xs:" + local + "\">" + escape(text) + "</v>";
        try {
            Validator validator = ANY_ELEMENT.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(document)));
            return Optional.empty();
        } catch (SAXException invalid) {
            return Optional.of("\"" + text + "\" is not a value of its xsi:type xsd:" + local);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
