package org.terroir.trace.capture;

import static org.terroir.trace.epcis.EpcisAnswers.problem;
import static org.terroir.trace.epcis.EpcisAnswers.problemDetail;
import static org.terroir.trace.epcis.EpcisAnswers.unauthorized;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.terroir.trace.access.Caller;
import org.terroir.trace.access.Role;
import org.terroir.trace.epcis.EpcisAnswers;
import org.terroir.trace.graphql.Cursors;
import org.terroir.trace.graphql.TimePosition;
import org.terroir.trace.neo4j.GraphReader;
import org.terroir.trace.neo4j.GraphWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The HTTP edge of the capture interface, as GS1's EPCIS 2.0 REST binding says: {@code POST /capture}
 * keeps the document (JSON-LD or XML, up to {@code terroir.capture.max-document-size}, else 413),
 * records its job and answers 202 with the job's {@code Location}; {@code GET /capture/{captureID}}
 * and {@code GET /capture} show jobs (a caller sees its own, a regulator every one);
 * {@code OPTIONS /capture} says what the interface supports. Refusals are RFC 7807 problems of the
 * binding's {@code epcisException:} types. Capturing takes a bearer token: a regulator's captures any
 * event, a party's (association, carrier, cooperative or enterprise, station) the events it takes part
 * in, checked before anything is written (importer {@code Participation}); a job that holds another's
 * event fails, naming it.
 */
@Component
record CaptureHttp(CaptureSettings settings, Capturer capturer, EventCapture events, GraphReader reader, GraphWriter writer) {

    static final String EPCIS_VERSION = EpcisAnswers.EPCIS_VERSION;
    static final String ROLLBACK = "rollback";

    /** The most jobs a page of {@code GET /capture} holds, and how many when {@code perPage} is not given. */
    static final int MAX_PER_PAGE = 100;
    static final int DEFAULT_PER_PAGE = 30;

    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    /** {@code OPTIONS /capture}: the versions, the largest document, and all or nothing. */
    Mono<ServerResponse> discover(ServerRequest request) {
        return ServerResponse.noContent().headers(this::capabilities).header(HttpHeaders.ALLOW, "OPTIONS, GET, POST").build();
    }

    /** {@code POST /capture}: keeps the document, records its job, and answers 202 with the job's place. */
    Mono<ServerResponse> capture(ServerRequest request) {
        return Caller.current().flatMap(caller -> {
            Mono<ServerResponse> refused = refusal(request, caller);
            if (refused != null) {
                return refused;
            }
            String format = format(request.headers().contentType().orElse(null));
            long max = settings.maxDocumentSize().toBytes();
            String id = UUID.randomUUID().toString();
            Instant receivedAt = Instant.now();
            Path file = capturer.document(id, format);
            return DataBufferUtils.write(limited(request.bodyToFlux(DataBuffer.class), max), file,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                    .then(Mono.defer(() -> writer.write(CaptureStatements.CAPTURE_CREATE, EventCapture.job(id, receivedAt, format, caller)).then()))
                    .then(Mono.fromRunnable(() -> capturer.submit(id, format, receivedAt, Capturer.participant(caller.role(),
                            caller.parties()))))
                    .then(ServerResponse.accepted().location(URI.create("/capture/" + id)).headers(EpcisAnswers::versions).build())
                    .onErrorResume(error -> EventCapture.delete(file).then(error instanceof TooLarge ? tooLarge() : Mono.error(error)));
        });
    }

    /**
     * {@code POST /events}: captures one event (JSON-LD) now, through the same pipeline and job as a
     * document, and answers 201 with the event's place; 409 when the repository holds it already.
     */
    Mono<ServerResponse> captureEvent(ServerRequest request) {
        return Caller.current().flatMap(caller -> {
            Mono<ServerResponse> refused = refusal(request, caller);
            if (refused != null) {
                return refused;
            }
            if (!"jsonld".equals(format(request.headers().contentType().orElse(null)))) {
                return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "epcisException:UnsupportedMediaTypeException",
                        "Unsupported Media Type", "Content-Type: send one EPCIS 2.0 event as application/json or application/ld+json; "
                                + "an XML document goes to POST /capture");
            }
            Instant receivedAt = Instant.now();
            return DataBufferUtils.join(limited(request.bodyToFlux(DataBuffer.class), settings.maxDocumentSize().toBytes()))
                    .<byte[]>handle((buffer, sink) -> {
                        try (java.io.InputStream in = buffer.asInputStream(true)) { // released when closed
                            sink.next(in.readAllBytes());
                        } catch (java.io.IOException e) {
                            sink.error(e);
                        }
                    })
                    .defaultIfEmpty(new byte[0])
                    .flatMap(body -> {
                        SingleEvent event;
                        try {
                            event = SingleEvent.of(body, receivedAt);
                        } catch (IllegalArgumentException e) {
                            return problem(HttpStatus.BAD_REQUEST, "epcisException:ValidationException", "Invalid EPCIS event",
                                    e.getMessage());
                        }
                        return events.capture(event, caller, receivedAt)
                                .flatMap(job -> job.ended().isEmpty() ? problem(HttpStatus.INTERNAL_SERVER_ERROR,
                                        Capturer.IMPLEMENTATION, "Capture interrupted", "the graph did not answer; the event is "
                                                + "captured when it does (job /capture/" + job.id() + ")")
                                        : answer(job.id(), request.uri().resolve("/capture/" + job.id()), event, job.ended().get()));
                    })
                    .onErrorResume(TooLarge.class, error -> tooLarge());
        });
    }

