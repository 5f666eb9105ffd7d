package org.terroir.importer.epcis.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.terroir.importer.epcis.EpcisMasterData;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.importer.epcis.model.EventCommon;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.SourceDestination;
import org.terroir.model.cypher.Statement;

/**
 * Checks, before anything is written, that every event of a document is one its {@link Participant}
 * takes part in, and that its master data changes nothing of another party's. It reads the events
 * as the validating pass hands them over ({@link #accept}), a {@link EpcisImport#BATCH} at a time
 * against the graph, so memory stays flat whatever the document. The rules:
 * <ul>
 *   <li>A <b>party</b> captures what happens at its places: where an event's {@code bizLocation} or
 *       {@code readPoint} is run by a party (the location's {@code OPERATED_BY}, or that of the
 *       nearest location it lies {@code WITHIN}), that party must be the caller's. Who runs a place
 *       records what happens there; a carrier cannot capture at a cooperative's warehouse, even naming
 *       itself in the destination list.</li>
 *   <li>Where no party runs the place (or the event names none), the party must take part otherwise:
 *       named in the {@code sourceList} or {@code destinationList} (as a party, or as a location it
 *       runs or of its GLN), or through the event's objects: a batch or item produced at one of its
 *       locations, or an object of a product of a brand it owns.</li>
 *   <li>A <b>station</b>'s staff capture what happens at the station: its {@code bizLocation} and
 *       {@code readPoint}, or without either a source or destination location, at the station's GLN.</li>
 *   <li>Master data: an element new to the graph, or the same as stored, is taken from anyone; an
 *       element that would change a stored one only from its owner (a location's operator, the party
 *       itself, the owner of a product's brand, a station for its own location).</li>
 * </ul>
 */
public final class Participation implements Consumer<ReadEvent> {

    /** A party's own location, its nearest operator first: the parties that run the location (empty: nobody). */
    private static final String OPERATORS = """
            CALL (%1$s) {
              OPTIONAL MATCH path = (%1$s)-[:WITHIN*0..4]->(:Location)-[:OPERATED_BY]->(operator:Party)
              WITH length(path) AS depth, collect(DISTINCT operator.gln) AS operators
              ORDER BY depth
              RETURN collect(operators)[0] AS operators
            }""";

    /**
     * The events of {@code $rows} that the party of GLN {@code $party} may not capture, with the
     * places run by other parties that the event names ({@code foreign}: {field, key, operators}).
     * Each row: {@code index}, {@code line}, {@code where} ({field, key} of its bizLocation and
     * readPoint), {@code places} (source and destination locations), {@code named} (the party is in
     * its source or destination lists, or a location of its GLN is named), {@code batches},
     * {@code items}, {@code gtins}.
     */
    static final Statement PARTICIPATION_EVENTS = new Statement("participation.events", """
            UNWIND $rows AS row
            CALL (row) {
              UNWIND row.where AS place
              OPTIONAL MATCH (l:Location {key: place.key})
              %s
              WITH place, operators WHERE size(coalesce(operators, [])) > 0
              RETURN collect({field: place.field, key: place.key, operators: operators}) AS operated
            }
            WITH row, operated, [o IN operated WHERE NOT $party IN o.operators] AS foreign
            WHERE size(foreign) > 0
               OR (size(operated) = 0 AND NOT (row.named
                   OR EXISTS { UNWIND row.places AS key
                               MATCH (:Location {key: key})-[:WITHIN*0..4]->(:Location)-[:OPERATED_BY]->(:Party {gln: $party}) }
                   OR EXISTS { UNWIND row.batches AS key
                               MATCH (:Batch {key: key})-[:PRODUCED_AT]->(:Location)-[:WITHIN*0..4]->(:Location)
                                     -[:OPERATED_BY]->(:Party {gln: $party}) }
                   OR EXISTS { UNWIND row.items AS key
                               MATCH (:Item {key: key})-[:OF_BATCH*0..1]->()-[:PRODUCED_AT]->(:Location)-[:WITHIN*0..4]->(:Location)
                                     -[:OPERATED_BY]->(:Party {gln: $party}) }
                   OR EXISTS { UNWIND row.gtins AS gtin
                               MATCH (:Product {gtin: gtin})-[:OF_BRAND]->(:Brand)-[:OWNED_BY]->(:Party {gln: $party}) }))
            RETURN row.index AS index, row.line AS line, foreign
            """.formatted(OPERATORS.formatted("l")));

