package org.terroir.importer.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongConsumer;
import org.terroir.model.id.GS1;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * A deterministic synthetic dataset of the demo's shape for any number of batches: master-data CSV
 * files plus EPCIS 2.0 JSON-LD documents of at most {@link #BATCHES_PER_FILE} batches each. Every
 * value derives from the batch's index alone, so the same N gives byte-identical files, and the
 * writing streams: memory stays flat for a million batches.
 *
 * <p>Shape: counties of synthetic prefectures (division codes starting {@code 99}, which no real
 * province has), each with a township, two villages, a brand association, a cooperative, a
 * regional brand, a raw and a packed product, farms, a processor, village, township and county
 * stations, and {@value #HOUSEHOLDS_PER_COUNTY} households. Each batch: a raw lot commissioned at a
 * farm with three households' contributions, transformed into a packed lot, {@value #ITEMS_PER_BATCH}
 * serialised units commissioned and packed into a case (SSCC), then shipped and received over five
 * hops: processor → village station → township station → county station → carrier hub → city.
 */
public final class SyntheticData {

    public static final int BATCHES_PER_FILE = 10_000;
    static final int BATCHES_PER_COUNTY = 2_000;
    static final int HOUSEHOLDS_PER_COUNTY = 60;
    static final int ITEMS_PER_BATCH = 2;
    static final int CITIES = 5;
    /** Events written for one batch. */
    public static final int EVENTS_PER_BATCH = 3 + 1 + 1 + 2 * 5;

    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2025, 1, 1, 6, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final long batches;
    private final int counties;

    public SyntheticData(long batches) {
        if (batches < 1 || batches > 9_000_000) {
            throw new IllegalArgumentException("--batches must be between 1 and 9,000,000, got " + batches);
        }
        this.batches = batches;
        this.counties = (int) ((batches + BATCHES_PER_COUNTY - 1) / BATCHES_PER_COUNTY);
    }

    public int counties() {
        return counties;
    }

    /** Writes {@code out/master-data/*.csv} and {@code out/epcis/batches-NNNNN.jsonld}; reports batches done. */
    public List<Path> write(Path out, LongConsumer progress) throws IOException {
        Path master = Files.createDirectories(out.resolve("master-data"));
        Path epcis = Files.createDirectories(out.resolve("epcis"));
        writeMasterData(master);
        long files = (batches + BATCHES_PER_FILE - 1) / BATCHES_PER_FILE;
        for (long f = 0; f < files; f++) {
            long from = f * BATCHES_PER_FILE;
            long to = Math.min(batches, from + BATCHES_PER_FILE);
            Path file = epcis.resolve("batches-%05d.jsonld".formatted(f + 1));
            try (OutputStream stream = Files.newOutputStream(file)) {
                writeEvents(stream, from, to);
            }
            progress.accept(to);
        }
        return List.of(master, epcis);
    }

    // ------------------------------------------------------------------ identifiers of the shape

    private static String withCheck(String digits) {
        return digits + GS1.checkDigit(digits);
    }

    /** Company prefix of county {@code c}: 952 + 4 digits. */
    static String prefix(int county) {
        return "952" + "%04d".formatted(county + 1);
    }

    static String gln(int county, int ref) {
        return withCheck(prefix(county) + "%05d".formatted(ref));
    }

    static String gtin(int county, int ref) {
        return "0" + withCheck(prefix(county) + "%05d".formatted(ref));
    }

    private static String sgln(String gln) {
        return "urn:epc:id:sgln:" + gln.substring(0, 7) + "." + gln.substring(7, 12) + ".0";
    }

    private static String lgtin(String gtin14, String lot) {
        return "urn:epc:class:lgtin:" + gtin14.substring(1, 8) + "." + gtin14.charAt(0) + gtin14.substring(8, 13) + "." + lot;
    }

    private static String sgtin(String gtin14, String serial) {
        return "urn:epc:id:sgtin:" + gtin14.substring(1, 8) + "." + gtin14.charAt(0) + gtin14.substring(8, 13) + "." + serial;
    }

    private static String pgln(String gln) {
        return "urn:epc:id:pgln:" + gln.substring(0, 7) + "." + gln.substring(7, 12);
    }

    static String countyCode(int county) {
        return "99%02d%02d".formatted(county / 99 + 1, county % 99 + 1);
    }

    private static String prefectureCode(int county) {
        return "99%02d00".formatted(county / 99 + 1);
    }

    private static final String HUB_PREFIX = "9520000";

    private static String hubGln(int county) {
        return withCheck(HUB_PREFIX + "1%04d".formatted(county / 99 + 1));
    }

    private static String carrierGln() {
        return withCheck(HUB_PREFIX + "00001");
    }

    private static String cityGln(int city) {
        return withCheck(HUB_PREFIX + "2%04d".formatted(city + 1));
    }

    private static String cityCode(int city) {
        return "98%02d01".formatted(city + 1);
    }

    // ------------------------------------------------------------------ master data

    private void writeMasterData(Path dir) throws IOException {
        try (Csv regions = new Csv(dir.resolve("regions.csv"), "code,level,parent_code,name_zh,name_en");
                Csv parties = new Csv(dir.resolve("parties.csv"), "gln,kind,name_zh,name_en,region_code");
                Csv brands = new Csv(dir.resolve("brands.csv"), "id,kind,name_zh,name_en,owner_gln,gi_registration,protected_region_codes");
                Csv products = new Csv(dir.resolve("products.csv"), "gtin,brand_id,name_zh,name_en");
                Csv locations = new Csv(dir.resolve("locations.csv"), "gln,kind,name_zh,name_en,region_code,operator_gln");
                Csv producers = new Csv(dir.resolve("producers.csv"), "household_id,name,phone,registered_poor,village_code,cooperative_gln")) {
            parties.row(carrierGln(), "carrier", "合成快递", "Synthetic Express", "");
            for (int city = 0; city < CITIES; city++) {
                String prefecture = "98%02d00".formatted(city + 1);
                regions.row(prefecture, "prefecture", "", "合成市" + (city + 1), "Synthetic City " + (city + 1));
                regions.row(cityCode(city), "county", prefecture, "合成区" + (city + 1), "Synthetic District " + (city + 1));
                locations.row(cityGln(city), "retail", "自提点" + (city + 1), "Pick-up point " + (city + 1), cityCode(city), carrierGln());
            }
            for (int c = 0; c < counties; c++) {
                String county = countyCode(c);
                String prefecture = prefectureCode(c);
                if (c % 99 == 0) {
                    regions.row(prefecture, "prefecture", "", "合成州" + (c / 99 + 1), "Synthetic Prefecture " + (c / 99 + 1));
                    locations.row(hubGln(c), "carrier_hub", "分拨中心" + (c / 99 + 1), "Hub " + (c / 99 + 1), prefecture, carrierGln());
                }
                String n = String.valueOf(c + 1);
                String township = county + "101";
                String[] villages = {township + "201", township + "202"};
                regions.row(county, "county", prefecture, "合成县" + n, "Synthetic County " + n);
                regions.row(township, "township", county, "合成镇" + n, "Synthetic Town " + n);
                for (int v = 0; v < villages.length; v++) {
                    regions.row(villages[v], "village", township, "合成村" + n + "-" + (v + 1), "Synthetic Village " + n + "-" + (v + 1));
                }
                String association = gln(c, 1), cooperative = gln(c, 2), centre = gln(c, 3);
                parties.row(association, "association", "合成协会" + n, "Synthetic Association " + n, county);
                parties.row(cooperative, "cooperative", "合成合作社" + n, "Synthetic Cooperative " + n, township);
                parties.row(centre, "enterprise", "合成电商中心" + n, "Synthetic E-commerce Centre " + n, county);
                String brand = "synthetic-brand-" + n;
                brands.row(brand, "regional", "合成品牌" + n, "Synthetic Brand " + n, association, "", county);
                products.row(gtin(c, 101), brand, "合成原料" + n, "Synthetic raw produce " + n);
                products.row(gtin(c, 102), brand, "合成包装品" + n, "Synthetic packed product " + n);
                for (int v = 0; v < villages.length; v++) {
                    locations.row(gln(c, 10001 + v), "farm", "合成农场" + n + "-" + (v + 1), "Farm " + n + "-" + (v + 1), villages[v], cooperative);
                }
                locations.row(gln(c, 10020), "processor", "合成加工厂" + n, "Processor " + n, county, cooperative);
                locations.row(gln(c, 10031), "village_station", "村服务站" + n, "Village station " + n, villages[0], centre);
                locations.row(gln(c, 10032), "township_station", "镇服务站" + n, "Township station " + n, township, centre);
                locations.row(gln(c, 10033), "county_station", "县电商中心" + n, "County station " + n, county, centre);
                for (int h = 0; h < HOUSEHOLDS_PER_COUNTY; h++) {
                    producers.row(household(c, h), "农户" + n + "-" + (h + 1), "139%08d".formatted(c * HOUSEHOLDS_PER_COUNTY + h),
                            h % 3 == 0 ? "true" : "false", villages[h % villages.length], cooperative);
                }
            }
        }
        try (Csv contributions = new Csv(dir.resolve("contributions.csv"), "household_id,gtin,lot,quantity,unit")) {
            for (long b = 0; b < batches; b++) {
                int c = county(b);
                for (int k = 0; k < 3; k++) {
                    int h = (int) ((b * 7 + k * 13) % HOUSEHOLDS_PER_COUNTY);
                    contributions.row(household(c, h), gtin(c, 101), rawLot(b), String.valueOf(100 + (b + k) % 200), "KGM");
                }
            }
        }
    }

    private int county(long batch) {
        return (int) (batch % counties);
    }

    private static String household(int county, int h) {
        return "S" + (county + 1) + "-H" + (h + 1);
    }

    private static String rawLot(long batch) {
        return "R" + (batch + 1);
    }

    private static String packedLot(long batch) {
        return "P" + (batch + 1);
    }

    // ------------------------------------------------------------------ events

    private void writeEvents(OutputStream stream, long from, long to) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(stream)) {
            json.writeStartObject();
            json.writeName("@context");
            json.writeStartArray();
            json.writeString("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
            json.writeStartObject();
            json.writeStringProperty("cbvmda", "urn:epcglobal:cbv:mda:");
            json.writeEndObject();
            json.writeEndArray();
            json.writeStringProperty("type", "EPCISDocument");
            json.writeStringProperty("schemaVersion", "2.0");
            json.writeStringProperty("creationDate", TIME.format(EPOCH));
            json.writeName("epcisBody");
            json.writeStartObject();
            json.writeName("eventList");
            json.writeStartArray();
            for (long b = from; b < to; b++) {
                writeBatch(json, b);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private void writeBatch(JsonGenerator json, long b) {
        int c = county(b);
        String raw = gtin(c, 101), packed = gtin(c, 102);
        String farm = gln(c, 10001 + (int) (b % 2)), processor = gln(c, 10020);
        OffsetDateTime t = EPOCH.plusMinutes(b * 7);
        String id = "urn:uuid:00000000-0000-4000-8000-%012x";
        long e = b * EVENTS_PER_BATCH;

        // raw lot commissioned at the farm
        objectEvent(json, id.formatted(e), t, "ADD", "commissioning", "active", farm, true);
        json.writeEndArray();
        quantityList(json, "quantityList", lgtin(raw, rawLot(b)), 300, "KGM");
        json.writeEndObject();
        // the raw lot reaches the processor
        objectEvent(json, id.formatted(e + 1), t.plusHours(3), "OBSERVE", "receiving", "in_progress", processor, true);
        json.writeEndArray();
        quantityList(json, "quantityList", lgtin(raw, rawLot(b)), 300, "KGM");
        sourceDestination(json, farm, processor, null);
        json.writeEndObject();
        // transformation raw -> packed
        start(json, "TransformationEvent", id.formatted(e + 2), t.plusHours(20));
        json.writeStringProperty("bizStep", "creating_class_instance");
        json.writeStringProperty("disposition", "active");
        location(json, processor, true);
        quantityList(json, "inputQuantityList", lgtin(raw, rawLot(b)), 300, "KGM");
        quantityList(json, "outputQuantityList", lgtin(packed, packedLot(b)), 500, null);
        json.writeEndObject();
        // serialised units with their lot
        String[] serials = new String[ITEMS_PER_BATCH];
        for (int i = 0; i < ITEMS_PER_BATCH; i++) {
            serials[i] = sgtin(packed, packedLot(b) + "-" + (i + 1));
        }
        objectEvent(json, id.formatted(e + 3), t.plusHours(21), "ADD", "commissioning", "active", processor, true);
        for (String serial : serials) {
            json.writeString(serial);
        }
        json.writeEndArray();
        json.writeName("ilmd");
        json.writeStartObject();
        json.writeStringProperty("cbvmda:lotNumber", packedLot(b));
        json.writeEndObject();
        json.writeEndObject();
        // packed into a case
        String sscc = ssccUrn(c, b);
        start(json, "AggregationEvent", id.formatted(e + 4), t.plusHours(22));
        json.writeStringProperty("parentID", sscc);
        json.writeName("childEPCs");
        json.writeStartArray();
        for (String serial : serials) {
            json.writeString(serial);
        }
        json.writeEndArray();
        json.writeStringProperty("action", "ADD");
        json.writeStringProperty("bizStep", "packing");
        json.writeStringProperty("disposition", "in_progress");
        location(json, processor, true);
        json.writeEndObject();
        // five hops
        String[] stops = {processor, gln(c, 10031), gln(c, 10032), gln(c, 10033), hubGln(c), cityGln((int) (b % CITIES))};
        OffsetDateTime now = t.plusHours(24);
        for (int h = 0; h < stops.length - 1; h++) {
            String carrier = h >= 3 ? carrierGln() : gln(c, 3);
            OffsetDateTime arrival = now.plusHours(h == 4 ? 30 : 4);
            for (int leg = 0; leg < 2; leg++) {
                boolean shipping = leg == 0;
                objectEvent(json, id.formatted(e + 5 + h * 2 + leg), shipping ? now : arrival, "OBSERVE",
                        shipping ? "shipping" : "receiving", shipping ? "in_transit" : "in_progress",
                        shipping ? stops[h] : stops[h + 1], !shipping);
                json.writeString(sscc);
                json.writeEndArray();
                quantityList(json, "quantityList", lgtin(packed, packedLot(b)), 500, null);
                sourceDestination(json, stops[h], stops[h + 1], carrier);
                json.writeEndObject();
            }
            now = arrival.plusHours(2);
        }
    }

    private static String ssccUrn(int county, long batch) {
        String prefix = prefix(county);
        return "urn:epc:id:sscc:" + prefix + ".0" + "%09d".formatted(batch);
    }

    /**
     * The head of an ObjectEvent: its identity and time, action, step, disposition and place ({@code gln}
     * its read point, and its business location too when {@code bizLocation}), then the EPC list
     * opened for the caller to fill and close.
     */
    private static void objectEvent(JsonGenerator json, String eventId, OffsetDateTime time, String action, String bizStep,
            String disposition, String gln, boolean bizLocation) {
        start(json, "ObjectEvent", eventId, time);
        json.writeStringProperty("action", action);
        json.writeStringProperty("bizStep", bizStep);
        json.writeStringProperty("disposition", disposition);
        location(json, gln, bizLocation);
        json.writeName("epcList");
        json.writeStartArray();
    }

    private static void start(JsonGenerator json, String type, String eventId, OffsetDateTime time) {
        json.writeStartObject();
        json.writeStringProperty("type", type);
        json.writeStringProperty("eventID", eventId);
        json.writeStringProperty("eventTime", TIME.format(time));
        json.writeStringProperty("eventTimeZoneOffset", "+08:00");
    }

    private static void location(JsonGenerator json, String gln, boolean bizLocation) {
        json.writeName("readPoint");
        json.writeStartObject();
        json.writeStringProperty("id", sgln(gln));
        json.writeEndObject();
        if (bizLocation) {
            json.writeName("bizLocation");
            json.writeStartObject();
            json.writeStringProperty("id", sgln(gln));
            json.writeEndObject();
        }
    }

    private static void quantityList(JsonGenerator json, String name, String epcClass, int quantity, String uom) {
        json.writeName(name);
        json.writeStartArray();
        json.writeStartObject();
        json.writeStringProperty("epcClass", epcClass);
        json.writeNumberProperty("quantity", quantity);
        if (uom != null) {
            json.writeStringProperty("uom", uom);
        }
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void sourceDestination(JsonGenerator json, String from, String to, String carrier) {
        json.writeName("sourceList");
        json.writeStartArray();
        typed(json, "location", "source", sgln(from));
        if (carrier != null) {
            typed(json, "possessing_party", "source", pgln(carrier));
        }
        json.writeEndArray();
        json.writeName("destinationList");
        json.writeStartArray();
        typed(json, "location", "destination", sgln(to));
        json.writeEndArray();
    }

    /** One entry of a source or destination list: {@code {"type": type, field: id}}. */
    private static void typed(JsonGenerator json, String type, String field, String id) {
        json.writeStartObject();
        json.writeStringProperty("type", type);
        json.writeStringProperty(field, id);
        json.writeEndObject();
    }

    /** A CSV file written row by row; values never hold commas or quotes here. */
    private static final class Csv implements AutoCloseable {
        private final Writer writer;

        Csv(Path file, String header) throws IOException {
            writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            writer.write(header);
            writer.write('\n');
        }

        void row(String... values) {
            try {
                writer.write(String.join(",", values));
                writer.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
