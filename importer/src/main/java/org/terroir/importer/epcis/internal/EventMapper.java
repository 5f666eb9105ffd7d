package org.terroir.importer.epcis.internal;

import org.terroir.model.Cbv;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.terroir.importer.epcis.model.Action;
import org.terroir.importer.epcis.model.AggregationEvent;
import org.terroir.importer.epcis.model.AssociationEvent;
import org.terroir.importer.epcis.model.BizTransaction;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.importer.epcis.model.ErrorDeclaration;
import org.terroir.importer.epcis.model.EventCommon;
import org.terroir.importer.epcis.model.Extension;
import org.terroir.importer.epcis.model.Location;
import org.terroir.importer.epcis.model.ObjectEvent;
import org.terroir.importer.epcis.model.PersistentDisposition;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.QuantityElement;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.SensorElement;
import org.terroir.importer.epcis.model.SourceDestination;
import org.terroir.importer.epcis.model.TransactionEvent;
import org.terroir.importer.epcis.model.TransformationEvent;
import org.terroir.importer.epcis.model.Vocabulary;
import tools.jackson.databind.JsonNode;

/**
 * Turns one event, in the JSON binding's tree shape, into an {@link EpcisEvent}, checking it
 * against the EPCIS 2.0 schemas and the CBV on the way. The XML reader converts each XML event
 * into the same tree shape first ({@code xml = true}: every scalar arrives as text, so numbers and
 * booleans are parsed from text), so both bindings share one set of rules.
 */
public final class EventMapper {

