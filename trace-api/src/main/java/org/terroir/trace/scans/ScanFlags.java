package org.terroir.trace.scans;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import org.terroir.trace.graphql.Page;
import org.terroir.trace.graphql.TimePosition;
import org.terroir.trace.neo4j.GraphReader;
import org.terroir.trace.trace.Location;
import reactor.core.publisher.Mono;

/** The copy flags the resolver's detection raised ({@code scans.flags}), a page at a time, latest first. */
@Component
public class ScanFlags {

    /** Why a unit's label looks copied (GraphQL {@code SuspicionKind}). */
    public enum Kind { SPEED, DEVICES, JOURNEY_END }

    /**
     * One flag and its evidence.
     *
     * @param distanceKm for {@code SPEED}: how far apart the two scans were; for {@code JOURNEY_END}: how far
     *                   from where the unit's journey ended the farthest of its scans was
     * @param speedKmh   for {@code SPEED}: the speed the pack would have travelled at; null when both were in the same second
     * @param devices    for {@code DEVICES}: how many distinct devices scanned the unit
     * @param networks   how many distinct networks the evidence came from
     * @param shownToConsumers whether the unit's page warns: the flag rests on independent sources
     * @param journeyEnd for {@code JOURNEY_END}: where the unit's recorded journey ended
     */
    public record Flag(String id, Kind kind, String at, String brand, String gtin, String serial, Double distanceKm,
                       Double speedKmh, Long devices, Long networks, boolean shownToConsumers, Location journeyEnd,
                       List<Scans.Scan> evidence) {}

    private final GraphReader graph;

    public ScanFlags(GraphReader graph) {
        this.graph = graph;
    }

    /** A page of flags of brand {@code brand} (any when null) whose owner is one of {@code brandOwners} (any when null). */
    public Mono<Page<Flag>> flags(String brand, List<String> brandOwners, int first, Optional<TimePosition> after) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("brand", brand);
        parameters.put("brandOwners", brandOwners);
        parameters.put("beforeAt", after.map(TimePosition::time).orElse(null));
        parameters.put("beforeId", after.map(TimePosition::id).orElse(null));
        parameters.put("limit", first + 1);
        return graph.read(ScanStatements.SCAN_FLAGS, parameters).collectList().map(rows -> Page.firstOf(rows.stream().map(ScanFlags::flag).toList(),
                first, flag -> new TimePosition(flag.at(), flag.id()).key(), after.isPresent(), Page.uncounted()));
    }

    private static Flag flag(org.neo4j.driver.Record row) {
        Value flag = row.get("flag");
        return new Flag(flag.get("id").asString(), Kind.valueOf(flag.get("kind").asString()), row.get("at").asString(),
                row.get("brand").asString(), flag.get("gtin").asString(), flag.get("serial").asString(),
                number(flag.get("distanceKm")), number(flag.get("speedKmh")),
                flag.get("devices").isNull() ? null : flag.get("devices").asLong(),
                flag.get("networks").isNull() ? null : flag.get("networks").asLong(), flag.get("visible").asBoolean(false),
                Location.from(row.get("journeyEnd")),
                row.get("evidence").asList(Scans::scan));
    }

    private static Double number(Value value) {
        return value.isNull() ? null : value.asDouble();
    }
}
