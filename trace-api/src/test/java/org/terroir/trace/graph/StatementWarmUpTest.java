package org.terroir.trace.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The statements planned at start: a graph that is not there does not stop the server from starting. */
class StatementWarmUpTest {

    @Test
    void aGraphThatDoesNotAnswerIsLoggedAndTheStartGoesOn() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Logger logger = (Logger) LoggerFactory.getLogger(StatementWarmUp.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (Driver driver = GraphDatabase.driver(URI.create("bolt://localhost:" + closed), AuthTokens.none())) {
            Duration timeout = Duration.ofMillis(500);
            new StatementWarmUp(new GraphReader(driver, timeout, Seats.unlimited()), true, timeout).run(null);
        } finally {
            logger.detachAppender(events);
        }

        assertThat(events.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .startsWith("stopped planning the statements of traces, recalls and scan pages at start: trace.")
                    .endsWith("no answer within 500 ms (terroir.graphql.timeout))");
        });
    }

    @Test
    void offItRunsNothing() {
        Logger logger = (Logger) LoggerFactory.getLogger(StatementWarmUp.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            new StatementWarmUp(null, false, Duration.ofSeconds(1)).run(null);
        } finally {
            logger.detachAppender(events);
        }
        assertThat(events.list).isEmpty();
    }
}
