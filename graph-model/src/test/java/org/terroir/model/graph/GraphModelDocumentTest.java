package org.terroir.model.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps docs/graph-model.md in step with {@link NodeLabel} and {@link RelationshipType}. */
class GraphModelDocumentTest {

    /** The document, from the module's folder (where Maven runs the tests). */
    private static final Path DOCUMENT = Path.of("..", "docs", "graph-model.md");

    private static List<String> lines() throws IOException {
        return Files.readAllLines(DOCUMENT);
    }

    @Test
    void everyRelationshipTypeHasARowInTheRelationshipTable() throws IOException {
        List<String> lines = lines();
        for (RelationshipType type : RelationshipType.values()) {
            assertThat(lines).as("a table row for %s in %s", type, DOCUMENT)
                    .anyMatch(line -> line.startsWith("| `" + type.type() + "` |"));
        }
    }

    @Test
    void everyLabelWithANaturalKeyHasARowInTheKeyTable() throws IOException {
        List<String> lines = lines();
        for (NodeLabel label : NodeLabel.values()) {
            label.naturalKey().ifPresent(key -> assertThat(lines).as("a key table row for %s in %s", label, DOCUMENT)
                    .anyMatch(line -> line.startsWith("| `" + label.label() + "` | `" + key + "` |")));
        }
    }

    @Test
    void everyLabelAppearsInTheDiagram() throws IOException {
        String document = String.join("\n", lines());
        String diagram = document.substring(document.indexOf("```mermaid"), document.indexOf("```", document.indexOf("```mermaid") + 3));
        for (NodeLabel label : NodeLabel.values()) {
            assertThat(diagram).as("%s in the diagram", label).contains(label.label());
        }
        for (RelationshipType type : RelationshipType.values()) {
            assertThat(diagram).as("%s in the diagram", type).contains(type.type());
        }
    }
}
