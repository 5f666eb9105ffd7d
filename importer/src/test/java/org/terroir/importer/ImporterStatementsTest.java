package org.terroir.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.terroir.importer.epcis.graph.EpcisStatements;
import org.terroir.importer.epcis.graph.Participation;
import org.terroir.importer.masterdata.MasterDataStatements;
import org.terroir.model.cypher.Statement;
import org.terroir.model.graph.NodeLabel;
import org.terroir.model.graph.RelationshipType;

/** The importer's statements name only the graph model's labels and relationship types, and no name twice. */
class ImporterStatementsTest {

    private static List<Statement> statements() {
        List<Statement> all = new ArrayList<>(MasterDataStatements.all());
        all.addAll(EpcisStatements.all());
        all.addAll(Participation.all());
        return all;
    }

    @Test
    void theyNameOnlyLabelsAndTypesOfTheModel() {
        Set<String> labels = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        statements().forEach(s -> {
            labels.addAll(s.labels());
            types.addAll(s.relationshipTypes());
        });
        assertThat(labels).isNotEmpty().allSatisfy(l -> assertThat(NodeLabel.fromLabel(l)).as("label %s", l).isPresent());
        assertThat(types).isNotEmpty().allSatisfy(t -> assertThat(RelationshipType.fromType(t)).as("type %s", t).isPresent());
    }

    @Test
    void theirNamesAreTheirsAlone() {
        List<Statement> all = new ArrayList<>(statements());
        assertThat(all).extracting(Statement::name).doesNotHaveDuplicates();
        assertThat(MasterDataStatements.all()).hasSizeGreaterThan(10);
        assertThat(EpcisStatements.all()).hasSizeGreaterThan(10);
    }
}
