package org.terroir.trace.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Seats at the graph: a request takes one at its first statement and keeps it for the rest; the next
 * waits in line until one is given back, first come first seated; a full line refuses at once; a
 * request that leaves the line gives up its place; work outside a request takes no seat.
 */
class SeatsTest {

    /** A statement whose answer the test gives, counting how many have started. */
    private static final class Statement {
        final Sinks.One<String> answer = Sinks.one();
        final Flux<String> flux;

        Statement(AtomicInteger started) {
            this.flux = Flux.defer(() -> {
                started.incrementAndGet();
                return answer.asMono().flux();
            });
        }

        void answer(String value) {
            answer.tryEmitValue(value);
        }
    }

    /** A request's statements, run in its seat and given back when they have all answered. */
    private static CompletableFuture<List<String>> request(Seats seats, Seats.Seat seat, Statement... statements) {
        return seat.around(Flux.fromArray(statements).flatMap(statement -> seats.run(statement.flux, true)).collectList()).toFuture();
    }

    @Test
    void aRequestKeepsItsSeatForAllItsStatementsAndTheNextInLineGetsItAfter() {
        Seats seats = new Seats(1, 10);
        AtomicInteger started = new AtomicInteger();
        Statement a1 = new Statement(started);
        Statement a2 = new Statement(started);
        Statement b = new Statement(started);
        Statement c = new Statement(started);

        CompletableFuture<List<String>> first = request(seats, seats.seat(), a1, a2);
        assertThat(started).as("both statements of the seated request run").hasValue(2);
        assertThat(seats.taken()).isEqualTo(1);

        CompletableFuture<List<String>> second = request(seats, seats.seat(), b);
        CompletableFuture<List<String>> third = request(seats, seats.seat(), c);
        assertThat(started).as("the others wait for the seat, their statements not begun").hasValue(2);
        assertThat(seats.waiting()).isEqualTo(2);

        a1.answer("a1");
        assertThat(started).as("one statement answered: the request still holds its seat").hasValue(2);
        a2.answer("a2");
        assertThat(first).isCompletedWithValue(List.of("a1", "a2"));
        assertThat(started).as("the first in line is seated, the second still waits").hasValue(3);
        assertThat(seats.waiting()).isEqualTo(1);
        assertThat(third).isNotDone();

        b.answer("b");
        assertThat(second).isCompletedWithValue(List.of("b"));
        c.answer("c");
        assertThat(third).isCompletedWithValue(List.of("c"));
        assertThat(seats.taken()).isZero();
        assertThat(seats.waiting()).isZero();
    }

    @Test
    void aFullLineRefusesAtOnceNamingTheLimits() {
        Seats seats = new Seats(1, 1);
        AtomicInteger started = new AtomicInteger();
        request(seats, seats.seat(), new Statement(started));
        request(seats, seats.seat(), new Statement(started));

        CompletableFuture<List<String>> refused = request(seats, seats.seat(), new Statement(started));
        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).cause().isInstanceOf(Seats.BusyException.class)
                .hasMessageContaining("the server is busy")
                .hasMessageContaining("terroir.graph.max-concurrent-requests")
                .hasMessageContaining(Seats.BusyException.LIMIT);
        assertThat(started).as("the refused request ran nothing").hasValue(1);
        assertThat(seats.waiting()).as("a refused request leaves no place in line").isEqualTo(1);
    }

    @Test
    void aRequestThatLeavesTheLineGivesUpItsPlace() {
        Seats seats = new Seats(1, 10);
        AtomicInteger started = new AtomicInteger();
        Statement a = new Statement(started);
        Statement b = new Statement(started);
        Statement c = new Statement(started);
        CompletableFuture<List<String>> first = request(seats, seats.seat(), a);
        CompletableFuture<List<String>> gone = request(seats, seats.seat(), b);
        CompletableFuture<List<String>> next = request(seats, seats.seat(), c);

        gone.cancel(true);   // the client went away, or the request timed out, while it waited
        assertThat(seats.waiting()).isEqualTo(1);
        a.answer("a");
        assertThat(first).isCompleted();
        assertThat(started).as("the seat went to the one still waiting").hasValue(2);
        c.answer("c");
        assertThat(next).isCompletedWithValue(List.of("c"));
        assertThat(seats.taken()).isZero();
    }

    @Test
    void aSeatGivenBackTwiceFreesOneSeatAndARequestThatNeverReadTakesNone() {
        Seats seats = new Seats(2, 0);
        Seats.Seat seat = seats.seat();
        AtomicInteger started = new AtomicInteger();
        Statement a = new Statement(started);
        request(seats, seat, a);
        assertThat(seats.taken()).isEqualTo(1);
        a.answer("a");
        seat.leave();
        assertThat(seats.taken()).isZero();

        assertThat(seats.seat().around(Mono.just("no statement")).block()).isEqualTo("no statement");
        assertThat(seats.taken()).isZero();
    }

    @Test
    void workOutsideARequestTakesNoSeat() {
        Seats seats = new Seats(1, 0);
        AtomicInteger started = new AtomicInteger();
        request(seats, seats.seat(), new Statement(started));
        Statement background = new Statement(started);
        CompletableFuture<List<String>> written = seats.run(background.flux, false).collectList().toFuture();
        assertThat(started).as("the background statement runs though every seat is taken").hasValue(2);
        background.answer("written");
        assertThat(written).isCompletedWithValue(List.of("written"));
        assertThat(seats.readsOutsideRequests()).as("a write outside a request is the recorder's: not counted").isZero();
        Statement stray = new Statement(started);
        seats.run(stray.flux, true).subscribe();
        assertThat(seats.readsOutsideRequests()).as("a read outside any request is counted").isEqualTo(1);
    }

    @Test
    void capacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new Seats(0, 10)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> new Seats(1, -1)).hasMessageContaining("maxWaiting");
    }
}
