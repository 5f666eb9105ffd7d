package org.terroir.trace.limits;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits that refuse an abusive query before it runs (no statement reaches Neo4j), each with an
 * error saying which limit and by how much: the depth of the selection, its complexity (list fields
 * count {@value #LIST_FACTOR} times what they select, so that nested {@code inputs}, {@code producers}
 * and {@code journey} add up as the rows they may fetch), and the number of aliases.
 */
@Configuration(proxyBeanMethods = false)
public class QueryLimits {

    /** How many times a list field counts what it selects. */
    static final int LIST_FACTOR = 5;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(@Value("${terroir.graphql.max-depth:12}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int max) {
                return new AbortExecutionException("query depth " + depth + " exceeds the limit " + max
                        + " (terroir.graphql.max-depth)");
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(@Value("${terroir.graphql.max-complexity:2000}") int maxComplexity) {
        FieldComplexityCalculator lists = (environment, childComplexity) ->
                1 + (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(environment.getFieldDefinition().getType()))
                        ? LIST_FACTOR * childComplexity : childComplexity);
        return new MaxQueryComplexityInstrumentation(maxComplexity, lists) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int max) {
                return new AbortExecutionException("query complexity " + complexity + " exceeds the limit " + max
                        + " (terroir.graphql.max-complexity; a list field counts " + LIST_FACTOR + " times what it selects)");
            }
        };
    }

    @Bean
    MaxAliases maxAliases(@Value("${terroir.graphql.max-aliases:30}") int maxAliases) {
        return new MaxAliases(maxAliases);
    }

    /** Refuses an operation with more aliased fields than the limit (alias bombs repeat one costly field). */
    static final class MaxAliases extends SimplePerformantInstrumentation {
        private final int max;

        MaxAliases(int max) {
            this.max = max;
        }

        @Override
        public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            AtomicInteger aliases = new AtomicInteger();
            new NodeTraverser().preOrder(new NodeVisitorStub() {
                @Override
                public TraversalControl visitField(Field field, TraverserContext<Node> context) {
                    if (field.getAlias() != null) {
                        aliases.incrementAndGet();
                    }
                    return TraversalControl.CONTINUE;
                }
            }, parameters.getExecutionContext().getDocument());
            if (aliases.get() > max) {
                throw new AbortExecutionException("the query has " + aliases.get() + " aliased fields, more than the limit "
                        + max + " (terroir.graphql.max-aliases)");
            }
            return SimpleInstrumentationContext.noOp();
        }
    }
}
