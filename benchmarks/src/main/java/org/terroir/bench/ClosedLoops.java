package org.terroir.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Closed-loop load: each client sends a request for a random sample, waits for the answer, and
 * sends the next, for a given time; what it measures is requests per second and latency percentiles.
 */
final class ClosedLoops {

    /** A call for one sample by one client (numbered from 0): true when the answer was right. */
    interface Call<T> extends BiFunction<Integer, T, CompletableFuture<Boolean>> {}

    /**
     * What one phase measured: requests answered right, errors, its time and every right answer's
     * latency, and the CPU milliseconds the serving process used meanwhile (NaN when not watched).
     */
    record Result(String question, String side, int clients, long requests, long errors, double seconds, long[] latenciesNanos,
                  double serverCpuMillis) {

        /** The results of rounds of one question, side and client count as one: requests over their time, all latencies, all CPU. */
        static Result pooled(List<Result> rounds) {
            Result first = rounds.getFirst();
            return new Result(first.question(), first.side(), first.clients(), rounds.stream().mapToLong(Result::requests).sum(),
                    rounds.stream().mapToLong(Result::errors).sum(), rounds.stream().mapToDouble(Result::seconds).sum(),
                    rounds.stream().flatMapToLong(r -> Arrays.stream(r.latenciesNanos())).toArray(),
                    rounds.stream().mapToDouble(Result::serverCpuMillis).sum());
        }

        double perSecond() {
            return requests / seconds;
        }

        /** The serving process's CPU milliseconds per request sent (answered right or not); NaN when not watched. */
        double cpuPerRequest() {
            return serverCpuMillis / (requests + errors);
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT, "  %-6s %-9s %3d clients: %,8.0f requests/s  p50 %6.1f ms  p99 %6.1f ms  (%,d errors)%s",
                    question, side, clients, perSecond(), percentileMillis(50), percentileMillis(99), errors,
                    Double.isNaN(serverCpuMillis) ? "" : String.format(Locale.ROOT, "  server CPU %.2f ms/request", cpuPerRequest()));
        }
    }

    /** One side of a comparison: its name in the results, the samples it asks about, and how it asks. */
    record Side<T>(String name, List<T> samples, Call<T> call) {}

    /** The results of {@link #turns}: each side's rounds in the order they ran, the sides in the order they took turns. */
    record Turns(List<List<Result>> sides) {

        Turns {
            sides = sides.stream().map(List::copyOf).toList();
        }

        /** Rounds of {@code sides} sides that ran in turn (the first side, the second, …, the first again), split by side. */
        static Turns of(List<Result> rounds, int sides) {
            if (sides < 1 || rounds.size() % sides != 0) {
                throw new IllegalArgumentException(rounds.size() + " results are not whole rounds of " + sides + " sides");
            }
            List<List<Result>> bySide = new ArrayList<>();
            for (int side = 0; side < sides; side++) {
                List<Result> results = new ArrayList<>();
                for (int i = side; i < rounds.size(); i += sides) {
                    results.add(rounds.get(i));
                }
                bySide.add(results);
            }
            return new Turns(bySide);
        }

        /** The rounds of side {@code index}, in the order they ran. */
        List<Result> side(int index) {
            return sides.get(index);
        }

        /** The rounds of side {@code index} as one ({@link Result#pooled}). */
        Result pooled(int index) {
            return Result.pooled(side(index));
        }

        /** Each round's side {@code index} ÷ side {@code baseline} in {@code measure}, to two decimals. */
        List<String> ratios(int index, int baseline, ToDoubleFunction<Result> measure) {
            List<String> ratios = new ArrayList<>();
            for (int round = 0; round < side(index).size(); round++) {
                ratios.add(String.format(Locale.ROOT, "%.2f",
                        measure.applyAsDouble(side(index).get(round)) / measure.applyAsDouble(side(baseline).get(round))));
            }
            return ratios;
        }

        /** How long each round of the first side was measured, e.g. "4 × 15 s". */
        String rounds() {
            List<Result> first = side(0);
            double seconds = first.stream().mapToDouble(Result::seconds).sum();
            return first.size() + " × " + Math.round(seconds / first.size()) + " s";
        }
    }

    private ClosedLoops() {}

    /**
     * Rounds of the sides in turn (the first, the second, …, the first again), each a warm-up then a
     * measure, so that a slow stretch of the machine falls on every side alike; {@code cpu} is read
     * around each measure.
     */
    static Turns turns(int rounds, String question, int clients, List<Side<?>> sides, int warmupSeconds, int seconds, ServerCpu cpu) {
        List<Result> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (Side<?> side : sides) {
                results.add(run(question, clients, side, warmupSeconds, seconds, cpu));
            }
        }
        return Turns.of(results, sides.size());
    }

    private static <T> Result run(String question, int clients, Side<T> side, int warmupSeconds, int seconds, ServerCpu cpu) {
        return run(question, side.name(), clients, side.samples(), side.call(), warmupSeconds, seconds, cpu);
    }

    /** A warm-up of {@code warmupSeconds}, then {@code seconds} measured; prints and returns the measured part. */
    static <T> Result run(String question, String side, int clients, List<T> samples, Call<T> call, int warmupSeconds, int seconds,
                          ServerCpu cpu) {
        warm(clients, samples, call, warmupSeconds);
        return measure(question, side, clients, samples, call, seconds, cpu);
    }

    /** Load that is not measured: the JIT, the caches and the connections warm up. */
    static <T> void warm(int clients, List<T> samples, Call<T> call, int seconds) {
        load(clients, samples, call, seconds, new ConcurrentLinkedQueue<>(), new AtomicLong());
    }

    /** {@code seconds} measured, no warm-up, with the CPU {@code cpu} says the server used meanwhile; prints and returns the result. */
    static <T> Result measure(String question, String side, int clients, List<T> samples, Call<T> call, int seconds, ServerCpu cpu) {
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        double cpuBefore = cpu.millis();
        long start = System.nanoTime();
        load(clients, samples, call, seconds, latencies, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuUsed = cpu.millis() - cpuBefore;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        Result result = new Result(question, side, clients, all.length, errors.get(), elapsed, all, cpuUsed);
        System.out.println(result.line());
        return result;
    }

    /** {@code clients} closed loops for {@code seconds}; each loop's latencies end up in {@code latencies}. */
    private static <T> void load(int clients, List<T> samples, Call<T> call, int seconds, ConcurrentLinkedQueue<long[]> latencies,
            AtomicLong errors) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            LatencyLog log = new LatencyLog();
            next(c, call, samples, end, log, errors, done);
            loops.add(done.whenComplete((v, e) -> latencies.add(log.toArray())));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
    }

    private static <T> void next(int client, Call<T> call, List<T> samples, long end, LatencyLog log, AtomicLong errors,
            CompletableFuture<Void> done) {
        if (System.nanoTime() >= end) {
            done.complete(null);
            return;
        }
        T sample = samples.get(ThreadLocalRandom.current().nextInt(samples.size()));
        long sent = System.nanoTime();
        call.apply(client, sample).whenComplete((ok, failure) -> {
            if (failure == null && Boolean.TRUE.equals(ok)) {
                log.add(System.nanoTime() - sent);
            } else {
                errors.incrementAndGet();
            }
            next(client, call, samples, end, log, errors, done);
        });
    }

    /** One client's latencies: only its own loop appends, one request at a time. */
    static final class LatencyLog {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
