package org.terroir.model.cypher;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One named, parameterised Cypher statement, a constant of the class of the feature that runs it,
 * beside the code that reads its rows (e.g. {@code TraceStatements} for the trace). Values always
 * travel as parameters ({@code $gtin}), never by string concatenation.
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
        return names(PARAMETER);
    }

    /** The node labels its patterns name ({@code (n:Label}), sorted: each must be one of the model's. */
    public Set<String> labels() {
        return names(NODE_LABEL);
    }

    /** The relationship types its patterns name ({@code [r:TYPE|OTHER}), sorted: each must be one of the model's. */
    public Set<String> relationshipTypes() {
        return names(RELATIONSHIP_TYPES);
    }

    /** What group 1 of {@code pattern} finds in the text, alternatives ({@code A|B}) apart, sorted. */
    private Set<String> names(Pattern pattern) {
        return pattern.matcher(cypher).results()
                .flatMap(match -> Arrays.stream(match.group(1).split("\\|")))
                .collect(Collectors.toCollection(TreeSet::new));
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
