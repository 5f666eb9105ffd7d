package org.terroir.model.cypher;

import java.util.List;

/**
 * The Cypher statements of the schema migrations, the graph's figures and the trace API (trace,
 * recall, lists, events, scans). The importer keeps its own beside its row mapping
 * ({@code MasterDataStatements}, {@code EpcisStatements}). Each constant is run against a real Neo4j
 * by {@code CatalogueIT}, which fails when a statement has no example there.
 */
public final class Catalogue {

    private Catalogue() {}

    // --- schema migrations -------------------------------------------------------------------

    public static final Statement MIGRATION_LOCK = new Statement("migration.lock", """
            CREATE CONSTRAINT schema_migration_version IF NOT EXISTS
            FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE
            """);

    public static final Statement MIGRATION_APPLIED = new Statement("migration.applied", """
            MATCH (m:SchemaMigration)
            RETURN m.version AS version, m.description AS description, m.checksum AS checksum,
                   m.appliedAt AS appliedAt
            ORDER BY m.version
            """);

    public static final Statement MIGRATION_RECORD = new Statement("migration.record", """
            MERGE (m:SchemaMigration {version: $version})
            ON CREATE SET m.description = $description, m.checksum = $checksum,
                          m.appliedAt = datetime(), m.appliedBy = $appliedBy
            """);

    // --- stats -------------------------------------------------------------------------------

    public static final Statement STATS_NODES_PER_LABEL = new Statement("stats.nodesPerLabel", """
            CALL db.labels() YIELD label
            CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
            RETURN label, count
            ORDER BY label
            """);

    public static final Statement STATS_RELATIONSHIPS_PER_TYPE = new Statement("stats.relationshipsPerType", """
            CALL db.relationshipTypes() YIELD relationshipType AS type
            CALL (type) { MATCH ()-[r:$(type)]->() RETURN count(r) AS count }
            RETURN type, count
            ORDER BY type
            """);

    /**
     * Per county: the brands protecting a region in it, the batches produced at a location in
     * it, the hops that leave from or arrive at a location in it, and the producer households
     * living in it (how many of them registered poor).
     */
    public static final Statement STATS_PER_COUNTY = new Statement("stats.perCounty", """
            MATCH (county:Region {level: 'county'})
            OPTIONAL MATCH (parent:Region)<-[:PART_OF]-(county)
            CALL (county) {
              OPTIONAL MATCH (brand:Brand)-[:PROTECTS]->(:Region)-[:PART_OF*0..]->(county)
              RETURN count(DISTINCT brand) AS brands
            }
            CALL (county) {
              OPTIONAL MATCH (batch:Batch)-[:PRODUCED_AT]->(:Location)-[:IN_REGION]->(:Region)-[:PART_OF*0..]->(county)
              RETURN count(DISTINCT batch) AS batches
            }
            CALL (county) {
              OPTIONAL MATCH (hop:Hop)-[:FROM|TO]->(:Location)-[:IN_REGION]->(:Region)-[:PART_OF*0..]->(county)
              RETURN count(DISTINCT hop) AS hops
            }
            CALL (county) {
              OPTIONAL MATCH (producer:Producer)-[:LIVES_IN]->(:Region)-[:PART_OF*0..]->(county)
              RETURN count(DISTINCT producer) AS households,
                     count(DISTINCT CASE WHEN producer.registeredPoor THEN producer END) AS registeredPoorHouseholds
            }
            RETURN county.code AS code, county.nameZh AS nameZh, county.nameEn AS nameEn,
                   parent.code AS parentCode, brands, batches, hops, households, registeredPoorHouseholds
            ORDER BY code
            """);

    // --- trace: the public provenance view (trace-api). Read only; each statement takes a list of batch
    // (or item) keys ($keys) so that one statement serves every batch of a GraphQL request at one depth. None of
    // them reads ProducerIdentity or follows IDENTIFIED_BY: households appear by pseudonym only ------

    /** What the trace shows of each batch {@code b}: its product and brand, where it was produced, its origin, its certifications. */
    private static final String BATCH_VIEW = """
            CALL (b) {
              OPTIONAL MATCH (b)-[:OF_PRODUCT]->(p:Product)
              OPTIONAL MATCH (p)-[:OF_BRAND]->(brand:Brand)
              RETURN p, brand ORDER BY p.gtin, brand.id LIMIT 1
            }
            CALL (b) {
              OPTIONAL MATCH (b)-[:PRODUCED_AT]->(at:Location)
              OPTIONAL MATCH (at)-[:IN_REGION]->(r:Region)
              RETURN at, r ORDER BY at.key, r.code LIMIT 1
            }
            """;

