package org.terroir.importer.run;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of one document: a bar with events/s on a terminal, a plain line now and then otherwise. */
abstract sealed class Progress implements AutoCloseable {

    abstract void stepTo(long events);

    /** The document is done: says how many events it had. Not called when it failed part-way. */
    abstract void finish();

    @Override
    public abstract void close();

    static Progress start(String task, long total, PrintWriter err) {
        return onTerminal() ? new Bar(task, total) : new Lines(task, total, err);
    }

    /** A terminal, not a pipe or a CI log. */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null || System.getenv("CI") != null) {
            return false;
        }
        try { // Java 22+: a console is there even when redirected; isTerminal tells
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }

    private static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(String task, long total) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" events", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().build();
        }

        @Override
        void stepTo(long events) {
            bar.stepTo(events);
        }

        @Override
        void finish() {
            // the bar shows it
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class Lines extends Progress {
        private static final long EVERY = 100_000;
        private final String task;
        private final long total;
        private final PrintWriter err;
        private final long started = System.nanoTime();
        private long next = EVERY;
        private long done;

        Lines(String task, long total, PrintWriter err) {
            this.task = task;
            this.total = total;
            this.err = err;
        }

        @Override
        void stepTo(long events) {
            done = events;
            if (events >= next) {
                print();
                next = (events / EVERY + 1) * EVERY;
            }
        }

        private void print() {
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            String of = total > 0 ? " of %,d".formatted(total) : "";
            err.printf("import: %s: %,d%s events (%,.0f events/s)%n", task, done, of, done / seconds);
            err.flush();
        }

        @Override
        void finish() {
            print();
        }

        @Override
        public void close() {
            // a document that failed part-way is told of in the failure's own line
        }
    }
}
