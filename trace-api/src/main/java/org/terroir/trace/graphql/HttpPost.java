package org.terroir.trace.graphql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /graphql}, checked before Spring for GraphQL's handler reads it, so that every request
 * it cannot run gets a GraphQL error naming the problem rather than an empty 200, a bare 400 or a
 * parser's internal names: the body must be one JSON object (a batched array is refused) of at most
 * {@code terroir.graphql.max-body} bytes (413 above), sent as {@code application/json}, with a
 * non-blank {@code query} string (there are no persisted queries), an {@code operationName} string
 * if any, and {@code variables} and {@code extensions} objects if any. Other methods than GET and
 * POST get 405 with {@code Allow: GET, POST}.
 */
@Configuration(proxyBeanMethods = false)
class HttpPost {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    private static final Set<HttpMethod> ANSWERED = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** Before Spring for GraphQL's route of {@code /graphql}, as {@link HttpGet}. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlPost(GraphQlHttpHandler handler, GraphQlLimits limits) {
        int limit = (int) Math.min(Integer.MAX_VALUE, limits.maxBody().toBytes());
        return RouterFunctions.route()
                .POST("/graphql", request -> handle(request, handler, limit))
                .route(RequestPredicates.path("/graphql").and(request -> !ANSWERED.contains(request.method())),
                        HttpPost::methodNotAllowed)
                .build();
    }

    private static Mono<ServerResponse> methodNotAllowed(ServerRequest request) {
        return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).allow(HttpMethod.GET, HttpMethod.POST)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(errors("the method " + request.method().name() + " is not allowed on /graphql: send a query with"
                        + " GET or POST, a mutation with POST", HttpStatus.METHOD_NOT_ALLOWED.name()));
    }

    private static Mono<ServerResponse> handle(ServerRequest request, GraphQlHttpHandler handler, int limit) {
        MediaType type;
        try {
            type = request.headers().contentType().orElse(null);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return refuse(request, HttpStatus.BAD_REQUEST, "the Content-Type is not a media type: send application/json");
        }
        if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON) || "json".equals(type.getSubtypeSuffix()))) {
            return refuse(request, HttpStatus.BAD_REQUEST, "the request body must be a JSON object sent as Content-Type"
                    + " application/json (got " + (type == null ? "no Content-Type" : type.getType() + "/" + type.getSubtype())
                    + "), e.g. {\"query\": \"{ trace(gtin: …, lot: …) { key } }\"}");
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), limit)
                .map(HttpPost::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    String problem = problem(body);
                    if (problem != null) {
                        return refuse(request, HttpStatus.BAD_REQUEST, problem);
                    }
                    return handler.handleRequest(ServerRequest.from(request)
                            .body(new String(body, StandardCharsets.UTF_8)).build());
                })
                .onErrorResume(DataBufferLimitException.class, e -> refuse(request, HttpStatus.CONTENT_TOO_LARGE,
                        "the request body is larger than the limit of " + limit + " bytes (terroir.graphql.max-body)"));
    }

    /** What is wrong with the body, or null when it is a request the handler can run. */
    static String problem(byte[] body) {
        if (body.length == 0) {
            return "the request body is empty: send a JSON object with a 'query', e.g. {\"query\": \"{ __typename }\"}";
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JacksonException e) {
            return "the request body is not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (request.isArray()) {
            return "batched requests (a JSON array) are not supported: send one JSON object, one operation, per request";
        }
        if (!request.isObject()) {
            return "the request body must be a JSON object with a 'query', got a JSON " + request.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
        JsonNode query = request.get("query");
        if (query == null || query.isNull()) {
            return "the request has no 'query': a GraphQL document is required (this API keeps no persisted queries)";
        }
        if (!query.isString() || query.asString().isBlank()) {
            return "'query' must be a GraphQL document in a non-blank string";
        }
        JsonNode operationName = request.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isString()) {
            return "'operationName' must be a string or null";
        }
        for (String name : List.of("variables", "extensions")) {
            JsonNode value = request.get(name);
            if (value != null && !value.isNull() && !value.isObject()) {
                return "'" + name + "' must be a JSON object or null";
            }
        }
        return null; // other members are ignored, as GraphQL over HTTP lets clients add their own
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** A GraphQL error response, in the media type the client accepts. */
    private static Mono<ServerResponse> refuse(ServerRequest request, HttpStatus status, String message) {
        boolean graphQlResponse = request.headers().accept().stream().anyMatch(GRAPHQL_RESPONSE::isCompatibleWith);
        return ServerResponse.status(status).contentType(graphQlResponse ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON)
                .bodyValue(errors(message, status.name()));
    }

    private static Map<String, Object> errors(String message, String classification) {
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("classification", classification))));
    }
}
