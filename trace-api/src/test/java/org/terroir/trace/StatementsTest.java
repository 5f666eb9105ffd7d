package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.terroir.importer.epcis.graph.EpcisStatements;
import org.terroir.importer.masterdata.MasterDataStatements;
import org.terroir.model.cypher.Statement;
import org.terroir.model.graph.NodeLabel;
import org.terroir.model.graph.RelationshipType;
import org.terroir.trace.capture.CaptureStatements;
import org.terroir.trace.directory.ListStatements;
import org.terroir.trace.events.EventStatements;
import org.terroir.trace.poverty.PovertyStatements;
import org.terroir.trace.query.QueryStatements;
import org.terroir.trace.recall.RecallStatements;
import org.terroir.trace.scans.ScanStatements;
import org.terroir.trace.subscriptions.SubscriptionStatements;
import org.terroir.trace.trace.TraceStatements;

/**
 * What holds for the statements of every feature of the API together: unique names (also beside the
 * importer's), only the model's labels and types, and personal data read by one
 * statement alone. Each feature's examples against Neo4j are beside it ({@code TraceStatementsIT}, …).
 */
class StatementsTest {

    private static final Pattern PERSONAL = Pattern.compile(
            "ProducerIdentity|IDENTIFIED_BY|\\.(name|phone|idNumber)\\b|\\bname\\s*:|\\bphone\\b|\\bidNumber\\b");

    /** The classes of the features that hold their statements. */
    private static final List<Class<?>> HOLDERS = List.of(TraceStatements.class, RecallStatements.class,
            ListStatements.class, PovertyStatements.class, EventStatements.class, ScanStatements.class, CaptureStatements.class,
            QueryStatements.class, SubscriptionStatements.class);

    /** The statements of the API's features. */
    static List<Statement> all() {
        List<Statement> all = new ArrayList<>();
        HOLDERS.forEach(holder -> all.addAll(Statement.declaredIn(holder)));
        return all;
    }

    @Test
    void everyFeatureHasStatements() {
        assertThat(HOLDERS).allSatisfy(holder -> assertThat(Statement.declaredIn(holder)).as(holder.getSimpleName()).isNotEmpty());
    }

    @Test
    void namesAreUniqueAcrossTheModules() {
        List<Statement> everything = new ArrayList<>(all());
        everything.addAll(MasterDataStatements.all());
        everything.addAll(EpcisStatements.all());
        assertThat(everything).extracting(Statement::name).doesNotHaveDuplicates();
    }

    @Test
    void statementsNameOnlyLabelsAndTypesOfTheModel() {
        Set<String> labels = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        for (Statement statement : all()) {
            labels.addAll(statement.labels());
            types.addAll(statement.relationshipTypes());
        }
        assertThat(labels).isNotEmpty().allSatisfy(l -> assertThat(NodeLabel.fromLabel(l)).as("label %s", l).isPresent());
        assertThat(types).isNotEmpty().allSatisfy(t -> assertThat(RelationshipType.fromType(t)).as("type %s", t).isPresent());
    }

    @Test
    void onlyPersonalStatementsReadPersonalData() {
        assertThat(all()).filteredOn(s -> PERSONAL.matcher(s.cypher()).find())
                .extracting(Statement::name).containsExactly("personal.identities");
        assertThat(TraceStatements.PERSONAL_IDENTITIES.cypher())
                .as("reads only").doesNotContainPattern("\\b(CREATE|MERGE|SET|DELETE|REMOVE|DETACH)\\b");
    }
}
