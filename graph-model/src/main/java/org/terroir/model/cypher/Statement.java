package org.terroir.model.cypher;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One named, parameterised Cypher statement of the {@link Catalogue}. Values always travel as
 * parameters ({@code $gtin}), never by string concatenation.
 *
 * @param name unique dotted name, e.g. {@code stats.nodesPerLabel}
 * @param cypher the statement text
 */
public record Statement(String name, String cypher) {

    private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    public Statement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cypher, "cypher");
        if (!name.matches("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+")) {
            throw new IllegalArgumentException("statement name \"" + name + "\" must be dotted lowerCamelCase, e.g. stats.nodesPerLabel");
        }
        cypher = cypher.strip();
    }

    /** The parameter names the statement reads ({@code $name}), sorted. */
    public Set<String> parameters() {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAMETER.matcher(cypher);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Override
    public String toString() {
        return name;
    }
}
