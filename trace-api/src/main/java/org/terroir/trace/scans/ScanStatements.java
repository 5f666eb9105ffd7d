package org.terroir.trace.scans;

import static org.terroir.trace.trace.TraceStatements.HOP_RECORDED;
import static org.terroir.trace.trace.TraceStatements.WHILE_PACKED;

import org.terroir.model.cypher.Statement;

/**
 * The statements of the scan: what the graph knows of a scanned link, the scans the resolver records
 * in batches and the copy flags it raises, and the lists of scans and flags the brand owners read.
 * Examples in {@code ScanStatementsIT}.
 */
public final class ScanStatements {

    private ScanStatements() {}

    /**
     * What the graph knows of the identifiers in one GS1 Digital Link, for the resolver; always one
     * row. {@code $gtin} the GTIN-14, {@code $batch} the batch key ({@code 01/{gtin}/10/{lot}}) or
     * null when the link names no lot, {@code $item} the item key ({@code 01/{gtin}/21/{serial}}) or
     * null when it names no serial. Columns: {@code product} (GTIN and names, null when unknown),
     * {@code batchKnown}, {@code itemKnown}, {@code itemBatch} (the key of the batch the item belongs
     * to, null when unknown or unrecorded), {@code certified} (whether the product or its brand holds a
     * certification), {@code flags} (the kinds of copy flag raised on the unit that consumers are shown,
     * e.g. {@code SPEED}: those resting on independent sources).
     */
    public static final Statement RESOLVE_LINK = new Statement("resolve.link", """
            OPTIONAL MATCH (p:Product {gtin: $gtin})
            OPTIONAL MATCH (b:Batch {key: $batch})
            OPTIONAL MATCH (i:Item {key: $item})
            RETURN p {.gtin, .nameZh, .nameEn} AS product,
                   b IS NOT NULL AS batchKnown,
                   i IS NOT NULL AS itemKnown,
                   [(i)-[:OF_BATCH]->(ib:Batch) | ib.key][0] AS itemBatch,
                   EXISTS { MATCH (:Certification)-[:CERTIFIES]->(p) }
                     OR EXISTS { MATCH (p)-[:OF_BRAND]->(:Brand)<-[:CERTIFIES]-(:Certification) } AS certified,
                   COLLECT { MATCH (i)<-[:FLAGS]-(f:ScanFlag) WHERE f.visible = true RETURN DISTINCT f.kind ORDER BY f.kind } AS flags
            """);

    /**
     * The secret the resolver hashes scanners' networks with: made from {@code $secret} by the first
     * server to ask, the same for every server of the graph after that. One row: {@code secret}.
     */
    public static final Statement SCANS_NETWORK_KEY = new Statement("scans.networkKey", """
            MERGE (k:ScanKey {id: 'network'})
              ON CREATE SET k.secret = $secret
            RETURN k.secret AS secret
            """);

    /**
     * Records the scans of {@code $scans} (maps: {@code id}, {@code at} ISO 8601, {@code gtin},
     * {@code lot}, {@code serial}, {@code item} and {@code batch} keys or null, {@code device} a
     * hashed device id or null, {@code network} a keyed hash of the scanner's network or null,
     * {@code verdict}, {@code problem} or null), each linked ({@code SCAN_OF})
     * to the unit it names, else its lot, else its product. A scan of nothing the graph holds is not
     * recorded. One row: how many were.
     */
    public static final Statement SCANS_RECORD = new Statement("scans.record", """
            UNWIND $scans AS s
            OPTIONAL MATCH (i:Item {key: s.item})
            OPTIONAL MATCH (b:Batch {key: s.batch})
            OPTIONAL MATCH (p:Product {gtin: s.gtin})
            WITH s, coalesce(i, b, p) AS subject
            WHERE subject IS NOT NULL
            CREATE (scan:Scan {id: s.id, at: datetime(s.at), gtin: s.gtin, lot: s.lot, serial: s.serial,
                               device: s.device, network: s.network, verdict: s.verdict, problem: s.problem})-[:SCAN_OF]->(subject)
            RETURN count(scan) AS recorded
            """);

    /**
     * Sets the coarse place a scanner's browser gave for each scan of {@code $places} (maps:
     * {@code id}, {@code latitude}, {@code longitude}, {@code device} and {@code network} hashes of the
     * client that sent it), once, and only from the client that scanned (its device and network): a
     * scan that has a place keeps it, and nobody places another's scan. One row per scan placed.
     */
    public static final Statement SCANS_PLACE = new Statement("scans.place", """
            UNWIND $places AS place
            MATCH (scan:Scan {id: place.id})
            WHERE scan.latitude IS NULL AND scan.device = place.device AND scan.network = place.network
            SET scan.latitude = place.latitude, scan.longitude = place.longitude
            RETURN scan.id AS id
            """);