    /** The columns of a batch {@code b} after {@link #BATCH_VIEW}. Parties carry their kind label as {@code kind}. */
    private static final String BATCH_COLUMNS = """
            b.key AS key, b.gtin AS gtin, b.lot AS lot,
                   p {.gtin, .nameZh, .nameEn} AS product,
                   brand {.id, .kind, .nameZh, .nameEn, .giRegistration, .storyZh, .storyEn,
                          owner: [(brand)-[:OWNED_BY]->(o:Party) |
                                  o {.gln, .nameZh, .nameEn, kind: [l IN labels(o) WHERE l <> 'Party'][0]}][0]} AS brand,
                   at {.key, .gln, .kind, .nameZh, .nameEn, region: r {.code, .level, .nameZh, .nameEn}} AS producedAt,
                   COLLECT {
                     MATCH path = (r)-[:PART_OF*0..]->(o:Region)
                     RETURN o {.code, .level, .nameZh, .nameEn} ORDER BY length(path)
                   } AS origin,
                   COLLECT {
                     MATCH (c:Certification)-[:CERTIFIES]->(s) WHERE s = p OR s = brand
                     RETURN c {.id, .kind, .number, .issuer, .validFrom, .validUntil,
                               subject: CASE WHEN s = p THEN 'PRODUCT' ELSE 'BRAND' END}
                     ORDER BY c.id
                   } AS certifications
            """;

    /**
     * The batches of {@code $keys} that exist, one row each, in the order of their keys: their product,
     * its brand and the brand's owner, where the batch was produced (location and the region it lies
     * in), the regions it comes from (that region and those it is part of, nearest first) and the
     * certifications of its product and brand.
     */
    public static final Statement TRACE_BATCHES = new Statement("trace.batches", """
            UNWIND $keys AS key
            MATCH (b:Batch {key: key})
            """ + BATCH_VIEW + "RETURN " + BATCH_COLUMNS);

    /**
     * What the batches of {@code $keys} were made from, one level of transformations deep: a row per
     * batch ({@code madeInto}) and input, the input with the columns of {@link #TRACE_BATCHES}, by batch
     * then input key. One statement where the inputs' keys and then their batches would take two.
     */
    public static final Statement TRACE_INPUT_BATCHES = new Statement("trace.inputBatches", """
            UNWIND $keys AS madeInto
            MATCH (:Batch {key: madeInto})-[:MADE_FROM]->(b:Batch)
            """ + BATCH_VIEW + "RETURN madeInto, " + BATCH_COLUMNS + "ORDER BY madeInto, key\n");

    /**
     * The households that contributed to the batches of {@code $keys}: pseudonym, poor-household flag,
     * how much, their cooperative, and the GLNs of the associations that own the batch's brand (who
     * may see the households' personal data beside regulators).
     */
    public static final Statement TRACE_CONTRIBUTIONS = new Statement("trace.contributions", """
            UNWIND $keys AS key
            MATCH (b:Batch {key: key})<-[c:CONTRIBUTED]-(p:Producer)
            RETURN key AS batch, p.pseudonym AS pseudonym, p.registeredPoor AS registeredPoor,
                   c.quantity AS quantity, c.unit AS unit,
                   [(p)-[:MEMBER_OF]->(coop:Party) |
                    coop {.gln, .nameZh, .nameEn, kind: [l IN labels(coop) WHERE l <> 'Party'][0]}][0] AS cooperative,
                   COLLECT {
                     MATCH (b)-[:OF_PRODUCT]->(:Product)-[:OF_BRAND]->(:Brand)-[:OWNED_BY]->(owner:Party)
                     RETURN DISTINCT owner.gln ORDER BY owner.gln
                   } AS brandOwners
            ORDER BY batch, quantity DESC, pseudonym
            """);

    /**
     * Marks the batch of {@code $key} recalled: a {@code Recall} node with the reason, the time and
     * who did it, linked to the batch. No row when there is no such batch (nothing is written then).
     */
    public static final Statement RECALL_MARK = new Statement("recall.mark", """
            MATCH (b:Batch {key: $key})
            CREATE (r:Recall {id: $id, reason: $reason, recalledAt: datetime($recalledAt), recalledBy: $recalledBy, role: $role})
                   -[:RECALLS]->(b)
            RETURN r.id AS id, b.key AS batch, r.reason AS reason, toString(r.recalledAt) AS recalledAt
            """);

    /**
     * The recalls that affect each batch of {@code $keys}: those of the batch itself and of every
     * batch it was made from, at any depth, oldest first.
     */
    public static final Statement TRACE_RECALLS = new Statement("trace.recalls", """
            UNWIND $keys AS key
            MATCH (:Batch {key: key})-[:MADE_FROM*0..]->(source:Batch)<-[:RECALLS]-(r:Recall)
            RETURN DISTINCT key AS batch, r.id AS id, source.key AS recalledBatch, r.reason AS reason,
                   toString(r.recalledAt) AS recalledAt, r.recalledAt AS at
            ORDER BY batch, at, id
            """);

    // --- lists: pages by natural key (keyset: the key after {@code $after}, '' for the first page),
    // {@code $limit} rows, and the count of the same filter. A null filter matches everything. Where a
    // page projects a map of the node, it projects properties(n): Neo4j 2026.08 fails to plan
    // "ORDER BY n.key" (index-backed) beside "n {.key, ...}" ("n.key should not appear non-cached").

