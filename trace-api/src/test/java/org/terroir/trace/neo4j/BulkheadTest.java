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
 * The bulkhead in front of the graph: a request takes one at its first statement and keeps it for the rest; the next
 * waits in line until one is given back, first come first served; a full line refuses at once; a
 * request that leaves the line gives up its place; work outside a request takes no permit.
 */
class BulkheadTest {

    /** How many of the test's statements have started. */
    private final AtomicInteger started = new AtomicInteger();

    /** A statement whose answer the test gives, counting how many have started. */
    private final class Statement {
        final Sinks.One<String> answer = Sinks.one();
        final Flux<String> flux;

        Statement() {
            this.flux = Flux.defer(() -> {
                started.incrementAndGet();
                return answer.asMono().flux();
            });
        }

        void answer(String value) {
            answer.tryEmitValue(value);
        }
    }

    /** A request's statements, run in its permit and given back when they have all answered. */
    private static CompletableFuture<List<String>> request(Bulkhead bulkhead, Bulkhead.Permit permit, Statement... statements) {
        return permit.around(Flux.fromArray(statements).flatMap(statement -> bulkhead.run(statement.flux, true)).collectList()).toFuture();
    }

    @Test
    void aRequestKeepsItsPermitForAllItsStatementsAndTheNextInLineGetsItAfter() {
        Bulkhead bulkhead = new Bulkhead(1, 10);
        Statement a1 = new Statement();
        Statement a2 = new Statement();
        Statement b = new Statement();
        Statement c = new Statement();

        CompletableFuture<List<String>> first = request(bulkhead, bulkhead.permit(), a1, a2);
        assertThat(started).as("both statements of the admitted request run").hasValue(2);
        assertThat(bulkhead.taken()).isEqualTo(1);

        CompletableFuture<List<String>> second = request(bulkhead, bulkhead.permit(), b);
        CompletableFuture<List<String>> third = request(bulkhead, bulkhead.permit(), c);
        assertThat(started).as("the others wait for the permit, their statements not begun").hasValue(2);
        assertThat(bulkhead.waiting()).isEqualTo(2);

        a1.answer("a1");
        assertThat(started).as("one statement answered: the request still holds its permit").hasValue(2);
        a2.answer("a2");
        assertThat(first).isCompletedWithValue(List.of("a1", "a2"));
        assertThat(started).as("the first in line is admitted, the second still waits").hasValue(3);
        assertThat(bulkhead.waiting()).isEqualTo(1);
        assertThat(third).isNotDone();

        b.answer("b");
        assertThat(second).isCompletedWithValue(List.of("b"));
        c.answer("c");
        assertThat(third).isCompletedWithValue(List.of("c"));
        assertThat(bulkhead.taken()).isZero();
        assertThat(bulkhead.waiting()).isZero();
    }

    @Test
    void aFullLineRefusesAtOnceNamingTheLimits() {
        Bulkhead bulkhead = new Bulkhead(1, 1);
        request(bulkhead, bulkhead.permit(), new Statement());
        request(bulkhead, bulkhead.permit(), new Statement());

        CompletableFuture<List<String>> refused = request(bulkhead, bulkhead.permit(), new Statement());
        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).cause().isInstanceOf(Bulkhead.BusyException.class)
                .hasMessageContaining("the server is busy")
                .hasMessageContaining("terroir.graph.max-concurrent-requests")
                .hasMessageContaining(Bulkhead.BusyException.LIMIT);
        assertThat(started).as("the refused request ran nothing").hasValue(1);
        assertThat(bulkhead.waiting()).as("a refused request leaves no place in line").isEqualTo(1);
    }

    @Test
    void aRequestThatLeavesTheLineGivesUpItsPlace() {
        Bulkhead bulkhead = new Bulkhead(1, 10);
        Statement a = new Statement();
        Statement b = new Statement();
        Statement c = new Statement();
        CompletableFuture<List<String>> first = request(bulkhead, bulkhead.permit(), a);
        CompletableFuture<List<String>> gone = request(bulkhead, bulkhead.permit(), b);
        CompletableFuture<List<String>> next = request(bulkhead, bulkhead.permit(), c);

        gone.cancel(true);   // the client went away, or the request timed out, while it waited
        assertThat(bulkhead.waiting()).isEqualTo(1);
        a.answer("a");
        assertThat(first).isCompleted();
        assertThat(started).as("the permit went to the one still waiting").hasValue(2);
        c.answer("c");
        assertThat(next).isCompletedWithValue(List.of("c"));
        assertThat(bulkhead.taken()).isZero();
    }

    @Test
    void aPermitGivenBackTwiceFreesOnePermitAndARequestThatNeverReadTakesNone() {
        Bulkhead bulkhead = new Bulkhead(2, 0);
        Bulkhead.Permit permit = bulkhead.permit();
        Statement a = new Statement();
        request(bulkhead, permit, a);
        assertThat(bulkhead.taken()).isEqualTo(1);
        a.answer("a");
        permit.leave();
        assertThat(bulkhead.taken()).isZero();

        assertThat(bulkhead.permit().around(Mono.just("no statement")).block()).isEqualTo("no statement");
        assertThat(bulkhead.taken()).isZero();
    }

    @Test
    void workOutsideARequestTakesNoPermit() {
        Bulkhead bulkhead = new Bulkhead(1, 0);
        request(bulkhead, bulkhead.permit(), new Statement());
        Statement background = new Statement();
        CompletableFuture<List<String>> written = bulkhead.run(background.flux, false).collectList().toFuture();
        assertThat(started).as("the background statement runs though every permit is taken").hasValue(2);
        background.answer("written");
        assertThat(written).isCompletedWithValue(List.of("written"));
        assertThat(bulkhead.readsOutsideRequests()).as("a write outside a request is the recorder's: not counted").isZero();
        Statement stray = new Statement();
        bulkhead.run(stray.flux, true).subscribe();
        assertThat(bulkhead.readsOutsideRequests()).as("a read outside any request is counted").isEqualTo(1);
    }

    @Test
    void capacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new Bulkhead(0, 10)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> new Bulkhead(1, -1)).hasMessageContaining("maxWaiting");
    }
}