    /**
     * Copy detection on the scans of {@code $ids} that have a place: each other placed scan of the
     * same unit more than {@code $minKm} away, reached at more than {@code $maxKmh} (or at the same
     * second), raises a {@code SPEED} flag on the unit with both scans as evidence — no parcel travels
     * that fast. One flag per pair, whichever scan came first; shown to consumers ({@code visible}) only
     * when the two scans came from independent sources — other networks and other devices — so that
     * one client reporting two places cannot raise it. One row per flag raised or found again.
     */
    public static final Statement SCANS_DETECT_SPEED = new Statement("scans.detectSpeed", """
            UNWIND $ids AS id
            MATCH (s:Scan {id: id})-[:SCAN_OF]->(i:Item)
            WHERE s.latitude IS NOT NULL
            MATCH (other:Scan {gtin: s.gtin, serial: s.serial})
            WHERE other.id <> s.id AND other.latitude IS NOT NULL
            WITH s, i, other,
                 point.distance(point({latitude: s.latitude, longitude: s.longitude}),
                                point({latitude: other.latitude, longitude: other.longitude})) / 1000.0 AS km,
                 abs(duration.inSeconds(other.at, s.at).seconds) AS seconds
            WITH s, i, other, km, CASE WHEN seconds = 0 THEN null ELSE km * 3600.0 / seconds END AS kmh
            WHERE km > $minKm AND (kmh IS NULL OR kmh > $maxKmh)
            WITH i, km, kmh, CASE WHEN other.at < s.at OR (other.at = s.at AND other.id < s.id) THEN [other, s]
                                  ELSE [s, other] END AS pair
            WITH i, km, kmh, pair[0] AS first, pair[1] AS second
            MERGE (f:ScanFlag {id: first.id + '/' + second.id})
              ON CREATE SET f.kind = 'SPEED', f.at = second.at, f.gtin = i.gtin, f.serial = i.serial,
                            f.distanceKm = round(km, 1), f.speedKmh = CASE WHEN kmh IS NULL THEN null ELSE round(kmh) END,
                            f.networks = CASE WHEN first.network = second.network THEN 1 ELSE 2 END,
                            f.visible = first.network IS NOT NULL AND second.network IS NOT NULL AND first.network <> second.network
                                        AND first.device IS NOT NULL AND second.device IS NOT NULL AND first.device <> second.device
            MERGE (f)-[:FLAGS]->(i)
            MERGE (f)-[:EVIDENCE]->(first)
            MERGE (f)-[:EVIDENCE]->(second)
            RETURN DISTINCT f.id AS id, f.kind AS kind
            """);

    /**
     * Copy detection on the scans of {@code $ids} that have a place, against where the unit's recorded
     * journey ended: the destination of the latest hop (departure, else arrival) that moved the unit, a
     * container it was in, its batch or a container its batch was in, when that location has a place
     * (a hop only erroneous events recorded is none).
     * A scan more than {@code $maxKm} from there raises (or adds evidence to) the unit's
     * {@code JOURNEY_END} flag, which keeps the farthest distance, that location and its latest scan's
     * time, and how many networks its far scans came from: it is shown to consumers ({@code visible})
     * once they came from at least {@code $minNetworks}, so that one client's place cannot raise it.
     * One row per flag raised or found again.
     */
    public static final Statement SCANS_DETECT_JOURNEY_END = new Statement("scans.detectJourneyEnd", """
            UNWIND $ids AS id
            MATCH (s:Scan {id: id})-[:SCAN_OF]->(i:Item)
            WHERE s.latitude IS NOT NULL
            CALL (i) {
              CALL (i) {
                MATCH (i)-[:OF_BATCH*0..1]->()<-[:MOVED]-(h:Hop)
                RETURN h
                UNION
                MATCH (i)-[:OF_BATCH*0..1]->()-[packings:PACKED_IN*1..]->(:Container)<-[:MOVED]-(h:Hop)
                WHERE %1$s
                RETURN h
              }
              WITH h WHERE %2$s
              RETURN h ORDER BY coalesce(h.departed, h.arrived) DESC, h.id DESC LIMIT 1
            }
            MATCH (h)-[:TO]->(end:Location)
            WHERE end.latitude IS NOT NULL
            WITH s, i, end, point.distance(point({latitude: s.latitude, longitude: s.longitude}),
                                           point({latitude: end.latitude, longitude: end.longitude})) / 1000.0 AS km
            WHERE km > $maxKm
            MERGE (f:ScanFlag {id: i.key + '/journey-end'})
              ON CREATE SET f.kind = 'JOURNEY_END', f.gtin = i.gtin, f.serial = i.serial, f.at = s.at, f.distanceKm = round(km, 1)
            SET f.at = CASE WHEN s.at > f.at THEN s.at ELSE f.at END,
                f.distanceKm = CASE WHEN round(km, 1) > f.distanceKm THEN round(km, 1) ELSE f.distanceKm END,
                f.journeyEnd = end.key
            MERGE (f)-[:FLAGS]->(i)
            MERGE (f)-[:EVIDENCE]->(s)
            WITH f, size(COLLECT { MATCH (f)-[:EVIDENCE]->(e:Scan) WHERE e.network IS NOT NULL RETURN DISTINCT e.network }) AS networks
            SET f.networks = networks, f.visible = networks >= $minNetworks
            RETURN DISTINCT f.id AS id, f.kind AS kind
            """.formatted(WHILE_PACKED, HOP_RECORDED));