    /** The answer to {@code POST /events} once its job ended: 201, or the job's first problem. */
    private Mono<ServerResponse> answer(String job, URI jobUri, SingleEvent event, Capturer.Ended ended) {
        if (!ended.success()) {
            Map<String, Object> first = ended.errors().getFirst();
            int status = (Integer) first.get("status");
            ProblemDetail problem = problemDetail(HttpStatus.valueOf(status), (String) first.get("type"), (String) first.get("title"),
                    first.containsKey("field") ? first.get("field") + ": " + first.get("reason") : (String) first.get("detail"));
            problem.setProperty("errors", ended.errors());
            problem.setInstance(jobUri);
            return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).headers(EpcisAnswers::versions)
                    .bodyValue(problem);
        }
        return reader.read(CaptureStatements.CAPTURE_EVENTS, Map.of("id", job)).next()
                .flatMap(row -> ServerResponse.created(URI.create("/events/" + URLEncoder.encode(row.get("eventId").asString(),
                        StandardCharsets.UTF_8))).headers(EpcisAnswers::versions).build())
                .switchIfEmpty(Mono.defer(() -> problem(HttpStatus.CONFLICT, "epcisException:ResourceAlreadyExistsException",
                        "A resource with the provided identifier already exists.", (event.eventId() != null ? "event "
                                + event.eventId() : "this event (no eventID: its event hash)") + " is in the repository already"
                                + (event.declaresError() ? "; its error declaration is recorded" : ""))));
    }

    /**
     * Why a capture request is refused by its token or headers; null when it may go on: a bearer
     * token of any role but the public's, EPCIS 2.0, all or nothing, a JSON-LD or XML body within the
     * size limit.
     */
    private Mono<ServerResponse> refusal(ServerRequest request, Caller caller) {
        if (caller.role() == Role.PUBLIC) {
            return unauthorized("the capture interface");
        }
        String version = request.headers().firstHeader("GS1-EPCIS-Version");
        if (version != null && !version.strip().startsWith("2.0")) {
            return problem(HttpStatus.NOT_ACCEPTABLE, "epcisException:NotAcceptableException", "Unsupported EPCIS version",
                    "GS1-EPCIS-Version: this interface captures EPCIS " + EPCIS_VERSION + ", not " + version);
        }
        String cbv = request.headers().firstHeader("GS1-CBV-Version");
        if (cbv != null && !cbv.strip().startsWith("2.")) {
            return problem(HttpStatus.NOT_ACCEPTABLE, "epcisException:NotAcceptableException", "Unsupported CBV version",
                    "GS1-CBV-Version: this interface reads events in CBV " + EpcisAnswers.CBV_VERSION + " (2.x), not " + cbv);
        }
        String behaviour = request.headers().firstHeader("GS1-Capture-Error-Behaviour");
        if (behaviour != null && !behaviour.strip().equalsIgnoreCase(ROLLBACK)) {
            return problem(HttpStatus.BAD_REQUEST, "epcisException:ValidationException", "Unsupported capture error behaviour",
                    "GS1-Capture-Error-Behaviour: this interface captures a document whole or not at all (rollback), not \""
                            + behaviour + "\"");
        }
        if (format(request.headers().contentType().orElse(null)) == null) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "epcisException:UnsupportedMediaTypeException",
                    "Unsupported Media Type", "Content-Type: send an EPCIS 2.0 document as application/ld+json, "
                            + "application/json or application/xml, not " + request.headers().contentType().map(Object::toString)
                            .orElse("none"));
        }
        if (request.headers().contentLength().orElse(0) > settings.maxDocumentSize().toBytes()) {
            return tooLarge();
        }
        return null;
    }

    /** {@code GET /capture/{captureID}}: the job, to the caller that handed it in and to regulators. */
    Mono<ServerResponse> job(ServerRequest request) {
        String id = request.pathVariable("captureID");
        return Caller.current().flatMap(caller -> {
            if (caller.role() == Role.PUBLIC) {
                return unauthorized("the capture interface");
            }
            return reader.read(CaptureStatements.CAPTURE_JOB, Map.of("id", id)).next()
                    .map(row -> CaptureJob.from(row.get("job")))
                    .filter(job -> caller.isRegulator() || job.subject() != null && caller.subject().map(job.subject()::equals).orElse(false))
                    .flatMap(found -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).headers(EpcisAnswers::versions)
                            .bodyValue(found))
                    .switchIfEmpty(Mono.defer(() -> problem(HttpStatus.NOT_FOUND, "epcisException:NoSuchNameException",
                            "Resource not found", "no capture job " + id + " of this caller")));
        });
    }

    /**
     * {@code GET /capture}: the caller's jobs (a regulator's: all), newest first, {@code perPage} at a
     * time; a {@code Link} with {@code rel="next"} and {@code nextPageToken} leads to the next page.
     */
    Mono<ServerResponse> jobs(ServerRequest request) {
        return Caller.current().flatMap(caller -> {
            if (caller.role() == Role.PUBLIC) {
                return unauthorized("the capture interface");
            }
            int perPage;
            TimePosition after;
            try {
                perPage = request.queryParam("perPage").map(Integer::parseInt).orElse(DEFAULT_PER_PAGE);
                if (perPage < 1 || perPage > MAX_PER_PAGE) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                return problem(HttpStatus.BAD_REQUEST, "epcisException:ValidationException", "Invalid perPage",
                        "perPage: 1 to " + MAX_PER_PAGE + " jobs a page");
            }
            try {
                // The API's cursors: a job's time and id, versioned, Base64 (graphql.Cursors, TimePosition).
                after = request.queryParam("nextPageToken").map(token -> TimePosition.of(Cursors.key(token)))
                        .orElse(null);
            } catch (IllegalArgumentException e) {
                return problem(HttpStatus.BAD_REQUEST, "epcisException:ValidationException", "Invalid nextPageToken",
                        "nextPageToken: not a token of this list; pass the one of the Link header");
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("subject", caller.isRegulator() ? null : caller.subject().orElse(""));
            parameters.put("beforeAt", after == null ? null : after.time());
            parameters.put("beforeId", after == null ? null : after.id());
            parameters.put("limit", perPage + 1);
            return reader.read(CaptureStatements.CAPTURE_JOBS, parameters).map(row -> CaptureJob.from(row.get("job"))).collectList()
                    .flatMap(found -> {
                        List<CaptureJob> page = found.size() > perPage ? found.subList(0, perPage) : found;
                        ServerResponse.BodyBuilder ok = ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).headers(EpcisAnswers::versions);
                        if (found.size() > perPage) {
                            CaptureJob last = page.getLast();
                            ok.header(HttpHeaders.LINK, "</capture?perPage=" + perPage + "&nextPageToken="
                                    + URLEncoder.encode(Cursors.cursor(new TimePosition(last.createdAt(), last.captureID()).key()),
                                    StandardCharsets.UTF_8) + ">; rel=\"next\"");
                        }
                        return ok.bodyValue(page);
                    });
        });
    }

    /** The file ending of a document of this media type; null when it is none this interface reads. */
    static String format(MediaType type) {
        if (type == null) {
            return null;
        }
        if (JSON_LD.equalsTypeAndSubtype(type) || MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            return "jsonld";
        }
        if (MediaType.APPLICATION_XML.equalsTypeAndSubtype(type) || MediaType.TEXT_XML.equalsTypeAndSubtype(type)) {
            return "xml";
        }
        return null;
    }

    /** The body, failing with {@link TooLarge} once it passes {@code max} bytes. */
    private static Flux<DataBuffer> limited(Flux<DataBuffer> body, long max) {
        AtomicLong received = new AtomicLong();
        return body.handle((buffer, sink) -> {
            if (received.addAndGet(buffer.readableByteCount()) > max) {
                DataBufferUtils.release(buffer);
                sink.error(new TooLarge());
            } else {
                sink.next(buffer);
            }
        });
    }

    private void capabilities(HttpHeaders headers) {
        EpcisAnswers.versionRange(headers);
        headers.set("GS1-EPCIS-Capture-Limit", Long.toString(settings.maxEvents()));
        headers.set("GS1-EPCIS-Capture-File-Size-Limit", Long.toString(settings.maxDocumentSize().toBytes()));
        headers.set("GS1-Capture-Error-Behaviour", ROLLBACK);
    }

    private Mono<ServerResponse> tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "epcisException:CaptureLimitExceededException", "Capture Payload too large",
                "the document is larger than " + settings.maxDocumentSize().toBytes() + " bytes (GS1-EPCIS-Capture-File-Size-Limit); "
                        + "split it into several captures");
    }

    /** The document passed the largest size accepted. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("the document is too large", null, false, false);
        }
    }
}
