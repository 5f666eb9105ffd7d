package org.terroir.trace.provenance;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import org.terroir.model.cypher.Catalogue;
import org.terroir.trace.graph.GraphReader;
import reactor.core.publisher.Mono;

/** The copy flags the resolver's detection raised ({@code scans.flags}), a page at a time, latest first. */
@Component
public class ScanFlags {

    /** Why a unit's label looks copied (GraphQL {@code SuspicionKind}). */
    public enum Kind { SPEED, DEVICES }

    /**
     * One flag and its evidence.
     *
     * @param distanceKm for {@code SPEED}: how far apart the two scans were
     * @param speedKmh   for {@code SPEED}: the speed the pack would have travelled at; null when both were in the same second
     * @param devices    for {@code DEVICES}: how many distinct devices scanned the unit
     */
    public record Flag(String id, Kind kind, String at, String brand, String gtin, String serial, Double distanceKm,
                       Double speedKmh, Long devices, List<Scans.Scan> evidence) {}

    private final GraphReader graph;

    public ScanFlags(GraphReader graph) {
        this.graph = graph;
    }

    /** A page of flags of brand {@code brand} (any when null) whose owner is one of {@code brandOwners} (any when null). */
    public Mono<Page<Flag>> flags(String brand, List<String> brandOwners, int first, Optional<String> after) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("brand", brand);
        parameters.put("brandOwners", brandOwners);
        parameters.put("beforeAt", after.map(key -> key.substring(0, key.indexOf(' '))).orElse(null));
        parameters.put("beforeId", after.map(key -> key.substring(key.indexOf(' ') + 1)).orElse(null));
        parameters.put("limit", first + 1);
        return graph.read(Catalogue.SCAN_FLAGS, parameters).collectList().map(rows -> {
            boolean more = rows.size() > first;
            List<Page.Edge<Flag>> edges = new ArrayList<>();
            for (var row : more ? rows.subList(0, first) : rows) {
                Value flag = row.get("flag");
                Flag entry = new Flag(flag.get("id").asString(), Kind.valueOf(flag.get("kind").asString()), row.get("at").asString(),
                        row.get("brand").asString(), flag.get("gtin").asString(), flag.get("serial").asString(),
                        number(flag.get("distanceKm")), number(flag.get("speedKmh")),
                        flag.get("devices").isNull() ? null : flag.get("devices").asLong(),
                        row.get("evidence").asList(Scans::scan));
                edges.add(new Page.Edge<>(Page.cursor(entry.at() + " " + entry.id()), entry));
            }
            return new Page<>(edges, more, after.isPresent(), () -> Mono.error(new UnsupportedOperationException("no count")));
        });
    }

    /** Whether a cursor's key is one of this list's: a time, a space, a flag id. */
    public static boolean isCursorKey(String key) {
        int space = key.indexOf(' ');
        if (space < 0 || space == key.length() - 1) {
            return false;
        }
        try {
            OffsetDateTime.parse(key.substring(0, space));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Double number(Value value) {
        return value.isNull() ? null : value.asDouble();
    }
}
