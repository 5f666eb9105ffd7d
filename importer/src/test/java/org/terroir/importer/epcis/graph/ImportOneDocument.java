package org.terroir.importer.epcis.graph;

import java.net.URI;
import java.nio.file.Path;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * {@code ImportOneDocument BOLT_URI FILE}: imports one EPCIS document into the database at
 * {@code BOLT_URI}, printing {@code committed N} after each committed transaction and
 * {@code imported N} at the end. Run in its own JVM by {@link KilledImportIT}, to be killed.
 */
public final class ImportOneDocument {

    private ImportOneDocument() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ImportOneDocument BOLT_URI FILE, got " + args.length + " argument(s)");
        }
        try (Driver driver = GraphDatabase.driver(URI.create(args[0]), AuthTokens.none())) {
            EpcisImport.Outcome outcome = new EpcisImport(driver).run(Path.of(args[1]), written -> {
                System.out.println("committed " + written);
                System.out.flush();
            });
            System.out.println((outcome.imported() ? "imported " : "rejected ") + outcome.events());
        }
    }
}
