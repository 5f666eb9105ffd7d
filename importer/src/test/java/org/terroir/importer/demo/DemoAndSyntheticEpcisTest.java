package org.terroir.importer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terroir.importer.epcis.EpcisValidator;
import org.terroir.importer.generate.SyntheticData;

/** The demo's EPCIS documents and the generator's output pass the importer's validation. */
class DemoAndSyntheticEpcisTest {

    private static List<Path> jsonld(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jsonld")).sorted().toList();
        }
    }

    @Test
    void everyDemoDocumentIsValidEpcis() throws IOException {
        List<Path> documents = jsonld(Path.of("..", "demo", "epcis"));
        assertThat(documents).hasSize(9);
        for (Path document : documents) {
            EpcisValidator.Validation validation = EpcisValidator.validate(document, 20);
            assertThat(validation.problems()).as(document.toString()).isEmpty();
            assertThat(validation.eventCount()).as(document.toString()).isGreaterThanOrEqualTo(39);
        }
    }

    @Test
    void generatedDocumentsAreValidEpcis(@TempDir Path out) throws IOException {
        new SyntheticData(1_500).write(out, done -> {});

        EpcisValidator.Validation validation = EpcisValidator.validate(out.resolve("epcis/batches-00001.jsonld"), 20);

        assertThat(validation.problems()).isEmpty();
        assertThat(validation.eventCount()).isEqualTo(1_500L * SyntheticData.EVENTS_PER_BATCH);
    }
}
