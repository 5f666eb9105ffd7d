package org.terroir.trace.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.terroir.trace.access.Caller;
import org.terroir.trace.neo4j.GraphWriter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One event captured now, as {@code POST /events} captures it and as the server's own features do (a
 * regulator's recall): the event becomes a document of its own in the spool, its capture job is
 * recorded with who handed it in, and the pipeline of every capture writes it on a thread that may
 * wait. What a capture job ends with (the events it wrote, {@code CAPTURED_IN}) is what subscriptions
 * are matched against, whoever handed the event in.
 */
@Component
public class EventCapture {

    private final Capturer capturer;
    private final GraphWriter writer;

    EventCapture(Capturer capturer, GraphWriter writer) {
        this.capturer = capturer;
        this.writer = writer;
    }

    /**
     * Captures {@code event} (one EPCIS 2.0 event, JSON-LD) as {@code caller}: true when the event is
     * in the repository now (captured, or there already under its {@code eventID}), false when the job
     * failed or was left running (the graph stopped answering: it is taken up again in the background).
     *
     * @throws IllegalArgumentException when {@code event} is not one event
     */
    public Mono<Boolean> capture(byte[] event, Caller caller) {
        Instant receivedAt = Instant.now();
        return capture(SingleEvent.of(event, receivedAt), caller, receivedAt)
                .map(job -> job.ended().map(Capturer.Ended::success).orElse(false));
    }

    /**
     * A job and how it ended: empty when it was left running.
     *
     * @param id    the capture job's id
     * @param ended what became of its event
     */
    record Job(String id, Optional<Capturer.Ended> ended) {
    }

    /** Captures {@code event}, received at {@code receivedAt}, as {@code caller}, in a job of its own. */
    Mono<Job> capture(SingleEvent event, Caller caller, Instant receivedAt) {
        String id = UUID.randomUUID().toString();
        Path file = capturer.document(id, "jsonld");
        return Mono.fromCallable(() -> Files.write(file, event.document(), StandardOpenOption.CREATE_NEW))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.defer(() -> writer.write(CaptureStatements.CAPTURE_CREATE, job(id, receivedAt, "jsonld", caller)).then()))
                .then(Mono.fromCallable(() -> new Job(id, capturer.captureNow(id, "jsonld", receivedAt,
                        Capturer.participant(caller.role(), caller.parties())))).subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(error -> delete(file).then(Mono.error(error)));
    }

    /** The parameters of {@link CaptureStatements#CAPTURE_CREATE}: a job of {@code caller}'s document. */
    static Map<String, Object> job(String id, Instant receivedAt, String format, Caller caller) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("createdAt", receivedAt.toString());
        parameters.put("errorBehaviour", CaptureHttp.ROLLBACK);
        parameters.put("format", format);
        parameters.put("role", caller.role().name().toLowerCase(Locale.ROOT));
        parameters.put("subject", caller.subject().orElse(null));
        parameters.put("parties", caller.parties().stream().sorted().toList());
        return parameters;
    }

    /** Deletes a document that will not be captured. */
    static Mono<Void> delete(Path file) {
        return Mono.<Void>fromCallable(() -> {
            Files.deleteIfExists(file);
            return null;
        }).subscribeOn(Schedulers.boundedElastic()).onErrorComplete();
    }
}
