package org.terroir.trace.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The cost of operations against the API's own schema: every shape of fragment counts at each place
 * it is spread, checked against graphql-java's own traversal of the same selection written out
 * without named fragments (where that traversal counts right).
 */
class OperationCostTest {

    private static final String TRACE = "trace(gtin: \"09520011001021\", lot: \"LC2601\")";
    private static GraphQLSchema schema;

    @BeforeAll
    static void schema() throws IOException {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            try (InputStream in = file.getInputStream()) {
                types.merge(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
    }

    @Test
    void aFragmentSpreadThirtyTimesCostsThirtyTimesOnce() {
        String once = "{ " + TRACE + " { ...up } } fragment up on BatchTrace { inputs { producers { pseudonym } journey { id } key } }";
        String thirty = "{ " + TRACE + " { " + IntStream.range(0, 30).mapToObj(i -> "i" + i + ": inputs { ...up }")
                .collect(Collectors.joining(" ")) + " } } fragment up on BatchTrace { inputs { producers { pseudonym } journey { id } key } }";
        OperationCost one = cost(once);
        OperationCost many = cost(thirty);

        assertThat(many.complexity()).isGreaterThan(25 * one.complexity()).isEqualTo(expected(inline(thirty)).complexity());
        assertThat(many.aliases()).isEqualTo(30);
        assertThat(many).isEqualTo(expected(inline(thirty)));
    }

    @Test
    void aChainOfSixtyFragmentsIsSixtyLevelsDeep() {
        StringBuilder query = new StringBuilder("{ " + TRACE + " { ...f0 } }");
        for (int i = 0; i < 60; i++) {
            query.append(" fragment f").append(i).append(" on BatchTrace { key ")
                    .append(i < 59 ? "inputs { ...f" + (i + 1) + " } " : "").append("}");
        }
        OperationCost cost = cost(query.toString());

        assertThat(cost.depth()).isEqualTo(61).isEqualTo(expected(inline(query.toString())).depth());
        // 5^60 by the list factor: graphql-java's own int count overflows there; this one stops at the cap.
        assertThat(cost.complexity()).isEqualTo(OperationCost.CAP);
    }

    @Test
    void aliasesInsideASpreadFragmentCountAtEverySpread() {
        String query = "{ a: " + TRACE + " { ...names } b: " + TRACE + " { ...names } c: " + TRACE + " { ...names } }"
                + " fragment names on BatchTrace { x: key y: lot z: gtin }";

        assertThat(cost(query).aliases()).isEqualTo(3 + 3 * 3);
        assertThat(cost(query)).isEqualTo(expected(inline(query)));
    }

    @Test
    void inlineFragmentsAndFragmentsSpreadInsideThemCount() {
        String query = "{ " + TRACE + " { ... on BatchTrace { inputs { ... { ...deep } } } ... @include(if: true) { ...deep } } }"
                + " fragment deep on BatchTrace { inputs { inputs { key } } }";

        assertThat(cost(query).depth()).isEqualTo(5);
        assertThat(cost(query)).isEqualTo(expected(inline(query)));
    }

    @Test
    void aSkippedSpreadCostsNothingAndAVariableDecides() {
        String query = "query($deep: Boolean!) { " + TRACE + " { key ...deep @include(if: $deep) ...deep @skip(if: true) } }"
                + " fragment deep on BatchTrace { inputs { inputs { inputs { key } } } }";

        assertThat(cost(query, Map.of("deep", false)).depth()).isEqualTo(2);
        assertThat(cost(query, Map.of("deep", true)).depth()).isEqualTo(5);
        assertThat(cost(query, Map.of("deep", true)).complexity()).isEqualTo(1 + 1 + (1 + 5 * (1 + 5 * (1 + 5))));
    }

    @Test
    void fragmentsThatDoubleAtEachOfFortyLevelsAreCountedWithoutBeingWalkedOut() {
        StringBuilder query = new StringBuilder("{ " + TRACE + " { ...f0 } }");
        for (int i = 0; i < 40; i++) {
            query.append(" fragment f").append(i).append(" on BatchTrace { ")
                    .append(i < 39 ? "a: product { nameEn } ...f" + (i + 1) + " b: brand { ...g" + i + " } " : "key ")
                    .append("}");
            if (i < 39) {
                query.append(" fragment g").append(i).append(" on Brand { id }");
            }
        }
        OperationCost cost = cost(query.toString());

        assertThat(cost.aliases()).isEqualTo(2 * 39);
        assertThat(cost.depth()).isEqualTo(3);
        // 2^40 copies if written out; every spread counted, nothing walked twice.
        String doubling = "{ " + TRACE + " { ...d0 } }" + IntStream.range(0, 40).mapToObj(i -> " fragment d" + i
                + " on BatchTrace { " + (i < 39 ? "l: inputs { ...d" + (i + 1) + " } r: inputs { ...d" + (i + 1) + " }" : "key") + " }")
                .collect(Collectors.joining());
        OperationCost huge = cost(doubling);
        assertThat(huge.complexity()).isEqualTo(OperationCost.CAP);
        assertThat(huge.aliases()).isEqualTo((1L << 40) - 2);
        assertThat(huge.depth()).isEqualTo(41);
    }

    @Test
    void fragmentSpreadsNestedBeyondAThousandAreRefused() {
        StringBuilder query = new StringBuilder("{ " + TRACE + " { ...f0 } }");
        for (int i = 0; i <= OperationCost.MAX_FRAGMENT_NESTING + 1; i++) {
            query.append(" fragment f").append(i).append(" on BatchTrace { ")
                    .append(i <= OperationCost.MAX_FRAGMENT_NESTING ? "...f" + (i + 1) : "key").append(" }");
        }
        assertThatThrownBy(() -> cost(query.toString(), Map.of(), false)).isInstanceOf(AbortExecutionException.class)
                .hasMessageContaining("nests fragment spreads more than 1000 deep");
    }

    /**
     * A generated family: random acyclic graphs of fragments spreading each other (at their own level,
     * inside list and object fields, under aliases, some left out by {@code @include(if: false)}),
     * each costed as written and compared with graphql-java's traversal of the same selection with
     * every spread replaced by its fragment's selection.
     */
    @Test
    void everyGeneratedFragmentGraphCostsWhatItsWrittenOutSelectionCosts() {
        Random random = new Random(20261207);
        int compared = 0;
        for (int graph = 0; graph < 300; graph++) {
            String query = FragmentGraph.random(random).withFragments();
            String inlined = inline(query);
            if (inlined.length() > 200_000) {
                continue;
            }
            assertThat(cost(query)).as(query).isEqualTo(expected(inlined));
            compared++;
        }
        assertThat(compared).isGreaterThan(250);
    }

    /** A random acyclic graph of fragments on BatchTrace: fragment i spreads only fragments after it. */
    private record FragmentGraph(List<List<String>> bodies) {

        static FragmentGraph random(Random random) {
            int count = 1 + random.nextInt(7);
            List<List<String>> bodies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<String> parts = new ArrayList<>();
                int size = 1 + random.nextInt(4);
                for (int p = 0; p < size; p++) {
                    String spread = i + 1 < count ? "...f" + (i + 1 + random.nextInt(count - i - 1)) : "key";
                    String part = switch (random.nextInt(8)) {
                        case 0 -> "key";
                        case 1 -> "k" + p + ": lot";
                        case 2 -> "product { nameEn }";
                        case 3 -> "inputs { key " + spread + " }";
                        case 4 -> "a" + p + ": inputs { " + spread + " }";
                        case 5 -> "producers { pseudonym }";
                        case 6 -> spread.startsWith("...") ? spread + " @include(if: false)" : "journey { id }";
                        default -> spread;
                    };
                    parts.add(part);
                }
                bodies.add(parts);
            }
            // Every fragment spread somewhere (an unused fragment is invalid): by one before it, where none is.
            for (int j = 1; j < count; j++) {
                String spread = "...f" + j;
                String spreadAnywhere = ".*\\.\\.\\.f" + j + "(\\D.*)?";
                if (bodies.stream().flatMap(List::stream).noneMatch(part -> part.matches(spreadAnywhere))) {
                    bodies.get(random.nextInt(j)).add(spread);
                }
            }
            return new FragmentGraph(bodies);
        }

        String withFragments() {
            StringBuilder query = new StringBuilder("{ " + TRACE + " { ...f0 } }");
            for (int i = 0; i < bodies.size(); i++) {
                query.append(" fragment f").append(i).append(" on BatchTrace { ")
                        .append(String.join(" ", bodies.get(i))).append(" }");
            }
            return query.toString();
        }

    }

    /**
     * The operation of {@code query} with every fragment spread replaced by an inline fragment of the
     * fragment's selection (its directives kept), printed: graphql-java's traversal counts that right.
     */
    private static String inline(String query) {
        Document document = parse(query);
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).getFirst();
        return AstPrinter.printAst(operation.transform(b -> b.selectionSet(inline(operation.getSelectionSet(), fragments))));
    }

