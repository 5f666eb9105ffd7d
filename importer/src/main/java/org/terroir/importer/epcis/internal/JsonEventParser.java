package org.terroir.importer.epcis.internal;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.Vocabulary;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams an EPCIS 2.0 JSON / JSON-LD document: the document's own fields and {@code @context}
 * are read as they come, each event of {@code epcisBody.eventList} (also
 * {@code epcisBody.queryResults.resultsBody.eventList}) is read as one small tree and mapped, so
 * memory holds one event at a time. {@code @context} is never fetched.
 *
 * <p>JSON members have no order (RFC 8259 §4), so a document may give its {@code @context} after
 * the events that use its prefixes. Events met before the document's {@code @context} wait, as
 * trees, until it comes (or the document ends), and are mapped with it: the usual order, context
 * first, still holds one event at a time.
 */
public final class JsonEventParser extends EventParser {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> DOCUMENT_FIELDS = Set.of("@context", "id", "type", "schemaVersion",
            "creationDate", "instanceIdentifier", "sender", "receiver", "epcisHeader", "epcisBody");

    private final String file;
    private final JsonParser parser;
    private final EventMapper mapper;
    private final Deque<String> path = new ArrayDeque<>();
    private Names names = Names.standard();
    private boolean inEventList;
    private boolean started;
    private boolean finished;
    private boolean sawContext;
    private boolean sawType;
    private boolean sawBody;
    private boolean sawEventList;
    private int index;
    /** Events read before the document's {@code @context}, waiting to be mapped with it. */
    private final Deque<Pending> pending = new ArrayDeque<>();
    private boolean ended;

    private record Pending(JsonNode event, int index, long line) {
    }

    public JsonEventParser(InputStream in, String file) {
        this.file = file;
        this.parser = MAPPER.createParser(in);
        this.mapper = new EventMapper(file, false);
    }

    @Override
    public Optional<ReadEvent> next() {
        if (!pending.isEmpty() && (sawContext || ended)) {
            Pending waiting = pending.poll();
            return Optional.of(mapper.map(waiting.event(), waiting.index(), waiting.line(), names, List.of()));
        }
        if (finished) {
            return Optional.empty();
        }
        try {
            Optional<ReadEvent> event = advance();
            return event.isEmpty() && !pending.isEmpty() ? next() : event;
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            documentProblems.add(new Problem(file, -1, line, "document", "is not well-formed JSON: " + e.getOriginalMessage()));
            finished = true;
            ended = true;
            return Optional.empty();
        }
    }

