package org.terroir.importer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Gln;
import org.terroir.model.id.Gtin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SyntheticDataTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void theSameNumberOfBatchesGivesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        new SyntheticData(2_345).write(a, done -> {});
        new SyntheticData(2_345).write(b, done -> {});

        List<Path> first = files(a);
        assertThat(first).extracting(p -> a.relativize(p).toString()).containsExactlyElementsOf(
                files(b).stream().map(p -> b.relativize(p).toString()).toList());
        for (Path file : first) {
            assertThat(Files.mismatch(file, b.resolve(a.relativize(file)))).as(file.toString()).isEqualTo(-1L);
        }
    }

    @Test
    void writesEveryEventOfEveryBatchWithValidIdentifiers(@TempDir Path out) throws IOException {
        new SyntheticData(12_001).write(out, done -> {});

        assertThat(out.resolve("epcis/batches-00002.jsonld")).exists();
        List<JsonNode> events = new ArrayList<>();
        for (Path file : files(out.resolve("epcis"))) {
            JsonNode doc = json.readTree(file.toFile());
            assertThat(doc.get("type").asString()).isEqualTo("EPCISDocument");
            doc.get("epcisBody").get("eventList").forEach(events::add);
        }
        assertThat(events).hasSize(12_001 * SyntheticData.EVENTS_PER_BATCH);
        Set<String> ids = new HashSet<>();
        for (JsonNode event : events.subList(0, 3_000)) {
            assertThat(ids.add(event.get("eventID").asString())).isTrue();
            EpcIdentifier.parse(event.get("readPoint").get("id").asString());
            event.path("epcList").forEach(epc -> EpcIdentifier.parse(epc.asString()));
            event.path("quantityList").forEach(q -> EpcIdentifier.parse(q.get("epcClass").asString()));
            if (event.has("parentID")) {
                EpcIdentifier.parse(event.get("parentID").asString());
            }
        }
    }

    @Test
    void masterDataUsesValidKeysAndTwoThousandBatchesPerCounty(@TempDir Path out) throws IOException {
        SyntheticData data = new SyntheticData(4_001);
        data.write(out, done -> {});

        assertThat(data.counties()).isEqualTo(3);
        List<String> products = Files.readAllLines(out.resolve("master-data/products.csv"));
        assertThat(products).hasSize(1 + 3 * 2);
        products.stream().skip(1).forEach(line -> Gtin.of(line.substring(0, line.indexOf(','))));
        Files.readAllLines(out.resolve("master-data/parties.csv")).stream().skip(1)
                .forEach(line -> Gln.of(line.substring(0, line.indexOf(','))));
        assertThat(Files.readAllLines(out.resolve("master-data/contributions.csv"))).hasSize(1 + 4_001 * 3);
    }

    @Test
    void refusesAnImpossibleSize() {
        assertThatThrownBy(() -> new SyntheticData(0)).hasMessageContaining("between 1 and 9,000,000");
    }
}
