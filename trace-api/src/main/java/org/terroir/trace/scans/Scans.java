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
import reactor.core.publisher.Mono;

/** The scans of a product's labels, as the resolver recorded them ({@code scans.of}), a page at a time in time order. */
@Component
public class Scans {

    /** What the page told the consumer (GraphQL {@code ScanVerdict}). */
    public enum Verdict { GENUINE, NOT_GENUINE, UNVERIFIED }

    /** Where a scan was, to a tenth of a degree, as the scanner's browser gave it. */
    public record Place(double latitude, double longitude) {}

    /**
     * One scan.
     *
     * @param verdict what the page told the consumer
     * @param problem why not genuine (e.g. {@code TAMPERED}), else null
     * @param device  a hash of the scanning browser's device id, null when none was known
     */
    public record Scan(String id, String at, String gtin, String lot, String serial, Verdict verdict, String problem,
                       Place place, String device) {}

    /** What to list: the GTIN's scans, of one lot or serial when not null, in a time window (ISO 8601, either null). */
    public record Query(String gtin, String lot, String serial, String from, String until, List<String> brandOwners) {}

    private final GraphReader graph;

    public Scans(GraphReader graph) {
        this.graph = graph;
    }

    /** A page of the scans {@code query} asks for, after {@code after}. */
    public Mono<Page<Scan>> scans(Query query, int first, Optional<TimePosition> after) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("gtin", query.gtin());
        parameters.put("lot", query.lot());
        parameters.put("serial", query.serial());
        parameters.put("from", query.from());
        parameters.put("until", query.until());
        parameters.put("brandOwners", query.brandOwners());
        parameters.put("afterAt", after.map(TimePosition::time).orElse(null));
        parameters.put("afterId", after.map(TimePosition::id).orElse(null));
        parameters.put("limit", first + 1);
        return graph.read(ScanStatements.SCANS_OF, parameters).collectList().map(rows -> Page.firstOf(rows.stream()
                .map(row -> scan(row.get("scan"), row.get("at").asString())).toList(), first,
                scan -> new TimePosition(scan.at(), scan.id()).key(), after.isPresent(), Page.uncounted()));
    }

    /** A scan projected with its time as text ({@code s {.*, at: toString(s.at)}}). */
    static Scan scan(Value scan) {
        return scan(scan, scan.get("at").asString());
    }

    private static Scan scan(Value scan, String at) {
        Place place = scan.get("latitude").isNull() ? null
                : new Place(scan.get("latitude").asDouble(), scan.get("longitude").asDouble());
        return new Scan(scan.get("id").asString(), at, scan.get("gtin").asString(), text(scan.get("lot")), text(scan.get("serial")),
                Verdict.valueOf(scan.get("verdict").asString()), text(scan.get("problem")), place, text(scan.get("device")));
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
