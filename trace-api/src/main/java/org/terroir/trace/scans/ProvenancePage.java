package org.terroir.trace.scans;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.terroir.trace.access.Caller;
import org.terroir.trace.neo4j.RequestTimeout;
import org.terroir.trace.neo4j.Bulkhead;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import reactor.core.publisher.Mono;

/**
 * The page a consumer sees after scanning: server-rendered HTML (template {@code provenance.html}),
 * readable without JavaScript, for a phone. The verdict first, then product and brand, origin,
 * certifications and the journey; a recall notice above everything. Its data is one GraphQL query run
 * in the public view ({@link Caller#PUBLIC}, whatever the request carries), so the page can hold no
 * personal data: producers appear by pseudonym. A label that is not genuine gets the verdict only —
 * a copied label must not borrow the provenance of the real one. Chinese (zh-CN) unless the browser
 * asks for English ({@code Accept-Language}).
 */
@Component
class ProvenancePage implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ProvenancePage.class);

    static final String QUERY = PageQuery.TEXT;

    /** UN/ECE Recommendation 20 unit codes as people write them. */
    private static final Map<String, String> UNITS = Map.of("KGM", "kg", "GRM", "g", "TNE", "t", "LTR", "l", "H87", "pcs");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ExecutionGraphQlService graphQl;
    private final Duration timeout;
    private final ScanIds ids;
    /** Ids of the page's GraphQL requests (a UUID would read the system's entropy source on an event loop). */
    private final AtomicLong requests = new AtomicLong();

    private final ITemplateEngine templates;

    ProvenancePage(ExecutionGraphQlService graphQl, ITemplateEngine templates, ScanIds ids, RequestTimeout timeout) {
        this.graphQl = graphQl;
        this.templates = templates;
        this.ids = ids;
        this.timeout = timeout.timeout();
    }

    /**
     * Renders both pages in both languages once before the server starts: the template engine
     * initialises itself, reads the templates and the words from the class path on first use, which
     * must not happen on an event-loop thread.
     */
    @Override
    public void afterSingletonsInstantiated() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("lang", locale.toLanguageTag());
            model.put("verdict", new VerdictView("unverified", Authenticity.Why.PRODUCT_LINK.name(), null, null, null, false));
            model.put("gtin", "09520011001021");
            model.put("linkset", "/");
            templates.process("provenance", new Context(locale, model));
            templates.process("scan-error", new Context(locale, Map.of("lang", locale.toLanguageTag(), "status", 404, "detail", "")));
        }
    }

    /**
     * The scan a page shows: its id (for the place the browser may add), and the device id to set in
     * the browser's cookie when it had none.
     */
    record Scanned(String id, String newDevice) {}

    /** The page of a checked link. */
    Mono<ServerResponse> render(ServerRequest request, LinkCheck check, Scanned scanned) {
        Locale locale = request.exchange().getLocaleContext().getLocale();
        boolean zh = locale == null || locale.getLanguage().equals("zh");
        boolean showTrace = !check.notGenuine() && (check.batchKnown() || check.itemKnown());
        Mono<Map<String, Object>> trace = showTrace ? trace(check.uri(), locale) : Mono.just(Map.of());
        return trace.flatMap(data -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("lang", zh ? "zh-CN" : "en");
            model.put("zh", zh);
            model.put("check", check);
            model.put("verdict", verdict(check.authenticity()));
            model.put("productName", check.product() == null ? null : name(zh, check.product().nameZh(), check.product().nameEn()));
            model.put("gtin", check.link().gtin().value());
            model.put("lot", check.link().lot().map(l -> l.value()).orElse(null));
            model.put("serial", check.link().serial().map(s -> s.value()).orElse(null));
            model.put("trace", data.isEmpty() ? null : view(zh, data));
            model.put("linkset", request.uri().getRawPath().replaceFirst("^/provenance/", "/") + "?linkType=linkset");
            model.put("scanId", scanned.id());
            model.put("copyFlags", check.notGenuine() ? List.of() : check.flags());
            String nonce = nonce();
            model.put("nonce", nonce);
            ServerResponse.BodyBuilder response = ServerResponse.ok().header(CONTENT_SECURITY_POLICY, policy(nonce));
            if (scanned.newDevice() != null) {
                response.cookie(ResponseCookie.from(DigitalLinkResolver.DEVICE_COOKIE, scanned.newDevice()).path("/").httpOnly(true)
                        .sameSite("Lax").secure("https".equals(request.uri().getScheme())).maxAge(Duration.ofDays(365)).build());
            }
            return response.contentType(MediaType.TEXT_HTML)
                    .header(HttpHeaders.CONTENT_LANGUAGE, zh ? "zh-CN" : "en")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .render("provenance", model);
        });
    }

    /** A page for a link the resolver could not answer: malformed (400), unknown (404), too many scans (429). */
    Mono<ServerResponse> error(ServerRequest request, HttpStatus status, String detail, Map<String, String> headers) {
        Locale locale = request.exchange().getLocaleContext().getLocale();
        boolean zh = locale == null || locale.getLanguage().equals("zh");
        String nonce = nonce();
        ServerResponse.BodyBuilder response = ServerResponse.status(status).contentType(MediaType.TEXT_HTML)
                .header(HttpHeaders.CONTENT_LANGUAGE, zh ? "zh-CN" : "en")
                .header(CONTENT_SECURITY_POLICY, policy(nonce));
        headers.forEach(response::header);
        return response.render("scan-error", Map.of("lang", zh ? "zh-CN" : "en", "status", status.value(), "detail", detail,
                "nonce", nonce));
    }

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /** 128 random bits for one response's Content-Security-Policy, drawn as a scan id is (without blocking). */
    private String nonce() {
        return ids.next();
    }

    /**
     * What a scan page may load: its own inline style and script, by the nonce of this response, and
     * nothing else but a POST of the place to this server; no framing, no base, no form.
     */
    static String policy(String nonce) {
        return "default-src 'none'; style-src 'nonce-" + nonce + "'; script-src 'nonce-" + nonce + "'; connect-src 'self';"
                + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** The trace in the public view: the query's {@code traceLink}, or empty when the graph holds none. */
    private Mono<Map<String, Object>> trace(String uri, Locale locale) {
        DefaultExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(QUERY, "page", Map.of("uri", uri), null,
                "page-" + requests.incrementAndGet(), locale);
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(Caller.CONTEXT_KEY, Caller.PUBLIC)).build());
        return graphQl.execute(request).timeout(timeout).<Map<String, Object>>handle((response, sink) -> {
            if (response.getErrors().stream().anyMatch(e -> Bulkhead.BusyException.LIMIT.equals(e.getExtensions() == null ? null
                    : e.getExtensions().get("limit")))) {
                // No permit at the graph for the trace: 503, not a page that looks as if the graph knew nothing.
                sink.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the server is busy; try again shortly"));
                return;
            }
            if (!response.getErrors().isEmpty()) {
                LOG.warn("the provenance page of {} got errors: {}", uri, response.getErrors());
            }
            Map<String, Object> data = response.getData();
            Object traced = data == null ? null : data.get("traceLink");
            @SuppressWarnings("unchecked")
            Map<String, Object> found = traced instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            sink.next(found);
        });
    }

    // --- The view: names in the page's language, times readable, hops in order.

    /** What the template shows of a verdict: its kind (for the style) and the problem or reason key. */
    record VerdictView(String kind, String key, String detail, String signer, String brand, boolean stale) {}

    private static VerdictView verdict(Authenticity authenticity) {
        return switch (authenticity) {
            case Authenticity.Genuine g -> new VerdictView("genuine", "genuine", null, g.signer().orElse(null),
                    g.brand().orElse(null), g.stale());
            case Authenticity.NotGenuine n -> new VerdictView("not-genuine", n.problem().name(), n.detail(), null, null, false);
            case Authenticity.Unverified u -> new VerdictView("unverified", u.why().name(), null, null, null, false);
        };
    }

    record Producer(String pseudonym, String quantity, String cooperative) {}

    record Input(String product, String origin, List<Producer> producers) {}

    record Step(String from, String to, String departed, String arrived, String carrier, Integer minutes) {}

    record Certification(String kind, String number, String issuer, String validUntil) {}

    record Recall(String reason, String recalledAt) {}

    record TraceView(String product, String brand, String brandKind, String giRegistration, String story, String owner,
                     String producedAt, String origin, List<Producer> producers, List<Input> inputs,
                     List<Certification> certifications, List<Step> journey, List<Recall> recalls) {}

    @SuppressWarnings("unchecked")
    private static TraceView view(boolean zh, Map<String, Object> traced) {
        Map<String, Object> batch = "ItemTrace".equals(traced.get("__typename"))
                ? (Map<String, Object>) traced.get("batch") : traced;
        List<Map<String, Object>> hops = new ArrayList<>();
        if (batch != null) {
            hops.addAll(list(batch.get("journey")));
        }
        if ("ItemTrace".equals(traced.get("__typename"))) {
            // The unit's own hops (as a parcel), after those of its lot, in time order.
            list(traced.get("journey")).stream().filter(h -> !hops.contains(h)).forEach(hops::add);
            hops.sort(java.util.Comparator.comparing(h -> Objects.toString(h.get("departed") != null ? h.get("departed")
                    : h.get("arrived"), "")));
        }
        if (batch == null) {
            return new TraceView(null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(),
                    steps(zh, hops), List.of());
        }
        Map<String, Object> product = (Map<String, Object>) batch.get("product");
        Map<String, Object> brand = (Map<String, Object>) batch.get("brand");
        Map<String, Object> owner = brand == null ? null : (Map<String, Object>) brand.get("owner");
        Map<String, Object> recall = (Map<String, Object>) batch.get("recall");
        List<Recall> recalls = recall == null || !Boolean.TRUE.equals(recall.get("recalled")) ? List.of()
                : list(recall.get("notices")).stream().map(n -> new Recall((String) n.get("reason"), when((String) n.get("recalledAt"))))
                        .toList();
        List<Input> inputs = list(batch.get("inputs")).stream()
                .map(i -> new Input(name(zh, (Map<String, Object>) i.get("product")), origin(zh, i.get("origin")), producers(zh, i.get("producers"))))
                .toList();
        return new TraceView(name(zh, product), name(zh, brand), brand == null ? null : (String) brand.get("kind"),
                brand == null ? null : (String) brand.get("giRegistration"),
                brand == null ? null : (String) (zh ? brand.getOrDefault("storyZh", brand.get("storyEn")) : brand.getOrDefault("storyEn", brand.get("storyZh"))),
                name(zh, owner), name(zh, (Map<String, Object>) batch.get("producedAt")), origin(zh, batch.get("origin")),
                producers(zh, batch.get("producers")), inputs,
                list(batch.get("certifications")).stream().map(c -> new Certification((String) c.get("kind"), (String) c.get("number"),
                        (String) c.get("issuer"), (String) c.get("validUntil"))).toList(),
                steps(zh, hops), recalls);
    }

    @SuppressWarnings("unchecked")
    private static List<Producer> producers(boolean zh, Object producers) {
        return list(producers).stream().map(p -> new Producer((String) p.get("pseudonym"), quantity(p),
                name(zh, (Map<String, Object>) p.get("cooperative")))).toList();
    }

    private static String quantity(Map<String, Object> producer) {
        if (!(producer.get("quantity") instanceof Number n)) {
            return null;
        }
        String amount = n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : n.toString();
        Object unit = producer.get("unit");
        return unit == null ? amount : amount + " " + UNITS.getOrDefault(unit.toString(), unit.toString());
    }

    /** The origin, nearest region first: village · township · county · prefecture. */
    private static String origin(boolean zh, Object regions) {
        List<String> names = list(regions).stream().map(r -> name(zh, r)).filter(Objects::nonNull).toList();
        return names.isEmpty() ? null : String.join(zh ? " · " : ", ", names);
    }

    @SuppressWarnings("unchecked")
    private static List<Step> steps(boolean zh, List<Map<String, Object>> hops) {
        return hops.stream().map(h -> new Step(name(zh, (Map<String, Object>) h.get("from")), name(zh, (Map<String, Object>) h.get("to")),
                when((String) h.get("departed")), when((String) h.get("arrived")), name(zh, (Map<String, Object>) h.get("carrier")),
                (Integer) h.get("durationMinutes"))).toList();
    }

    private static String when(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).format(WHEN);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    static String name(boolean zh, String nameZh, String nameEn) {
        return zh ? (nameZh != null ? nameZh : nameEn) : (nameEn != null ? nameEn : nameZh);
    }

    private static String name(boolean zh, Map<String, Object> named) {
        return named == null ? null : name(zh, (String) named.get("nameZh"), (String) named.get("nameEn"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
