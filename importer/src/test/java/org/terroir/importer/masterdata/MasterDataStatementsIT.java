package org.terroir.importer.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terroir.testsupport.StatementExamples.count;
import static org.terroir.testsupport.StatementExamples.row;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.terroir.model.cypher.Statement;
import org.terroir.store.Schema;
import org.terroir.testsupport.StatementExamples;
import org.terroir.testsupport.TestNeo4j;

/**
 * Runs every statement of {@link MasterDataStatements} against a real Neo4j holding a small graph
 * ({@code liancheng-small}) and checks what it writes or answers, each in its own transaction,
 * rolled back. A statement added without an example here fails the test "every statement has an
 * example".
 */
class MasterDataStatementsIT {

    private static final Driver driver = TestNeo4j.get().driver();
    private static final StatementExamples<Statement> EXAMPLES =
            new StatementExamples<>(Statement::name, Statement::cypher, Statement::parameters);

    static {
        EXAMPLES.example(MasterDataStatements.MASTER_REGIONS, Map.of("rows", List.of(
                row("code", "350825101", "level", "township", "nameZh", "北团镇", "nameEn", "Beituan Town"),
                row("code", "350825", "level", "county", "nameZh", "连城县", "nameEn", "Liancheng County"))),
                (rows, tx) -> {
                    assertThat(count(tx, "MATCH (r:Region) RETURN count(r)")).isEqualTo(4);
                    assertThat(tx.run("MATCH (r:Region {code: '350825'}) RETURN r.nameEn AS n").single().get("n").asString())
                            .isEqualTo("Liancheng County");
                });
        EXAMPLES.example(MasterDataStatements.MASTER_REGION_PARENTS,
                "CREATE (:Region {code: '350825101', level: 'township'})",
                Map.of("rows", List.of(row("code", "350825101", "parentCode", "350825"),
                        row("code", "350825100201", "parentCode", "350825101"))),
                (rows, tx) -> assertThat(tx.run("""
                        MATCH (v:Region {code: '350825100201'})-[:PART_OF]->(p) RETURN collect(p.code) AS parents""")
                        .single().get("parents").asList()).containsExactly("350825101"));
        EXAMPLES.example(MasterDataStatements.MASTER_PARTIES, Map.of("rows", List.of(row("gln", "9520011000024", "kind", "cooperative",
                        "label", "Cooperative", "nameZh", "合作社", "nameEn", "Coop", "regionCode", "350825"))),
                (rows, tx) -> assertThat(count(tx,
                        "MATCH (:Party:Cooperative {gln: '9520011000024'})-[:BASED_IN]->(:Region {code: '350825'}) RETURN count(*)"))
                        .isEqualTo(1));
        EXAMPLES.example(MasterDataStatements.MASTER_BRANDS, "CREATE (:Party:Association {gln: '9520011000017'})",
                Map.of("rows", List.of(row("id", "liancheng-dried-sweet-potato", "kind", "gi", "nameZh", "连城地瓜干",
                        "nameEn", "Liancheng Dried Sweet Potato", "giRegistration", "DEMO-1", "storyEn", "Story",
                        "storyZh", "故事", "ownerGln", "9520011000017", "protectedRegionCodes", List.of("350825")))),
                (rows, tx) -> {
                    assertThat(count(tx, """
                            MATCH (:Region {code: '350825'})<-[:PROTECTS]-(b:Brand {id: 'liancheng-dried-sweet-potato'})
                                  -[:OWNED_BY]->(:Party {gln: '9520011000017'})
                            RETURN count(b)""")).isEqualTo(1);
                    assertThat(count(tx, "MATCH (b:Brand) RETURN count(b)")).isEqualTo(1);
                });
        EXAMPLES.example(MasterDataStatements.MASTER_PRODUCTS, Map.of("rows", List.of(row("gtin", "09520001000010", "nameZh", "地瓜干",
                        "nameEn", "Dried sweet potato", "brandId", "liancheng-dried-sweet-potato"))),
                (rows, tx) -> assertThat(count(tx,
                        "MATCH (:Product {gtin: '09520001000010'})-[:OF_BRAND]->(:Brand) RETURN count(*)")).isEqualTo(1));
        EXAMPLES.example(MasterDataStatements.MASTER_LOCATIONS, "CREATE (:Party {gln: '9520011000024'})",
                Map.of("rows", List.of(row("key", "414/9520001000027", "gln", "9520001000027", "kind", "village_station",
                        "nameZh", "站", "nameEn", "Station", "regionCode", "350825", "operatorGln", "9520011000024",
                        "latitude", 25.71, "longitude", 116.75))),
                (rows, tx) -> {
                    assertThat(tx.run("MATCH (l:Location {key: '414/9520001000027'}) RETURN l.latitude AS lat, l.longitude AS lon")
                            .single().values()).extracting(v -> v.asDouble()).containsExactly(25.71, 116.75);
                    assertThat(count(tx, """
                            MATCH (:Region {code: '350825'})<-[:IN_REGION]-(l:Location {key: '414/9520001000027'})
                                  -[:OPERATED_BY]->(:Party {gln: '9520011000024'})
                            RETURN count(l)""")).isEqualTo(1);
                    assertThat(count(tx, "MATCH (l:Location {kind: 'village_station'})-[:IN_REGION]->() RETURN count(l)"))
                            .as("the old IN_REGION of the fixture's farm location was not touched").isEqualTo(1);
                });
        EXAMPLES.example(MasterDataStatements.MASTER_CERTIFICATIONS, Map.of("rows", List.of(row("id", "cert-gi-1", "kind", "GI",
                        "number", "DEMO-1", "issuer", "CNIPA", "validFrom", "2020-01-01", "validUntil", null,
                        "subjectKind", "brand", "subjectId", "liancheng-dried-sweet-potato"))),
                (rows, tx) -> assertThat(tx.run("""
                        MATCH (c:Certification {id: 'cert-gi-1'})-[:CERTIFIES]->(b:Brand)
                        RETURN b.id AS brand, c.validFrom AS from""").single().get("from").asLocalDate())
                        .isEqualTo(java.time.LocalDate.of(2020, 1, 1)));
        EXAMPLES.example(MasterDataStatements.MASTER_PRODUCERS, "CREATE (:Region {code: '350825101201', level: 'village'})",
                Map.of("rows", List.of(row("pseudonym", "P-AAAAAAAAAAAA", "registeredPoor", true, "name", "罗秀英",
                        "phone", "13800000001", "idNumber", null, "villageCode", "350825101201", "cooperativeGln", null))),
                (rows, tx) -> {
                    assertThat(count(tx, """
                            MATCH (i:ProducerIdentity)<-[:IDENTIFIED_BY]-(p:Producer {pseudonym: 'P-AAAAAAAAAAAA', registeredPoor: true})
                                  -[:LIVES_IN]->(:Region {code: '350825101201'})
                            RETURN count(p)""")).isEqualTo(1);
                    assertThat(count(tx, "MATCH (:Producer)-[m:MEMBER_OF]->() RETURN count(m)")).isZero();
                });
        EXAMPLES.example(MasterDataStatements.MASTER_CONTRIBUTIONS, null,
                Map.of("rows", List.of(row("pseudonym", "P-AAAAAAAAAAAA", "batchKey", "01/09520001000010/10/L1",
                        "gtin", "09520001000010", "lot", "L1", "quantity", 240.0, "unit", "KGM"))),
                (rows, tx) -> {
                    assertThat(tx.run("""
                            MATCH (:Producer {pseudonym: 'P-AAAAAAAAAAAA'})-[c:CONTRIBUTED]->(:Batch {key: '01/09520001000010/10/L1'})
                            RETURN c.quantity AS q""").single().get("q").asDouble()).isEqualTo(240.0);
                    assertThat(count(tx, "MATCH (b:Batch) RETURN count(b)")).as("the fixture's batch was reused").isEqualTo(2);
                });
        EXAMPLES.example(MasterDataStatements.MASTER_EXISTING_REGIONS, Map.of("keys", List.of("350825", "999999")),
                (rows, tx) -> assertThat(rows.getFirst().get("found").asList()).containsExactly("350825"));
        EXAMPLES.example(MasterDataStatements.MASTER_EXISTING_PARTIES, "CREATE (:Party {gln: '9520011000024'})",
                Map.of("keys", List.of("9520011000024", "9520011000017")),
                (rows, tx) -> assertThat(rows.getFirst().get("found").asList()).containsExactly("9520011000024"));
        EXAMPLES.example(MasterDataStatements.MASTER_EXISTING_BRANDS, Map.of("keys", List.of("liancheng-dried-sweet-potato", "nope")),
                (rows, tx) -> assertThat(rows.getFirst().get("found").asList()).containsExactly("liancheng-dried-sweet-potato"));
        EXAMPLES.example(MasterDataStatements.MASTER_EXISTING_PRODUCTS, "CREATE (:Product {gtin: '09520001000010'})",
                Map.of("keys", List.of("09520001000010", "09520001000027")),
                (rows, tx) -> assertThat(rows.getFirst().get("found").asList()).containsExactly("09520001000010"));
    }

    @TestFactory
    List<DynamicTest> everyStatementRunsAgainstNeo4j() {
        return EXAMPLES.tests(driver, Schema::migrate, MasterDataStatements.all());
    }
}
