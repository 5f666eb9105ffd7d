package org.terroir.importer.epcis.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Namespace prefixes in scope for JSON-LD CURIEs: the standard EPCIS context's and the
 * document's own {@code @context} objects. Never fetched from the network.
 */
public final class Names {

    /** Prefixes the standard EPCIS 2.0 JSON-LD context declares. */
    public static final Map<String, String> STANDARD = Map.of(
            "epcis", "https://ref.gs1.org/epcis/",
            "cbv", "https://ref.gs1.org/cbv/",
            "cbvmda", "urn:epcglobal:cbv:mda:",
            "gs1", "https://gs1.org/voc/",
            "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
            "owl", "http://www.w3.org/2002/07/owl#",
            "xsd", "http://www.w3.org/2001/XMLSchema#",
            "dcterms", "http://purl.org/dc/terms/");

    private final Map<String, String> prefixes;

    private Names(Map<String, String> prefixes) {
        this.prefixes = prefixes;
    }

    public static Names standard() {
        return new Names(new HashMap<>(STANDARD));
    }

    /** A copy with more prefixes, e.g. from an event-level {@code @context}. */
    public Names with(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(prefixes);
        all.putAll(more);
        return new Names(all);
    }

    public Optional<String> namespace(String prefix) {
        return Optional.ofNullable(prefixes.get(prefix));
    }

    /**
     * Splits an extension name: {@code {ns}local} (from XML), {@code prefix:local} (a CURIE), or an
     * absolute IRI ({@code https://ns.example.com/epcis/myField}); empty when the prefix is unknown.
     * Result: {namespace, local}.
     */
    public Optional<String[]> expand(String name) {
        if (name.startsWith("{")) {
            int end = name.indexOf('}');
            return Optional.of(new String[] {name.substring(1, end), name.substring(end + 1)});
        }
        int colon = name.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String prefix = name.substring(0, colon);
        String ns = prefixes.get(prefix);
        if (ns != null) {
            return Optional.of(new String[] {ns, name.substring(colon + 1)});
        }
        if (name.startsWith("http://") || name.startsWith("https://") || name.startsWith("urn:")) {
            int cut = Math.max(name.lastIndexOf('#'), Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')));
            if (cut > colon && cut < name.length() - 1) {
                return Optional.of(new String[] {name.substring(0, cut + 1), name.substring(cut + 1)});
            }
        }
        return Optional.empty();
    }

    /** Expands a CURIE value whose prefix is declared; any other string is returned as is. */
    public String expandValue(String value) {
        int colon = value.indexOf(':');
        if (colon > 0 && !value.startsWith("urn:") && !value.contains("//")) {
            String ns = prefixes.get(value.substring(0, colon));
            if (ns != null) {
                return ns + value.substring(colon + 1);
            }
        }
        return value;
    }

}
