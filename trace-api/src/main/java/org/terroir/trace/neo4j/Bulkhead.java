package org.terroir.trace.neo4j;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;

/**
 * How many requests use the graph at once. A request takes a {@link Permit} at its first statement and
 * keeps it, for all its statements, until it ends; when every permit is taken, a request waits in line
 * (first come, first served) without holding a thread, and when the line is full it is refused at
 * once with {@link BusyException}. Requests that never read the graph (a query refused by the limits,
 * a health check, a static page) never wait for a permit, so they never queue behind traces: the bulkhead
 * bound the work in flight, not the requests accepted.
 *
 * <p>A request's permit travels in its Reactor context ({@link Permit#around}); work outside any request
 * (the scan recorder's batched writes, a few a second) takes none.
 */
public final class Bulkhead {

    private final int capacity;
    private final int maxWaiting;
    private final ArrayDeque<Waiter> line = new ArrayDeque<>();
    private final AtomicLong readsOutsideRequests = new AtomicLong();
    private int taken;

    private record Waiter(Permit permit, Sinks.Empty<Void> sink) {}

    /**
     * @param capacity   how many requests may use the graph at once (at least 1)
     * @param maxWaiting how many may wait for a permit (0: none wait; a request finding every permit taken is refused)
     */
    public Bulkhead(int capacity, int maxWaiting) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("maxWaiting must not be negative, was " + maxWaiting);
        }
        this.capacity = capacity;
        this.maxWaiting = maxWaiting;
    }

    /** As many permits as anyone asks for: nothing waits. */
    public static Bulkhead unlimited() {
        return new Bulkhead(Integer.MAX_VALUE, 0);
    }

    /** How many permits are taken now. */
    public synchronized int taken() {
        return taken;
    }

    /** How many requests wait for a permit now. */
    public synchronized int waiting() {
        return line.size();
    }

    /**
     * How many reading statements have run outside any request, in no permit, since the start: none should
     * (every read serves a request), the scan recorder's writes are not counted.
     */
    public long readsOutsideRequests() {
        return readsOutsideRequests.get();
    }

    /** A permit for one request, not yet taken: its first statement takes it, {@link Permit#leave()} gives it back. */
    public Permit permit() {
        return new Permit(this);
    }

    /**
     * {@code statement} run in the permit of the request in whose Reactor context it is subscribed; a
     * statement outside any request (the scan recorder's batched writes) runs as it comes. {@code read}:
     * whether it only reads, for {@link #readsOutsideRequests()}.
     */
    <T> Flux<T> run(Flux<T> statement, boolean read) {
        return Flux.deferContextual(context -> context.<Permit>getOrEmpty(Permit.class)
                .map(permit -> permit.take().thenMany(statement))
                .orElseGet(() -> read ? statement.doOnSubscribe(subscription -> readsOutsideRequests.incrementAndGet()) : statement));
    }

    private Mono<Void> acquire(Permit permit) {
        Sinks.Empty<Void> sink;
        synchronized (this) {
            if (permit.state == State.LEFT) {
                return Mono.error(new IllegalStateException("the request has ended; its permit is given back"));
            }
            if (taken < capacity) {
                taken++;
                permit.state = State.ADMITTED;
                return Mono.empty();
            }
            if (line.size() >= maxWaiting) {
                return Mono.error(new BusyException(capacity, maxWaiting));
            }
            sink = Sinks.empty();
            line.add(new Waiter(permit, sink));
            permit.state = State.WAITING;
        }
        return sink.asMono();
    }

    private void release(Permit permit) {
        Waiter next = null;
        synchronized (this) {
            State was = permit.state;
            permit.state = State.LEFT;
            if (was == State.WAITING) {
                line.removeIf(waiter -> waiter.permit() == permit);
                return;
            }
            if (was != State.ADMITTED) {
                return;
            }
            next = line.poll();
            if (next == null) {
                taken--;
            } else {
                next.permit().state = State.ADMITTED;
            }
        }
        if (next != null) {
            // Outside the lock: the next request's statement goes on on this thread.
            next.sink().tryEmitEmpty();
        }
    }

    private enum State { NEW, WAITING, ADMITTED, LEFT }

    /** One request's place at the graph: taken once, by its first statement; shared by the rest. */
    public static final class Permit {
        private final Bulkhead bulkhead;
        private State state = State.NEW;   // guarded by the bulkhead
        private Mono<Void> taking;          // guarded by this

        private Permit(Bulkhead bulkhead) {
            this.bulkhead = Objects.requireNonNull(bulkhead, "bulkhead");
        }

        /**
         * Completes when the request has its permit (at once if it has it already); fails with
         * {@link BusyException}. Its statements take it; anything else holding a permit takes it here.
         */
        public synchronized Mono<Void> take() {
            if (taking == null) {
                taking = Mono.defer(() -> bulkhead.acquire(this)).cache();
            }
            return taking;
        }

        /** Gives the permit back (to the first in line), or leaves the line; once only, later calls do nothing. */
        public void leave() {
            bulkhead.release(this);
        }

        /**
         * {@code work} in this permit (in its Reactor context, where its statements find it), given back
         * when {@code work} ends however it ends.
         */
        public <T> Mono<T> around(Mono<T> work) {
            return work.contextWrite(Context.of(Permit.class, this)).doFinally(signal -> leave());
        }
    }

    /** Every permit is taken and the line is full: the request is refused rather than queued. */
    public static final class BusyException extends RuntimeException {
        private final int capacity;
        private final int maxWaiting;

        /** The limit a busy refusal names, in its GraphQL error's extensions. */
        public static final String LIMIT = "terroir.graph.max-waiting-requests";

        public BusyException(int capacity, int maxWaiting) {
            super("the server is busy: " + capacity + " requests are using the graph and " + maxWaiting
                    + " are waiting (terroir.graph.max-concurrent-requests, terroir.graph.max-waiting-requests); try again shortly",
                    null, false, false);
            this.capacity = capacity;
            this.maxWaiting = maxWaiting;
        }

        public int capacity() {
            return capacity;
        }

        public int maxWaiting() {
            return maxWaiting;
        }
    }
}
