package org.terroir.importer.epcis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.Vocabulary;
import org.terroir.model.GeoPoint;
import org.terroir.model.ShownText;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Gln;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.Sgln;
import tools.jackson.databind.json.JsonMapper;

/**
 * EPCIS master data (the vocabularies of an {@code EPCISMasterDataDocument} or of a document's
 * header) as rows for the nodes the master-data CSV files make, validated as the CSV is: locations
 * ({@code BusinessLocation}, {@code ReadPoint}, and {@code SourceDest} elements that are SGLNs) by
 * their key, parties ({@code SourceDest} elements that are PGLNs) by their GLN, products
 * ({@code EPCClass} elements that are GTINs) by their GTIN. The CBV attributes Terroir shows are
 * read into properties (names, and a location's latitude and longitude); every attribute, these
 * included, is kept as the element gave it ({@code masterData}, JSON). A location's {@code children}
 * lie {@code WITHIN} it. Other vocabularies (business steps, dispositions, ...) and other elements
 * (batch classes, GRAI, ...) are counted, not written. See {@code docs/master-data.md}.
 */
public final class EpcisMasterData {

    static final String BUSINESS_LOCATION = "urn:epcglobal:epcis:vtype:BusinessLocation";
    static final String READ_POINT = "urn:epcglobal:epcis:vtype:ReadPoint";
    static final String SOURCE_DEST = "urn:epcglobal:epcis:vtype:SourceDest";
    static final String EPC_CLASS = "urn:epcglobal:epcis:vtype:EPCClass";

