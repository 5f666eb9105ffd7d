package org.terroir.importer.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.terroir.model.PseudonymSalt;
import org.terroir.store.Schema;
import org.terroir.testsupport.ExcelCsv;
import org.terroir.testsupport.GraphDump;
import org.terroir.testsupport.TestNeo4j;

/** The demo master data (the repository's {@code demo/master-data}) into a real Neo4j. */
class MasterDataImportIT {

    private static final Path DEMO = Path.of("..", "demo", "master-data");
    private static final PseudonymSalt SALT = PseudonymSalt.fromBase64("dGVycm9pci10ZXN0LXNhbHQtMzItYnl0ZXMtbG9uZyE=");

    private final Driver driver = TestNeo4j.get().driver();

    @BeforeEach
    void emptyGraph() {
        TestNeo4j.get().clear();
        Schema.migrate(driver);
    }

    private static List<Path> demoFiles() throws IOException {
        try (Stream<Path> files = Files.list(DEMO)) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }

    private Map<String, Long> census() {
        return GraphDump.census(driver);
    }

    @Test
    void importsTheDemoMasterDataOfAllRegions() throws IOException {
        Map<MasterDataKind, Integer> written = new MasterDataImport(driver, SALT).run(demoFiles());

        assertThat(written).containsEntry(MasterDataKind.BRANDS, 9).containsEntry(MasterDataKind.PRODUCERS, 24);
        assertThat(count("MATCH (b:Brand) RETURN count(b)")).isEqualTo(9);
        assertThat(count("MATCH (:Region {level: 'county'}) RETURN count(*)")).isEqualTo(14);
        assertThat(count("""
                MATCH (b:Brand {id: 'liancheng-dried-sweet-potato'})-[:OWNED_BY]->(:Party:Association)
                MATCH (b)-[:PROTECTS]->(:Region {code: '350825'})-[:PART_OF]->(:Region {code: '350800'})
                RETURN count(b)""")).isEqualTo(1);
        assertThat(count("MATCH (p:Producer)-[:LIVES_IN]->(:Region {level: 'village'}) RETURN count(p)")).isEqualTo(24);
        assertThat(count("MATCH (p:Producer {registeredPoor: true}) RETURN count(p)")).isEqualTo(14);
        assertThat(count("MATCH (p:Producer)-[:IDENTIFIED_BY]->(i:ProducerIdentity) WHERE i.phone IS NOT NULL RETURN count(p)"))
                .isEqualTo(24);
        assertThat(count("MATCH (p:Producer) WHERE p.name IS NOT NULL OR p.phone IS NOT NULL RETURN count(p)"))
                .as("personal data stays on ProducerIdentity").isZero();
        assertThat(count("MATCH (:Producer)-[c:CONTRIBUTED]->(:Batch) RETURN count(c)")).isPositive();
        assertThat(count("MATCH (c:Certification)-[:CERTIFIES]->() RETURN count(c)")).isEqualTo(10);
        assertThat(count("MATCH (l:Location)-[:IN_REGION]->() RETURN count(l)")).isEqualTo(65);
        assertThat(count("MATCH (l:Location) WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL RETURN count(l)"))
                .as("every demo location has its place").isEqualTo(65);
        assertThat(count("""
                MATCH (l:Location {nameEn: 'Pudong pick-up point, Shanghai'})
                WHERE 31.0 < l.latitude < 31.5 AND 121.3 < l.longitude < 121.8
                RETURN count(l)""")).isEqualTo(1);
    }

