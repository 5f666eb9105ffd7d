package org.terroir.trace.capture;

import org.terroir.model.cypher.Statement;

/** The statements of capture jobs. Examples in {@code CaptureStatementsIT}. */
public final class CaptureStatements {

    private CaptureStatements() {}

    /** A job as {@link CaptureJob#from} reads it. */
    private static final String JOB = """
            j {.id, createdAt: toString(j.createdAt), finishedAt: toString(j.finishedAt), .running, .success, .errorBehaviour,
               .events, .errors, .role, .subject}""";

    /** Records a document received: a running job, by whom, in which format. */
    public static final Statement CAPTURE_CREATE = new Statement("capture.create", """
            CREATE (j:CaptureJob {id: $id, createdAt: datetime($createdAt), running: true, success: true,
                                  errorBehaviour: $errorBehaviour, format: $format, role: $role, subject: $subject,
                                  parties: $parties})
            RETURN j.id AS id
            """);

    /**
     * Ends the job of {@code $id}: whether its events were captured, how many, and its problems (JSON);
     * and its place in the order jobs end in ({@code ended}, the next number of the sequence
     * {@code captureJobsEnded}), which subscriptions follow.
     */
    public static final Statement CAPTURE_FINISH = new Statement("capture.finish", """
            MATCH (j:CaptureJob {id: $id})
            MERGE (seq:Sequence {id: 'captureJobsEnded'})
            SET seq.last = coalesce(seq.last, 0) + 1
            SET j.running = false, j.success = $success, j.finishedAt = datetime(), j.events = $events, j.errors = $errors,
                j.ended = seq.last
            RETURN j.id AS id
            """);

    /** The job of {@code $id}; no row when there is none. */
    public static final Statement CAPTURE_JOB = new Statement("capture.job", """
            MATCH (j:CaptureJob {id: $id})
            RETURN %s AS job
            """.formatted(JOB));

    /**
     * The jobs of {@code $subject} (null: everyone's), newest first, after the job at {@code $beforeAt}
     * with {@code $beforeId} (null: from the newest), at most {@code $limit}.
     */
    public static final Statement CAPTURE_JOBS = new Statement("capture.jobs", """
            MATCH (j:CaptureJob)
            WHERE ($subject IS NULL OR j.subject = $subject)
              AND ($beforeAt IS NULL OR j.createdAt < datetime($beforeAt)
                   OR (j.createdAt = datetime($beforeAt) AND j.id < $beforeId))
            WITH j ORDER BY j.createdAt DESC, j.id DESC LIMIT $limit
            RETURN %s AS job
            """.formatted(JOB));

    /** The events the job of {@code $id} wrote (CAPTURED_IN it), by id. */
    public static final Statement CAPTURE_EVENTS = new Statement("capture.events", """
            MATCH (e:Event)-[:CAPTURED_IN]->(:CaptureJob {id: $id})
            RETURN e.eventId AS eventId ORDER BY eventId
            """);

    /** The jobs still running, oldest first: those a stopped server left, to be taken up again. */
    public static final Statement CAPTURE_RUNNING = new Statement("capture.running", """
            MATCH (j:CaptureJob {running: true})
            RETURN j.id AS id, j.format AS format, toString(j.createdAt) AS createdAt, j.role AS role, j.parties AS parties
            ORDER BY j.createdAt, j.id
            """);
}
