package org.terroir.cli;

import java.nio.file.Path;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphTarget;
import org.terroir.store.OpenGraph;

/**
 * {@code HoldStore DATA_DIR}: opens the embedded store of {@code DATA_DIR}, as {@code terroir serve}
 * does, prints {@code holding BOLT_URI} and keeps it until killed. Run in its own JVM by
 * {@link InterruptedImportIT}, a graph that goes away under an import.
 */
public final class HoldStore {

    private HoldStore() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: HoldStore DATA_DIR, got " + args.length + " argument(s)");
        }
        try (OpenGraph graph = GraphStore.open(new GraphTarget.Embedded(Path.of(args[0]), 0))) {
            System.out.println("holding " + graph.boltUri());
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
