package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.terroir.testsupport.SharedFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks responses against GS1's EPCIS 2.0 REST binding ({@code ../shared/standards/epcis-2.0/openapi.yaml}):
 * the operation lists the status; a body has a media type the response lists and is valid against
 * its schema (OpenAPI 3.0 dialect; the binding's references to GS1's JSON schema stub resolved to the
 * official {@code EPCIS-JSON-Schema.json} beside it, nothing fetched); a {@code Location} the response
 * lists is there.
 */
final class OpenApiContract {

    private static final String STANDARDS = "standards/epcis-2.0";
    /** Where the binding's schema references point; its definitions are those of the official JSON schema. */
    private static final String REMOTE_STUB = "https://gs1.github.io/EPCIS/REST%20Bindings/JSON-Schema-Stub.json";
    /** The name the binding's OpenAPI document is known by here. */
    private static final String SPEC = "https://ref.gs1.org/standards/epcis/2.0.0/openapi.json";

    /**
     * Where the binding's schemas contradict its own text, by JSON Pointer, and how: corrected here as
     * the text says before anything is checked ({@link #corrected}), so that the rest is checked as written.
     */
    static final Map<String, String> ERRATA = Map.of(
            "/components/responses/409ResourceAlreadyExistsException/content/application~1problem+json/schema/allOf/0/properties/status/enum",
            "[406], where its description and example say 409: taken as [409]",
            "/components/schemas/CaptureJob/allOf/1/oneOf",
            "neither branch requires its property, so every job matches both and fails oneOf: the first taken to require "
                    + "'errors', the second 'errorFile'",
            "/paths/~1events/get/responses/400",
            "missing, where the query parameters' own text says an invalid value SHALL raise a QueryParameterException: "
                    + "taken as the binding's 400QueryIssues, with which it answers the same parameters on the top-level "
                    + "resources' events (e.g. /eventTypes/{eventType}/events)",
            "/paths/~1queries/post/responses/400",
            "missing, where a query whose parameters are invalid SHALL raise a QueryParameterException: taken as the "
                    + "binding's 400QueryIssues, as for GET /events",
            "/paths/~1queries~1{queryName}~1subscriptions/post/responses/400",
            "missing, where a subscription's controls that are invalid SHALL raise a SubscriptionControlsException: taken "
                    + "as the binding's 400SubscriptionIssues, as for GET on the same path",
            "/components/responses/400SubscriptionIssues/content",
            "application/json and application/xml, where the body is an RFC 7807 problem like every other refusal of the "
                    + "binding, each application/problem+json: taken as application/problem+json",
            "/paths/~1queries~1{queryName}/get/responses/200/content/application~1json/schema",
            "an array of queries, where its example and description are the one query: taken as its items' schema",
            "/components/schemas/GS1-Query-Second/pattern",
            "with those of GS1-Query-Minute, -Hour, -DayOfMonth, -Month and -DayOfWeek: Oniguruma subexpression calls "
                    + "(\\g<element>) that no JSON Schema (ECMA-262) regular expression has, and classes such as [0-59] that "
                    + "mean the digits 0 to 5 and 9, where the text says 0 through 59: left out, the server checking each field "
                    + "as the text says (QuerySchedule)");

    /** The binding with its {@link #ERRATA} corrected. */
    private static JsonNode corrected(JsonNode spec) {
        tools.jackson.databind.node.ArrayNode status = (tools.jackson.databind.node.ArrayNode) spec.at(
                "/components/responses/409ResourceAlreadyExistsException/content/application~1problem+json/schema/allOf/0/properties/status/enum");
        status.removeAll().add(409);
        tools.jackson.databind.node.ArrayNode oneOf = (tools.jackson.databind.node.ArrayNode) spec.at("/components/schemas/CaptureJob/allOf/1/oneOf");
        ((tools.jackson.databind.node.ObjectNode) oneOf.get(0)).putArray("required").add("errors");
        ((tools.jackson.databind.node.ObjectNode) oneOf.get(1)).putArray("required").add("errorFile");
        for (String operation : java.util.List.of("/paths/~1events/get/responses", "/paths/~1queries/post/responses")) {
            ((tools.jackson.databind.node.ObjectNode) spec.at(operation)).putObject("400")
                    .put("$ref", "#/components/responses/400QueryIssues");
        }
        ((tools.jackson.databind.node.ObjectNode) spec.at("/paths/~1queries~1{queryName}~1subscriptions/post/responses"))
                .putObject("400").put("$ref", "#/components/responses/400SubscriptionIssues");
        tools.jackson.databind.node.ObjectNode subscriptionIssues = (tools.jackson.databind.node.ObjectNode) spec.at(
                "/components/responses/400SubscriptionIssues/content");
        subscriptionIssues.set("application/problem+json", subscriptionIssues.get("application/json"));
        subscriptionIssues.remove(java.util.List.of("application/json", "application/xml"));
        tools.jackson.databind.node.ObjectNode oneQuery = (tools.jackson.databind.node.ObjectNode) spec.at(
                "/paths/~1queries~1{queryName}/get/responses/200/content/application~1json");
        oneQuery.set("schema", oneQuery.get("schema").get("items"));
        for (String field : java.util.List.of("Second", "Minute", "Hour", "DayOfMonth", "Month", "DayOfWeek")) {
            ((tools.jackson.databind.node.ObjectNode) spec.at("/components/schemas/GS1-Query-" + field)).remove("pattern");
        }
        return spec;
    }

