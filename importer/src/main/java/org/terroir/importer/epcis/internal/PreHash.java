package org.terroir.importer.epcis.internal;

import org.terroir.model.Cbv;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.terroir.importer.epcis.model.AggregationEvent;
import org.terroir.importer.epcis.model.AssociationEvent;
import org.terroir.importer.epcis.model.BizTransaction;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.importer.epcis.model.EventCommon;
import org.terroir.importer.epcis.model.Extension;
import org.terroir.importer.epcis.model.Gs1DigitalLinks;
import org.terroir.importer.epcis.model.Location;
import org.terroir.importer.epcis.model.ObjectEvent;
import org.terroir.importer.epcis.model.QuantityElement;
import org.terroir.importer.epcis.model.SensorElement;
import org.terroir.importer.epcis.model.SourceDestination;
import org.terroir.importer.epcis.model.TransactionEvent;
import org.terroir.importer.epcis.model.TransformationEvent;

/**
 * The canonical pre-hash string of the GS1 EPCIS event hash (CBV 2.0, "EPCIS event hash ID"):
 * the event's fields in the canonical property order, {@code key=value} without separators,
 * values canonicalised (UTC timestamps in milliseconds, numbers without trailing zeros, CBV and
 * GS1 identifiers as Web URIs / constrained canonical Digital Links), lists sorted; then the
 * remaining lists and the ILMD and user extensions ({@code {namespace}name=value}), sorted.
 * eventID, recordTime and errorDeclaration are not part of it.
 */
public final class PreHash {

    private static final List<String> METADATA_ORDER = List.of("time", "startTime", "endTime", "deviceID",
            "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules");
    private static final List<String> REPORT_ORDER = List.of("type", "exception", "deviceID", "deviceMetadata",
            "rawData", "dataProcessingMethod", "time", "microorganism", "chemicalSubstance", "value", "component",
            "stringValue", "booleanValue", "hexBinaryValue", "uriValue", "minValue", "maxValue", "meanValue", "sDev",
            "percRank", "percValue", "uom", "coordinateReferenceSystem");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NUMBER = Pattern.compile("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$");
    private static final Pattern DIGITAL_LINK_PATH = Pattern.compile("^\\d{2,4}/.+");
    private static final Map<String, String> CBV_URNS = Map.of(
            "urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-",
            "urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-",
            "urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-",
            "urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-",
            "urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-");

    private PreHash() {
    }

    public static String of(EpcisEvent event) {
        return of(event, java.util.Set.of());
    }

