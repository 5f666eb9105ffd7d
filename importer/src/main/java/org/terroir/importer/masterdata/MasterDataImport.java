package org.terroir.importer.masterdata;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.terroir.importer.masterdata.MasterData.Reference;
import org.terroir.importer.masterdata.MasterData.Target;
import org.terroir.model.PseudonymSalt;
import org.terroir.model.cypher.Statement;

/**
 * Imports master-data CSV files into the graph: reads and validates all of them, checks every
 * reference against the files and the graph, and only then writes, in {@code UNWIND} batches that
 * MERGE on natural keys. A set of files with any problem writes nothing; importing the same files
 * again changes nothing.
 */
public final class MasterDataImport {

    /** Rows per write transaction. */
    static final int BATCH = 1_000;

    private static final Map<MasterDataKind, List<Statement>> WRITES = new EnumMap<>(Map.of(
            MasterDataKind.REGIONS, List.of(MasterDataStatements.MASTER_REGIONS, MasterDataStatements.MASTER_REGION_PARENTS),
            MasterDataKind.PARTIES, List.of(MasterDataStatements.MASTER_PARTIES),
            MasterDataKind.BRANDS, List.of(MasterDataStatements.MASTER_BRANDS),
            MasterDataKind.PRODUCTS, List.of(MasterDataStatements.MASTER_PRODUCTS),
            MasterDataKind.LOCATIONS, List.of(MasterDataStatements.MASTER_LOCATIONS),
            MasterDataKind.CERTIFICATIONS, List.of(MasterDataStatements.MASTER_CERTIFICATIONS),
            MasterDataKind.PRODUCERS, List.of(MasterDataStatements.MASTER_PRODUCERS),
            MasterDataKind.CONTRIBUTIONS, List.of(MasterDataStatements.MASTER_CONTRIBUTIONS)));

    private static final Map<Target, Statement> EXISTING = Map.of(
            Target.REGION, MasterDataStatements.MASTER_EXISTING_REGIONS,
            Target.PARTY, MasterDataStatements.MASTER_EXISTING_PARTIES,
            Target.BRAND, MasterDataStatements.MASTER_EXISTING_BRANDS,
            Target.PRODUCT, MasterDataStatements.MASTER_EXISTING_PRODUCTS);

    private final Driver driver;
    private final PseudonymSalt salt;
    private final Optional<Charset> encoding;

    /** An import that detects each file's encoding (see {@link FileEncoding}). */
    public MasterDataImport(Driver driver, PseudonymSalt salt) {
        this(driver, salt, Optional.empty());
    }

    /** @param encoding the encoding of every file, overriding detection; empty to detect it per file */
    public MasterDataImport(Driver driver, PseudonymSalt salt, Optional<Charset> encoding) {
        this.driver = driver;
        this.salt = salt;
        this.encoding = encoding;
    }

    /**
     * What an import wrote.
     *
     * @param rows rows written per kind
     * @param encodings the encoding each file was read in
     */
    public record Outcome(Map<MasterDataKind, Integer> rows, List<FileEncoding> encodings) {}

    /**
     * Imports {@code files}.
     *
     * @return rows written per kind
     * @throws MasterDataRejectedException listing every problem, when any file is invalid; then
     *     nothing was written
     */
    public Map<MasterDataKind, Integer> run(List<Path> files) {
        return importFiles(files).rows();
    }

    /**
     * Imports {@code files}, as {@link #run} does, saying also which encoding each was read in.
     *
     * @throws MasterDataRejectedException listing every problem, when any file is invalid; then
     *     nothing was written
     */
    public Outcome importFiles(List<Path> files) {
        MasterDataReader reader = new MasterDataReader(salt, encoding);
        MasterData data = reader.validate(files);
        List<Problem> problems = new ArrayList<>(data.problems());
        problems.addAll(unresolved(data));
        if (!problems.isEmpty()) {
            throw new MasterDataRejectedException(problems, data.encodings());
        }
        write(reader, data);
        return new Outcome(data.counts(), data.encodings());
    }

    /** References found neither in the files nor in the graph. */
    private List<Problem> unresolved(MasterData data) {
        Map<Target, Set<String>> wanted = new EnumMap<>(Target.class);
        for (Reference reference : data.references()) {
            if (!data.defined(reference.target()).contains(reference.key())) {
                wanted.computeIfAbsent(reference.target(), t -> new HashSet<>()).add(reference.key());
            }
        }
        Map<Target, Set<String>> inGraph = new EnumMap<>(Target.class);
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            wanted.forEach((target, keys) -> inGraph.put(target, new HashSet<>(session.executeRead(tx ->
                    tx.run(EXISTING.get(target).cypher(), Map.of("keys", List.copyOf(keys)))
                            .single().get("found").asList(v -> v.asString())))));
        }
        List<Problem> problems = new ArrayList<>();
        for (Reference reference : data.references()) {
            if (!data.defined(reference.target()).contains(reference.key())
                    && !inGraph.getOrDefault(reference.target(), Set.of()).contains(reference.key())) {
                problems.add(new Problem(reference.file(), reference.line(), reference.column(),
                        reference.target().name().toLowerCase(java.util.Locale.ROOT) + " \"" + reference.key()
                                + "\" is neither in these files nor in the graph"
                                + (reference.uses() > 1 ? " (first of " + reference.uses() + " cells naming it)" : "")));
            }
        }
        return problems;
    }

    /**
     * Writes the validated files, kind after kind, each statement over all the rows of its kind
     * before the next (a region's parent may come later in the file), reading the rows again in
     * chunks of {@value #BATCH}: the files are never held in memory whole.
     */
    private void write(MasterDataReader reader, MasterData data) {
        try (Session session = driver.session()) {
            for (MasterDataKind kind : MasterDataKind.values()) {
                for (Statement statement : WRITES.get(kind)) {
                    List<Map<String, Object>> chunk = new ArrayList<>(BATCH);
                    reader.rows(data, kind, row -> {
                        chunk.add(row);
                        if (chunk.size() == BATCH) {
                            writeChunk(session, statement, chunk);
                        }
                    });
                    if (!chunk.isEmpty()) {
                        writeChunk(session, statement, chunk);
                    }
                }
            }
        }
    }

    private static void writeChunk(Session session, Statement statement, List<Map<String, Object>> chunk) {
        List<Map<String, Object>> rows = List.copyOf(chunk);
        session.executeWriteWithoutResult(tx -> tx.run(statement.cypher(), Map.of("rows", rows)).consume());
        chunk.clear();
    }

    /** Rows per kind, keyed by file name, for reports. */
    public static Map<String, Integer> byFileName(Map<MasterDataKind, Integer> counts) {
        Map<String, Integer> named = new LinkedHashMap<>();
        counts.forEach((kind, n) -> named.put(kind.fileName(), n));
        return named;
    }
}
