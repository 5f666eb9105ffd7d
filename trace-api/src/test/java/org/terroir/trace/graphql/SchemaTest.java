package org.terroir.trace.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.terroir.model.BrandKind;
import org.terroir.model.CertificationKind;
import org.terroir.model.LocationKind;
import org.terroir.model.PartyKind;
import org.terroir.model.RegionLevel;
import org.terroir.trace.provenance.Certification;

/** The schema documents every type, field, argument and enum value, and its enums are the model's. */
class SchemaTest {

    private static TypeDefinitionRegistry schema;

    @BeforeAll
    static void parse() throws IOException {
        try (var in = SchemaTest.class.getResourceAsStream("/graphql/schema.graphqls")) {
            assertThat(in).as("graphql/schema.graphqls on the class path").isNotNull();
            schema = new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    private static boolean documented(Description description) {
        return description != null && !description.getContent().isBlank();
    }

    @Test
    void everyTypeFieldArgumentAndEnumValueHasADescription() {
        List<String> undocumented = new ArrayList<>();
        for (TypeDefinition<?> type : schema.types().values()) {
            if (type instanceof ObjectTypeDefinition object) {
                if (!documented(object.getDescription())) {
                    undocumented.add(object.getName());
                }
                for (FieldDefinition field : object.getFieldDefinitions()) {
                    if (!documented(field.getDescription())) {
                        undocumented.add(object.getName() + "." + field.getName());
                    }
                    for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                        if (!documented(argument.getDescription())) {
                            undocumented.add(object.getName() + "." + field.getName() + "(" + argument.getName() + ")");
                        }
                    }
                }
            } else if (type instanceof EnumTypeDefinition enumType) {
                if (!documented(enumType.getDescription())) {
                    undocumented.add(enumType.getName());
                }
                for (EnumValueDefinition value : enumType.getEnumValueDefinitions()) {
                    if (!documented(value.getDescription())) {
                        undocumented.add(enumType.getName() + "." + value.getName());
                    }
                }
            } else if (type instanceof UnionTypeDefinition union) {
                if (!documented(union.getDescription())) {
                    undocumented.add(union.getName());
                }
            } else {
                undocumented.add(type.getName() + " (a kind of type this test does not check yet)");
            }
        }
        assertThat(schema.types()).containsKeys("Query", "BatchTrace", "ItemTrace", "Trace", "ProducerContribution", "Hop");
        assertThat(undocumented).isEmpty();
    }

    @Test
    void enumsHaveTheValuesOfTheJavaEnumsTheResolversReturn() {
        Map<String, Class<? extends Enum<?>>> javaEnums = Map.of(
                "BrandKind", BrandKind.class,
                "CertificationKind", CertificationKind.class,
                "CertificationSubject", Certification.Subject.class,
                "LocationKind", LocationKind.class,
                "PartyKind", PartyKind.class,
                "RegionLevel", RegionLevel.class);
        assertThat(schema.getTypes(EnumTypeDefinition.class)).extracting(EnumTypeDefinition::getName)
                .containsExactlyInAnyOrderElementsOf(javaEnums.keySet());
        javaEnums.forEach((name, java) -> assertThat(
                schema.getType(name, EnumTypeDefinition.class).orElseThrow().getEnumValueDefinitions())
                .as(name).extracting(EnumValueDefinition::getName)
                .containsExactlyElementsOf(Arrays.stream(java.getEnumConstants()).map(Enum::name).toList()));
    }

    @Test
    void aProducerHasNoPersonalField() {
        assertThat(schema.getType("ProducerContribution", ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions())
                .extracting(FieldDefinition::getName)
                .containsExactlyInAnyOrder("pseudonym", "registeredPoor", "quantity", "unit", "cooperative");
    }
}