    /**
     * The master-data locations of {@code $rows} that would change a stored location the caller does
     * not own: run by another party, or by nobody and not of its GLN ({@code row.named}) nor its
     * station ({@code row.station}). {@code $party}: the caller's GLN, null for a station.
     */
    static final Statement PARTICIPATION_LOCATIONS = new Statement("participation.locations", """
            UNWIND $rows AS row
            MATCH (l:Location {key: row.key})
            WHERE any(k IN ['gln', 'extension', 'nameZh', 'nameEn', 'latitude', 'longitude', 'masterData']
                      WHERE row[k] IS NOT NULL AND coalesce(row[k] <> l[k], true))
            %s
            WITH row, operators
            WHERE NOT (row.station OR CASE WHEN size(operators) > 0 THEN coalesce($party IN operators, false) ELSE row.named END)
            RETURN row.key AS key, operators
            """.formatted(OPERATORS.formatted("l")));

    /** The master-data parties of {@code $rows} that would change a stored party other than {@code $party}. */
    static final Statement PARTICIPATION_PARTIES = new Statement("participation.parties", """
            UNWIND $rows AS row
            MATCH (p:Party {gln: row.gln})
            WHERE row.gln <> coalesce($party, '')
              AND any(k IN ['nameZh', 'nameEn', 'masterData'] WHERE row[k] IS NOT NULL AND coalesce(row[k] <> p[k], true))
            RETURN row.gln AS key
            """);

    /** The master-data products of {@code $rows} that would change a stored product of a brand {@code $party} does not own. */
    static final Statement PARTICIPATION_PRODUCTS = new Statement("participation.products", """
            UNWIND $rows AS row
            MATCH (p:Product {gtin: row.gtin})
            WHERE any(k IN ['nameZh', 'nameEn', 'masterData'] WHERE row[k] IS NOT NULL AND coalesce(row[k] <> p[k], true))
              AND NOT EXISTS { (p)-[:OF_BRAND]->(:Brand)-[:OWNED_BY]->(:Party {gln: $party}) }
            RETURN row.gtin AS key
            """);

    /**
     * The {@code children} of {@code $rows} that would place a stored location the caller does not own
     * within another ({@code row.named}, {@code row.station} as for locations).
     */
    static final Statement PARTICIPATION_WITHIN = new Statement("participation.within", """
            UNWIND $rows AS row
            MATCH (l:Location {key: row.child})
            WHERE NOT EXISTS { (l)-[:WITHIN]->(:Location {key: row.parent}) }
            %s
            WITH row, operators
            WHERE NOT (row.station OR CASE WHEN size(operators) > 0 THEN coalesce($party IN operators, false) ELSE row.named END)
            RETURN row.child AS key, operators
            """.formatted(OPERATORS.formatted("l")));

    /** The statements of this check, for the tests that keep every statement honest. */
    public static List<Statement> all() {
        return Statement.declaredIn(Participation.class);
    }

    private final Driver driver;
    private final Participant participant;
    private final String file;
    private final int limit;
    private final List<Map<String, Object>> pending = new ArrayList<>();
    private final List<Problem> kept = new ArrayList<>();
    private long count;

    private Participation(Driver driver, Participant participant, String file, int limit) {
        this.driver = driver;
        this.participant = participant;
        this.file = file;
        this.limit = limit;
    }

    /**
     * A check of the document {@code file} (its name, for problems) for {@code participant}, keeping
     * the first {@code limit} problems.
     */
    static Participation of(Driver driver, Participant participant, String file, int limit) {
        return new Participation(driver, participant, file, limit);
    }