    private static final String BRAND_FILTER = """
            ($kind IS NULL OR brand.kind = $kind)
            AND ($region IS NULL OR EXISTS { (brand)-[:PROTECTS]->(:Region)-[:PART_OF*0..]->(:Region {code: $region}) })""";

    /** A page of brands by id: kind ({@code regional}, {@code gi}) and a region they protect (any level). */
    public static final Statement LIST_BRANDS = new Statement("list.brands", """
            MATCH (brand:Brand) WHERE brand.id > $after AND %s
            WITH brand ORDER BY brand.id LIMIT $limit
            WITH brand, properties(brand) AS p
            RETURN p {.id, .kind, .nameZh, .nameEn, .giRegistration, .storyZh, .storyEn,
                          owner: [(brand)-[:OWNED_BY]->(o:Party) |
                                  o {.gln, .nameZh, .nameEn, kind: [l IN labels(o) WHERE l <> 'Party'][0]}][0]} AS node
            """.formatted(BRAND_FILTER));

    /** How many brands {@link #LIST_BRANDS} pages through. */
    public static final Statement COUNT_BRANDS = new Statement("count.brands", """
            MATCH (brand:Brand) WHERE %s
            RETURN count(brand) AS count
            """.formatted(BRAND_FILTER));

    private static final String PARTY_FILTER = """
            $kind IN labels(party)
            AND ($region IS NULL OR EXISTS { (party)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $region}) })
            AND ($brand IS NULL OR EXISTS { (party)<-[:OWNED_BY]-(:Brand {id: $brand}) }
                 OR EXISTS { (party)<-[:MEMBER_OF]-(:Producer)-[:CONTRIBUTED]->(:Batch)-[:OF_PRODUCT]->(:Product)
                             -[:OF_BRAND]->(:Brand {id: $brand}) })""";

    /**
     * A page of parties of one kind ({@code $kind}: {@code Association}, {@code Cooperative},
     * {@code Enterprise}, {@code Carrier}, {@code Regulator}) by GLN: based in a region (any level),
     * of a brand (its owner, or a cooperative whose members contributed to it).
     */
    public static final Statement LIST_PARTIES = new Statement("list.parties", """
            MATCH (party:Party) WHERE party.gln > $after AND %s
            RETURN party {.gln, .nameZh, .nameEn, kind: [l IN labels(party) WHERE l <> 'Party'][0]} AS node
            ORDER BY party.gln LIMIT $limit
            """.formatted(PARTY_FILTER));

    /** How many parties {@link #LIST_PARTIES} pages through. */
    public static final Statement COUNT_PARTIES = new Statement("count.parties", """
            MATCH (party:Party) WHERE %s
            RETURN count(party) AS count
            """.formatted(PARTY_FILTER));

    private static final String REGION_FILTER = """
            ($level IS NULL OR region.level = $level)
            AND ($within IS NULL OR EXISTS { (region)-[:PART_OF*1..]->(:Region {code: $within}) })""";

    /** A page of regions by code: of a level, within a region. */
    public static final Statement LIST_REGIONS = new Statement("list.regions", """
            MATCH (region:Region) WHERE region.code > $after AND %s
            RETURN region {.code, .level, .nameZh, .nameEn} AS node
            ORDER BY region.code LIMIT $limit
            """.formatted(REGION_FILTER));

    /** How many regions {@link #LIST_REGIONS} pages through. */
    public static final Statement COUNT_REGIONS = new Statement("count.regions", """
            MATCH (region:Region) WHERE %s
            RETURN count(region) AS count
            """.formatted(REGION_FILTER));

    private static final String LOCATION_FILTER = """
            ($kind IS NULL OR location.kind = $kind)
            AND ($region IS NULL OR EXISTS { (location)-[:IN_REGION]->(:Region)-[:PART_OF*0..]->(:Region {code: $region}) })""";

    /** A page of locations by key: of a kind, in a region (any level). */
    public static final Statement LIST_LOCATIONS = new Statement("list.locations", """
            MATCH (location:Location) WHERE location.key > $after AND %s
            WITH location ORDER BY location.key LIMIT $limit
            WITH location, properties(location) AS p
            RETURN p {.key, .gln, .kind, .nameZh, .nameEn,
                             region: [(location)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]} AS node
            """.formatted(LOCATION_FILTER));

    /** How many locations {@link #LIST_LOCATIONS} pages through. */
    public static final Statement COUNT_LOCATIONS = new Statement("count.locations", """
            MATCH (location:Location) WHERE %s
            RETURN count(location) AS count
            """.formatted(LOCATION_FILTER));

