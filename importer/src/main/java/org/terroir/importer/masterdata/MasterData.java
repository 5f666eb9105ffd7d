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

    /** A reference from a cell to a node that must exist. */
    public record Reference(Target target, String key, Path file, long line, String column) {}

    private final Map<MasterDataKind, List<Map<String, Object>>> rows = new EnumMap<>(MasterDataKind.class);
    private final Map<Target, Set<String>> defined = new EnumMap<>(Target.class);
    private final List<Reference> references = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> pseudonymsByHousehold = new HashMap<>();

    MasterData() {
        for (Target target : Target.values()) {
            defined.put(target, new HashSet<>());
        }
    }

    void add(MasterDataKind kind, Map<String, Object> row) {
        rows.computeIfAbsent(kind, k -> new ArrayList<>()).add(row);
    }

    void define(Target target, String key) {
        defined.get(target).add(key);
    }

    void refer(Target target, String key, Path file, long line, String column) {
        references.add(new Reference(target, key, file, line, column));
    }

    void problem(Problem problem) {
        problems.add(problem);
    }

    Map<String, String> pseudonymsByHousehold() {
        return pseudonymsByHousehold;
    }

    /** The rows of one kind, in file order; empty if none. */
    public List<Map<String, Object>> rows(MasterDataKind kind) {
        return rows.getOrDefault(kind, List.of());
    }

    public Set<String> defined(Target target) {
        return Set.copyOf(defined.get(target));
    }

    public List<Reference> references() {
        return List.copyOf(references);
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Rows per kind, for reports. */
    public Map<MasterDataKind, Integer> counts() {
        Map<MasterDataKind, Integer> counts = new EnumMap<>(MasterDataKind.class);
        rows.forEach((kind, list) -> counts.put(kind, list.size()));
        return counts;
    }
}
