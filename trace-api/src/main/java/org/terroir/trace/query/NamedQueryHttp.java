package org.terroir.trace.query;

import static org.terroir.trace.epcis.EpcisAnswers.problem;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.terroir.trace.access.Caller;
import org.terroir.trace.epcis.EpcisAnswers;
import org.terroir.trace.neo4j.GraphReader;
import org.terroir.trace.neo4j.GraphWriter;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The binding's named queries: {@code POST /queries} names an EPCIS query ({@link NamedQuery}),
 * {@code GET /queries} lists the caller's (a regulator's: all), {@code GET} and {@code DELETE
 * /queries/{queryName}}, and {@code GET /queries/{queryName}/events} runs it as {@code GET /events}
 * runs a query, with the view of the caller. A query is its maker's ({@link Caller#identity}) and regulators';
 * to anyone else it is not there.
 */
@Component
record NamedQueryHttp(QueryHttp queries, GraphReader reader, GraphWriter writer) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code POST /queries}: names a query; 201 with its place, 409 when the name is taken. */
    Mono<ServerResponse> create(ServerRequest request) {
        return Caller.current().flatMap(caller -> {
            Mono<ServerResponse> refused = QueryHttp.refusal(request, caller);
            if (refused != null) {
                return refused;
            }
            MediaType type = request.headers().contentType().orElse(null);
            if (type == null || !(MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                    || MediaType.parseMediaType("application/ld+json").equalsTypeAndSubtype(type))) {
                return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "epcisException:UnsupportedMediaTypeException",
                        "Unsupported Media Type", "Content-Type: a named query is application/json");
            }
            return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
                NamedQuery named;
                try {
                    named = NamedQuery.of(body.length == 0 ? null : JSON.readTree(body));
                } catch (JacksonException e) {
                    return invalid("body: not JSON (" + e.getOriginalMessage() + ")");
                } catch (EventQuery.QueryParameterException e) {
                    return invalid(e.getMessage());
                }
                Map<String, Object> parameters = new HashMap<>();
                parameters.put("name", named.name());
                parameters.put("query", NamedQuery.stored(named.query()));
                parameters.put("createdAt", Instant.now().toString());
                parameters.put("owner", caller.identity());
                parameters.put("role", caller.role().name().toLowerCase(Locale.ROOT));
                parameters.put("subject", caller.subject().orElse(null));
                parameters.put("parties", caller.parties().stream().sorted().toList());
                return writer.write(QueryStatements.NAMED_CREATE, parameters).next()
                        .flatMap(row -> row.get("created").asBoolean()
                                ? ServerResponse.created(URI.create("/queries/" + named.name())).headers(EpcisAnswers::versions).build()
                                : problem(HttpStatus.CONFLICT, "epcisException:ResourceAlreadyExistsException",
                                        "A resource with the provided identifier already exists.", "a query named " + named.name()
                                                + " exists already"));
            }).onErrorResume(DataBufferLimitException.class, e -> invalid("body: larger than a query needs"));
        });
    }

    /** {@code GET /queries}: the caller's named queries (a regulator's: all), in name order, a page at a time. */
    Mono<ServerResponse> list(ServerRequest request) {
        return Caller.current().flatMap(caller -> {
            Mono<ServerResponse> refused = QueryHttp.refusal(request, caller);
            if (refused != null) {
                return refused;
            }
            Map<String, List<String>> list = Map.of("resource", List.of("queries"));
            int perPage;
            PageToken after = null;
            try {
                perPage = queries.perPage(request.queryParams().get("perPage"));
                List<String> token = request.queryParams().get("nextPageToken");
                if (token != null) {
                    after = QueryHttp.token(token);
                    if (!after.query().equals(list) || after.time() != null) {
                        throw new EventQuery.QueryParameterException("nextPageToken", "continues another list");
                    }
                }
            } catch (EventQuery.QueryParameterException e) {
                return invalid(e.getMessage());
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("after", after == null ? "" : after.id());
            parameters.put("owner", caller.isRegulator() ? null : caller.identity());
            parameters.put("limit", perPage + 1);
            return reader.read(QueryStatements.NAMED_LIST, parameters)
                    .map(row -> NamedQuery.stored(row.get("name").asString(), row.get("query").asString())).collectList()
                    .flatMap(found -> {
                        boolean more = found.size() > perPage;
                        List<NamedQuery> page = more ? found.subList(0, perPage) : found;
                        ServerResponse.BodyBuilder ok = ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .headers(EpcisAnswers::versions);
                        if (more) {
                            QueryHttp.next(request, ok, perPage, new PageToken(new TreeMap<>(list), null, page.getLast().name()));
                        }
                        ArrayNode body = JsonNodeFactory.instance.arrayNode();
                        page.forEach(q -> body.add(q.json()));
                        return ok.bodyValue(JSON.writeValueAsBytes(body));
                    });
        });
    }

    /** {@code GET /queries/{queryName}}: the query, to its maker and regulators. */
    Mono<ServerResponse> get(ServerRequest request) {
        return named(request, false, query -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .headers(EpcisAnswers::versions).bodyValue(JSON.writeValueAsBytes(query.json())));
    }

    /** {@code GET /queries/{queryName}/events}: the events of the query that the caller may see, as {@code GET /events}. */
    Mono<ServerResponse> events(ServerRequest request) {
        return named(request, true, query -> queries.events(request, query.query()));
    }

    /** {@code DELETE /queries/{queryName}}: gone, for its maker or a regulator. */
    Mono<ServerResponse> delete(ServerRequest request) {
        String name = request.pathVariable("queryName");
        return Caller.current().flatMap(caller -> {
            Mono<ServerResponse> refused = QueryHttp.refusal(request, caller);
            if (refused != null) {
                return refused;
            }
            return writer.write(QueryStatements.NAMED_DELETE, whose(name, caller)).next()
                    .flatMap(row -> row.get("deleted").asBoolean()
                            ? ServerResponse.noContent().headers(EpcisAnswers::versions).build() : notFound(name));
        });
    }

    /** The parameters that find the query {@code name} if {@code caller} may have it (its maker's, or any for a regulator). */
    private static Map<String, Object> whose(String name, Caller caller) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("name", name);
        parameters.put("owner", caller.isRegulator() ? null : caller.identity());
        return parameters;
    }

    /** {@code answer} to the named query of the path, if the caller may have it; else 404. */
    private Mono<ServerResponse> named(ServerRequest request, boolean events,
                                       java.util.function.Function<NamedQuery, Mono<ServerResponse>> answer) {
        String name = request.pathVariable("queryName");
        return Caller.current().flatMap(caller -> {
            Mono<ServerResponse> refused = QueryHttp.refusal(request, caller, events);
            if (refused != null) {
                return refused;
            }
            return reader.read(QueryStatements.NAMED_GET, whose(name, caller)).next()
                    .flatMap(row -> answer.apply(NamedQuery.stored(row.get("name").asString(), row.get("query").asString())))
                    .switchIfEmpty(Mono.defer(() -> notFound(name)));
        });
    }

    private static Mono<ServerResponse> notFound(String name) {
        return problem(HttpStatus.NOT_FOUND, EpcisAnswers.NO_SUCH_NAME, "Resource not found", "no query " + name + " of this caller");
    }

    private static Mono<ServerResponse> invalid(String detail) {
        return problem(HttpStatus.BAD_REQUEST, EpcisAnswers.QUERY_PARAMETER, "Invalid query", detail);
    }
}
