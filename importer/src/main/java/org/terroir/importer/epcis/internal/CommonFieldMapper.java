package org.terroir.importer.epcis.internal;

import static org.terroir.importer.epcis.internal.FieldReader.describe;
import static org.terroir.importer.epcis.internal.FieldReader.isStandardLooking;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.terroir.importer.epcis.model.Action;
import org.terroir.importer.epcis.model.BizTransaction;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.importer.epcis.model.ErrorDeclaration;
import org.terroir.importer.epcis.model.EventCommon;
import org.terroir.importer.epcis.model.Extension;
import org.terroir.importer.epcis.model.Location;
import org.terroir.importer.epcis.model.PersistentDisposition;
import org.terroir.importer.epcis.model.SensorElement;
import org.terroir.importer.epcis.model.SourceDestination;
import org.terroir.model.Cbv;
import tools.jackson.databind.JsonNode;

/**
 * The fields that all five event types share: when (event and record time, offset), why (business
 * step, disposition, CBV-checked), where (read point, business location), business transactions,
 * sources and destinations, sensor elements, certification, persistent disposition and error
 * declaration; and the {@code action} of the four types that have one.
 */
final class CommonFieldMapper {

    private final FieldReader reader;
    private final UserExtensions userExtensions;
    private final SensorElementMapper sensorElements;

    CommonFieldMapper(FieldReader reader, UserExtensions userExtensions, SensorElementMapper sensorElements) {
        this.reader = reader;
        this.userExtensions = userExtensions;
        this.sensorElements = sensorElements;
    }

    /** The fields every event type shares; null when the event time or its offset is missing or wrong. */
    EventCommon map(JsonNode node) {
        Instant eventTime = requiredTime(node, "eventTime");
        ZoneOffset offset = null;
        String offsetText = reader.string(node, "eventTimeZoneOffset", "eventTimeZoneOffset");
        if (offsetText == null) {
            if (!node.has("eventTimeZoneOffset")) {
                reader.problem("eventTimeZoneOffset", "is required");
            }
        } else {
            offset = Times.offset(offsetText).orElse(null);
            if (offset == null) {
                reader.problem("eventTimeZoneOffset", "\"" + offsetText + "\" is not an offset from -14:00 to +14:00 like +08:00");
            }
        }
        Optional<Instant> recordTime = optionalTime(node, "recordTime", "recordTime");
        Optional<String> eventId = Optional.ofNullable(reader.uri(node, "eventID", "eventID"));
        Optional<String> bizStep = vocab(node, "bizStep", Cbv.BIZ_STEP, "bizStep");
        Optional<String> disposition = vocab(node, "disposition", Cbv.DISPOSITION, "disposition");
        Optional<Location> readPoint = location(node, "readPoint");
        Optional<Location> bizLocation = location(node, "bizLocation");
        List<BizTransaction> bizTransactions = bizTransactions(node);
        List<SourceDestination> sources = sourceDestinations(node, "sourceList", "source");
        List<SourceDestination> destinations = sourceDestinations(node, "destinationList", "destination");
        List<SensorElement> sensors = sensorElements.map(node);
        List<String> certification = certificationInfo(node);
        Optional<PersistentDisposition> persistent = persistentDisposition(node);
        Optional<ErrorDeclaration> error = errorDeclaration(node);
        if (eventTime == null || offset == null) {
            return null;
        }
        return new EventCommon(eventId, eventTime, offset, recordTime, bizStep, disposition, readPoint, bizLocation,
                bizTransactions, sources, destinations, sensors, certification, persistent, error, List.of());
    }

    /** The required {@code action}; null (with a problem) when missing or not ADD, OBSERVE or DELETE. */
    Action action(JsonNode node) {
        String text = reader.string(node, "action", "action");
        if (text == null) {
            if (!node.has("action")) {
                reader.problem("action", "is required (one of ADD, OBSERVE, DELETE)");
            }
            return null;
        }
        return switch (text) {
            case "ADD" -> Action.ADD;
            case "OBSERVE" -> Action.OBSERVE;
            case "DELETE" -> Action.DELETE;
            default -> {
                reader.problem("action", "\"" + text + "\" is not one of ADD, OBSERVE, DELETE");
                yield null;
            }
        };
    }

    private Instant requiredTime(JsonNode node, String field) {
        if (!node.has(field)) {
            reader.problem(field, "is required");
            return null;
        }
        return optionalTime(node, field, field).orElse(null);
    }

    private Optional<Instant> optionalTime(JsonNode node, String field, String path) {
        String text = reader.string(node, field, path);
        if (text == null) {
            return Optional.empty();
        }
        Optional<Instant> time = Times.parse(text);
        if (time.isEmpty()) {
            reader.problem(path, Times.dateTimeRule(text));
        }
        return time;
    }

    private Optional<String> vocab(JsonNode node, String field, Cbv vocabulary, String path) {
        String text = reader.string(node, field, path);
        if (text == null) {
            return Optional.empty();
        }
        String expanded = reader.names().expandValue(text);
        Optional<String> value = vocabulary.normalise(expanded);
        if (value.isEmpty()) {
            reader.problem(path, vocabulary.rejection(text));
        }
        return value;
    }