    @Test
    void aPlaceNeedsBothCoordinatesWithinRangeAndAWrongOneWritesNothing(@TempDir Path dir) throws IOException {
        List<String> problems = problemsWhenEdited(dir, "locations.csv", lines -> {
            lines.set(1, lines.get(1).replaceFirst(",[-0-9.]+,([-0-9.]+)$", ",125.81,$1")); // latitude beyond 90 on line 2
            lines.set(2, lines.get(2).replaceFirst(",([-0-9.]+),[-0-9.]+$", ",$1,")); // longitude missing on line 3
            lines.set(3, lines.get(3).replaceFirst(",[-0-9.]+,([-0-9.]+)$", ",25°48'N,$1")); // not decimal degrees on line 4
        });

        assertThat(problems).contains("locations.csv:2: latitude: latitude must be between -90 and 90 degrees, got 125.81",
                "locations.csv:3: longitude: required when latitude is given (a place needs both, or neither)",
                "locations.csv:4: latitude: latitude must be decimal degrees such as 25.71 or -33.87, got \"25°48'N\"");
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() throws IOException {
        MasterDataImport importer = new MasterDataImport(driver, SALT);
        importer.run(demoFiles());
        Map<String, Long> first = census();

        importer.run(demoFiles());

        assertThat(census()).isEqualTo(first);
    }

    @Test
    void theSameHouseholdKeepsItsPseudonymAcrossImports() throws IOException {
        new MasterDataImport(driver, SALT).run(demoFiles());
        List<String> before = driver.executableQuery("MATCH (p:Producer) RETURN p.pseudonym AS p ORDER BY p").execute()
                .records().stream().map(r -> r.get("p").asString()).toList();
        TestNeo4j.get().clear();

        new MasterDataImport(driver, SALT).run(demoFiles());

        assertThat(driver.executableQuery("MATCH (p:Producer) RETURN p.pseudonym AS p ORDER BY p").execute()
                .records().stream().map(r -> r.get("p").asString()).toList()).isEqualTo(before);
    }

    /**
     * The problems an import of the demo files reports once {@code edit} has changed the lines of
     * {@code file} (copies in {@code dir}); the import must be rejected and write nothing.
     */
    private List<String> problemsWhenEdited(Path dir, String file, java.util.function.Consumer<List<String>> edit) throws IOException {
        for (Path demo : demoFiles()) {
            Files.copy(demo, dir.resolve(demo.getFileName()));
        }
        Path edited = dir.resolve(file);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(edited));
        edit.accept(lines);
        Files.write(edited, lines);
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.sorted().toList();
        }
        try {
            new MasterDataImport(driver, SALT).run(files);
        } catch (MasterDataRejectedException e) {
            assertThat(count("MATCH (n) WHERE NOT n:__Neo4jMigration RETURN count(n)")).as("nothing written").isZero();
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("the import of the edited " + file + " was not rejected");
    }

