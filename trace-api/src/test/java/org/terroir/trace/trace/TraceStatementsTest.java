package org.terroir.trace.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.terroir.model.cypher.Statement;

/**
 * The statements of the trace view keep away from the households' personal data; only the
 * {@code personal.*} statements read it, which the API runs after checking the caller.
 */
class TraceStatementsTest {

    private static final Pattern PERSONAL = Pattern.compile(
            "ProducerIdentity|IDENTIFIED_BY|\\.(name|phone|idNumber)\\b|\\bname\\s*:|\\bphone\\b|\\bidNumber\\b");

    private static List<Statement> traceStatements() {
        return Statement.declaredIn(TraceStatements.class).stream().filter(s -> s.name().startsWith("trace.")).toList();
    }

    @Test
    void thereAreTraceStatements() {
        assertThat(traceStatements()).extracting(Statement::name)
                .contains("trace.batches", "trace.contributions", "trace.inputBatches", "trace.journeys", "trace.items",
                        "trace.itemJourneys");
    }

    @Test
    void noTraceStatementReadsPersonalData() {
        assertThat(traceStatements()).allSatisfy(s -> assertThat(PERSONAL.matcher(s.cypher()).find())
                .as("%s mentions personal data: %s", s.name(), s.cypher()).isFalse());
    }

    @Test
    void thePatternWouldSeePersonalData() {
        assertThat(PERSONAL.matcher("MATCH (p)-[:IDENTIFIED_BY]->(i) RETURN i").find()).isTrue();
        assertThat(PERSONAL.matcher("RETURN p.phone AS phone").find()).isTrue();
        assertThat(PERSONAL.matcher("RETURN i {.name}").find()).isTrue();
        assertThat(PERSONAL.matcher("RETURN p {.nameZh, .nameEn}").find()).isFalse();
    }

    @Test
    void traceStatementsOnlyRead() {
        assertThat(traceStatements()).allSatisfy(s -> assertThat(s.cypher())
                .as(s.name()).doesNotContainPattern("\\b(CREATE|MERGE|SET|DELETE|REMOVE|DETACH)\\b"));
    }

    @Test
    void traceStatementsTakeBatchOrItemKeys() {
        assertThat(traceStatements()).allSatisfy(s -> assertThat(s.parameters()).as(s.name()).containsExactly("keys"));
    }
}