    private static final String BATCH_FILTER = """
            ($brand IS NULL OR EXISTS { (batch)-[:OF_PRODUCT]->(:Product)-[:OF_BRAND]->(:Brand {id: $brand}) })
            AND ($region IS NULL OR EXISTS { (batch)-[:PRODUCED_AT]->(:Location)-[:IN_REGION]->(:Region)
                                             -[:PART_OF*0..]->(:Region {code: $region}) })
            AND ($from IS NULL AND $until IS NULL OR EXISTS {
                   (e:Event)-[:OBSERVED|OUTPUT|INPUT|CHILD]->(batch)
                   WHERE ($from IS NULL OR e.eventTime >= datetime($from)) AND ($until IS NULL OR e.eventTime < datetime($until)) })
            AND ($certification IS NULL OR EXISTS {
                   (batch)-[:OF_PRODUCT]->(p:Product)
                   WHERE EXISTS { (:Certification {kind: $certification})-[:CERTIFIES]->(p) }
                      OR EXISTS { (p)-[:OF_BRAND]->(:Brand)<-[:CERTIFIES]-(:Certification {kind: $certification}) } })""";

    /**
     * A page of batch keys: of a brand, produced in a region (any level), with an EPCIS event in the
     * time window [{@code $from}, {@code $until}) (ISO 8601), certified ({@code $certification}:
     * {@code gi}, {@code green_food}, {@code organic}, {@code halal}) through their product or brand.
     */
    public static final Statement LIST_BATCHES = new Statement("list.batches", """
            MATCH (batch:Batch) WHERE batch.key > $after AND %s
            RETURN batch.key AS node
            ORDER BY batch.key LIMIT $limit
            """.formatted(BATCH_FILTER));

    /** How many batches {@link #LIST_BATCHES} pages through. */
    public static final Statement COUNT_BATCHES = new Statement("count.batches", """
            MATCH (batch:Batch) WHERE %s
            RETURN count(batch) AS count
            """.formatted(BATCH_FILTER));

    /**
     * Poverty-alleviation figures per brand and county: the households that contributed to the
     * brand's batches from the county, how many of them are registered poor, and the volumes per
     * unit, with the part attributed to registered poor households. {@code $brands}: brand ids, or
     * null for every brand; {@code $region}: a region code the households must live in (a county,
     * township or village, or a prefecture), or null. Aggregates only: no household is named.
     */
    public static final Statement POVERTY_FIGURES = new Statement("poverty.figures", """
            MATCH (brand:Brand)<-[:OF_BRAND]-(:Product)<-[:OF_PRODUCT]-(:Batch)<-[c:CONTRIBUTED]-(p:Producer)
                  -[:LIVES_IN]->(village:Region)
            WHERE $brands IS NULL OR brand.id IN $brands
            MATCH (village)-[:PART_OF*0..]->(county:Region {level: 'county'})
            WHERE $region IS NULL OR county.code = $region
                  OR EXISTS { (village)-[:PART_OF*0..]->(:Region {code: $region}) }
                  OR EXISTS { (county)-[:PART_OF*1..]->(:Region {code: $region}) }
            WITH brand, county, p, c.unit AS unit, sum(c.quantity) AS quantity
            WITH brand, county, p, collect({unit: unit, quantity: quantity}) AS contributed
            WITH brand, county, count(p) AS households,
                 sum(CASE WHEN p.registeredPoor THEN 1 ELSE 0 END) AS registeredPoorHouseholds,
                 collect({poor: coalesce(p.registeredPoor, false), contributed: contributed}) AS rows
            UNWIND rows AS row
            UNWIND row.contributed AS v
            WITH brand, county, households, registeredPoorHouseholds, v.unit AS unit, sum(v.quantity) AS quantity,
                 sum(CASE WHEN row.poor THEN v.quantity ELSE 0.0 END) AS registeredPoorQuantity
            WITH brand, county, households, registeredPoorHouseholds,
                 collect({unit: unit, quantity: quantity, registeredPoorQuantity: registeredPoorQuantity}) AS volumes
            RETURN brand.id AS brand, [(brand)-[:OWNED_BY]->(owner:Party) | owner.gln] AS owners,
                   county {.code, .level, .nameZh, .nameEn} AS region,
                   households, registeredPoorHouseholds, volumes
            ORDER BY brand, region.code
            """);

    /** The ids of the brands the associations of {@code $glns} own. */
    public static final Statement BRANDS_OWNED = new Statement("brands.owned", """
            UNWIND $glns AS gln
            MATCH (:Party {gln: gln})<-[:OWNED_BY]-(brand:Brand)
            RETURN DISTINCT brand.id AS brand
            ORDER BY brand
            """);

    /**
     * The personal data of the households of {@code $pseudonyms} that have it: name, phone, ID
     * number. Only for callers allowed to see it (regulators; an association for its own brands):
     * the API checks before it runs this.
     */
    public static final Statement PERSONAL_IDENTITIES = new Statement("personal.identities", """
            UNWIND $pseudonyms AS pseudonym
            MATCH (i:ProducerIdentity {pseudonym: pseudonym})
            RETURN i.pseudonym AS pseudonym, i.name AS name, i.phone AS phone, i.idNumber AS idNumber
            ORDER BY pseudonym
            """);


