package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.LoggerFactory;
import org.terroir.trace.neo4j.GraphReader;
import org.terroir.trace.neo4j.RequestTimeout;
import org.terroir.trace.neo4j.Bulkhead;

/** The statements planned at start: a graph that is not there does not stop the server from starting. */
class StatementWarmUpTest {

    @Test
    void aGraphThatDoesNotAnswerIsLoggedAndTheStartGoesOn() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<ILoggingEvent> logged;
        try (Driver driver = GraphDatabase.driver(URI.create("bolt://localhost:" + closed), AuthTokens.none())) {
            Duration timeout = Duration.ofMillis(500);
            logged = logOf(new StatementWarmUp(new GraphReader(driver, new RequestTimeout(timeout), Bulkhead.unlimited()), true,
                    new RequestTimeout(timeout)));
        }

        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .startsWith("stopped planning the statements of traces, recalls and scan pages at start: trace.")
                    .endsWith("no answer within 500 ms (terroir.graphql.timeout))");
        });
    }

    @Test
    void offItRunsNothing() {
        // No reader: were it used, the run would fail.
        assertThat(logOf(new StatementWarmUp(null, false, new RequestTimeout(Duration.ofSeconds(1))))).isEmpty();
    }

    /** What the warm-up logs while it runs. */
    private static List<ILoggingEvent> logOf(StatementWarmUp warmUp) {
        Logger logger = (Logger) LoggerFactory.getLogger(StatementWarmUp.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            warmUp.run(null);
        } finally {
            logger.detachAppender(events);
        }
        return events.list;
    }
}