    /**
     * Copy detection on the units of {@code $keys}: a unit scanned by more than {@code $maxDevices}
     * distinct devices raises (or updates) its {@code DEVICES} flag, with its scans from known devices
     * as evidence; shown to consumers ({@code visible}) only when those scans came from more than
     * {@code $maxDevices} distinct networks too — a device is a cookie, which one client can drop at
     * every request. One row per unit flagged.
     */
    public static final Statement SCANS_DETECT_DEVICES = new Statement("scans.detectDevices", """
            UNWIND $keys AS key
            MATCH (i:Item {key: key})<-[:SCAN_OF]-(s:Scan)
            WHERE s.device IS NOT NULL
            WITH i, count(DISTINCT s.device) AS devices, count(DISTINCT s.network) AS networks, collect(s) AS scans,
                 max(s.at) AS last
            WHERE devices > $maxDevices
            MERGE (f:ScanFlag {id: i.key + '/devices'})
              ON CREATE SET f.kind = 'DEVICES', f.gtin = i.gtin, f.serial = i.serial
            SET f.devices = devices, f.networks = networks, f.at = last, f.visible = networks > $maxDevices
            MERGE (f)-[:FLAGS]->(i)
            WITH f, scans
            UNWIND scans AS s
            MERGE (f)-[:EVIDENCE]->(s)
            RETURN DISTINCT f.id AS id, f.devices AS devices
            """);

    /**
     * A page of copy flags, latest first after ({@code $beforeAt}, {@code $beforeId}) (null for the
     * first page), at most {@code $limit}: of the units of brand {@code $brand} (any when null) whose
     * brand one of {@code $brandOwners} owns (any when null), with the unit's brand, the location its
     * journey ended at (for a {@code JOURNEY_END} flag) and the evidence scans in time order.
     */
    public static final Statement SCAN_FLAGS = new Statement("scans.flags", """
            MATCH (f:ScanFlag)-[:FLAGS]->(i:Item)
            MATCH (p:Product {gtin: i.gtin})-[:OF_BRAND]->(b:Brand)
            WHERE ($brand IS NULL OR b.id = $brand)
              AND ($brandOwners IS NULL OR EXISTS { MATCH (b)-[:OWNED_BY]->(o:Party) WHERE o.gln IN $brandOwners })
              AND ($beforeAt IS NULL OR f.at < datetime($beforeAt) OR (f.at = datetime($beforeAt) AND f.id < $beforeId))
            WITH f, i, b ORDER BY f.at DESC, f.id DESC LIMIT $limit
            OPTIONAL MATCH (end:Location {key: f.journeyEnd})
            RETURN properties(f) AS flag, toString(f.at) AS at, b.id AS brand, i.key AS item,
                   end {.key, .gln, .kind, .nameZh, .nameEn,
                        region: [(end)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]} AS journeyEnd,
                   COLLECT { MATCH (f)-[:EVIDENCE]->(s:Scan) RETURN s {.*, at: toString(s.at)} ORDER BY s.at, s.id } AS evidence
            """);

    /**
     * A page of the scans of GTIN {@code $gtin} (and of {@code $lot}, {@code $serial} when not null)
     * between {@code $from} and {@code $until} (ISO 8601, either null), in time order after
     * ({@code $afterAt}, {@code $afterId}) (null for the first page), at most {@code $limit};
     * {@code $brandOwners} (GLNs), when not null, keeps those of products whose brand one of them owns.
     */
    public static final Statement SCANS_OF = new Statement("scans.of", """
            MATCH (scan:Scan {gtin: $gtin})
            WHERE ($serial IS NULL OR scan.serial = $serial) AND ($lot IS NULL OR scan.lot = $lot)
              AND ($from IS NULL OR scan.at >= datetime($from)) AND ($until IS NULL OR scan.at < datetime($until))
              AND ($afterAt IS NULL OR scan.at > datetime($afterAt) OR (scan.at = datetime($afterAt) AND scan.id > $afterId))
              AND ($brandOwners IS NULL OR EXISTS {
                    MATCH (:Product {gtin: scan.gtin})-[:OF_BRAND]->(:Brand)-[:OWNED_BY]->(owner:Party)
                    WHERE owner.gln IN $brandOwners })
            WITH scan ORDER BY scan.at, scan.id LIMIT $limit
            RETURN properties(scan) AS scan, toString(scan.at) AS at
            """);
}