    /** A hop's time lies within every packing of {@code packings} (since ADD, until DELETE). */
    private static final String WHILE_PACKED = """
            all(r IN packings WHERE
                        (r.since IS NULL OR coalesce(h.departed, h.arrived) >= r.since)
                        AND (r.until IS NULL OR coalesce(h.departed, h.arrived) <= r.until))""";

    /**
     * Hop {@code h} stands: no event that recorded it was declared erroneous, or one that was not
     * recorded it too. A hop that only erroneous events made (the wrong lot shipped, as its error
     * declaration says) is no part of any journey; the corrective events make their own hops.
     */
    private static final String HOP_RECORDED = """
            (NOT EXISTS { (h)-[:DEPARTED_WITH|ARRIVED_WITH]->(declared:Event) WHERE declared.errorDeclaredAt IS NOT NULL }
                   OR EXISTS { (h)-[:DEPARTED_WITH|ARRIVED_WITH]->(recorded:Event) WHERE recorded.errorDeclaredAt IS NULL })""";

    /** The columns of a hop {@code h}, as the journey statements return them. */
    private static final String HOP_COLUMNS = """
            h.id AS id, h.departed AS departed, h.arrived AS arrived,
                   [(h)-[:FROM]->(l:Location) | l {.key, .gln, .kind, .nameZh, .nameEn,
                     region: [(l)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]}][0] AS from,
                   [(h)-[:TO]->(l:Location) | l {.key, .gln, .kind, .nameZh, .nameEn,
                     region: [(l)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]}][0] AS to,
                   [(h)-[:CARRIED_BY]->(c:Party) |
                    c {.gln, .nameZh, .nameEn, kind: [l IN labels(c) WHERE l <> 'Party'][0]}][0] AS carrier""";

    /**
     * The hops that moved each batch of {@code $keys}: the batch itself, its items, or a container the
     * batch or one of its items was packed in (at any depth) while it was packed, by the hop's time.
     * One row per batch and hop, in time order (departure, else arrival), with both locations (and
     * their regions) and the carrier.
     */
    public static final Statement TRACE_JOURNEYS = new Statement("trace.journeys", """
            UNWIND $keys AS key
            MATCH (b:Batch {key: key})
            CALL (b) {
              MATCH (b)<-[:MOVED]-(h:Hop)
              RETURN h
              UNION
              MATCH (b)<-[:OF_BATCH]-(:Item)<-[:MOVED]-(h:Hop)
              RETURN h
              UNION
              MATCH (b)<-[:OF_BATCH*0..1]-()-[packings:PACKED_IN*1..]->(:Container)<-[:MOVED]-(h:Hop)
              WHERE %1$s
              RETURN h
            }
            WITH key, h WHERE %3$s
            RETURN key AS batch, %2$s
            ORDER BY batch, coalesce(h.departed, h.arrived), h.id
            """.formatted(WHILE_PACKED, HOP_COLUMNS, HOP_RECORDED));

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

    // --- scans of labels: recorded by the resolver in batches, read by associations and regulators.

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

    /**
     * The serialised items of {@code $keys} (SGTIN keys, {@code 01/{gtin}/21/{serial}}) that exist, one
     * row each, in the order of their keys: GTIN, serial and the key of the batch the item belongs to
     * ({@code OF_BATCH}), null when none is recorded.
     */
    public static final Statement TRACE_ITEMS = new Statement("trace.items", """
            UNWIND $keys AS key
            MATCH (i:Item {key: key})
            RETURN i.key AS key, i.gtin AS gtin, i.serial AS serial,
                   [(i)-[:OF_BATCH]->(b:Batch) | b.key][0] AS batch
            """);

    /**
     * The hops that moved each item of {@code $keys}: the item itself, or a container it was packed in
     * (at any depth) while it was packed, by the hop's time. Hops that moved its batch as a quantity
     * are the batch's journey ({@code trace.journeys}), not the item's. One row per item and hop, in
     * time order, with the columns of {@code trace.journeys} ({@code item} instead of {@code batch}).
     */
    public static final Statement TRACE_ITEM_JOURNEYS = new Statement("trace.itemJourneys", """
            UNWIND $keys AS key
            MATCH (i:Item {key: key})
            CALL (i) {
              MATCH (i)<-[:MOVED]-(h:Hop)
              RETURN h
              UNION
              MATCH (i)-[packings:PACKED_IN*1..]->(:Container)<-[:MOVED]-(h:Hop)
              WHERE %1$s
              RETURN h
            }
            WITH key, h WHERE %3$s
            RETURN key AS item, %2$s
            ORDER BY item, coalesce(h.departed, h.arrived), h.id
            """.formatted(WHILE_PACKED, HOP_COLUMNS, HOP_RECORDED));

    /** At most this many batches, items, containers, locations or parties in a {@link #TRACE_DOWNSTREAM} row's lists. */
    public static final int DOWNSTREAM_LIST_CAP = 100;

