package org.terroir.trace.subscriptions;

import static org.terroir.trace.epcis.EpcisAnswers.problem;
import static org.terroir.trace.epcis.EpcisAnswers.unauthorized;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.terroir.trace.access.Caller;
import org.terroir.trace.access.Role;
import org.terroir.trace.epcis.EpcisAnswers;
import org.terroir.trace.neo4j.GraphReader;
import org.terroir.trace.neo4j.GraphWriter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP edge of the webhook subscriptions: {@code POST /queries/{queryName}/subscriptions}
 * subscribes to a named query the caller may use (its maker, or a regulator) with a destination
 * ({@code dest}, see {@link Destinations}), a {@code signatureToken} (at least 16 characters: the key
 * of the reports' signatures) and either {@code stream: true} or a {@code schedule} ({@link QuerySchedule},
 * with {@code reportIfEmpty}); {@code GET}
 * lists and shows them (never their token), {@code DELETE} ends one. Problems are the binding's
 * {@code SubscriptionControlsException}.
 */
@Component
record SubscriptionHttp(SubscriptionSettings settings, GraphReader reader, GraphWriter writer) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CONTROLS = "epcisException:SubscriptionControlsException";

    /** {@code POST /queries/{queryName}/subscriptions}: 201 with the subscription's place and what it is. */
    Mono<ServerResponse> subscribe(ServerRequest request) {
        String query = request.pathVariable("queryName");
        return Caller.current().flatMap(caller -> {
            if (caller.role() == Role.PUBLIC) {
                return unauthorized("a subscription");
            }
            MediaType type = request.headers().contentType().orElse(null);
            if (type == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
                return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "epcisException:UnsupportedMediaTypeException",
                        "Unsupported Media Type", "Content-Type: a subscription is application/json");
            }
            return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
                JsonNode subscription;
                try {
                    subscription = JSON.readTree(body);
                } catch (JacksonException e) {
                    return invalid("body: not JSON");
                }
                if (subscription == null || !subscription.isObject()) {
                    return invalid("body: a JSON object {\"dest\": …, \"signatureToken\": …, \"stream\": true}");
                }
                String dest = subscription.path("dest").isString() ? subscription.get("dest").asString() : null;
                String secret = subscription.path("signatureToken").isString() ? subscription.get("signatureToken").asString() : null;
                boolean stream = subscription.path("stream").isBoolean() && subscription.get("stream").booleanValue();
                QuerySchedule schedule = null;
                if (subscription.has("schedule")) {
                    if (stream) {
                        return invalid("schedule: a subscription is either a stream (stream: true) or scheduled, not both");
                    }
                    try {
                        schedule = QuerySchedule.of(subscription.get("schedule"));
                    } catch (IllegalArgumentException e) {
                        return invalid(e.getMessage());
                    }
                } else if (!stream) {
                    return invalid("stream: true, to be sent the events that match as they are captured, or a schedule "
                            + "({\"hour\": \"1\", \"minute\": \"5\"}) to be sent them at those times");
                }
                if (subscription.has("reportIfEmpty") && !subscription.get("reportIfEmpty").isBoolean()) {
                    return invalid("reportIfEmpty: true or false");
                }
                boolean reportIfEmpty = schedule != null && subscription.path("reportIfEmpty").asBoolean(false);
                if (secret == null || secret.length() < 16 || secret.length() > 512) {
                    return invalid("signatureToken: 16 to 512 characters, the key each report is signed with (GS1-Signature)");
                }
                Instant now = Instant.now();
                QuerySchedule plan = schedule;
                String since;
                try {
                    since = subscription.has("initialRecordTime")
                            ? OffsetDateTime.parse(subscription.get("initialRecordTime").asString()).toInstant().toString() : now.toString();
                } catch (DateTimeParseException e) {
                    return invalid("initialRecordTime: a date and time with its offset");
                }
                return Mono.fromCallable(() -> Optional.ofNullable(dest == null ? "required: the URL reports are POSTed to"
                                : Destinations.refusal(dest, settings.allowLocalDestinations())))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(refused -> refused.isPresent() ? invalid("dest: " + refused.get())
                                : create(caller, query, dest, secret, now, since, plan, reportIfEmpty));
            });
        });
    }

    private Mono<ServerResponse> create(Caller caller, String query, String dest, String secret, Instant now,
                                        String since, QuerySchedule schedule, boolean reportIfEmpty) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("query", query);
        parameters.put("owner", caller.isRegulator() ? null : caller.identity());
        parameters.put("id", id);
        parameters.put("dest", dest);
        parameters.put("secret", secret);
        parameters.put("createdAt", now.toString());
        parameters.put("since", since);
        parameters.put("stream", schedule == null);
        parameters.put("schedule", schedule == null ? null : JSON.writeValueAsString(schedule.fields()));
        parameters.put("reportIfEmpty", reportIfEmpty);
        parameters.put("nextRunAt", schedule == null ? null : schedule.next(now.atZone(settings.scheduleZone()))
                .orElseThrow().toInstant().toString());
        parameters.put("role", caller.role().name().toLowerCase(Locale.ROOT));
        parameters.put("subject", caller.subject().orElse(null));
        parameters.put("parties", caller.parties().stream().sorted().toList());
        return writer.write(SubscriptionStatements.SUBSCRIBE, parameters).next()
                .flatMap(row -> reader.read(SubscriptionStatements.SUBSCRIPTIONS, lookup(caller, query, id)).next())
                .flatMap(row -> ServerResponse.created(URI.create("/queries/" + query + "/subscriptions/" + id))
                        .contentType(MediaType.APPLICATION_JSON).headers(EpcisAnswers::versions)
                        .bodyValue(JSON.writeValueAsBytes(shown(row.get("subscription")))))
                .switchIfEmpty(Mono.defer(() -> noQuery(query)));
    }

    /** {@code GET /queries/{queryName}/subscriptions}: the caller's subscriptions to the query (a regulator's: all). */
    Mono<ServerResponse> list(ServerRequest request) {
        String query = request.pathVariable("queryName");
        return Caller.current().flatMap(caller -> {
            if (caller.role() == Role.PUBLIC) {
                return unauthorized("a subscription");
            }
            return reader.read(SubscriptionStatements.SUBSCRIPTIONS, lookup(caller, query, null)).map(row -> shown(row.get("subscription")))
                    .collectList().flatMap(found -> {
                        ArrayNode body = JsonNodeFactory.instance.arrayNode();
                        found.forEach(body::add);
                        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).headers(EpcisAnswers::versions)
                                .bodyValue(JSON.writeValueAsBytes(body));
                    });
        });
    }

    /** {@code GET /queries/{queryName}/subscriptions/{subscriptionID}}: the subscription, without its token. */
    Mono<ServerResponse> get(ServerRequest request) {
        String query = request.pathVariable("queryName");
        String id = request.pathVariable("subscriptionID");
        return Caller.current().flatMap(caller -> {
            if (caller.role() == Role.PUBLIC) {
                return unauthorized("a subscription");
            }
            return reader.read(SubscriptionStatements.SUBSCRIPTIONS, lookup(caller, query, id)).next()
                    .flatMap(row -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).headers(EpcisAnswers::versions)
                            .bodyValue(JSON.writeValueAsBytes(shown(row.get("subscription")))))
                    .switchIfEmpty(Mono.defer(() -> notFound(query, id)));
        });
    }

    /** {@code DELETE /queries/{queryName}/subscriptions/{subscriptionID}}: ends it, with the reports it still owed. */
    Mono<ServerResponse> unsubscribe(ServerRequest request) {
        String query = request.pathVariable("queryName");
        String id = request.pathVariable("subscriptionID");
        return Caller.current().flatMap(caller -> {
            if (caller.role() == Role.PUBLIC) {
                return unauthorized("a subscription");
            }
            return writer.write(SubscriptionStatements.UNSUBSCRIBE, lookup(caller, query, id)).next()
                    .flatMap(row -> row.get("deleted").asBoolean()
                            ? ServerResponse.noContent().headers(EpcisAnswers::versions).build() : notFound(query, id));
        });
    }

    private static Map<String, Object> lookup(Caller caller, String query, String id) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("query", query);
        parameters.put("owner", caller.isRegulator() ? null : caller.identity());
        parameters.put("id", id);
        return parameters;
    }

    /** A subscription as the binding shows it: its id, destination, kind and times; never its token. */
    private static ObjectNode shown(org.neo4j.driver.Value subscription) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("subscriptionID", subscription.get("id").asString());
        node.put("dest", subscription.get("dest").asString());
        boolean stream = subscription.get("stream").asBoolean(true);
        node.put("stream", stream);
        if (!stream) {
            node.set("schedule", JSON.readTree(subscription.get("schedule").asString()));
            node.put("reportIfEmpty", subscription.get("reportIfEmpty").asBoolean(false));
        }
        node.put("createdAt", subscription.get("createdAt").asZonedDateTime().toInstant().toString());
        node.put("initialRecordTime", subscription.get("since").asZonedDateTime().toInstant().toString());
        if (!subscription.get("lastNotifiedAt").isNull()) {
            node.put("lastNotifiedAt", subscription.get("lastNotifiedAt").asZonedDateTime().toInstant().toString());
        }
        return node;
    }

    private static Mono<ServerResponse> invalid(String detail) {
        return problem(HttpStatus.BAD_REQUEST, CONTROLS, "Invalid subscription", detail);
    }

    private static Mono<ServerResponse> noQuery(String query) {
        return problem(HttpStatus.NOT_FOUND, EpcisAnswers.NO_SUCH_NAME, "Resource not found", "no query " + query + " of this caller");
    }

    private static Mono<ServerResponse> notFound(String query, String id) {
        return problem(HttpStatus.NOT_FOUND, EpcisAnswers.NO_SUCH_NAME, "Resource not found", "no subscription " + id + " to query "
                + query + " of this caller");
    }
}