    /** Takes an event the validating pass read; a {@link Participant#ANYONE} takes any, and an invalid event has its problems already. */
    @Override
    public void accept(ReadEvent read) {
        if (participant instanceof Participant.Anyone || !read.valid()) {
            return;
        }
        EpcisEvent event = read.event().orElseThrow();
        switch (participant) {
            case Participant.Station station -> check(station, read.index(), read.line(), event.common());
            case Participant.Party party -> {
                pending.add(row(party, read.index(), read.line(), event));
                if (pending.size() == EpcisImport.BATCH) {
                    flush(party);
                }
            }
            case Participant.Anyone anyone -> throw new IllegalStateException();
        }
    }

    /** Checks what is left and the master data; the problems found, at most the limit. */
    List<Problem> finish(EpcisMasterData masterData) {
        if (participant instanceof Participant.Anyone) {
            return List.of();
        }
        if (participant instanceof Participant.Party party) {
            flush(party);
        }
        if (!masterData.isEmpty()) {
            check(masterData);
        }
        return List.copyOf(kept);
    }

    /** How many problems were found in all (more than {@link #finish} keeps when there are many). */
    long problemCount() {
        return count;
    }

    private void check(Participant.Station station, int index, long line, EventCommon common) {
        List<String[]> where = where(common);
        if (!where.isEmpty()) {
            for (String[] place : where) {
                if (!station.holds(place[1])) {
                    problem(index, line, place[0], place[1] + " is not station " + station.gln()
                            + ": a station's staff capture what happens at their station (or a regulator, anywhere)");
                }
            }
        } else if (places(common).stream().noneMatch(station::holds)) {
            problem(index, line, "bizLocation", "the event names neither a bizLocation nor a readPoint, and station "
                    + station.gln() + " is in neither its sourceList nor its destinationList");
        }
    }