    @Test
    void aFileSetWithAnyProblemWritesNothingAndNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        int[] lastLine = new int[1];
        List<String> problems = problemsWhenEdited(dir, "products.csv", lines -> {
            lines.set(2, lines.get(2).replaceFirst("^(\\d{13})\\d", "$19")); // wrong check digit on line 3
            lines.add("09520011001052,no-such-brand,测试,Test");
            lastLine[0] = lines.size();
        });

        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith("products.csv:3: gtin: GTIN \"").contains("check digit"))
                .contains("products.csv:" + lastLine[0] + ": brand_id: brand \"no-such-brand\" is neither in these files nor in the graph");
    }

    @Test
    void aFileOfNoKnownKindIsNamed(@TempDir Path dir) throws IOException {
        Path odd = dir.resolve("households.csv");
        Files.writeString(odd, "who,where\nsomeone,somewhere\n");

        assertThatThrownBy(() -> new MasterDataImport(driver, SALT).run(List.of(odd)))
                .isInstanceOf(MasterDataRejectedException.class)
                .hasMessageStartingWith("households.csv:1: header [who, where] is not one of the master-data files");
    }

    @Test
    void referencesMayPointIntoTheGraphFromAnEarlierImport(@TempDir Path dir) throws IOException {
        new MasterDataImport(driver, SALT).run(List.of(DEMO.resolve("regions.csv"), DEMO.resolve("parties.csv"),
                DEMO.resolve("brands.csv")));
        Path products = dir.resolve("more-products.csv");
        Files.writeString(products, "gtin,brand_id,name_zh,name_en\n09520011001052,liancheng-dried-sweet-potato,连城地瓜干礼盒,Gift box\n");

        new MasterDataImport(driver, SALT).run(List.of(products));

        assertThat(count("MATCH (:Product {gtin: '09520011001052'})-[:OF_BRAND]->(:Brand) RETURN count(*)")).isEqualTo(1);
    }

    /** Demo master data plus {@code n} contributions of the demo households to lots LOAD0…, each of {@code gtin}. */
    private static List<Path> demoWithContributions(Path dir, int n, String gtin) throws IOException {
        for (Path file : demoFiles()) {
            Files.copy(file, dir.resolve(file.getFileName()));
        }
        StringBuilder more = new StringBuilder("household_id,gtin,lot,quantity,unit\n");
        for (int i = 0; i < n; i++) {
            more.append("LC-H0").append(1 + i % 4).append(',').append(gtin).append(",LOAD").append(i).append(",1.5,KGM\n");
        }
        Files.writeString(dir.resolve("more-contributions.csv"), more);
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void rowsBeyondOneWriteBatchAreAllWrittenFromTheValidatedFiles(@TempDir Path dir) throws IOException {
        int n = 2 * MasterDataImport.BATCH + 345;
        var written = new MasterDataImport(driver, SALT).run(demoWithContributions(dir, n, "09520011001014"));

        assertThat(written.get(MasterDataKind.CONTRIBUTIONS)).isEqualTo(72 + n);
        assertThat(count("MATCH (:Producer)-[c:CONTRIBUTED]->(b:Batch) WHERE b.lot STARTS WITH 'LOAD' RETURN count(c)"))
                .isEqualTo(n);
        // A region's parent may come after it in regions.csv: every village still lies in its township.
        assertThat(count("MATCH (v:Region {level: 'village'}) WHERE NOT (v)-[:PART_OF]->(:Region {level: 'township'}) RETURN count(v)"))
                .isZero();
    }

    @Test
    void aMissingKeyNamedByManyRowsIsOneProblemWithItsFirstLineAndCount(@TempDir Path dir) throws IOException {
        List<Path> files = demoWithContributions(dir, 1_500, "09520011009997");

        assertThatThrownBy(() -> new MasterDataImport(driver, SALT).run(files))
                .isInstanceOfSatisfying(MasterDataRejectedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly("more-contributions.csv:2: gtin: product \"09520011009997\" is neither in these files"
                                + " nor in the graph (first of 1500 cells naming it)"));
        assertThat(count("MATCH (n) WHERE NOT n:__Neo4jMigration RETURN count(n)")).isZero();
    }

    /** Two villages of the halal beef regions: Xiji (Ningxia) and Zhangjiachuan (Gansu). */
    private static Path villages(Path dir) throws IOException {
        return ExcelCsv.GBK.write(dir.resolve("regions.csv"), "code,level,name_zh,name_en",
                "640422100201,village,吉强镇龙王坝村,Longwangba village", "620525100201,village,张家川镇城关村,Chengguan village");
    }

    private List<String> householdsByVillage() {
        return driver.executableQuery("""
                MATCH (v:Region)<-[:LIVES_IN]-(:Producer)-[:IDENTIFIED_BY]->(i:ProducerIdentity)
                RETURN v.code + ' ' + v.nameZh + ' ' + i.name AS household ORDER BY household""").execute()
                .records().stream().map(r -> r.get("household").asString()).toList();
    }

    @Test
    void producersSavedByExcelAsGbkAndAsCsvUtf8GoIntoTheGraphWithTheirChineseNames(@TempDir Path dir) throws IOException {
        Path regions = villages(dir);
        Path ningxia = ExcelCsv.GBK.write(dir.resolve("producers-ningxia.csv"), ExcelCsv.PRODUCERS_HEADER,
                "NX-H01,张伟,13900000001,true,640422100201");
        Path gansu = ExcelCsv.UTF8_WITH_BOM.write(dir.resolve("producers-gansu.csv"), ExcelCsv.PRODUCERS_HEADER,
                "GS-H01,马明,13900000002,false,620525100201");

        MasterDataImport.Outcome outcome = new MasterDataImport(driver, SALT).importFiles(List.of(regions, ningxia, gansu));

        assertThat(outcome.rows()).containsEntry(MasterDataKind.PRODUCERS, 2).containsEntry(MasterDataKind.REGIONS, 2);
        assertThat(outcome.encodings()).extracting(Object::toString).containsExactly("GB18030 (GBK), as the file is not UTF-8",
                "GB18030 (GBK), as the file is not UTF-8", "UTF-8 with a byte-order mark");
        assertThat(householdsByVillage()).containsExactly("620525100201 张家川镇城关村 马明", "640422100201 吉强镇龙王坝村 张伟");
    }

    @Test
    void aRejectedGbkFileLeavesTheHouseholdsAlreadyInTheGraphAsTheyWere(@TempDir Path dir) throws IOException {
        Path regions = villages(dir);
        Path producers = ExcelCsv.GBK.write(dir.resolve("producers.csv"), ExcelCsv.PRODUCERS_HEADER,
                "NX-H01,张伟,13900000001,true,640422100201", "GS-H01,马明,13900000002,false,620525100201");
        new MasterDataImport(driver, SALT).run(List.of(regions, producers));
        Map<String, Long> before = census();
        ExcelCsv.GBK.write(producers, ExcelCsv.PRODUCERS_HEADER,
                "NX-H01,张卫,13900000001,true,640422100201", // a new spelling, in a file that is rejected
                "GS-H01,\"马明,13900000002,false,620525100201",
                "GS-H02,马兰,13900000004,false,620525100201");

        assertThatThrownBy(() -> new MasterDataImport(driver, SALT).run(List.of(regions, producers)))
                .isInstanceOfSatisfying(MasterDataRejectedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly("producers.csv:3: name: a quote opens this cell and is never closed: the rest of the file"
                                + " would be this one cell (a quote inside a quoted cell is written twice: \"\")"));

        assertThat(census()).isEqualTo(before);
        assertThat(householdsByVillage()).containsExactly("620525100201 张家川镇城关村 马明", "640422100201 吉强镇龙王坝村 张伟");
    }
}