    /**
     * Everything downstream of each batch of {@code $keys}, for a recall: the batches made from it at
     * any depth (up to 16 transformations), the items of it and of them, the containers any of these
     * were packed in (up to 8 levels of containers), the locations where they were produced or that
     * their hops left from or arrived at, and the carriers of those hops and the operators of those
     * locations. Counts of each, and the first {@value #DOWNSTREAM_LIST_CAP} of each by key or GLN.
     * A key of no batch gives no row.
     */
    public static final Statement TRACE_DOWNSTREAM = new Statement("trace.downstream", """
            UNWIND $keys AS key
            MATCH (root:Batch {key: key})
            CALL (root) {
              OPTIONAL MATCH (root)<-[:MADE_FROM*1..16]-(b:Batch)
              RETURN collect(DISTINCT b) AS derived
            }
            WITH key, root, derived, [root] + derived AS batches
            CALL (batches) {
              UNWIND batches AS b
              MATCH (i:Item)-[:OF_BATCH]->(b)
              RETURN collect(DISTINCT i) AS items
            }
            CALL (batches, items) {
              UNWIND batches + items AS o
              MATCH (o)-[:PACKED_IN*1..8]->(c:Container)
              RETURN collect(DISTINCT c) AS containers
            }
            CALL (batches, items, containers) {
              UNWIND batches + items + containers AS m
              MATCH (h:Hop)-[:MOVED]->(m)
              WHERE %2$s
              RETURN collect(DISTINCT h) AS hops
            }
            CALL (batches, items, hops) {
              CALL (batches, items, hops) {
                UNWIND batches + items AS o
                MATCH (o)-[:PRODUCED_AT]->(l:Location)
                RETURN l
              UNION
                UNWIND hops AS h
                MATCH (h)-[:FROM|TO]->(l:Location)
                RETURN l
              }
              RETURN collect(DISTINCT l) AS locations
            }
            CALL (hops, locations) {
              CALL (hops, locations) {
                UNWIND hops AS h
                MATCH (h)-[:CARRIED_BY]->(p:Party)
                RETURN p
              UNION
                UNWIND locations AS l
                MATCH (l)-[:OPERATED_BY]->(p:Party)
                RETURN p
              }
              RETURN collect(DISTINCT p) AS parties
            }
            RETURN key AS batch,
                   size(derived) AS batchCount,
                   COLLECT { UNWIND derived AS b RETURN b.key ORDER BY b.key LIMIT %1$d } AS batches,
                   size(items) AS itemCount,
                   COLLECT { UNWIND items AS i WITH i ORDER BY i.key LIMIT %1$d RETURN i {.key, .gtin, .serial} } AS items,
                   size(containers) AS containerCount,
                   COLLECT { UNWIND containers AS c WITH c ORDER BY c.key LIMIT %1$d RETURN c {.key, .sscc} } AS containers,
                   size(locations) AS locationCount,
                   COLLECT { UNWIND locations AS l WITH l ORDER BY l.key LIMIT %1$d
                             RETURN l {.key, .gln, .kind, .nameZh, .nameEn,
                               region: [(l)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]} } AS locations,
                   size(parties) AS partyCount,
                   COLLECT { UNWIND parties AS p WITH p ORDER BY p.gln LIMIT %1$d
                             RETURN p {.gln, .nameZh, .nameEn, kind: [x IN labels(p) WHERE x <> 'Party'][0]} } AS parties
            ORDER BY batch
            """.formatted(DOWNSTREAM_LIST_CAP, HOP_RECORDED));

    // --- the producers list

    private static final String PRODUCER_FILTER = """
            ($brand IS NULL OR EXISTS { (producer)-[:CONTRIBUTED]->(:Batch)-[:OF_PRODUCT]->(:Product)-[:OF_BRAND]->(:Brand {id: $brand}) })
            AND ($region IS NULL OR EXISTS { (producer)-[:LIVES_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $region}) })
            AND ($cooperative IS NULL OR EXISTS { (producer)-[:MEMBER_OF]->(:Party {gln: $cooperative}) })""";

    /**
     * A page of producer households by pseudonym: that contributed to a brand's batches, live in a
     * region (any level), are members of a cooperative (GLN). Each with its village, cooperatives,
     * the brands it contributed to and the GLNs of their owners (who may read the household's
     * personal fields), and its {@code registeredPoor} flag, which the API shows only to those.
     */
    public static final Statement LIST_PRODUCERS = new Statement("list.producers", """
            MATCH (producer:Producer) WHERE producer.pseudonym > $after AND %s
            WITH producer ORDER BY producer.pseudonym LIMIT $limit
            WITH producer, properties(producer) AS p, COLLECT { MATCH (producer)-[:CONTRIBUTED]->(:Batch)-[:OF_PRODUCT]->(:Product)-[:OF_BRAND]->(b:Brand)
                                     RETURN DISTINCT b } AS brands
            RETURN {pseudonym: p.pseudonym, registeredPoor: p.registeredPoor,
                    village: [(producer)-[:LIVES_IN]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0],
                    cooperatives: COLLECT { MATCH (producer)-[:MEMBER_OF]->(c:Party) WITH c ORDER BY c.gln
                                            RETURN c {.gln, .nameZh, .nameEn, kind: [l IN labels(c) WHERE l <> 'Party'][0]} },
                    brands: COLLECT { UNWIND brands AS b RETURN b.id ORDER BY b.id },
                    brandOwners: COLLECT { UNWIND brands AS b MATCH (b)-[:OWNED_BY]->(o:Party) RETURN DISTINCT o.gln }} AS node
            ORDER BY node.pseudonym
            """.formatted(PRODUCER_FILTER));

