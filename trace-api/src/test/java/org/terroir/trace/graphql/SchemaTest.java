package org.terroir.trace.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
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
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.terroir.model.BrandKind;
import org.terroir.model.CertificationKind;
import org.terroir.model.LocationKind;
import org.terroir.model.PartyKind;
import org.terroir.model.RegionLevel;
import org.terroir.trace.trace.Certification;
import org.terroir.trace.trace.ProducerContributionFields;

/** The schema documents every type, field, argument and enum value, and its enums are the model's. */
class SchemaTest {

    private static TypeDefinitionRegistry schema;

    /** Every schema file Spring for GraphQL loads ({@code graphql/**}{@code /*.graphqls}), merged as it merges them. */
    @BeforeAll
    static void parse() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls");
        assertThat(files).extracting(Resource::getFilename).contains("schema.graphqls");
        schema = new TypeDefinitionRegistry();
        for (Resource file : files) {
            try (var in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                schema.merge(new SchemaParser().parse(in));
            }
        }
    }

    /** The types with the fields of their extensions ({@code extend type Query {…}} in other files). */
    private static List<FieldDefinition> fields(ObjectTypeDefinition type) {
        List<FieldDefinition> fields = new ArrayList<>(type.getFieldDefinitions());
        schema.objectTypeExtensions().getOrDefault(type.getName(), List.of())
                .forEach(extension -> fields.addAll(extension.getFieldDefinitions()));
        return fields;
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
                for (FieldDefinition field : fields(object)) {
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
            } else if (type instanceof InputObjectTypeDefinition input) {
                if (!documented(input.getDescription())) {
                    undocumented.add(input.getName());
                }
                for (InputValueDefinition field : input.getInputValueDefinitions()) {
                    if (!documented(field.getDescription())) {
                        undocumented.add(input.getName() + "." + field.getName());
                    }
                }
            } else if (type instanceof InterfaceTypeDefinition face) {
                if (!documented(face.getDescription())) {
                    undocumented.add(face.getName());
                }
                for (FieldDefinition field : face.getFieldDefinitions()) {
                    if (!documented(field.getDescription())) {
                        undocumented.add(face.getName() + "." + field.getName());
                    }
                }
            } else if (type instanceof ScalarTypeDefinition scalar) {
                if (!documented(scalar.getDescription())) {
                    undocumented.add(scalar.getName());
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
        Map<String, Class<? extends Enum<?>>> javaEnums = Map.ofEntries(
                Map.entry("BrandKind", BrandKind.class),
                Map.entry("CertificationKind", CertificationKind.class),
                Map.entry("CertificationSubject", Certification.Subject.class),
                Map.entry("LocationKind", LocationKind.class),
                Map.entry("PartyKind", PartyKind.class),
                Map.entry("RegionLevel", RegionLevel.class),
                Map.entry("LabelProblem", org.terroir.labels.Verdict.Reason.class),
                Map.entry("EventType", org.terroir.model.EventType.class),
                Map.entry("EventAction", org.terroir.model.EventAction.class),
                Map.entry("ObjectRole", org.terroir.trace.events.RecordedEvent.ObjectRole.class),
                Map.entry("ObjectKind", org.terroir.trace.events.RecordedEvent.ObjectKind.class),
                Map.entry("ScanVerdict", org.terroir.trace.scans.Scans.Verdict.class),
                Map.entry("SuspicionKind", org.terroir.trace.scans.ScanFlags.Kind.class));
        assertThat(schema.getTypes(EnumTypeDefinition.class)).extracting(EnumTypeDefinition::getName)
                .containsExactlyInAnyOrderElementsOf(javaEnums.keySet());
        javaEnums.forEach((name, java) -> assertThat(
                schema.getType(name, EnumTypeDefinition.class).orElseThrow().getEnumValueDefinitions())
                .as(name).extracting(EnumValueDefinition::getName)
                .containsExactlyElementsOf(Arrays.stream(java.getEnumConstants()).map(Enum::name).toList()));
    }

    @Test
    void personalDataIsReachedOnlyThroughTheGuardedFieldsOfAContributionOrAProducer() {
        assertThat(schema.getType("ProducerContribution", ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions())
                .extracting(FieldDefinition::getName)
                .containsExactlyInAnyOrder("pseudonym", "registeredPoor", "identity", "quantity", "unit", "cooperative");
        assertThat(schema.getType("Producer", ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions())
                .extracting(FieldDefinition::getName)
                .containsExactlyInAnyOrder("pseudonym", "registeredPoor", "identity", "village", "cooperatives", "brands");
        // No other field of any type returns the personal data.
        List<String> toIdentity = new ArrayList<>();
        for (ObjectTypeDefinition type : schema.getTypes(ObjectTypeDefinition.class)) {
            for (FieldDefinition field : type.getFieldDefinitions()) {
                if (graphql.schema.idl.TypeUtil.unwrapAll(field.getType()).getName().equals("ProducerIdentity")) {
                    toIdentity.add(type.getName() + "." + field.getName());
                }
            }
        }
        assertThat(toIdentity).containsExactlyInAnyOrder("ProducerContribution.identity", "Producer.identity");
        // Both personal fields are resolved by the controller that checks the caller, not by a property of the record.
        assertThat(Arrays.stream(ProducerContributionFields.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(org.springframework.graphql.data.method.annotation.SchemaMapping.class))
                .map(java.lang.reflect.Method::getName))
                .containsExactlyInAnyOrder("identity", "registeredPoor", "producerIdentity", "producerRegisteredPoor");
    }
}
