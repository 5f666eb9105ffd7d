package org.terroir.trace.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /graphql?query=…&variables=…&operationName=…}, as the GraphQL-over-HTTP specification
 * allows for queries (so that a proxy or a browser may cache them): the parameters become the same
 * request a POST would send, answered by the same handler, with the same media types and status
 * codes. A mutation is refused with 405 and {@code Allow: POST}; a missing {@code query}, or
 * {@code variables} that are not a JSON object, with 400 naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class HttpGet {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Before Spring for GraphQL's route of {@code /graphql}, which answers every method but POST with 405. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGet(GraphQlHttpHandler handler) {
        return RouterFunctions.route().GET("/graphql", request -> handle(request, handler)).build();
    }

    private static Mono<ServerResponse> handle(ServerRequest request, GraphQlHttpHandler handler) {
        String query = request.queryParam("query").orElse(null);
        if (query == null || query.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "parameter 'query' is missing: GET /graphql?query={…}");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        try {
            for (String name : List.of("variables", "extensions")) {
                String value = request.queryParam(name).orElse(null);
                if (value != null && !value.isBlank()) {
                    Object parsed = JSON.readValue(value, Object.class);
                    if (!(parsed instanceof Map)) {
                        return problem(HttpStatus.BAD_REQUEST, "parameter '" + name + "' must be a JSON object");
                    }
                    body.put(name, parsed);
                }
            }
        } catch (JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, "parameter 'variables' or 'extensions' is not JSON: " + e.getOriginalMessage());
        }
        String operationName = request.queryParam("operationName").filter(s -> !s.isBlank()).orElse(null);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        if (isMutation(query, operationName)) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).allow(HttpMethod.POST)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyValue(Map.of("status", 405, "title", "Method Not Allowed",
                            "detail", "a mutation is sent with POST, never GET"));
        }
        ServerRequest asPost = ServerRequest.from(request)
                .method(HttpMethod.POST)
                .headers(headers -> headers.setContentType(MediaType.APPLICATION_JSON))
                .body(JSON.writeValueAsString(body))
                .build();
        return handler.handleRequest(asPost);
    }

    /** Whether the operation the request would run is a mutation; a document that does not parse is left to the handler. */
    private static boolean isMutation(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.equals(op.getName()))
                .anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION);
    }

    private static Mono<ServerResponse> problem(HttpStatus status, String detail) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