    private static final class Holder {
        static final OpenApiContract EPCIS = new OpenApiContract(SharedFiles.require(STANDARDS));
    }

    private final JsonNode spec;
    private final String specUri;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    /** The official XSD of EPCIS 2.0 query documents, what the binding's {@code EPCISXMLQueryDocument} refers to. */
    private final javax.xml.validation.Schema queryXsd;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiContract(Path standards) {
        Path openApi = standards.resolve("openapi.yaml");
        try {
            spec = corrected(YAMLMapper.builder().build().readTree(openApi.toFile()));
        } catch (tools.jackson.core.JacksonException e) {
            throw new UncheckedIOException(new IOException("cannot read " + openApi, e));
        }
        specUri = SPEC;
        try {
            javax.xml.validation.SchemaFactory factory = javax.xml.validation.SchemaFactory.newInstance(
                    javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file"); // its imports, beside it
            queryXsd = factory.newSchema(standards.resolve("EPCglobal-epcis-query-2_0.xsd").toFile());
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("the official query schema does not load", e);
        }
        String official;
        try {
            official = java.nio.file.Files.readString(standards.resolve("EPCIS-JSON-Schema.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Both documents given from memory under the names the references use: nothing is fetched.
        registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(SPEC, JSON.writeValueAsString(spec), REMOTE_STUB, official)));
    }

    /** The EPCIS 2.0 REST binding. */
    static OpenApiContract epcis() {
        return Holder.EPCIS;
    }

    /**
     * Checks one exchange: {@code method} on the binding's {@code path} (as the OpenAPI writes it,
     * e.g. {@code /capture/{captureID}}) answered as {@code result}.
     */
    void check(String method, String path, EntityExchangeResult<byte[]> result) {
        int status = result.getStatus().value();
        String where = method + " " + path + " " + status;
        JsonNode operation = spec.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isMissingNode()).as("%s: the binding has no such operation", where).isFalse();
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
        assertThat(response.isMissingNode()).as("%s: a status the binding does not list for it (it lists %s)", where,
                names(operation.path("responses"))).isFalse();
        if (response.has("$ref")) {
            pointer = response.get("$ref").asString().substring(1);
            response = at(pointer);
        }
        HttpHeaders headers = result.getResponseHeaders();
        if (response.path("headers").has("Location")) {
            assertThat(headers.getLocation()).as("%s: Location", where).isNotNull();
        }
        byte[] body = result.getResponseBody();
        if (body == null || body.length == 0) {
            return;
        }
        MediaType type = headers.getContentType();
        assertThat(type).as("%s: a body without Content-Type", where).isNotNull();
        String listed = null;
        for (String name : names(response.path("content"))) {
            if (MediaType.parseMediaType(name).equalsTypeAndSubtype(type)) {
                listed = name;
            }
        }
        assertThat(listed).as("%s: Content-Type %s is none the binding lists (%s)", where, type, names(response.path("content")))
                .isNotNull();
        if (!response.path("content").path(listed).has("schema")) {
            return;
        }
        if (listed.equals("application/xml")) {
            assertThat(response.path("content").path(listed).path("schema").path("$ref").asString())
                    .as("%s: an XML answer the binding gives the official query schema for", where)
                    .isEqualTo("#/components/schemas/EPCISXMLQueryDocument");
            queryXml(body);
            return;
        }
        String schemaPointer = pointer + "/content/" + escape(listed) + "/schema";
        Schema schema = schemas.computeIfAbsent(schemaPointer, p -> registry.getSchema(SchemaLocation.of(specUri + "#" + fragment(p))));
        List<Error> errors = schema.validate(JSON.readTree(body));
        assertThat(errors).as("%s: the body against the binding's schema (%s):%n%s", where, schemaPointer, new String(body,
                java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    /** Checks {@code body} against the binding's schema of an EPCIS query document (what a subscription's reports are). */
    void queryDocument(byte[] body) {
        String pointer = "/components/responses/200EPCISQueryDocument/content/application~1json/schema";
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(specUri + "#" + fragment(p))));
        List<Error> errors = schema.validate(JSON.readTree(body));
        assertThat(errors).as("a query document against the binding's schema:%n%s", new String(body,
                java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    /** Checks {@code body} against the official XSD of EPCIS 2.0 query documents. */
    void queryXml(byte[] body) {
        javax.xml.validation.Validator validator = queryXsd.newValidator();
        try {
            validator.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(body)));
        } catch (org.xml.sax.SAXException invalid) {
            throw new AssertionError("an XML query document against the official schema: " + invalid.getMessage() + "\n"
                    + new String(body, java.nio.charset.StandardCharsets.UTF_8), invalid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode at(String pointer) {
        return spec.at(pointer);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    /** A JSON Pointer token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON Pointer as a URI fragment. */
    private static String fragment(String pointer) {
        return pointer.replace("{", "%7B").replace("}", "%7D").replace("+", "%2B");
    }
}
