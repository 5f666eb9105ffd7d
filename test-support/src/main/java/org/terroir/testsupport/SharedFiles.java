package org.terroir.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's sibling {@code shared/} folder (corpus, standards) by walking up from the
 * working directory; tests that need it skip when it is absent, e.g. in a user's fresh clone.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    /** The {@code shared/} folder next to the checkout, if any. */
    public static Optional<Path> find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path shared = dir.resolve("shared");
            if (Files.isDirectory(shared.resolve("corpus"))) {
                return Optional.of(shared);
            }
        }
        return Optional.empty();
    }

    /** {@code shared/<relative>}, or skips the calling test with a clear message. */
    public static Path require(String relative) {
        Optional<Path> shared = find();
        assumeTrue(shared.isPresent(), () -> "Skipped: no ../shared folder above " + Path.of("").toAbsolutePath()
                + " (the shared corpus and standards are not part of a fresh clone; CI has them)");
        Path path = shared.get().resolve(relative);
        assumeTrue(Files.exists(path), () -> "Skipped: " + path + " is absent");
        return path;
    }
}
