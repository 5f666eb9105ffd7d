package org.terroir.labels;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Runs the standard tools that judge our output independently (openssl, sh, zbarimg) in a folder. */
final class Tools {

    private Tools() {}

    /** What a command printed (standard output and error) and returned. */
    record Result(String command, int exitCode, String output) {
        @Override
        public String toString() {
            return command + " -> " + exitCode + "\n" + output;
        }
    }

    /** Runs {@code command} in {@code dir}, with no input, for at most a minute. */
    static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Result(String.join(" ", command), process.exitValue(), output);
    }

    /** Runs a {@code sh} script in {@code dir}. */
    static Result shell(Path dir, String script) throws IOException, InterruptedException {
        return run(dir, List.of("sh", "-c", script));
    }

    /** Whether each probe succeeded: probed once per test JVM. */
    private static final Map<String, Boolean> PROBED = new ConcurrentHashMap<>();

    /**
     * Skips the test, saying {@code missing}, unless the {@code sh} script {@code probe} succeeds.
     * Call it before each test (not once per class: a class skipped as a whole is reported as
     * "Tests run: 0" with no reason), so that each test is reported skipped with the message.
     */
    static void assumeInstalled(String probe, String missing) {
        assumeTrue(PROBED.computeIfAbsent(probe, Tools::succeeds), missing);
    }

    private static boolean succeeds(String probe) {
        try {
            return new ProcessBuilder("sh", "-c", probe).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
