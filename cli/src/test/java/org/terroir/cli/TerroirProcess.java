package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@code terroir} command running in a JVM of its own, and the lines it has printed. */
record TerroirProcess(Process process, BlockingQueue<String> lines, List<String> seen) {

    static TerroirProcess start(String... args) throws IOException {
        return start(Map.of(), args);
    }

    /** Started with these environment variables besides the test's own. */
    static TerroirProcess start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Terroir.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // A first request of a cold JVM on a busy 2-core machine may exceed the default 10 s: this
        // test is about what the answers hold, not how fast they come.
        builder.environment().put("TERROIR_GRAPHQL_TIMEOUT", "60s");
        builder.environment().putAll(environment);
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "terroir-output");
        reader.setDaemon(true);
        reader.start();
        return new TerroirProcess(process, lines, new ArrayList<>());
    }

    /** Reads printed lines up to and including the first containing {@code marker}; fails after 4 minutes. */
    List<String> until(String marker) throws InterruptedException {
        List<String> read = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                read.add(line);
                seen.add(line);
                if (line.contains(marker)) {
                    return read;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line with \"" + marker + "\"; printed:\n" + String.join("\n", seen));
    }

    /** Stops it as Ctrl+C or kill does (SIGTERM) and returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
        return process.exitValue();
    }
}