    /** Attribute ids whose local name is a CBV master-data attribute: as XML, as JSON-LD expands them, compact, GS1 Web Vocabulary. */
    private static final Pattern CBV_ATTRIBUTE = Pattern.compile(
            "(?:urn:epcglobal:cbv:mda[#:]|cbvmda:|https?://gs1\\.org/voc/|gs1:)([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern PARTY = Pattern.compile("417/(\\d{13})");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** The attributes a product's name is taken from, first found first. */
    private static final List<String> PRODUCT_NAMES = List.of("tradeItemDescription", "descriptionShort",
            "regulatedProductName", "functionalName", "productName", "name");
    private static final List<String> PLACE_NAMES = List.of("name", "physicalLocationName", "organizationName");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Map<String, Object>> locations = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> parties = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> products = new LinkedHashMap<>();
    private final List<Map<String, Object>> within = new ArrayList<>();
    private int elements;
    private int notWritten;

    private EpcisMasterData(String file) {
        this.file = file;
    }

    /** Reads the vocabularies of the document {@code file} (its name, for problems). */
    public static EpcisMasterData of(String file, List<Vocabulary> vocabularies) {
        EpcisMasterData data = new EpcisMasterData(file);
        for (int v = 0; v < vocabularies.size(); v++) {
            data.vocabulary(vocabularies.get(v), "epcisMasterData.vocabularyList[" + v + "]");
        }
        return data;
    }

    /** No master data. */
    public static EpcisMasterData none(String file) {
        return new EpcisMasterData(file);
    }

    private void vocabulary(Vocabulary vocabulary, String at) {
        String type = vocabulary.type().strip();
        if (type.isEmpty()) {
            problem(at + ".type", "is required (a vocabulary type URI, e.g. " + BUSINESS_LOCATION + ")");
            return;
        }
        for (int e = 0; e < vocabulary.elements().size(); e++) {
            elements++;
            Vocabulary.Element element = vocabulary.elements().get(e);
            String where = at + ".vocabularyElementList[" + e + "]";
            if (element.id().isBlank()) {
                problem(where + ".id", "is required (the URI of what the element describes)");
                continue;
            }
            boolean written = switch (type) {
                case BUSINESS_LOCATION, READ_POINT -> location(element, where);
                case SOURCE_DEST -> location(element, where) || party(element, where);
                case EPC_CLASS -> product(element, where);
                default -> false;
            };
            if (!written) {
                notWritten++;
            }
        }
    }

    /** A location element; false when {@code element} names no location (a source or destination that is a party). */
    private boolean location(Vocabulary.Element element, String at) {
        String id = element.id().strip();
        int before = problems.size();
        Optional<Sgln> sgln = gs1(id, at, "414", "sgln").filter(Sgln.class::isInstance).map(Sgln.class::cast);
        if (sgln.isEmpty() && (isParty(id) || problems.size() > before)) {
            return false;
        }
        String key = sgln.map(Sgln::key).orElseGet(() -> Epc.of(id).key());
        Map<String, Object> row = row(element, at, PLACE_NAMES, "Location");
        row.put("key", key);
        row.put("gln", sgln.map(s -> s.gln().value()).orElse(null));
        row.put("extension", sgln.flatMap(Sgln::extension).orElse(null));
        place(element, at, row);
        locations.merge(key, row, EpcisMasterData::later);
        for (String child : element.children()) {
            if (child.isBlank()) {
                problem(at + ".children", "a child id is blank");
                continue;
            }
            within.add(Map.of("child", Epc.of(child).key(), "parent", key));
        }
        return true;
    }

    private boolean party(Vocabulary.Element element, String at) {
        Matcher gln = PARTY.matcher(Epc.of(element.id()).key());
        if (!gln.matches()) {
            return false;
        }
        try {
            Gln.of(gln.group(1));
        } catch (IllegalArgumentException e) {
            problem(at + ".id", e.getMessage());
            return true;
        }
        Map<String, Object> row = row(element, at, PLACE_NAMES, "Party");
        row.put("gln", gln.group(1));
        parties.merge(gln.group(1), row, EpcisMasterData::later);
        return true;
    }

    private boolean product(Vocabulary.Element element, String at) {
        Optional<EpcIdentifier> id = gs1(element.id().strip(), at, "01", "idpat:sgtin");
        if (id.isEmpty() || !(id.get() instanceof Gtin gtin)) {
            return false; // a batch (LGTIN) or another class: not a product of the graph
        }
        Map<String, Object> row = row(element, at, PRODUCT_NAMES, "Product");
        row.put("gtin", gtin.value());
        products.merge(gtin.value(), row, EpcisMasterData::later);
        return true;
    }

    private static boolean isParty(String id) {
        return PARTY.matcher(Epc.of(id).key()).matches();
    }

    /**
     * The identifier of a GS1 key of the form named (a Digital Link with primary key {@code ai}, or
     * an EPC URN of {@code urnKind}); a problem if it is written as one and is not valid (a wrong
     * check digit, say); empty for any other URI.
     */
    private Optional<EpcIdentifier> gs1(String id, String at, String ai, String urnKind) {
        boolean claims = id.startsWith("urn:epc:" + urnKind + ":") || id.startsWith("urn:epc:id:" + urnKind + ":")
                || id.matches("https?://[^/]+/(?:.*/)?" + ai + "/.*");
        try {
            return Optional.of(EpcIdentifier.parse(id));
        } catch (IllegalArgumentException e) {
            if (claims) {
                problem(at + ".id", e.getMessage());
            }
            return Optional.empty();
        }
    }

    /** Names, and every attribute as given (JSON: id to value, or to a list of values when repeated). */
    private Map<String, Object> row(Vocabulary.Element element, String at, List<String> nameAttributes, String node) {
        Map<String, Object> row = new HashMap<>();
        Map<String, Object> given = new LinkedHashMap<>();
        Map<String, List<String>> cbv = new HashMap<>();
        for (Vocabulary.Attribute attribute : element.attributes()) {
            String id = attribute.id().strip();
            if (id.isEmpty()) {
                problem(at + ".attributes", "an attribute without id");
                continue;
            }
            given.merge(id, attribute.value(), EpcisMasterData::repeated);
            Matcher m = CBV_ATTRIBUTE.matcher(id);
            if (m.matches()) {
                cbv.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(attribute.value());
            }
        }
        row.put("masterData", given.isEmpty() ? null : JSON.writeValueAsString(given));
        row.put("cbv", cbv);
        nameAttributes.stream().filter(cbv::containsKey).findFirst()
                .ifPresent(name -> names(cbv.get(name), at + ".attributes[" + name + "]", node, row));
        row.putIfAbsent("nameZh", null);
        row.putIfAbsent("nameEn", null);
        return row;
    }

    /**
     * A name goes to {@code nameZh} when its language tag says Chinese or it is written in Han
     * characters, else to {@code nameEn}; a name given twice (in two languages) fills both.
     */
    private void names(List<String> values, String at, String node, Map<String, Object> row) {
        for (String value : values) {
            String text = value;
            String language = null;
            if (value.startsWith("{")) {
                try {
                    var tree = JSON.readTree(value);
                    text = tree.path("@value").asString(null);
                    language = tree.path("@language").asString(null);
                } catch (RuntimeException notJson) {
                    text = value;
                }
            }
            boolean chinese = language != null ? language.toLowerCase(Locale.ROOT).startsWith("zh") : text != null && HAN.matcher(text).find();
            String field = chinese ? "nameZh" : "nameEn";
            try {
                row.put(field, ShownText.line(node + "." + field, text, 200));
            } catch (IllegalArgumentException e) {
                problem(at, e.getMessage());
            }
        }
    }

    /** A location's latitude and longitude: both, or neither, each in range. */
    private void place(Vocabulary.Element element, String at, Map<String, Object> row) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> cbv = (Map<String, List<String>>) row.get("cbv");
        List<String> latitude = cbv.get("latitude");
        List<String> longitude = cbv.get("longitude");
        row.put("latitude", null);
        row.put("longitude", null);
        if (latitude == null && longitude == null) {
            return;
        }
        if (latitude == null || longitude == null) {
            String missing = latitude == null ? "latitude" : "longitude";
            problem(at + ".attributes[" + missing + "]", "required when " + (latitude == null ? "longitude" : "latitude")
                    + " is given (a place needs both, or neither)");
            return;
        }
        try {
            row.put("latitude", GeoPoint.latitude(latitude.getFirst().strip()));
        } catch (IllegalArgumentException e) {
            problem(at + ".attributes[latitude]", e.getMessage());
        }
        try {
            row.put("longitude", GeoPoint.longitude(longitude.getFirst().strip()));
        } catch (IllegalArgumentException e) {
            problem(at + ".attributes[longitude]", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Object repeated(Object first, Object again) {
        List<Object> values = first instanceof List<?> list ? new ArrayList<>((List<Object>) list) : new ArrayList<>(List.of(first));
        values.add(again);
        return values;
    }

    /** Two elements for one node (a location as business location and as read point): the later's values win, the earlier's stay where the later has none. */
    private static Map<String, Object> later(Map<String, Object> earlier, Map<String, Object> later) {
        Map<String, Object> merged = new HashMap<>(earlier);
        later.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return merged;
    }

    private void problem(String field, String reason) {
        problems.add(new Problem(file, -1, -1, field, reason));
    }

    /** Every problem: a master-data problem rejects its document, as an event's does. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Rows for {@code masterData.epcisLocations}: key, gln, extension, names, latitude, longitude, masterData. */
    public List<Map<String, Object>> locations() {
        return rows(locations);
    }

    /** Rows for {@code masterData.epcisParties}: gln, names, masterData. */
    public List<Map<String, Object>> parties() {
        return rows(parties);
    }

    /** Rows for {@code masterData.epcisProducts}: gtin, names, masterData. */
    public List<Map<String, Object>> products() {
        return rows(products);
    }

    /** Rows for {@code masterData.epcisWithin}: a child location's key and its parent's. */
    public List<Map<String, Object>> within() {
        return List.copyOf(within);
    }

    /** Vocabulary elements read. */
    public int elements() {
        return elements;
    }

    /** Elements that describe nothing the graph holds (other vocabularies, batch classes, other identifiers). */
    public int notWritten() {
        return notWritten;
    }

    public boolean isEmpty() {
        return locations.isEmpty() && parties.isEmpty() && products.isEmpty() && within.isEmpty();
    }

    private static List<Map<String, Object>> rows(Map<String, Map<String, Object>> byKey) {
        return byKey.values().stream().map(row -> {
            Map<String, Object> copy = new HashMap<>(row);
            copy.remove("cbv");
            return (Map<String, Object>) copy;
        }).toList();
    }
}
