package org.terroir.trace.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import org.terroir.trace.neo4j.Bulkhead;

/**
 * Turns domain exceptions into GraphQL errors: an invalid argument is a {@code BAD_REQUEST} naming
 * the argument (extension {@code argument}); a field the caller may not read is {@code FORBIDDEN},
 * saying who may; a request refused for want of a permit at the graph is {@code INTERNAL_ERROR} naming the
 * limit (extension {@code limit}), to be tried again shortly. Anything else is left to Spring for GraphQL, which
 * answers {@code INTERNAL_ERROR} with no detail: no stack trace reaches a client.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidArgumentException invalid) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.BAD_REQUEST)
                    .message(invalid.getMessage())
                    .extensions(Map.of("argument", invalid.argument()))
                    .build();
        }
        if (ex instanceof graphql.execution.AbortExecutionException) {
            // The request was cancelled (over terroir.graphql.timeout, or the client went away): its
            // fetchers end with this; the answer, if any is still sent, is the timeout's own error.
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.INTERNAL_ERROR)
                    .message("the request was cancelled")
                    .build();
        }
        if (ex instanceof Bulkhead.BusyException busy) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.INTERNAL_ERROR)
                    .message(busy.getMessage())
                    .extensions(Map.of("limit", Bulkhead.BusyException.LIMIT))
                    .build();
        }
        if (ex instanceof UnavailableException unavailable) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.INTERNAL_ERROR)
                    .message(unavailable.getMessage())
                    .build();
        }
        if (ex instanceof NotFoundException notFound) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.NOT_FOUND)
                    .message(notFound.getMessage())
                    .build();
        }
        if (ex instanceof ForbiddenFieldException forbidden) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.FORBIDDEN)
                    .message(forbidden.getMessage())
                    .build();
        }
        return null;
    }
}