    private Map<String, Object> row(Participant.Party party, int index, long line, EpcisEvent event) {
        EventCommon common = event.common();
        EventRows rows = EventRows.of(event, new EpcisImport.Origin(file, null));
        List<Map<String, Object>> where = new ArrayList<>();
        where(common).forEach(place -> where.add(Map.of("field", place[0], "key", place[1])));
        List<String> places = places(common);
        boolean named = places.stream().anyMatch(key -> ofGln(key, party.gln()))
                || where.stream().anyMatch(place -> ofGln((String) place.get("key"), party.gln()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parties = (List<Map<String, Object>>) rows.event().get("parties");
        named |= parties.stream().anyMatch(p -> party.gln().equals(p.get("gln")));
        Set<String> batches = new LinkedHashSet<>();
        Set<String> items = new LinkedHashSet<>();
        Set<String> gtins = new LinkedHashSet<>();
        for (Map<String, Object> object : rows.objects()) {
            switch ((String) object.get("label")) {
                case "Batch" -> batches.add((String) object.get("key"));
                case "Item" -> items.add((String) object.get("key"));
                default -> { }
            }
            Optional.ofNullable((String) object.get("gtin")).ifPresent(gtins::add);
        }
        Map<String, Object> row = new HashMap<>();
        row.put("index", index);
        row.put("line", line);
        row.put("where", where);
        row.put("places", places);
        row.put("named", named);
        row.put("batches", List.copyOf(batches));
        row.put("items", List.copyOf(items));
        row.put("gtins", List.copyOf(gtins));
        return row;
    }

    private void flush(Participant.Party party) {
        if (pending.isEmpty()) {
            return;
        }
        List<Record> refused;
        try (Session session = driver.session()) {
            refused = session.executeRead(tx -> tx.run(PARTICIPATION_EVENTS.cypher(),
                    Map.of("rows", pending, "party", party.gln())).list());
        }
        pending.clear();
        for (Record r : refused) {
            int index = r.get("index").asInt();
            long line = r.get("line").asLong();
            List<Object> foreign = r.get("foreign").asList();
            if (foreign.isEmpty()) {
                problem(index, line, "event", party.describe() + " takes no part in this event: it names none of its "
                        + "locations (bizLocation, readPoint, sourceList, destinationList), does not name it in its sourceList "
                        + "or destinationList, and names none of its objects (produced at its locations, or of its brands)");
            }
            for (Object o : foreign) {
                Map<?, ?> place = (Map<?, ?>) o;
                problem(index, line, (String) place.get("field"), place.get("key") + " is a location of party "
                        + String.join(", ", ((List<?>) place.get("operators")).stream().map(Object::toString).toList())
                        + ", not of " + party.describe() + ": only the party that runs a place (or a regulator) captures what"
                        + " happens there");
            }
        }
    }

    private void check(EpcisMasterData masterData) {
        String party = participant instanceof Participant.Party p ? p.gln() : null;
        Participant.Station station = participant instanceof Participant.Station s ? s : null;
        try (Session session = driver.session()) {
            refuse(session, PARTICIPATION_LOCATIONS, owned(masterData.locations(), "key", party, station), party,
                    "location", "it is a location of %s; only its operator (or a regulator) changes its master data");
            refuse(session, PARTICIPATION_WITHIN, owned(masterData.within(), "child", party, station), party,
                    "location", "placing it within another location is for its operator %s (or a regulator)");
            refuse(session, PARTICIPATION_PARTIES, masterData.parties(), party,
                    "party", "only the party itself (or a regulator) changes its master data");
            refuse(session, PARTICIPATION_PRODUCTS, masterData.products(), party,
                    "product", "only the association that owns its brand (or a regulator) changes its master data");
        }
    }

    /** The rows with {@code named} and {@code station}: whether the location of {@code key} is of the party's GLN, or the station. */
    private static List<Map<String, Object>> owned(List<Map<String, Object>> rows, String key, String party,
                                                   Participant.Station station) {
        List<Map<String, Object>> owned = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new HashMap<>(row);
            String location = (String) row.get(key);
            copy.put("named", party != null && ofGln(location, party));
            copy.put("station", station != null && station.holds(location));
            owned.add(copy);
        }
        return owned;
    }

    private void refuse(Session session, Statement statement, List<Map<String, Object>> rows, String party, String kind,
                        String reason) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("rows", rows);
        parameters.put("party", party);
        for (Record r : session.executeRead(tx -> tx.run(statement.cypher(), parameters).list())) {
            String operators = r.keys().contains("operators") && !r.get("operators").isNull()
                    && !r.get("operators").asList().isEmpty()
                    ? "party " + String.join(", ", r.get("operators").asList(org.neo4j.driver.Value::asString)) : "another party";
            problem(-1, -1, "masterData." + kind + "[" + r.get("key").asString() + "]",
                    "would change what the graph holds, for " + participant.describe() + ": " + reason.formatted(operators));
        }
    }

    private void problem(int index, long line, String field, String reason) {
        if (count++ < limit) {
            kept.add(new Problem(file, index, line, field, reason));
        }
    }

    /** Where the event happens: its bizLocation and readPoint, as {field, location key}. */
    private static List<String[]> where(EventCommon common) {
        List<String[]> where = new ArrayList<>();
        common.bizLocation().ifPresent(l -> where.add(new String[] {"bizLocation", l.id().key()}));
        common.readPoint().ifPresent(l -> where.add(new String[] {"readPoint", l.id().key()}));
        return where;
    }

    /** The locations of the event's source and destination lists. */
    private static List<String> places(EventCommon common) {
        List<String> places = new ArrayList<>();
        for (List<SourceDestination> list : List.of(common.sources(), common.destinations())) {
            list.stream().filter(s -> s.type().equals("location")).forEach(s -> places.add(s.id().key()));
        }
        return places;
    }

    /** Whether a location key ({@code 414/{gln}[/254/{extension}]}) is of the GLN {@code gln}. */
    private static boolean ofGln(String key, String gln) {
        return key.equals("414/" + gln) || key.startsWith("414/" + gln + "/");
    }
}
