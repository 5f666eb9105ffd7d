package org.terroir.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long this process could not run when it wanted to: a thread that asks to wake every
 * millisecond and records each wake-up that came more than a millisecond late (the process paused
 * by its collector, or no core free for it). A client on the machine it measures shares the cores
 * with the server: a request it times while it was itself stalled was late on the client's side.
 */
final class Stalls implements AutoCloseable {

    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(1);

    /** Pairs of nanoTimes: when the thread should have woken, when it did; only those late by over a tick. */
    private final List<long[]> late = new ArrayList<>();
    private final Thread meter;
    private volatile boolean running = true;

    private Stalls() {
        meter = Thread.ofPlatform().daemon().name("stall-meter").start(() -> {
            while (running) {
                long due = System.nanoTime() + TICK;
                LockSupport.parkNanos(TICK);
                long woke = System.nanoTime();
                if (woke - due > TICK) {
                    synchronized (late) {
                        late.add(new long[] {due, woke});
                    }
                }
            }
        });
    }

    static Stalls start() {
        return new Stalls();
    }

    /** The longest stall overlapping {@code [from, to]} (nanoTimes), in nanoseconds; 0 when none. */
    long longestBetween(long from, long to) {
        long longest = 0;
        synchronized (late) {
            for (int i = late.size() - 1; i >= 0; i--) {
                long[] stall = late.get(i);
                if (stall[1] < from) {
                    break;
                }
                if (stall[0] <= to) {
                    longest = Math.max(longest, Math.min(stall[1], to) - Math.max(stall[0], from));
                }
            }
        }
        return longest;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        meter.join();
    }
}
