package org.terroir.trace.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.VariableReference;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits that refuse an abusive query before it runs (no statement reaches Neo4j), each with an
 * error saying which limit and by how much: the depth of the selection, its complexity (list fields
 * count {@value #LIST_FACTOR} times what they select, so that nested {@code inputs}, {@code producers}
 * and {@code journey} add up as the rows they may fetch), and the number of aliases; checked in that
 * order, the first one exceeded refuses. All three count a field at every place it is selected,
 * through fragments however they are spread ({@link OperationCost}).
 *
 * <p>The verdict on an operation of a parsed document is kept (beside the {@link DocumentCache}, as
 * many), so that a client's query sent again with other variables, or a bomb sent in a loop, is not
 * walked again: walking the selection three times was a tenth of what the server allocated per trace.
 * A document where {@code @skip} or {@code @include} takes a variable selects differently with other
 * values; its operations are checked at every execution.
 */
@Configuration(proxyBeanMethods = false)
public class QueryLimits {

    /** How many times a list field counts what it selects. */
    static final int LIST_FACTOR = 5;

    @Bean
    OperationLimits operationLimits(GraphQlLimits limits, Budgets budgets) {
        return new OperationLimits(limits.maxDepth(), limits.maxComplexity(), limits.maxAliases(), limits.documentCache(), budgets);
    }

    /** Checks each operation against the three limits before it executes; see {@link QueryLimits}. */
    static final class OperationLimits extends SimplePerformantInstrumentation {
        private final int maxDepth;
        private final int maxComplexity;
        private final int maxAliases;
        private final Cache<Operation, Verdict> verdicts;
        private final Budgets budgets;

        OperationLimits(int maxDepth, int maxComplexity, int maxAliases, int kept, Budgets budgets) {
            this.budgets = budgets;
            this.maxDepth = maxDepth;
            this.maxComplexity = maxComplexity;
            this.maxAliases = maxAliases;
            this.verdicts = Caffeine.newBuilder().maximumSize(kept).build();
        }

        @Override
        public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            ExecutionContext context = parameters.getExecutionContext();
            Operation operation = new Operation(context.getDocument(), context.getExecutionInput().getOperationName());
            Verdict verdict = verdicts.getIfPresent(operation);
            if (verdict == null) {
                verdict = verdict(context, selectsByVariable(context.getDocument()));
                verdicts.put(operation, verdict);
            } else if (verdict.variableSelection()) {
                verdict = verdict(context, true);
            }
            if (verdict.refusal() != null) {
                throw new AbortExecutionException(verdict.refusal());
            }
            budgets.take(context.getGraphQLContext(), verdict.complexity()).ifPresent(refused -> {
                throw new AbortExecutionException(List.of(refused));
            });
            return SimpleInstrumentationContext.noOp();
        }

        private Verdict verdict(ExecutionContext context, boolean variableSelection) {
            OperationCost cost = OperationCost.of(context.getGraphQLSchema(), context.getOperationDefinition(),
                    context.getFragmentsByName(), context.getCoercedVariables().toMap(), context.getGraphQLContext(), LIST_FACTOR);
            return new Verdict(variableSelection, refusal(cost), cost.complexity());
        }

        /** Why the operation is refused, or null when it is within every limit. */
        private String refusal(OperationCost cost) {
            if (cost.depth() > maxDepth) {
                return "query depth " + cost.depth() + " exceeds the limit " + maxDepth + " (terroir.graphql.max-depth)";
            }
            if (cost.complexity() > maxComplexity) {
                return "query complexity " + count(cost.complexity()) + " exceeds the limit " + maxComplexity
                        + " (terroir.graphql.max-complexity; a list field counts " + LIST_FACTOR + " times what it selects,"
                        + " a fragment at every place it is spread)";
            }
            if (cost.aliases() > maxAliases) {
                return "the query has " + count(cost.aliases()) + " aliased fields, more than the limit " + maxAliases
                        + " (terroir.graphql.max-aliases)";
            }
            return null;
        }

        private static String count(long value) {
            return value >= OperationCost.CAP ? "over " + OperationCost.CAP : Long.toString(value);
        }

        /** Whether an {@code @skip} or {@code @include} of the document takes a variable (what it selects then depends on the values). */
        private static boolean selectsByVariable(Document document) {
            boolean[] found = {false};
            new NodeTraverser().preOrder(new NodeVisitorStub() {
                @Override
                public TraversalControl visitDirective(Directive directive, TraverserContext<Node> context) {
                    if ((directive.getName().equals("skip") || directive.getName().equals("include"))
                            && directive.getArguments().stream().anyMatch(a -> a.getValue() instanceof VariableReference)) {
                        found[0] = true;
                        return TraversalControl.QUIT;
                    }
                    return TraversalControl.CONTINUE;
                }
            }, document);
            return found[0];
        }
    }

    /** An operation of a parsed document: the document by identity (the {@link DocumentCache} hands out the same one for the same text). */
    private record Operation(Document document, String name) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Operation that && that.document == document && Objects.equals(that.name, name);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(document) + Objects.hashCode(name);
        }
    }

    /** What the limits said of an operation, what it costs, and whether that may change with its variables. */
    private record Verdict(boolean variableSelection, String refusal, long complexity) {}
}
