package org.terroir.importer.epcis.internal;

import static org.terroir.importer.epcis.internal.FieldReader.describe;
import static org.terroir.importer.epcis.internal.FieldReader.isStandardLooking;
import static org.terroir.importer.epcis.internal.FieldReader.scalarText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.terroir.importer.epcis.model.Extension;
import org.terroir.importer.epcis.model.SensorElement;
import org.terroir.model.Cbv;
import tools.jackson.databind.JsonNode;

/**
 * An event's sensor elements: each one's metadata and reports become maps of checked field values
 * (decimals in one form, times as instants, measurement types and coordinate components as GS1 or
 * CBV Web URIs), its other fields user extensions.
 */
final class SensorElementMapper {

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
    private static final Pattern HEX = Pattern.compile("^([0-9A-Fa-f]{2})*$");
    private static final String GS1_VOC = "https://gs1.org/voc/";

    private final FieldReader reader;
    private final UserExtensions userExtensions;

    SensorElementMapper(FieldReader reader, UserExtensions userExtensions) {
        this.reader = reader;
        this.userExtensions = userExtensions;
    }

    /** The event's {@code sensorElementList}: metadata, reports and extensions of each element. */
    List<SensorElement> map(JsonNode node) {
        List<SensorElement> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : reader.array(node, "sensorElementList")) {
            String path = "sensorElementList[" + i++ + "]";
            if (!item.isObject()) {
                reader.problem(path, "expected an object, got " + describe(item));
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
                        for (JsonNode report : reader.arrayOf(e.getValue(), path + ".sensorReport")) {
                            String rp = path + ".sensorReport[" + r++ + "]";
                            Map<String, String> fields = sensorFields(report, rp, REPORT_FIELDS);
                            reports.add(fields);
                        }
                    }
                    default -> {
                        if (isStandardLooking(key)) {
                            reader.problem(path + "." + key, "is not a field of sensorElement");
                        } else {
                            userExtensions.add(key, e.getValue(), path + "." + key, extensions);
                        }
                    }
                }
            }
            if (reports.isEmpty()) {
                reader.problem(path + ".sensorReport", "at least one sensorReport is required");
            }
            list.add(new SensorElement(metadata, reports, extensions));
        }
        return list;
    }

    private Map<String, String> sensorFields(JsonNode node, String path, Set<String> standard) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!node.isObject()) {
            reader.problem(path, "expected an object, got " + describe(node));
            return fields;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            String fp = path + "." + key;
            JsonNode value = e.getValue();
            if (!standard.contains(key)) {
                if (isStandardLooking(key)) {
                    reader.problem(fp, "is not a standard field here");
                    continue;
                }
                Optional<String[]> name = reader.names().expand(key);
                if (name.isEmpty()) {
                    reader.problem(fp, "namespace prefix of \"" + key + "\" is not declared");
                } else if (value.isContainer()) {
                    reader.problem(fp, "expected a simple value, got " + describe(value));
                } else {
                    fields.put("{" + name.get()[0] + "}" + name.get()[1], scalarText(value));
                }
                continue;
            }
            if (DECIMAL_FIELDS.contains(key)) {
                reader.decimal(value, fp).ifPresent(d -> fields.put(key, d.toPlainString()));
            } else if (TIME_FIELDS.contains(key)) {
                if (value.isString()) {
                    Times.parse(value.stringValue().strip()).ifPresentOrElse(t -> fields.put(key, t.toString()),
                            () -> reader.problem(fp, Times.dateTimeRule(value.stringValue())));
                } else {
                    reader.problem(fp, "expected a dateTime, got " + describe(value));
                }
            } else if (key.equals("booleanValue")) {
                String b = value.isBoolean() ? String.valueOf(value.booleanValue())
                        : reader.xml() && value.isString() ? value.stringValue().strip() : null;
                if (b == null || !(b.equals("true") || b.equals("false"))) {
                    reader.problem(fp, "expected true or false, got " + describe(value));
                } else {
                    fields.put(key, b);
                }
            } else if (!value.isString()) {
                reader.problem(fp, "expected a string, got " + describe(value));
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
                            reader.problem(fp, "\"" + text + "\" is not hexBinary");
                        }
                    }
                    default -> {
                        if (URI_FIELDS.contains(key) && !Cbv.isAbsoluteUri(text)) {
                            reader.problem(fp, "\"" + text + "\" is not an absolute URI");
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
        reader.problem(path, "\"" + text + "\" is neither a standard GS1 value nor an absolute URI");
        return Optional.empty();
    }
}