    /** How many households {@link #LIST_PRODUCERS} pages through. */
    public static final Statement COUNT_PRODUCERS = new Statement("count.producers", """
            MATCH (producer:Producer) WHERE %s
            RETURN count(producer) AS count
            """.formatted(PRODUCER_FILTER));

    // --- EPCIS event queries: one statement per way in (an object, a location, the time index), the
    // same filters and columns, a keyset page in time order (eventTime, then eventId)

    /**
     * What every event query filters on. {@code $bizStep} (a CBV name as stored, or a URI),
     * {@code $type} ({@code ObjectEvent}, …), {@code $location} (a location key the event happened at
     * or was read at), the window [{@code $from}, {@code $until}) and the cursor ({@code $afterTime},
     * {@code $afterId}), each null for "any"; and what the caller may see: {@code $brandOwners} (an
     * association: events about goods of the brands these GLNs own, also through the containers they
     * were packed in) and {@code $carriers} (a carrier: events recorded with hops it carried), null
     * for a regulator, who sees every event.
     */
    private static final String EVENT_FILTER = """
            ($bizStep IS NULL OR e.bizStep = $bizStep)
            AND ($type IS NULL OR e.type = $type)
            AND ($location IS NULL OR EXISTS { (e)-[:AT|READ_AT]->(:Location {key: $location}) })
            AND ($from IS NULL OR time >= datetime($from))
            AND ($until IS NULL OR time < datetime($until))
            AND ($afterTime IS NULL OR time > datetime($afterTime)
                 OR (time = datetime($afterTime) AND e.eventId > $afterId))
            AND ($brandOwners IS NULL OR EXISTS {
                   (e)-[:OBSERVED|INPUT|OUTPUT|PARENT|CHILD]->()<-[:PACKED_IN*0..4]-()-[:OF_BATCH*0..1]->(:Batch)
                      -[:OF_PRODUCT]->(:Product)-[:OF_BRAND]->(:Brand)-[:OWNED_BY]->(owner:Party)
                   WHERE owner.gln IN $brandOwners })
            AND ($carriers IS NULL OR EXISTS {
                   (e)<-[:DEPARTED_WITH|ARRIVED_WITH]-(:Hop)-[:CARRIED_BY]->(carrier:Party) WHERE carrier.gln IN $carriers })""";

    /** At most this many objects and parties per event in an {@link #EVENTS_BY_ID} row ({@code objectCount} counts them all). */
    public static final int EVENT_LIST_CAP = 100;

    /**
     * The page of an event query, in time order: ids and times only. The events' columns come from
     * {@link #EVENTS_BY_ID}: Neo4j 2026.08 fails to plan a statement that reads a property an index
     * seek cached and then expands from the same node in its columns.
     */
    private static final String EVENT_PAGE = """
            WITH e, time ORDER BY time, e.eventId LIMIT $limit
            RETURN e.eventId AS eventId, time AS eventTime""";

    /**
     * A page of the events that name the batch, item or container of key {@code $object} (as
     * observed, input, output, parent or child), with the filters of every event query.
     */
    public static final Statement EVENTS_OF_OBJECT = new Statement("events.ofObject", """
            CALL () {
              MATCH (o:Batch {key: $object}) RETURN o
              UNION
              MATCH (o:Item {key: $object}) RETURN o
              UNION
              MATCH (o:Container {key: $object}) RETURN o
            }
            MATCH (o)<-[:OBSERVED|INPUT|OUTPUT|PARENT|CHILD]-(e:Event)
            WITH DISTINCT e
            WITH e, e.eventTime AS time
            WHERE %s
            %s
            """.formatted(EVENT_FILTER, EVENT_PAGE));

    /** A page of the events that happened or were read at the location of key {@code $location}, with the other filters. */
    public static final Statement EVENTS_AT_LOCATION = new Statement("events.atLocation", """
            MATCH (:Location {key: $location})<-[:AT|READ_AT]-(e:Event)
            WITH DISTINCT e
            WITH e, e.eventTime AS time
            WHERE %s
            %s
            """.formatted(EVENT_FILTER, EVENT_PAGE));

    /**
     * A page of all events from {@code $start} on (the later of the window's start and the cursor's
     * time; the API passes the earliest time when neither is given), read along the event-time index
     * so that a page costs its own rows, not a sort of every event.
     */
    public static final Statement EVENTS_IN_TIME = new Statement("events.inTime", """
            MATCH (e:Event) USING INDEX e:Event(eventTime)
            WHERE e.eventTime >= datetime($start)
            WITH e, e.eventTime AS time
            WHERE %s
            %s
            """.formatted(EVENT_FILTER, EVENT_PAGE));

