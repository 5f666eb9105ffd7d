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

    record Result(String question, String side, int clients, long requests, long errors, double seconds, long[] latenciesNanos) {

        /** The results of rounds of one question, side and client count as one: requests over their time, all latencies. */
        static Result pooled(List<Result> rounds) {
            Result first = rounds.getFirst();
            return new Result(first.question(), first.side(), first.clients(), rounds.stream().mapToLong(Result::requests).sum(),
                    rounds.stream().mapToLong(Result::errors).sum(), rounds.stream().mapToDouble(Result::seconds).sum(),
                    rounds.stream().flatMapToLong(r -> Arrays.stream(r.latenciesNanos())).toArray());
        }

        double perSecond() {
            return requests / seconds;
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
            return String.format(Locale.ROOT, "  %-6s %-7s %3d clients: %,8.0f requests/s  p50 %6.1f ms  p99 %6.1f ms  (%,d errors)",
                    question, side, clients, perSecond(), percentileMillis(50), percentileMillis(99), errors);
        }
    }

    /** One side of a comparison: its name in the results, the samples it asks about, and how it asks. */
    record Side<T>(String name, List<T> samples, Call<T> call) {}

    /** The results of {@link #turns}, each side's rounds in the order they ran. */
    record Turns(List<Result> first, List<Result> second) {

        static Turns of(List<Result> rounds) {
            List<Result> first = new ArrayList<>();
            List<Result> second = new ArrayList<>();
            for (int i = 0; i < rounds.size(); i += 2) {
                first.add(rounds.get(i));
                second.add(rounds.get(i + 1));
            }
            return new Turns(first, second);
        }

        /** Each round's second side ÷ its first in {@code measure}, to two decimals. */
        List<String> ratios(ToDoubleFunction<Result> measure) {
            List<String> ratios = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) {
                ratios.add(String.format(Locale.ROOT, "%.2f", measure.applyAsDouble(second.get(i)) / measure.applyAsDouble(first.get(i))));
            }
            return ratios;
        }

        /** How long each round of the first side was measured, e.g. "4 × 15 s". */
        String rounds() {
            double seconds = first.stream().mapToDouble(Result::seconds).sum();
            return first.size() + " × " + Math.round(seconds / first.size()) + " s";
        }
    }

    private ClosedLoops() {}

    /**
     * Rounds of two sides in turn (first, second, first, …), each a warm-up then a measure, so that a
     * slow stretch of the machine falls on both sides alike; the results in the order they ran.
     */
    static List<Result> turns(int rounds, String question, int clients, Side<?> first, Side<?> second, int warmupSeconds, int seconds) {
        List<Result> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            results.add(run(question, clients, first, warmupSeconds, seconds));
            results.add(run(question, clients, second, warmupSeconds, seconds));
        }
        return results;
    }

    private static <T> Result run(String question, int clients, Side<T> side, int warmupSeconds, int seconds) {
        return run(question, side.name(), clients, side.samples(), side.call(), warmupSeconds, seconds);
    }

    /** A warm-up of {@code warmupSeconds}, then {@code seconds} measured; prints and returns the measured part. */
    static <T> Result run(String question, String side, int clients, List<T> samples, Call<T> call, int warmupSeconds, int seconds) {
        warm(clients, samples, call, warmupSeconds);
        return measure(question, side, clients, samples, call, seconds);
    }

    /** Load that is not measured: the JIT, the caches and the connections warm up. */
    static <T> void warm(int clients, List<T> samples, Call<T> call, int seconds) {
        load(clients, samples, call, seconds, new ConcurrentLinkedQueue<>(), new AtomicLong());
    }

    /** {@code seconds} measured, no warm-up; prints and returns the result. */
    static <T> Result measure(String question, String side, int clients, List<T> samples, Call<T> call, int seconds) {
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        load(clients, samples, call, seconds, latencies, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        Result result = new Result(question, side, clients, all.length, errors.get(), elapsed, all);
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
