package org.terroir.model.cypher;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One named, parameterised Cypher statement, a constant of the class of the feature that runs it
 * (e.g. the {@link Catalogue}'s for the trace API). Values always travel as parameters
 * ({@code $gtin}), never by string concatenation.
 *
 * @param name unique dotted name, e.g. {@code stats.nodesPerLabel}
 * @param cypher the statement text
 */
public record Statement(String name, String cypher) {

    private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    /** {@code (n:Label} or {@code (:Label} in a pattern. */
    private static final Pattern NODE_LABEL = Pattern.compile("\\(\\s*\\w*\\s*:\\s*([A-Z][A-Za-z]*)");
    /** {@code [:TYPE}, {@code [r:TYPE|OTHER} in a pattern. */
    private static final Pattern RELATIONSHIP_TYPES = Pattern.compile("\\[\\s*\\w*\\s*:\\s*([A-Z_|]+)");

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

    /** The node labels its patterns name ({@code (n:Label}), sorted: each must be one of the model's. */
    public Set<String> labels() {
        Set<String> labels = new TreeSet<>();
        Matcher m = NODE_LABEL.matcher(cypher);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    /** The relationship types its patterns name ({@code [r:TYPE|OTHER}), sorted: each must be one of the model's. */
    public Set<String> relationshipTypes() {
        Set<String> types = new TreeSet<>();
        Matcher m = RELATIONSHIP_TYPES.matcher(cypher);
        while (m.find()) {
            types.addAll(List.of(m.group(1).split("\\|")));
        }
        return types;
    }

    /** The statements that are static fields of {@code holder}, in declaration order. */
    public static List<Statement> declaredIn(Class<?> holder) {
        List<Statement> statements = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Statement.class) {
                try {
                    field.setAccessible(true);
                    statements.add((Statement) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(statements);
    }

    @Override
    public String toString() {
        return name;
    }
}