    private Optional<ReadEvent> advance() {
        if (!started) {
            started = true;
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                documentProblem("document", "expected a JSON object (an EPCISDocument)");
                finished = true;
                return Optional.empty();
            }
            path.push("");
        }
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                finish();
                return Optional.empty();
            }
            if (inEventList) {
                if (token == JsonToken.END_ARRAY) {
                    inEventList = false;
                    continue;
                }
                long line = parser.currentTokenLocation().getLineNr();
                JsonNode event = parser.readValueAsTree();
                if (!sawContext) {
                    pending.add(new Pending(event, index++, line));
                    continue;
                }
                return Optional.of(mapper.map(event, index++, line, names, List.of()));
            }
            switch (token) {
                case PROPERTY_NAME -> property(parser.currentName(), parser.nextToken());
                case END_OBJECT -> {
                    path.pop();
                    if (path.isEmpty()) {
                        finish();
                        return Optional.empty();
                    }
                }
                default -> parser.skipChildren();
            }
        }
    }

    private void property(String name, JsonToken value) {
        String where = path.peek();
        if (path.size() == 1) {
            document(name, value);
        } else if ("eventList".equals(name) && value == JsonToken.START_ARRAY) {
            inEventList = true;
            sawEventList = true;
        } else if (("queryResults".equals(name) || "resultsBody".equals(name)) && value == JsonToken.START_OBJECT) {
            path.push(name);
        } else if ("epcisBody".equals(where) && "eventList".equals(name)) {
            documentProblem("epcisBody.eventList", "expected a list of events");
            parser.skipChildren();
        } else {
            parser.skipChildren();
        }
    }

    private void document(String name, JsonToken value) {
        switch (name) {
            case "@context" -> {
                names = names.with(JsonContexts.prefixes(parser.readValueAsTree()));
                sawContext = true;
            }
            case "type" -> {
                sawType = true;
                String type = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                documentType = type == null ? "" : type;
                if (!"EPCISDocument".equals(type) && !"EPCISQueryDocument".equals(type)) {
                    documentProblem("type", "\"" + type + "\" is not EPCISDocument or EPCISQueryDocument");
                }
                parser.skipChildren();
            }
            case "schemaVersion" -> {
                if (value != JsonToken.VALUE_STRING || !parser.getString().startsWith("2.")) {
                    documentProblem("schemaVersion", "expected \"2.0\"");
                }
                parser.skipChildren();
            }
            case "creationDate" -> {
                if (value != JsonToken.VALUE_STRING || Times.parse(parser.getString()).isEmpty()) {
                    documentProblem("creationDate", "expected an xsd:dateTime with timezone");
                }
                parser.skipChildren();
            }
            case "epcisHeader" -> masterData.addAll(JsonMasterData.read(parser.readValueAsTree()));
            case "epcisBody" -> {
                sawBody = true;
                if (value == JsonToken.START_OBJECT) {
                    path.push("epcisBody");
                } else {
                    documentProblem("epcisBody", "expected an object with an eventList");
                    parser.skipChildren();
                }
            }
            default -> {
                if (!DOCUMENT_FIELDS.contains(name) && !name.contains(":")) {
                    documentProblem(name, "is not a field of an EPCIS document");
                }
                parser.skipChildren();
            }
        }
    }

    private void finish() {
        finished = true;
        ended = true;
        if (!sawContext) {
            documentProblem("@context", "is required in EPCIS JSON-LD (the EPCIS 2.0 context, "
                    + "https://ref.gs1.org/standards/epcis/epcis-context.jsonld)");
        }
        if (!sawType) {
            documentProblem("type", "is required (EPCISDocument)");
        }
        if (!sawBody) {
            documentProblem("epcisBody", "is required");
        } else if (!sawEventList) {
            documentProblem("epcisBody.eventList", "is required (a list of events, may be empty)");
        }
    }

    private void documentProblem(String field, String reason) {
        long line = parser.currentTokenLocation() == null ? -1 : parser.currentTokenLocation().getLineNr();
        documentProblems.add(new Problem(file, -1, line, field, reason));
    }

    @Override
    public void close() {
        parser.close();
    }

    /** Reads {@code epcisHeader.epcisMasterData.vocabularyList}. */
    static final class JsonMasterData {

        private JsonMasterData() {
        }

        static List<Vocabulary> read(JsonNode header) {
            List<Vocabulary> list = new ArrayList<>();
            JsonNode md = header.path("epcisMasterData").path("vocabularyList");
            for (JsonNode vocabulary : md) {
                List<Vocabulary.Element> elements = new ArrayList<>();
                for (JsonNode element : vocabulary.path("vocabularyElementList")) {
                    List<Vocabulary.Attribute> attributes = new ArrayList<>();
                    for (JsonNode attribute : element.path("attributes")) {
                        JsonNode value = attribute.path("attribute");
                        attributes.add(new Vocabulary.Attribute(attribute.path("id").asString(),
                                value.isString() ? value.stringValue() : value.toString()));
                    }
                    List<String> children = new ArrayList<>();
                    for (JsonNode child : element.path("children")) {
                        children.add(child.asString());
                    }
                    elements.add(new Vocabulary.Element(element.path("id").asString(), attributes, children));
                }
                list.add(new Vocabulary(vocabulary.path("type").asString(), elements));
            }
            return list;
        }

    }
}