    private Optional<Location> location(JsonNode node, String field) {
        JsonNode loc = node.get(field);
        if (loc == null) {
            return Optional.empty();
        }
        if (!loc.isObject()) {
            reader.problem(field, "expected an object with an id");
            return Optional.empty();
        }
        List<Extension> extensions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : loc.properties()) {
            if (!e.getKey().equals("id")) {
                if (isStandardLooking(e.getKey())) {
                    reader.problem(field + "." + e.getKey(), "is not a field of " + field);
                } else {
                    userExtensions.add(e.getKey(), e.getValue(), field + "." + e.getKey(), extensions);
                }
            }
        }
        String id = reader.uri(loc, "id", field + ".id");
        if (id == null) {
            if (!loc.has("id")) {
                reader.problem(field + ".id", "is required");
            }
            return Optional.empty();
        }
        return Optional.of(new Location(Epc.of(id), extensions));
    }

    private List<BizTransaction> bizTransactions(JsonNode node) {
        List<BizTransaction> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : reader.array(node, "bizTransactionList")) {
            String path = "bizTransactionList[" + i++ + "]";
            if (!reader.checkObject(item, path, Set.of("type", "bizTransaction"))) {
                continue;
            }
            Optional<String> type = vocab(item, "type", Cbv.BIZ_TRANSACTION_TYPE, path + ".type");
            String id = reader.uri(item, "bizTransaction", path + ".bizTransaction");
            if (id == null && !item.has("bizTransaction")) {
                reader.problem(path + ".bizTransaction", "is required");
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
        for (JsonNode item : reader.array(node, listField)) {
            String path = listField + "[" + i++ + "]";
            if (!reader.checkObject(item, path, Set.of("type", idField))) {
                continue;
            }
            Optional<String> type = vocab(item, "type", Cbv.SOURCE_DESTINATION_TYPE, path + ".type");
            if (!item.has("type")) {
                reader.problem(path + ".type", "is required");
            }
            String id = reader.uri(item, idField, path + "." + idField);
            if (id == null && !item.has(idField)) {
                reader.problem(path + "." + idField, "is required");
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
                    reader.problem(path, "expected a URI, got " + describe(item));
                }
            }
        } else {
            String uri = reader.uri(node, "certificationInfo", "certificationInfo");
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
        if (!reader.checkObject(pd, "persistentDisposition", Set.of("set", "unset"))) {
            return Optional.empty();
        }
        if (!pd.has("set") && !pd.has("unset")) {
            reader.problem("persistentDisposition", "needs set or unset");
        }
        List<String> set = dispositions(pd, "set");
        List<String> unset = dispositions(pd, "unset");
        return Optional.of(new PersistentDisposition(set, unset));
    }

    private List<String> dispositions(JsonNode pd, String field) {
        List<String> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : reader.array(pd, field, "persistentDisposition." + field)) {
            String path = "persistentDisposition." + field + "[" + i++ + "]";
            if (!item.isString()) {
                reader.problem(path, "expected a disposition, got " + describe(item));
                continue;
            }
            Cbv.DISPOSITION.normalise(reader.names().expandValue(item.stringValue().strip())).ifPresentOrElse(list::add,
                    () -> reader.problem(path, Cbv.DISPOSITION.rejection(item.stringValue())));
        }
        return list;
    }

    private Optional<ErrorDeclaration> errorDeclaration(JsonNode node) {
        JsonNode ed = node.get("errorDeclaration");
        if (ed == null) {
            return Optional.empty();
        }
        if (!ed.isObject()) {
            reader.problem("errorDeclaration", "expected an object, got " + describe(ed));
            return Optional.empty();
        }
        List<Extension> extensions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : ed.properties()) {
            String key = e.getKey();
            if (!Set.of("declarationTime", "reason", "correctiveEventIDs").contains(key)) {
                if (isStandardLooking(key)) {
                    reader.problem("errorDeclaration." + key, "is not a field of errorDeclaration");
                } else {
                    userExtensions.add(key, e.getValue(), "errorDeclaration." + key, extensions);
                }
            }
        }
        Instant time = null;
        if (!ed.has("declarationTime")) {
            reader.problem("errorDeclaration.declarationTime", "is required");
        } else {
            time = optionalTime(ed, "declarationTime", "errorDeclaration.declarationTime").orElse(null);
        }
        Optional<String> reason = vocab(ed, "reason", Cbv.ERROR_REASON, "errorDeclaration.reason");
        List<String> corrective = new ArrayList<>();
        int i = 0;
        for (JsonNode item : reader.array(ed, "correctiveEventIDs", "errorDeclaration.correctiveEventIDs")) {
            String path = "errorDeclaration.correctiveEventIDs[" + i++ + "]";
            if (item.isString() && Cbv.isAbsoluteUri(item.stringValue().strip())) {
                corrective.add(item.stringValue().strip());
            } else {
                reader.problem(path, "expected an event ID URI, got " + describe(item));
            }
        }
        return time == null ? Optional.empty() : Optional.of(new ErrorDeclaration(time, reason, corrective, extensions));
    }
}
