package org.terroir.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.terroir.bench.BenchSample.Lot;
import org.terroir.bench.ClosedLoops.Result;
import org.terroir.bench.ClosedLoops.Side;
import org.terroir.bench.ClosedLoops.Turns;

/**
 * How latency grows with the graph, run by {@code bench/trace-api-growth} against two {@code terroir
 * serve} processes at once, one on a smaller store and one on a larger:
 * {@code TraceGrowth WORK URL WORK URL [seconds] [warm-up] [clients,…]} (each work folder made by
 * {@code TraceApiLoad prepare} from its store).
 *
 * <p>GraphQL {@code trace} and {@code recall} over HTTP, the two graphs taking turns in rounds for
 * each client count, as the driver and GraphQL do in {@link TraceApiLoad}: measured one after the
 * other, the two graphs' p99 differed by the machine's drift between them (a driver alone ran at 351
 * requests/s in one run and 410–443 in others), which entered the ratio whole. Each graph's p99 is
 * pooled over its rounds, and the larger's is given as a multiple of the smaller's, with each
 * round's own.
 */
public final class TraceGrowth {

    private static final int WARM_ROUNDS = 4;

    private TraceGrowth() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: TraceGrowth SMALL-WORK SMALL-URL LARGE-WORK LARGE-URL [seconds] [warm-up seconds] [clients,...]");
            System.exit(2);
        }
        Graph small = new Graph(new BenchSample(Path.of(args[0])), URI.create(args[1]));
        Graph large = new Graph(new BenchSample(Path.of(args[2])), URI.create(args[3]));
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        int[] clientCounts = args.length > 6 ? Arrays.stream(args[6].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {16, 64};
        measure(small, large, seconds, warmup, clientCounts);
    }

    /** One served graph: its size, and its samples asked through GraphQL at its address. */
    private record Graph(String name, Side<Lot> trace, Side<Lot> recall) {

        Graph(BenchSample sample, URI base) throws IOException {
            this(String.format(Locale.ROOT, "%,d batches", sample.batches()), sample, base.resolve("/graphql"), TraceApiLoad.http());
        }

        private Graph(String name, BenchSample sample, URI endpoint, HttpClient http) throws IOException {
            this(name, new Side<>(name, sample.packed(), TraceApiLoad.traceOver(http, endpoint)),
                    new Side<>(name, sample.raw(), TraceApiLoad.recallOver(http, endpoint)));
        }

        /** Fails unless the graph answers the first samples of both questions. */
        void check() {
            check(trace);
            check(recall);
        }

        private static void check(Side<Lot> side) {
            for (Lot lot : side.samples().subList(0, Math.min(20, side.samples().size()))) {
                if (!side.call().apply(0, lot).join()) {
                    throw new IllegalStateException(side.name() + ": " + lot + " is not answered");
                }
            }
        }
    }

    private static void measure(Graph small, Graph large, int seconds, int warmup, int[] clientCounts) {
        small.check();
        large.check();
        // Each server's JIT compiles the paths both questions take, and each store's pages the samples
        // reach are read into its page cache, before anything is measured. Four rounds each: after two,
        // the first 16-client rounds still sped up from one to the next (102, 132, 186, 255 traces/s on
        // 100k, the 1M server alike), two JVMs compiling on the machine's two cores.
        int first = clientCounts[0];
        for (int round = 0; round < WARM_ROUNDS; round++) {
            for (Graph graph : List.of(small, large)) {
                warm(first, graph.trace(), 2 * warmup);
                warm(first, graph.recall(), 2 * warmup);
            }
        }
        List<Turns> pairs = new ArrayList<>();
        for (int clients : clientCounts) {
            pairs.add(ClosedLoops.turns(TraceApiLoad.TRACE_ROUNDS, "trace", clients, List.of(small.trace(), large.trace()), warmup, seconds,
                    ServerCpu.UNKNOWN));
        }
        for (int clients : clientCounts) {
            pairs.add(ClosedLoops.turns(TraceApiLoad.RECALL_ROUNDS, "recall", clients, List.of(small.recall(), large.recall()), warmup,
                    seconds, ServerCpu.UNKNOWN));
        }
        report(pairs);
    }

    private static <T> void warm(int clients, Side<T> side, int seconds) {
        ClosedLoops.warm(clients, side.samples(), side.call(), seconds);
    }

    /**
     * One row per graph, question and client count, its rounds pooled; the larger graph's row gives its
     * pooled p99 (and p50) as a multiple of the smaller's, and each round's p99 multiple.
     */
    private static void report(List<Turns> pairs) {
        System.out.printf(Locale.ROOT, "%n| query | clients | graph | requests/s | p50 ms | p99 ms | errors | p50 ÷ smaller | p99 ÷ smaller | rounds' p99 ÷ smaller |%n");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Turns turns : pairs) {
            Result s = turns.pooled(0);
            Result l = turns.pooled(1);
            for (Result r : List.of(s, l)) {
                boolean isLarger = r == l;
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %,.0f | %.1f | %.1f | %d | %s | %s | %s |%n", r.question(), r.clients(),
                        r.side(), r.perSecond(), r.percentileMillis(50), r.percentileMillis(99), r.errors(),
                        isLarger ? String.format(Locale.ROOT, "%.2f", l.percentileMillis(50) / s.percentileMillis(50)) : "",
                        isLarger ? String.format(Locale.ROOT, "%.2f", l.percentileMillis(99) / s.percentileMillis(99)) : "",
                        isLarger ? String.join(", ", turns.ratios(1, 0, result -> result.percentileMillis(99))) : turns.rounds());
            }
        }
    }
}
