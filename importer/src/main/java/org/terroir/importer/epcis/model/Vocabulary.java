package org.terroir.importer.epcis.model;

import java.util.List;

/**
 * EPCIS master data from a document header: one vocabulary (e.g. {@code urn:epcglobal:epcis:vtype:BusinessLocation})
 * with its elements.
 */
public record Vocabulary(String type, List<Element> elements) {

    public Vocabulary {
        elements = List.copyOf(elements);
    }

    /** One vocabulary element: its id, attributes (id and text value, complex values as JSON) and children ids. */
    public record Element(String id, List<Attribute> attributes, List<String> children) {

        public Element {
            attributes = List.copyOf(attributes);
            children = List.copyOf(children);
        }
    }

    /** A master-data attribute, e.g. {@code urn:epcglobal:cbv:mda#name} = {@code 张家川县电商中心}. */
    public record Attribute(String id, String value) {
    }
}
