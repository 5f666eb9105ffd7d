package org.terroir.trace.graphql;

import graphql.GraphQLContext;
import graphql.execution.AbortExecutionException;
import graphql.execution.conditional.ConditionalNodes;
import graphql.introspection.Introspection;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.Map;

/**
 * What an operation costs as it executes: its depth, its complexity and its aliased fields, with every
 * field counted at each place it is selected — a named fragment spread thirty times counts thirty
 * times, a fragment spreading another counts the other's fields at its own depth, inline fragments and
 * aliases alike. (graphql-java's document traversal visits a fragment once however often it is spread,
 * so limits built on it let fragment bombs through at the price of one.)
 *
 * <p>A fragment's cost is worked out once per operation and reused at every spread, so the walk is
 * as long as the document even when fragments spread each other into an exponential selection; sums
 * and products stop at {@link #CAP}. Fields left out by {@code @skip}/{@code @include} cost nothing,
 * with the request's variables. A list field counts {@code listFactor} times what it selects, plus one.
 *
 * @param depth the deepest field: a root field is 1 deep, a field it selects 2, and so on
 * @param complexity the sum over all fields of one plus what each selects (times the list factor for lists)
 * @param aliases the aliased fields
 */
record OperationCost(int depth, long complexity, long aliases) {

    /** Where sums and products stop: far beyond any limit, far below overflow. */
    static final long CAP = 1_000_000_000_000_000L;

    /** Fragment spreads nested deeper than this are refused outright (validation already forbids cycles). */
    static final int MAX_FRAGMENT_NESTING = 1_000;

    private static final OperationCost NOTHING = new OperationCost(0, 0, 0);

    /** The cost of {@code operation}, with {@code fragments} by name and the request's coerced {@code variables}. */
    static OperationCost of(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                            Map<String, Object> variables, GraphQLContext context, int listFactor) {
        GraphQLObjectType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        if (root == null) {
            return NOTHING;
        }
        return new Walk(schema, fragments, variables, context, listFactor).selections(operation.getSelectionSet(), root, 0);
    }

    /** One walk over an operation; keeps what each fragment costs. */
    private static final class Walk {
        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        private final GraphQLContext context;
        private final int listFactor;
        private final Map<String, OperationCost> fragmentCosts = new HashMap<>();
        private final ConditionalNodes conditions = new ConditionalNodes();

        Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
             GraphQLContext context, int listFactor) {
            this.schema = schema;
            this.fragments = fragments;
            this.variables = variables;
            this.context = context;
            this.listFactor = listFactor;
        }

        /** The cost of a selection set on {@code type}: depth the deepest, complexity and aliases summed. */
        OperationCost selections(SelectionSet set, GraphQLCompositeType type, int nesting) {
            if (set == null) {
                return NOTHING;
            }
            int depth = 0;
            long complexity = 0;
            long aliases = 0;
            for (Selection<?> selection : set.getSelections()) {
                OperationCost cost = switch (selection) {
                    case Field field -> included(field) ? field(field, type, nesting) : NOTHING;
                    case InlineFragment inline -> included(inline)
                            ? selections(inline.getSelectionSet(), inline.getTypeCondition() == null
                                    ? type : composite(inline.getTypeCondition().getName(), type), nesting)
                            : NOTHING;
                    case FragmentSpread spread -> included(spread) ? fragment(spread.getName(), nesting + 1) : NOTHING;
                    default -> NOTHING;
                };
                depth = Math.max(depth, cost.depth());
                complexity = add(complexity, cost.complexity());
                aliases = add(aliases, cost.aliases());
            }
            return new OperationCost(depth, complexity, aliases);
        }

        private OperationCost field(Field field, GraphQLCompositeType parent, int nesting) {
            GraphQLFieldDefinition definition = Introspection.getFieldDef(schema, parent, field.getName());
            GraphQLOutputType fieldType = definition == null ? null : definition.getType();
            GraphQLType unwrapped = fieldType == null ? null : GraphQLTypeUtil.unwrapAll(fieldType);
            OperationCost below = unwrapped instanceof GraphQLCompositeType composite
                    ? selections(field.getSelectionSet(), composite, nesting)
                    : NOTHING;
            boolean list = fieldType != null && GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(fieldType));
            long complexity = add(1, list ? multiply(listFactor, below.complexity()) : below.complexity());
            return new OperationCost(below.depth() + 1, complexity, add(below.aliases(), field.getAlias() == null ? 0 : 1));
        }

        private OperationCost fragment(String name, int nesting) {
            OperationCost known = fragmentCosts.get(name);
            if (known != null) {
                return known;
            }
            if (nesting > MAX_FRAGMENT_NESTING) {
                throw new AbortExecutionException("the query nests fragment spreads more than " + MAX_FRAGMENT_NESTING + " deep");
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null) {
                return NOTHING; // validation refuses an unknown fragment before execution
            }
            GraphQLCompositeType type = composite(definition.getTypeCondition().getName(), null);
            OperationCost cost = type == null ? NOTHING : selections(definition.getSelectionSet(), type, nesting);
            fragmentCosts.put(name, cost);
            return cost;
        }

        private GraphQLCompositeType composite(String typeName, GraphQLCompositeType otherwise) {
            return schema.getType(typeName) instanceof GraphQLCompositeType composite ? composite : otherwise;
        }

        private boolean included(graphql.language.DirectivesContainer<?> node) {
            return node.getDirectives().isEmpty() || conditions.shouldInclude(node, variables, schema, context);
        }
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long multiply(long factor, long value) {
        return value >= CAP / Math.max(1, factor) ? CAP : factor * value;
    }
}