    private static SelectionSet inline(SelectionSet set, Map<String, FragmentDefinition> fragments) {
        if (set == null) {
            return null;
        }
        List<Selection> written = new ArrayList<>();
        for (Selection<?> selection : set.getSelections()) {
            written.add(switch (selection) {
                case Field field -> field.transform(b -> b.selectionSet(inline(field.getSelectionSet(), fragments)));
                case InlineFragment fragment -> fragment.transform(b -> b.selectionSet(inline(fragment.getSelectionSet(), fragments)));
                case FragmentSpread spread -> InlineFragment.newInlineFragment()
                        .typeCondition(fragments.get(spread.getName()).getTypeCondition())
                        .directives(spread.getDirectives())
                        .selectionSet(inline(fragments.get(spread.getName()).getSelectionSet(), fragments)).build();
                default -> throw new IllegalArgumentException("unknown selection " + selection);
            });
        }
        return SelectionSet.newSelectionSet(written).build();
    }

    private static Document parse(String query) {
        return new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                .parserOptions(ParserOptions.newParserOptions().maxTokens(Integer.MAX_VALUE)
                        .maxWhitespaceTokens(Integer.MAX_VALUE).maxRuleDepth(Integer.MAX_VALUE).build()).build());
    }

    private static OperationCost cost(String query) {
        return cost(query, Map.of());
    }

    private static OperationCost cost(String query, Map<String, Object> variables) {
        return cost(query, variables, true);
    }

    private static OperationCost cost(String query, Map<String, Object> variables, boolean validate) {
        Document document = parse(query);
        if (validate) {
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ROOT);
            assertThat(errors).as(query).isEmpty();
        }
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).getFirst();
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
        return OperationCost.of(schema, operation, fragments, variables, GraphQLContext.getDefault(), QueryLimits.LIST_FACTOR);
    }

    /** graphql-java's own depth, complexity and alias count of a document without named fragments. */
    private static OperationCost expected(String query) {
        Document document = parse(query);
        assertThat(document.getDefinitionsOfType(FragmentDefinition.class)).isEmpty();
        QueryTraverser traverser = QueryTraverser.newQueryTraverser().schema(schema).document(document)
                .coercedVariables(CoercedVariables.emptyVariables()).build();
        int depth = traverser.reducePreOrder((field, deepest) -> Math.max(length(field), deepest), 0);
        int complexity = QueryComplexityCalculator.newCalculator().schema(schema).document(document)
                .variables(CoercedVariables.emptyVariables())
                .fieldComplexityCalculator((environment, child) -> 1 + (GraphQLTypeUtil.isList(
                        GraphQLTypeUtil.unwrapNonNull(environment.getFieldDefinition().getType()))
                        ? QueryLimits.LIST_FACTOR * child : child))
                .build().calculate();
        long aliases = traverser.reducePreOrder((field, count) -> count + (field.getField().getAlias() == null ? 0 : 1), 0);
        return new OperationCost(depth, complexity, aliases);
    }

    private static int length(QueryVisitorFieldEnvironment field) {
        int length = 0;
        for (QueryVisitorFieldEnvironment at = field; at != null; at = at.getParentEnvironment()) {
            length++;
        }
        return length;
    }
}
