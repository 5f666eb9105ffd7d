package org.terroir.trace.recall;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.trace.access.Caller;
import org.terroir.trace.access.Role;
import org.terroir.trace.capture.EventCapture;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each regulator's recall is also an EPCIS 2.0 event, so that it reaches everyone told of events —
 * the query interface, and the subscribers whose queries match it (an association subscribed to its
 * brands' recalls): an {@code ObjectEvent} that observes the recalled lot with disposition
 * {@code recalled}, its {@code eventID} the recall's ({@code urn:uuid:}), its {@code eventTime} when the
 * recall was marked, the reason in Terroir's extension ({@value #NAMESPACE}{@code recallReason}),
 * captured through the capture interface as the regulator who marked it. A recall whose event is not in
 * the graph (the server stopped between the two, or the recall is older than its events) is announced
 * when the server is next ready: each recall once, whatever happens.
 */
@Component
class RecallEvents {

    /** The namespace of Terroir's EPCIS extension fields. */
    static final String NAMESPACE = "urn:terroir:epcis:";

    private static final Logger LOG = LoggerFactory.getLogger(RecallEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCapture capture;
    private final Driver driver;

    RecallEvents(EventCapture capture, Driver driver) {
        this.capture = capture;
        this.driver = driver;
    }

    /** The event id of the recall of {@code id}. */
    static String eventId(String recallId) {
        return "urn:uuid:" + recallId;
    }

    /**
     * Captures the event of {@code notice}, marked by {@code regulator}: completes when it is in the
     * graph or could not be written (then it is announced at the next start, and the log says so).
     */
    Mono<Void> announce(RecallNotice notice, Caller regulator) {
        return capture.capture(event(notice), regulator)
                .doOnNext(captured -> {
                    if (!captured) {
                        LOG.warn("the event of recall {} was not captured now; it is at the next start", notice.id());
                    }
                })
                .onErrorResume(error -> {
                    LOG.warn("the event of recall {} was not captured now ({}); it is at the next start", notice.id(), error.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** The JSON-LD of the recall's event. */
    static byte[] event(RecallNotice notice) {
        Instant at = java.time.OffsetDateTime.parse(notice.recalledAt()).toInstant(); // Neo4j may leave ":00" seconds out
        ZoneOffset offset = ZoneId.systemDefault().getRules().getOffset(at);
        ObjectNode event = JSON.createObjectNode();
        event.putArray("@context").addObject().put("terroir", NAMESPACE);
        event.put("type", "ObjectEvent");
        event.put("eventID", eventId(notice.id()));
        event.put("eventTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(offset))); // keeps ":00" seconds
        event.put("eventTimeZoneOffset", offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
        event.put("action", "OBSERVE");
        event.put("disposition", "recalled");
        event.putArray("quantityList").addObject().put("epcClass", EpcIdentifier.GS1_RESOLVER + "/" + notice.recalledBatch());
        event.put("terroir:recallReason", notice.reason());
        return JSON.writeValueAsBytes(event);
    }

    /** Announces the recalls whose events are not in the graph, oldest first, once the server is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void announceMissed() {
        // Work of the server's own, not of a request: a session of its own, not a request's permit (GraphReader).
        Mono.fromCallable(() -> {
                    try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
                        return session.executeRead(tx -> tx.run(RecallStatements.RECALLS_UNANNOUNCED.cypher()).list());
                    }
                })
                .flatMapMany(Flux::fromIterable)
                .concatMap(row -> announce(RecallNotice.from(row), new Caller(Role.REGULATOR,
                        Optional.ofNullable(row.get("recalledBy").asString(null)), Set.of()))
                        .doOnSuccess(done -> LOG.info("recall {} announced", row.get("id").asString())))
                .onErrorResume(error -> {
                    LOG.warn("recalls not announced ({}); they are at the next start", error.toString());
                    return Mono.empty();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe();
    }
}
