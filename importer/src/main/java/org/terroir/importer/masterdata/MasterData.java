package org.terroir.importer.masterdata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Master data read and validated, not yet written: the parameter rows of each kind, the keys it
 * defines, the keys it refers to (to be found in these files or in the graph), and every problem.
 */
public final class MasterData {

    /** Kinds of node a row can refer to. */
    public enum Target { REGION, PARTY, BRAND, PRODUCT }

    /**
     * A reference from a cell to a node that must exist: where it is first made, and how many cells
     * make it (the same product or region is named by many rows).
     */
    public record Reference(Target target, String key, Path file, long line, String column, int uses) {}

    private final boolean keepRows;
    private final java.util.function.Consumer<Map<String, Object>> sink;
    private final Map<MasterDataKind, List<Map<String, Object>>> rows = new EnumMap<>(MasterDataKind.class);
    private final Map<MasterDataKind, Integer> counts = new EnumMap<>(MasterDataKind.class);
    private final Map<MasterDataKind, List<Path>> files = new EnumMap<>(MasterDataKind.class);
    private final Map<Path, FileEncoding> encodings = new java.util.LinkedHashMap<>();
    private final Map<Target, Set<String>> defined = new EnumMap<>(Target.class);
    private final Map<Target, Map<String, Reference>> references = new EnumMap<>(Target.class);
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> pseudonymsByHousehold = new HashMap<>();

    /** @param keepRows whether to hold the rows read, or only count them (a validation pass over files of any size) */
    MasterData(boolean keepRows) {
        this(keepRows, null);
    }

    /** Master data whose rows go to {@code sink} as they are read (neither kept nor counted). */
    MasterData(java.util.function.Consumer<Map<String, Object>> sink) {
        this(false, sink);
    }

    private MasterData(boolean keepRows, java.util.function.Consumer<Map<String, Object>> sink) {
        this.keepRows = keepRows;
        this.sink = sink;
        for (Target target : Target.values()) {
            defined.put(target, new HashSet<>());
            references.put(target, new java.util.LinkedHashMap<>());
        }
    }

    void add(MasterDataKind kind, Map<String, Object> row) {
        if (sink != null) {
            sink.accept(row);
            return;
        }
        counts.merge(kind, 1, Integer::sum);
        if (keepRows) {
            rows.computeIfAbsent(kind, k -> new ArrayList<>()).add(row);
        }
    }

    void file(MasterDataKind kind, FileEncoding file) {
        files.computeIfAbsent(kind, k -> new ArrayList<>()).add(file.file());
    }

    /** The files of one kind, in the order they were read. */
    List<Path> files(MasterDataKind kind) {
        return files.getOrDefault(kind, List.of());
    }

    void encoding(FileEncoding encoding) {
        encodings.put(encoding.file(), encoding);
    }

    /** The encoding {@code file} was read in. */
    FileEncoding encoding(Path file) {
        return encodings.get(file);
    }

    /** The encoding of every file read, in the order the files were given. */
    public List<FileEncoding> encodings() {
        return List.copyOf(encodings.values());
    }

    void define(Target target, String key) {
        defined.get(target).add(key);
    }

    void refer(Target target, String key, Path file, long line, String column) {
        references.get(target).merge(key, new Reference(target, key, file, line, column, 1),
                (first, again) -> new Reference(target, key, first.file(), first.line(), first.column(), first.uses() + 1));
    }

    void problem(Problem problem) {
        problems.add(problem);
    }

    Map<String, String> pseudonymsByHousehold() {
        return pseudonymsByHousehold;
    }

    /**
     * The rows of one kind, in file order; empty if none.
     *
     * @throws IllegalStateException if this data was read without keeping its rows
     */
    public List<Map<String, Object>> rows(MasterDataKind kind) {
        if (!keepRows) {
            throw new IllegalStateException("these master data were only validated: their rows were not kept");
        }
        return rows.getOrDefault(kind, List.of());
    }

    public Set<String> defined(Target target) {
        return Set.copyOf(defined.get(target));
    }

    /** Every key referred to, once, with the first cell that refers to it. */
    public List<Reference> references() {
        return references.values().stream().flatMap(byKey -> byKey.values().stream()).toList();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Rows per kind, for reports. */
    public Map<MasterDataKind, Integer> counts() {
        return new EnumMap<>(counts);
    }
}
