package org.terroir.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void parsesVersionDescriptionAndStatementsSkippingComments() {
        Migration m = Migration.parse("V007__brand_indexes.cypher", """
                // a comment; with a semicolon
                CREATE INDEX a IF NOT EXISTS FOR (n:Brand) ON (n.kind);

                CREATE INDEX b IF NOT EXISTS FOR (n:Brand) ON (n.nameEn);
                """);
        assertThat(m.version()).isEqualTo(7);
        assertThat(m.label()).isEqualTo("V007");
        assertThat(m.description()).isEqualTo("brand indexes");
        assertThat(m.statements()).containsExactly(
                "CREATE INDEX a IF NOT EXISTS FOR (n:Brand) ON (n.kind)",
                "CREATE INDEX b IF NOT EXISTS FOR (n:Brand) ON (n.nameEn)");
    }

    @Test
    void checksumChangesWithAnyEditOfTheFile() {
        Migration a = Migration.parse("V001__x.cypher", "CREATE INDEX a FOR (n:X) ON (n.y);");
        Migration b = Migration.parse("V001__x.cypher", "CREATE INDEX a FOR (n:X) ON (n.z);");
        assertThat(a.checksum()).hasSize(64).isNotEqualTo(b.checksum());
    }

    @Test
    void rejectsFileNameWithoutVersion() {
        assertThatThrownBy(() -> Migration.parse("natural_keys.cypher", "RETURN 1;"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("natural_keys.cypher")
                .hasMessageContaining("V<version>__<description>.cypher");
    }

    @Test
    void rejectsEmptyMigration() {
        assertThatThrownBy(() -> Migration.parse("V003__empty.cypher", "// nothing\n"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("holds no statement");
    }

    @Test
    void shippedMigrationsAreListedInIncreasingOrder() {
        List<Migration> shipped = Migrations.shipped().all();
        assertThat(shipped).isNotEmpty();
        assertThat(shipped).extracting(Migration::version).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void everyMigrationFileIsListedInTheIndex() throws IOException {
        Path folder = Path.of("src/main/resources/org/terroir/model/schema");
        List<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cypher")).sorted().toList();
        }
        assertThat(Migrations.shipped().all())
                .extracting(m -> "V%03d__%s.cypher".formatted(m.version(), m.description().replace(' ', '_')))
                .containsExactlyElementsOf(files);
    }
}