    /**
     * The events of {@code $ids}, in that order: type, action, step, disposition, times, where it
     * happened ({@code bizLocation}) and was read ({@code readPoint}) with their regions, the objects
     * it names with their role ({@code OBSERVED}, {@code INPUT}, …; up to {@value #EVENT_LIST_CAP},
     * {@code objectCount} of all) and the parties of its source and destination lists; and, when an
     * error declaration named it, {@code errorDeclaration} ({@code declarationTime}, {@code reason},
     * {@code correctiveEventIds}), null otherwise.
     */
    public static final Statement EVENTS_BY_ID = new Statement("events.byId", """
            UNWIND $ids AS id
            MATCH (e:Event {eventId: id})
            RETURN e.eventId AS eventId, e.type AS type, e.action AS action, e.bizStep AS bizStep,
                   e.disposition AS disposition, e.eventTime AS eventTime, e.recordTime AS recordTime,
                   CASE WHEN e.errorDeclaredAt IS NULL THEN null
                        ELSE {declarationTime: e.errorDeclaredAt, reason: e.errorReason,
                              correctiveEventIds: coalesce(e.correctiveEventIds, [])} END AS errorDeclaration,
                   [(e)-[:AT]->(l:Location) | l {.key, .gln, .kind, .nameZh, .nameEn,
                     region: [(l)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]}][0] AS bizLocation,
                   [(e)-[:READ_AT]->(l:Location) | l {.key, .gln, .kind, .nameZh, .nameEn,
                     region: [(l)-[:IN_REGION]->(r:Region) | r {.code, .level, .nameZh, .nameEn}][0]}][0] AS readPoint,
                   COUNT { (e)-[:OBSERVED|INPUT|OUTPUT|PARENT|CHILD]->() } AS objectCount,
                   COLLECT { MATCH (e)-[r:OBSERVED|INPUT|OUTPUT|PARENT|CHILD]->(o)
                             WITH r, o ORDER BY type(r), o.key LIMIT %1$d
                             RETURN {role: type(r), key: o.key,
                                     kind: [l IN labels(o) WHERE l IN ['Batch', 'Item', 'Container']][0]} } AS objects,
                   COLLECT { MATCH (e)-[r:INVOLVES]->(party:Party)
                             WITH r, party ORDER BY r.role DESC, party.gln LIMIT %1$d
                             RETURN {role: r.role, type: r.type,
                                     party: party {.gln, .nameZh, .nameEn, kind: [l IN labels(party) WHERE l <> 'Party'][0]}} } AS parties
            """.formatted(EVENT_LIST_CAP));

    // --- the logistics operator's view

    /**
     * A page of the hops the carrier of GLN {@code $carrier} carried, in time order (departure, then
     * id) from {@code $start} on (the window's start or the cursor's time), before {@code $until}
     * (null: no end), after the cursor ({@code $afterTime}, {@code $afterId}; null on the first page):
     * ids and departures only, the columns from {@link #HOPS_BY_ID}. Read along the departure index,
     * the carrier checked per hop; a hop whose departure is not recorded is not listed.
     */
    public static final Statement HOPS_CARRIED = new Statement("hops.carried", """
            MATCH (h:Hop) USING INDEX h:Hop(departed)
            WHERE h.departed >= datetime($start)
            WITH h, h.departed AS time
            WHERE ($until IS NULL OR time < datetime($until))
              AND ($afterTime IS NULL OR time > datetime($afterTime)
                   OR (time = datetime($afterTime) AND h.id > $afterId))
              AND EXISTS { (h)-[:CARRIED_BY]->(carrier:Party) WHERE carrier.gln = $carrier }
              AND %s
            WITH h, time ORDER BY time, h.id LIMIT $limit
            RETURN h.id AS id, time AS departed
            """.formatted(HOP_RECORDED));

    /**
     * The hops of {@code $ids}, in that order: the columns of {@code trace.journeys} and what each
     * moved ({@code moved}: up to {@value #EVENT_LIST_CAP} batches, items or containers by key;
     * {@code movedCount} of all).
     */
    public static final Statement HOPS_BY_ID = new Statement("hops.byId", """
            UNWIND $ids AS hopId
            MATCH (h:Hop {id: hopId})
            RETURN %s,
                   COUNT { (h)-[:MOVED]->() } AS movedCount,
                   COLLECT { MATCH (h)-[:MOVED]->(o) WITH o ORDER BY o.key LIMIT %d
                             RETURN {key: o.key, kind: [l IN labels(o) WHERE l IN ['Batch', 'Item', 'Container']][0]} } AS moved
            """.formatted(HOP_COLUMNS, EVENT_LIST_CAP));

    /** All statements of the catalogue, in declaration order. */
    public static List<Statement> all() {
        return Statement.declaredIn(Catalogue.class);
    }
}