    /** The pre-hash string without the event-level user extensions named in {@code ignored} ({@code {ns}local}). */
    public static String of(EpcisEvent event, java.util.Set<String> ignored) {
        EventCommon c = event.common();
        StringBuilder s = new StringBuilder();
        s.append("eventType=").append(event.type());
        s.append("eventTime=").append(time(c.eventTime()));
        s.append("eventTimeZoneOffset=").append(offset(c.eventTimeZoneOffset()));
        s.append(sortedJoin(c.certificationInfo().stream().map(v -> "certificationInfo=" + value(v)).toList()));
        switch (event) {
            case ObjectEvent e -> {
                s.append(epcList("epcList", e.epcList()));
                s.append(quantityList("quantityList", e.quantityList()));
                s.append("action=").append(e.action());
            }
            case AggregationEvent e -> {
                e.parentId().ifPresent(p -> s.append("parentID=").append(epc(p)));
                s.append(epcList("childEPCs", e.childEpcs()));
                s.append(quantityList("childQuantityList", e.childQuantityList()));
                s.append("action=").append(e.action());
            }
            case TransactionEvent e -> {
                e.parentId().ifPresent(p -> s.append("parentID=").append(epc(p)));
                s.append(epcList("epcList", e.epcList()));
                s.append(quantityList("quantityList", e.quantityList()));
                s.append("action=").append(e.action());
            }
            case AssociationEvent e -> {
                s.append("parentID=").append(epc(e.parentId()));
                s.append(epcList("childEPCs", e.childEpcs()));
                s.append(quantityList("childQuantityList", e.childQuantityList()));
                s.append("action=").append(e.action());
            }
            case TransformationEvent e -> {
                s.append(epcList("inputEPCList", e.inputEpcList()));
                s.append(quantityList("inputQuantityList", e.inputQuantityList()));
                s.append(epcList("outputEPCList", e.outputEpcList()));
                s.append(quantityList("outputQuantityList", e.outputQuantityList()));
                e.transformationId().ifPresent(t -> s.append("transformationID=").append(value(t)));
            }
        }
        c.bizStep().ifPresent(v -> s.append("bizStep=").append(value(Cbv.BIZ_STEP.webUri(v))));
        c.disposition().ifPresent(v -> s.append("disposition=").append(value(Cbv.DISPOSITION.webUri(v))));
        c.persistentDisposition().ifPresent(pd -> {
            String set = sortedJoin(pd.set().stream().map(v -> "set=" + Cbv.DISPOSITION.webUri(v)).toList());
            String unset = sortedJoin(pd.unset().stream().map(v -> "unset=" + Cbv.DISPOSITION.webUri(v)).toList());
            if (!(set + unset).isEmpty()) {
                s.append("persistentDisposition").append(set).append(unset);
            }
        });
        c.readPoint().ifPresent(l -> s.append(location("readPoint", l)));
        c.bizLocation().ifPresent(l -> s.append(location("bizLocation", l)));
        s.append(sensorElements(c.sensorElements()));

        List<String> rest = new ArrayList<>();
        sensorLeftovers(c.sensorElements()).ifPresent(rest::add);
        if (!c.bizTransactions().isEmpty()) {
            rest.add("bizTransactionList" + sortedJoin(c.bizTransactions().stream().map(PreHash::bizTransaction).toList()));
        }
        if (!c.sources().isEmpty()) {
            rest.add("sourceList" + sortedJoin(c.sources().stream().map(sd -> sourceDestination("source", sd)).toList()));
        }
        if (!c.destinations().isEmpty()) {
            rest.add("destinationList"
                    + sortedJoin(c.destinations().stream().map(sd -> sourceDestination("destination", sd)).toList()));
        }
        List<Extension> ilmd = event instanceof ObjectEvent o ? o.ilmd()
                : event instanceof TransformationEvent t ? t.ilmd() : List.of();
        if (!ilmd.isEmpty()) {
            rest.add("ilmd" + extensions(ilmd));
        }
        c.extensions().stream().filter(x -> !ignored.contains(x.expandedName())).forEach(x -> rest.add(extension(x)));
        s.append(sortedJoin(rest));
        return s.toString();
    }

    private static String epcList(String name, List<Epc> epcs) {
        return epcs.isEmpty() ? "" : name + sortedJoin(epcs.stream().map(e -> "epc=" + epc(e)).toList());
    }

    private static String quantityList(String name, List<QuantityElement> quantities) {
        if (quantities.isEmpty()) {
            return "";
        }
        return name + sortedJoin(quantities.stream().map(q -> "quantityElement" + "epcClass=" + epc(q.epcClass())
                + q.quantity().map(v -> "quantity=" + number(v.toPlainString())).orElse("")
                + q.uom().map(u -> "uom=" + value(u)).orElse("")).toList());
    }

    private static String location(String name, Location location) {
        return name + "id=" + epc(location.id()) + extensions(location.extensions());
    }

    private static String bizTransaction(BizTransaction b) {
        return b.type().map(t -> "type=" + value(Cbv.BIZ_TRANSACTION_TYPE.webUri(t))).orElse("")
                + "bizTransaction=" + value(b.id());
    }

    private static String sourceDestination(String name, SourceDestination sd) {
        return "type=" + value(Cbv.SOURCE_DESTINATION_TYPE.webUri(sd.type())) + name + "=" + epc(sd.id());
    }

    private static String sensorElements(List<SensorElement> elements) {
        if (elements.isEmpty()) {
            return "";
        }
        List<String> list = new ArrayList<>();
        for (SensorElement element : elements) {
            StringBuilder e = new StringBuilder("sensorElement");
            if (!element.metadata().isEmpty()) {
                e.append("sensorMetadata").append(sensorFields(element.metadata(), METADATA_ORDER));
            }
            e.append(sortedJoin(element.reports().stream().map(r -> "sensorReport" + sensorFields(r, REPORT_ORDER)).toList()));
            e.append(extensions(element.extensions()));
            list.add(e.toString());
        }
        return "sensorElementList" + sortedJoin(list);
    }