    private static final Set<String> COMMON = Set.of("@context", "type", "eventTime", "recordTime",
            "eventTimeZoneOffset", "eventID", "certificationInfo", "errorDeclaration");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "ObjectEvent", Set.of("action", "epcList", "quantityList", "bizStep", "disposition",
                    "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList",
                    "destinationList", "sensorElementList", "ilmd"),
            "AggregationEvent", Set.of("parentID", "childEPCs", "childQuantityList", "action", "bizStep",
                    "disposition", "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList",
                    "sourceList", "destinationList", "sensorElementList"),
            "TransactionEvent", Set.of("bizTransactionList", "parentID", "epcList", "quantityList", "action",
                    "bizStep", "disposition", "persistentDisposition", "readPoint", "bizLocation", "sourceList",
                    "destinationList", "sensorElementList"),
            "TransformationEvent", Set.of("inputEPCList", "inputQuantityList", "outputEPCList",
                    "outputQuantityList", "transformationID", "bizStep", "disposition", "persistentDisposition",
                    "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList",
                    "sensorElementList", "ilmd"),
            "AssociationEvent", Set.of("parentID", "childEPCs", "childQuantityList", "action", "bizStep",
                    "disposition", "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList",
                    "sourceList", "destinationList", "sensorElementList"));
    static final Set<String> EVENT_TYPES = FIELDS.keySet();

    private static final Set<String> METADATA_FIELDS = Set.of("time", "deviceID", "deviceMetadata", "rawData",
            "startTime", "endTime", "dataProcessingMethod", "bizRules");
    private static final Set<String> REPORT_FIELDS = Set.of("type", "exception", "deviceID", "deviceMetadata",
            "rawData", "dataProcessingMethod", "bizRules", "time", "microorganism", "chemicalSubstance",
            "coordinateReferenceSystem", "value", "component", "stringValue", "booleanValue", "hexBinaryValue",
            "uriValue", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue", "uom");
    private static final Set<String> TIME_FIELDS = Set.of("time", "startTime", "endTime");
    private static final Set<String> DECIMAL_FIELDS = Set.of("value", "minValue", "maxValue", "meanValue", "sDev",
            "percRank", "percValue");
    private static final Set<String> URI_FIELDS = Set.of("deviceID", "deviceMetadata", "rawData",
            "dataProcessingMethod", "bizRules", "microorganism", "chemicalSubstance", "coordinateReferenceSystem",
            "uriValue");
    private static final Set<String> MEASUREMENT_TYPES = Set.of("AbsoluteHumidity", "AbsorbedDose",
            "AbsorbedDoseRate", "Acceleration", "Radioactivity", "Altitude", "AmountOfSubstance",
            "AmountOfSubstancePerUnitVolume", "Angle", "AngularAcceleration", "AngularMomentum", "AngularVelocity",
            "Area", "Capacitance", "Conductance", "Conductivity", "Count", "Density", "Dimensionless",
            "DoseEquivalent", "DoseEquivalentRate", "DynamicViscosity", "ElectricCharge", "ElectricCurrent",
            "ElectricCurrentDensity", "ElectricFieldStrength", "Energy", "Exposure", "Force", "Frequency",
            "Illuminance", "Inductance", "Irradiance", "KinematicViscosity", "Length", "LinearMomentum", "Luminance",
            "LuminousFlux", "LuminousIntensity", "MagneticFlux", "MagneticFluxDensity", "MagneticVectorPotential",
            "Mass", "MassConcentration", "MassFlowRate", "MassPerAreaTime", "MemoryCapacity", "MolalityOfSolute",
            "MolarEnergy", "MolarMass", "MolarVolume", "Power", "Pressure", "RadiantFlux", "RadiantIntensity",
            "RelativeHumidity", "Resistance", "Resistivity", "SolidAngle", "SpecificVolume", "Speed",
            "SurfaceDensity", "SurfaceTension", "Temperature", "Time", "Torque", "Voltage", "Volume",
            "VolumeFlowRate", "VolumeFraction", "VolumetricFlux", "Wavenumber");
    private static final Set<String> ALERT_TYPES = Set.of("ALARM_CONDITION", "ERROR_CONDITION");
    private static final Pattern UOM = Pattern.compile("^[A-Z0-9]{2,3}$");
    private static final Pattern HEX = Pattern.compile("^([0-9A-Fa-f]{2})*$");
    private static final String GS1_VOC = "https://gs1.org/voc/";

    private final String file;
    private final boolean xml;
    private int index;
    private long line;
    private Names names;
    private List<Problem> problems;

    /**
     * @param file the document's file name, for problems
     * @param xml  whether scalars arrive as text (XML binding)
     */
    public EventMapper(String file, boolean xml) {
        this.file = file;
        this.xml = xml;
    }

    /**
     * Maps one event tree.
     *
     * @param earlier problems already found for this event (e.g. XML element order)
     */
    public ReadEvent map(JsonNode node, int index, long line, Names names, List<Problem> earlier) {
        this.index = index;
        this.line = line;
        this.names = names;
        this.problems = new ArrayList<>(earlier);
        EpcisEvent event = null;
        try {
            event = event(node);
        } catch (RuntimeException unexpected) {
            problem("event", "cannot be read: " + unexpected);
        }
        if (!problems.isEmpty() || event == null) {
            if (problems.isEmpty()) {
                problem("event", "cannot be read");
            }
            return new ReadEvent(index, line, Optional.empty(), problems);
        }
        return new ReadEvent(index, line, Optional.of(event), List.of());
    }

    private void problem(String field, String reason) {
        problems.add(new Problem(file, index, line, field, reason));
    }

    private EpcisEvent event(JsonNode node) {
        if (!node.isObject()) {
            problem("event", "expected an object, got " + node.getNodeType());
            return null;
        }
        JsonNode context = node.get("@context");
        if (context != null) {
            names = names.with(JsonContexts.prefixes(context));
        }
        String type = string(node, "type", "type");
        if (type == null) {
            problem("type", "is required (one of " + String.join(", ", EVENT_TYPES) + ")");
            return null;
        }
        Set<String> fields = FIELDS.get(type);
        if (fields == null) {
            problem("type", "\"" + type + "\" is not one of " + String.join(", ", EVENT_TYPES));
            return null;
        }
        List<Extension> extensions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            if (COMMON.contains(key) || fields.contains(key) || isComment(key)) {
                continue;
            }
            if (isStandardLooking(key)) {
                problem(key, "is not a field of " + type);
            } else {
                extension(key, e.getValue(), key, extensions);
            }
        }
        EventCommon common = common(node);
        Action action = fields.contains("action") ? action(node) : null;
        return switch (type) {
            case "ObjectEvent" -> objectEvent(node, common, action, extensions);
            case "AggregationEvent" -> common == null || action == null ? null : new AggregationEvent(
                    common.withExtensions(extensions), action, optionalEpc(node, "parentID"),
                    epcs(node, "childEPCs"), quantities(node, "childQuantityList"));
            case "TransactionEvent" -> transactionEvent(node, common, action, extensions);
            case "TransformationEvent" -> transformationEvent(node, common, extensions);
            case "AssociationEvent" -> associationEvent(node, common, action, extensions);
            default -> throw new IllegalStateException(type);
        };
    }

    private ObjectEvent objectEvent(JsonNode node, EventCommon common, Action action, List<Extension> ext) {
        List<Epc> epcs = epcs(node, "epcList");
        List<QuantityElement> quantities = quantities(node, "quantityList");
        List<Extension> ilmd = ilmd(node);
        boolean hasEpcList = node.has("epcList");
        boolean sensorsAtReadPoint = node.has("sensorElementList") && node.get("sensorElementList").size() > 0
                && node.has("readPoint");
        if (!hasEpcList && quantities.isEmpty() && !sensorsAtReadPoint) {
            problem("epcList", "an ObjectEvent needs an epcList, a non-empty quantityList, or sensor data at a readPoint");
        }
        if (node.has("ilmd") && action != null && action != Action.ADD) {
            problem("ilmd", "is allowed only with action ADD, not " + action);
        }
        if (common == null || action == null) {
            return null;
        }
        return new ObjectEvent(common.withExtensions(ext), action, epcs, quantities, ilmd);
    }

    private TransactionEvent transactionEvent(JsonNode node, EventCommon common, Action action, List<Extension> ext) {
        if (common != null && common.bizTransactions().isEmpty() && !hasProblemFor("bizTransactionList")) {
            problem("bizTransactionList", "a TransactionEvent needs at least one bizTransaction");
        }
        Optional<Epc> parent = optionalEpc(node, "parentID");
        List<Epc> epcs = epcs(node, "epcList");
        List<QuantityElement> quantities = quantities(node, "quantityList");
        return common == null || action == null ? null
                : new TransactionEvent(common.withExtensions(ext), action, parent, epcs, quantities);
    }

    private TransformationEvent transformationEvent(JsonNode node, EventCommon common, List<Extension> ext) {
        Optional<String> transformationId = Optional.ofNullable(uri(node, "transformationID", "transformationID"));
        List<Epc> inputs = epcs(node, "inputEPCList");
        List<QuantityElement> inputQuantities = quantities(node, "inputQuantityList");
        List<Epc> outputs = epcs(node, "outputEPCList");
        List<QuantityElement> outputQuantities = quantities(node, "outputQuantityList");
        List<Extension> ilmd = ilmd(node);
        return common == null ? null : new TransformationEvent(common.withExtensions(ext), transformationId,
                inputs, inputQuantities, outputs, outputQuantities, ilmd);
    }

    private AssociationEvent associationEvent(JsonNode node, EventCommon common, Action action, List<Extension> ext) {
        Optional<Epc> parent = optionalEpc(node, "parentID");
        if (parent.isEmpty() && !node.has("parentID")) {
            problem("parentID", "is required in an AssociationEvent");
        }
        List<Epc> children = epcs(node, "childEPCs");
        List<QuantityElement> quantities = quantities(node, "childQuantityList");
        return common == null || action == null || parent.isEmpty() ? null
                : new AssociationEvent(common.withExtensions(ext), action, parent.get(), children, quantities);
    }

    private boolean hasProblemFor(String field) {
        return problems.stream().anyMatch(p -> p.field().startsWith(field));
    }

    // ---- common fields

    private EventCommon common(JsonNode node) {
        Instant eventTime = requiredTime(node, "eventTime");
        ZoneOffset offset = null;
        String offsetText = string(node, "eventTimeZoneOffset", "eventTimeZoneOffset");
        if (offsetText == null) {
            if (!node.has("eventTimeZoneOffset")) {
                problem("eventTimeZoneOffset", "is required");
            }
        } else {
            offset = Times.offset(offsetText).orElse(null);
            if (offset == null) {
                problem("eventTimeZoneOffset", "\"" + offsetText + "\" is not an offset from -14:00 to +14:00 like +08:00");
            }
        }
        Optional<Instant> recordTime = optionalTime(node, "recordTime", "recordTime");
        Optional<String> eventId = Optional.ofNullable(uri(node, "eventID", "eventID"));
        Optional<String> bizStep = vocab(node, "bizStep", Cbv.BIZ_STEP, "bizStep");
        Optional<String> disposition = vocab(node, "disposition", Cbv.DISPOSITION, "disposition");
        Optional<Location> readPoint = location(node, "readPoint");
        Optional<Location> bizLocation = location(node, "bizLocation");
        List<BizTransaction> bizTransactions = bizTransactions(node);
        List<SourceDestination> sources = sourceDestinations(node, "sourceList", "source");
        List<SourceDestination> destinations = sourceDestinations(node, "destinationList", "destination");
        List<SensorElement> sensors = sensorElements(node);
        List<String> certification = certificationInfo(node);
        Optional<PersistentDisposition> persistent = persistentDisposition(node);
        Optional<ErrorDeclaration> error = errorDeclaration(node);
        if (eventTime == null || offset == null) {
            return null;
        }
        return new EventCommon(eventId, eventTime, offset, recordTime, bizStep, disposition, readPoint, bizLocation,
                bizTransactions, sources, destinations, sensors, certification, persistent, error, List.of());
    }

    private Action action(JsonNode node) {
        String text = string(node, "action", "action");
        if (text == null) {
            if (!node.has("action")) {
                problem("action", "is required (one of ADD, OBSERVE, DELETE)");
            }
            return null;
        }
        return switch (text) {
            case "ADD" -> Action.ADD;
            case "OBSERVE" -> Action.OBSERVE;
            case "DELETE" -> Action.DELETE;
            default -> {
                problem("action", "\"" + text + "\" is not one of ADD, OBSERVE, DELETE");
                yield null;
            }
        };
    }

    private Instant requiredTime(JsonNode node, String field) {
        if (!node.has(field)) {
            problem(field, "is required");
            return null;
        }
        return optionalTime(node, field, field).orElse(null);
    }

    private Optional<Instant> optionalTime(JsonNode node, String field, String path) {
        String text = string(node, field, path);
        if (text == null) {
            return Optional.empty();
        }
        Optional<Instant> time = Times.parse(text);
        if (time.isEmpty()) {
            problem(path, Times.dateTimeRule(text));
        }
        return time;
    }

    private Optional<String> vocab(JsonNode node, String field, Cbv vocabulary, String path) {
        String text = string(node, field, path);
        if (text == null) {
            return Optional.empty();
        }
        String expanded = names.expandValue(text);
        Optional<String> value = vocabulary.normalise(expanded);
        if (value.isEmpty()) {
            problem(path, vocabulary.rejection(text));
        }
        return value;
    }

    private Optional<Location> location(JsonNode node, String field) {
        JsonNode loc = node.get(field);
        if (loc == null) {
            return Optional.empty();
        }
        if (!loc.isObject()) {
            problem(field, "expected an object with an id");
            return Optional.empty();
        }
        List<Extension> extensions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : loc.properties()) {
            if (!e.getKey().equals("id")) {
                if (isStandardLooking(e.getKey())) {
                    problem(field + "." + e.getKey(), "is not a field of " + field);
                } else {
                    extension(e.getKey(), e.getValue(), field + "." + e.getKey(), extensions);
                }
            }
        }
        String id = uri(loc, "id", field + ".id");
        if (id == null) {
            if (!loc.has("id")) {
                problem(field + ".id", "is required");
            }
            return Optional.empty();
        }
        return Optional.of(new Location(Epc.of(id), extensions));
    }

    private List<BizTransaction> bizTransactions(JsonNode node) {
        List<BizTransaction> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(node, "bizTransactionList")) {
            String path = "bizTransactionList[" + i++ + "]";
            if (!checkObject(item, path, Set.of("type", "bizTransaction"))) {
                continue;
            }
            Optional<String> type = vocab(item, "type", Cbv.BIZ_TRANSACTION_TYPE, path + ".type");
            String id = uri(item, "bizTransaction", path + ".bizTransaction");
            if (id == null && !item.has("bizTransaction")) {
                problem(path + ".bizTransaction", "is required");
            }
            if (id != null) {
                list.add(new BizTransaction(type, id));
            }
        }
        return list;
    }

    private List<SourceDestination> sourceDestinations(JsonNode node, String listField, String idField) {
        List<SourceDestination> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(node, listField)) {
            String path = listField + "[" + i++ + "]";
            if (!checkObject(item, path, Set.of("type", idField))) {
                continue;
            }
            Optional<String> type = vocab(item, "type", Cbv.SOURCE_DESTINATION_TYPE, path + ".type");
            if (!item.has("type")) {
                problem(path + ".type", "is required");
            }
            String id = uri(item, idField, path + "." + idField);
            if (id == null && !item.has(idField)) {
                problem(path + "." + idField, "is required");
            }
            if (id != null && type.isPresent()) {
                list.add(new SourceDestination(type.get(), Epc.of(id)));
            }
        }
        return list;
    }

    private List<String> certificationInfo(JsonNode node) {
        JsonNode info = node.get("certificationInfo");
        if (info == null) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        if (info.isArray()) {
            int i = 0;
            for (JsonNode item : info) {
                String path = "certificationInfo[" + i++ + "]";
                if (item.isString() && Cbv.isAbsoluteUri(item.stringValue().strip())) {
                    list.add(item.stringValue().strip());
                } else {
                    problem(path, "expected a URI, got " + describe(item));
                }
            }
        } else {
            String uri = uri(node, "certificationInfo", "certificationInfo");
            if (uri != null) {
                list.add(uri);
            }
        }
        return list;
    }

    private Optional<PersistentDisposition> persistentDisposition(JsonNode node) {
        JsonNode pd = node.get("persistentDisposition");
        if (pd == null) {
            return Optional.empty();
        }
        if (!checkObject(pd, "persistentDisposition", Set.of("set", "unset"))) {
            return Optional.empty();
        }
        if (!pd.has("set") && !pd.has("unset")) {
            problem("persistentDisposition", "needs set or unset");
        }
        List<String> set = dispositions(pd, "set");
        List<String> unset = dispositions(pd, "unset");
        return Optional.of(new PersistentDisposition(set, unset));
    }

    private List<String> dispositions(JsonNode pd, String field) {
        List<String> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(pd, field, "persistentDisposition." + field)) {
            String path = "persistentDisposition." + field + "[" + i++ + "]";
            if (!item.isString()) {
                problem(path, "expected a disposition, got " + describe(item));
                continue;
            }
            Cbv.DISPOSITION.normalise(names.expandValue(item.stringValue().strip())).ifPresentOrElse(list::add,
                    () -> problem(path, Cbv.DISPOSITION.rejection(item.stringValue())));
        }
        return list;
    }

    private Optional<ErrorDeclaration> errorDeclaration(JsonNode node) {
        JsonNode ed = node.get("errorDeclaration");
        if (ed == null) {
            return Optional.empty();
        }
        if (!ed.isObject()) {
            problem("errorDeclaration", "expected an object, got " + describe(ed));
            return Optional.empty();
        }
        List<Extension> extensions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : ed.properties()) {
            String key = e.getKey();
            if (!Set.of("declarationTime", "reason", "correctiveEventIDs").contains(key)) {
                if (isStandardLooking(key)) {
                    problem("errorDeclaration." + key, "is not a field of errorDeclaration");
                } else {
                    extension(key, e.getValue(), "errorDeclaration." + key, extensions);
                }
            }
        }
        Instant time = null;
        if (!ed.has("declarationTime")) {
            problem("errorDeclaration.declarationTime", "is required");
        } else {
            time = optionalTime(ed, "declarationTime", "errorDeclaration.declarationTime").orElse(null);
        }
        Optional<String> reason = vocab(ed, "reason", Cbv.ERROR_REASON, "errorDeclaration.reason");
        List<String> corrective = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(ed, "correctiveEventIDs", "errorDeclaration.correctiveEventIDs")) {
            String path = "errorDeclaration.correctiveEventIDs[" + i++ + "]";
            if (item.isString() && Cbv.isAbsoluteUri(item.stringValue().strip())) {
                corrective.add(item.stringValue().strip());
            } else {
                problem(path, "expected an event ID URI, got " + describe(item));
            }
        }
        return time == null ? Optional.empty() : Optional.of(new ErrorDeclaration(time, reason, corrective, extensions));
    }

    // ---- what

    private List<Epc> epcs(JsonNode node, String field) {
        List<Epc> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(node, field)) {
            String path = field + "[" + i++ + "]";
            if (item.isString() && Cbv.isAbsoluteUri(item.stringValue().strip())) {
                list.add(Epc.of(item.stringValue()));
            } else {
                problem(path, "expected an EPC URI, got " + describe(item));
            }
        }
        return list;
    }

    private Optional<Epc> optionalEpc(JsonNode node, String field) {
        return Optional.ofNullable(uri(node, field, field)).map(Epc::of);
    }

    private List<QuantityElement> quantities(JsonNode node, String field) {
        List<QuantityElement> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(node, field)) {
            String path = field + "[" + i++ + "]";
            if (!checkObject(item, path, Set.of("epcClass", "quantity", "uom"))) {
                continue;
            }
            String epcClass = uri(item, "epcClass", path + ".epcClass");
            if (epcClass == null && !item.has("epcClass")) {
                problem(path + ".epcClass", "is required");
            }
            Optional<BigDecimal> quantity = Optional.empty();
            JsonNode q = item.get("quantity");
            if (q != null && !q.isNull()) {
                quantity = decimal(q, path + ".quantity");
            }
            Optional<String> uom = Optional.ofNullable(string(item, "uom", path + ".uom"));
            uom.filter(u -> !UOM.matcher(u).matches())
                    .ifPresent(u -> problem(path + ".uom", "\"" + u + "\" is not a UN/CEFACT unit code of 2-3 capitals or digits"));
            if (uom.isPresent() && quantity.isEmpty() && q == null) {
                problem(path + ".uom", "needs a quantity");
            }
            if (epcClass != null) {
                list.add(new QuantityElement(Epc.of(epcClass), quantity, uom));
            }
        }
        return list;
    }

    private List<Extension> ilmd(JsonNode node) {
        JsonNode ilmd = node.get("ilmd");
        if (ilmd == null) {
            return List.of();
        }
        if (!ilmd.isObject()) {
            problem("ilmd", "expected an object, got " + describe(ilmd));
            return List.of();
        }
        List<Extension> list = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : ilmd.properties()) {
            extension(e.getKey(), e.getValue(), "ilmd." + e.getKey(), list);
        }
        return list;
    }

    // ---- sensors

    private List<SensorElement> sensorElements(JsonNode node) {
        List<SensorElement> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(node, "sensorElementList")) {
            String path = "sensorElementList[" + i++ + "]";
            if (!item.isObject()) {
                problem(path, "expected an object, got " + describe(item));
                continue;
            }
            Map<String, String> metadata = Map.of();
            List<Map<String, String>> reports = new ArrayList<>();
            List<Extension> extensions = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : item.properties()) {
                String key = e.getKey();
                switch (key) {
                    case "sensorMetadata" -> metadata = sensorFields(e.getValue(), path + ".sensorMetadata", METADATA_FIELDS);
                    case "sensorReport" -> {
                        int r = 0;
                        for (JsonNode report : arrayOf(e.getValue(), path + ".sensorReport")) {
                            String rp = path + ".sensorReport[" + r++ + "]";
                            Map<String, String> fields = sensorFields(report, rp, REPORT_FIELDS);
                            reports.add(fields);
                        }
                    }
                    default -> {
                        if (isStandardLooking(key)) {
                            problem(path + "." + key, "is not a field of sensorElement");
                        } else {
                            extension(key, e.getValue(), path + "." + key, extensions);
                        }
                    }
                }
            }
            if (reports.isEmpty()) {
                problem(path + ".sensorReport", "at least one sensorReport is required");
            }
            list.add(new SensorElement(metadata, reports, extensions));
        }
        return list;
    }

    private Map<String, String> sensorFields(JsonNode node, String path, Set<String> standard) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!node.isObject()) {
            problem(path, "expected an object, got " + describe(node));
            return fields;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            String fp = path + "." + key;
            JsonNode value = e.getValue();
            if (!standard.contains(key)) {
                if (isStandardLooking(key)) {
                    problem(fp, "is not a standard field here");
                    continue;
                }
                Optional<String[]> name = names.expand(key);
                if (name.isEmpty()) {
                    problem(fp, "namespace prefix of \"" + key + "\" is not declared");
                } else if (value.isContainer()) {
                    problem(fp, "expected a simple value, got " + describe(value));
                } else {
                    fields.put("{" + name.get()[0] + "}" + name.get()[1], scalarText(value));
                }
                continue;
            }
            if (DECIMAL_FIELDS.contains(key)) {
                decimal(value, fp).ifPresent(d -> fields.put(key, d.toPlainString()));
            } else if (TIME_FIELDS.contains(key)) {
                if (value.isString()) {
                    Times.parse(value.stringValue().strip()).ifPresentOrElse(t -> fields.put(key, t.toString()),
                            () -> problem(fp, Times.dateTimeRule(value.stringValue())));
                } else {
                    problem(fp, "expected a dateTime, got " + describe(value));
                }
            } else if (key.equals("booleanValue")) {
                String b = value.isBoolean() ? String.valueOf(value.booleanValue())
                        : xml && value.isString() ? value.stringValue().strip() : null;
                if (b == null || !(b.equals("true") || b.equals("false"))) {
                    problem(fp, "expected true or false, got " + describe(value));
                } else {
                    fields.put(key, b);
                }
            } else if (!value.isString()) {
                problem(fp, "expected a string, got " + describe(value));
            } else {
                String text = value.stringValue().strip();
                switch (key) {
                    case "type" -> measurementType(text, MEASUREMENT_TYPES, fp).ifPresent(t -> fields.put(key, t));
                    case "exception" -> measurementType(text, ALERT_TYPES, fp).ifPresent(t -> fields.put(key, t));
                    case "component" -> fields.put(key, component(text));
                    case "hexBinaryValue" -> {
                        if (HEX.matcher(text).matches()) {
                            fields.put(key, text);
                        } else {
                            problem(fp, "\"" + text + "\" is not hexBinary");
                        }
                    }
                    default -> {
                        if (URI_FIELDS.contains(key) && !Cbv.isAbsoluteUri(text)) {
                            problem(fp, "\"" + text + "\" is not an absolute URI");
                        } else {
                            fields.put(key, text);
                        }
                    }
                }
            }
        }
        return fields;
    }

    /**
     * Measurement / alert types: short names and {@code gs1:} CURIEs become {@code https://gs1.org/voc/...}.
     * Lenient on purpose: valid corpus documents use terms beyond the 2.0 schema's list
     * ({@code EffectiveDoseRate}, {@code Molar_concentration}), so any bare term is taken as a GS1
     * Web Vocabulary term; {@code standard} only documents the known ones.
     */
    private Optional<String> measurementType(String text, Set<String> standard, String path) {
        String value = standardCurie(text);
        if (standard.contains(value) || value.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            return Optional.of(GS1_VOC + value);
        }
        return Cbv.isAbsoluteUri(value) ? Optional.of(value) : reject(path, text);
    }

    /** Standard coordinate components ({@code latitude}, {@code cbv:Comp-latitude}) become CBV Web URIs. */
    private String component(String text) {
        String value = standardCurie(text);
        return value.matches("[A-Za-z_]+") ? Cbv.WEB_BASE + "Comp-" + value : value;
    }

    /**
     * Expands the standard {@code gs1:} and {@code cbv:} prefixes only: other CURIEs in sensor
     * values stay as written (the GS1 event-hash reference vectors keep {@code example:x}).
     */
    private static String standardCurie(String text) {
        if (text.startsWith("gs1:")) {
            return GS1_VOC + text.substring(4);
        }
        return text.startsWith("cbv:") ? Cbv.WEB_BASE + text.substring(4) : text;
    }

    private Optional<String> reject(String path, String text) {
        problem(path, "\"" + text + "\" is neither a standard GS1 value nor an absolute URI");
        return Optional.empty();
    }

    // ---- extensions

    private void extension(String key, JsonNode value, String path, List<Extension> into) {
        Optional<String[]> name = names.expand(key);
        if (name.isEmpty()) {
            problem(path, key.contains(":")
                    ? "namespace prefix \"" + key.substring(0, key.indexOf(':')) + "\" is not declared in @context"
                    : "\"" + key + "\" is not a standard field and has no namespace (user extensions need one)");
            return;
        }
        addExtension(name.get(), value, path, into);
    }

    private void addExtension(String[] name, JsonNode value, String path, List<Extension> into) {
        if (value.isArray()) {
            for (JsonNode item : value) {
                addExtension(name, item, path, into);
            }
        } else if (value.isObject()) {
            List<Extension> children = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (e.getKey().startsWith("@")) {
                    continue;
                }
                String key = e.getKey();
                if (isStandardLooking(key)) {
                    addExtension(new String[] {"", key}, e.getValue(), path + "." + key, children);
                } else {
                    extension(key, e.getValue(), path + "." + key, children);
                }
            }
            into.add(new Extension(name[0], name[1], "", children));
        } else {
            into.add(new Extension(name[0], name[1], scalarText(value), List.of()));
        }
    }

    // ---- scalars

    private String scalarText(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.isString() ? value.stringValue().strip() : value.asString();
    }

    /** A string field; null (with a problem when present but not a string) otherwise. */
    private String string(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            problem(path, "expected a string, got " + describe(value));
            return null;
        }
        return value.stringValue().strip();
    }

    private String uri(JsonNode node, String field, String path) {
        String text = string(node, field, path);
        if (text == null) {
            return null;
        }
        if (!Cbv.isAbsoluteUri(text)) {
            problem(path, "\"" + text + "\" is not an absolute URI");
            return null;
        }
        return text;
    }

    private Optional<BigDecimal> decimal(JsonNode value, String path) {
        if (value.isNumber()) {
            return Optional.of(Decimals.normal(value.decimalValue()));
        }
        if (xml && value.isString()) {
            try {
                return Optional.of(Decimals.normal(new BigDecimal(value.stringValue().strip())));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        problem(path, "expected a number, got " + describe(value));
        return Optional.empty();
    }

    private Iterable<JsonNode> array(JsonNode node, String field) {
        return array(node, field, field);
    }

    private Iterable<JsonNode> array(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        return value == null ? List.of() : arrayOf(value, path);
    }

    private Iterable<JsonNode> arrayOf(JsonNode value, String path) {
        if (!value.isArray()) {
            problem(path, "expected a list, got " + describe(value));
            return List.of();
        }
        return value;
    }

    private boolean checkObject(JsonNode item, String path, Set<String> allowed) {
        if (!item.isObject()) {
            problem(path, "expected an object, got " + describe(item));
            return false;
        }
        boolean ok = true;
        for (String key : item.propertyNames()) {
            if (!allowed.contains(key)) {
                problem(path + "." + key, "unknown field (expected " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                ok = false;
            }
        }
        return ok;
    }

    /**
     * {@code rdfs:comment} is a JSON-LD annotation, the counterpart of an XML comment: not event
     * data, so not kept as a user extension (the GS1 event hash ignores it too).
     */
    private boolean isComment(String key) {
        return names.expand(key).map(n -> n[0].equals("http://www.w3.org/2000/01/rdf-schema#") && n[1].equals("comment"))
                .orElse(false);
    }

    /** A standard (non-extension) name: no namespace prefix, no expanded XML name. */
    private static boolean isStandardLooking(String key) {
        return !key.contains(":") && !key.startsWith("{");
    }

    private static String describe(JsonNode value) {
        if (value.isString()) {
            return "\"" + value.stringValue() + "\"";
        }
        if (value.isContainer()) {
            return value.isArray() ? "a list" : "an object";
        }
        return value.toString();
    }
}
