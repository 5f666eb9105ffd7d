package org.terroir.importer.epcis.model;

import java.util.List;

/**
 * A user extension element (also ILMD content), in the XML binding's shape: a namespaced name
 * with either a text value or child elements. A JSON array becomes repeated elements of the
 * same name, a JSON object child elements, a JSON scalar the text. Lists of extensions are kept
 * in {@linkplain #canonical(List) canonical order}. Elements nested in an extension may have no
 * namespace ({@code namespace} is then empty).
 *
 * @param namespace the namespace IRI, e.g. {@code http://example.com/ext1/}
 * @param name      the local name
 * @param text      the text value; empty when {@code children} is not
 */
public record Extension(String namespace, String name, String text, List<Extension> children) {

    public Extension {
        children = canonical(children);
    }

    /**
     * Extensions in one canonical order: sorted by namespace then name, elements of the same name
     * keeping their document order (XML and JSON may order different names differently).
     */
    public static List<Extension> canonical(List<Extension> extensions) {
        return extensions.stream()
                .sorted(java.util.Comparator.comparing(Extension::namespace).thenComparing(Extension::name))
                .toList();
    }

    /** {@code {namespace}name}, the expanded name; just {@code name} when it has no namespace. */
    public String expandedName() {
        return namespace.isEmpty() ? name : "{" + namespace + "}" + name;
    }
}