    /**
     * Standard sensor report fields outside the canonical report order ({@code bizRules}) are, as
     * in the reference implementation and its vectors, hashed with the event's remaining fields:
     * {@code sensorElementList sensorElement sensorReport bizRules=...}.
     */
    private static java.util.Optional<String> sensorLeftovers(List<SensorElement> elements) {
        List<String> perElement = new ArrayList<>();
        for (SensorElement element : elements) {
            List<String> perReport = new ArrayList<>();
            for (Map<String, String> report : element.reports()) {
                List<String> left = new ArrayList<>();
                report.forEach((name, v) -> {
                    if (!name.startsWith("{") && !REPORT_ORDER.contains(name) && !v.isEmpty()) {
                        left.add(name + "=" + value(v));
                    }
                });
                if (!left.isEmpty()) {
                    perReport.add("sensorReport" + sortedJoin(left));
                }
            }
            if (!perReport.isEmpty()) {
                perElement.add("sensorElement" + sortedJoin(perReport));
            }
        }
        return perElement.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("sensorElementList" + sortedJoin(perElement));
    }

    private static String sensorFields(Map<String, String> fields, List<String> order) {
        StringBuilder s = new StringBuilder();
        for (String name : order) {
            String v = fields.get(name);
            if (v != null && !v.isEmpty()) {
                s.append(name).append('=').append(name.toLowerCase().contains("time") ? time(Instant.parse(v)) : value(v));
            }
        }
        List<String> userFields = new ArrayList<>();
        fields.forEach((name, v) -> {
            if (name.startsWith("{")) {
                userFields.add(name + (v.isEmpty() ? "" : "=" + value(v)));
            }
        });
        return s.append(sortedJoin(userFields)).toString();
    }

    private static String extensions(List<Extension> extensions) {
        return sortedJoin(extensions.stream().map(PreHash::extension).toList());
    }

    private static String extension(Extension x) {
        String text = x.text().strip();
        return x.expandedName() + (text.isEmpty() ? "" : "=" + value(text)) + extensions(x.children());
    }

    private static String sortedJoin(List<String> parts) {
        List<String> sorted = new ArrayList<>(parts);
        Collections.sort(sorted);
        return String.join("", sorted);
    }

    // ---- values

    /** An identifier: the canonical Digital Link of a GS1 key, otherwise the canonicalised string. */
    static String epc(Epc epc) {
        if (epc.gs1Key()) {
            // graph-model percent-encodes all but unreserved characters; the hash keeps ' ; = as they are
            return Gs1DigitalLinks.BASE + epc.key().replace("%27", "'").replace("%3B", ";").replace("%3D", "=");
        }
        if (DIGITAL_LINK_PATH.matcher(epc.key()).matches()) {
            return Gs1DigitalLinks.BASE + epc.key();
        }
        return value(epc.key());
    }

    /** A value: CBV URNs as Web URIs, numbers without trailing zeros, GS1 keys as canonical Digital Links. */
    static String value(String text) {
        String v = text.strip();
        for (Map.Entry<String, String> urn : CBV_URNS.entrySet()) {
            v = v.replace(urn.getKey(), urn.getValue());
        }
        v = number(v);
        return v.contains(".") ? Gs1DigitalLinks.canonical(v).orElse(v) : v;
    }

    /**
     * Numbers as the reference implementation writes them: the value as a binary double, integral
     * values without decimals, others in their shortest round-trip form; other text unchanged.
     */
    static String number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return text;
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return text;
        }
        if (d == Math.rint(d)) {
            return new BigDecimal(d).toBigInteger().toString();
        }
        BigDecimal shortest = new BigDecimal(Double.toString(d));
        if (Math.abs(d) >= 1e-4) {
            return shortest.stripTrailingZeros().toPlainString();
        }
        BigDecimal unscaled = shortest.stripTrailingZeros();
        String digits = unscaled.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - unscaled.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /** UTC with milliseconds; a fourth decimal of 5-9 rounds the third up. */
    static String time(Instant t) {
        BigDecimal nanos = BigDecimal.valueOf(t.getNano());
        long millis = nanos.divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.HALF_UP).longValue();
        return MILLIS.format(Instant.ofEpochSecond(t.getEpochSecond()).plusMillis(millis));
    }

    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        return (total < 0 ? "-" : "+") + String.format("%02d:%02d", Math.abs(total) / 3600, Math.abs(total) / 60 % 60);
    }

}
