package org.terroir.trace.scans;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.terroir.labels.DigitalLink;
import org.terroir.model.id.InvalidIdentifierException;
import org.terroir.trace.access.Clients;
import org.terroir.trace.labels.TrustedLabels;
import reactor.core.publisher.Mono;

/**
 * The GS1-conformant resolver of the labels' Digital Links, {@code /01/{gtin}[/10/{lot}][/21/{serial}]}:
 * <ul>
 * <li>{@code linkType=linkset} (or {@code all}), or {@code Accept: application/linkset+json}: the
 *     linkset of the links below (RFC 9264);</li>
 * <li>{@code linkType=gs1:…}: a 307 redirect to that link, or to the default link when there is none of that type;</li>
 * <li>a browser ({@code Accept: text/html}): the provenance page itself, without a redirect (one round
 *     trip fewer on a slow connection);</li>
 * <li>anything else: a 307 redirect to the default link, the provenance page at {@code /provenance/01/…}.</li>
 * </ul>
 * A link that breaks the Digital Link syntax is a 400 naming the rule; a GTIN the graph does not
 * know a 404; a known GTIN with an unknown or altered serial (or lot) the "not genuine" page for a
 * browser, and for a machine a 404 problem (RFC 9457) saying why. Every answer can be read from any
 * origin (CORS), and each scan takes a token from the client's bucket ({@link ScanLimits}): 429 with
 * {@code Retry-After} when it is empty.
 */
@Component
class DigitalLinkResolver {

    static final MediaType LINKSET = MediaType.parseMediaType("application/linkset+json");
    static final String NOT_GENUINE_TYPE = "tag:terroir.org,2026:not-genuine";
    private static final String LINKSET_CONTEXT = "<https://ref.gs1.org/standards/resolver/linkset-context>; "
            + "rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"";

    static final String DEVICE_COOKIE = "terroir_device";

    private final LinkChecker checker;
    private final ScanLimits limits;
    private final ScanRecorder recorder;
    private final ScanIds ids;
    private final ProvenancePage page;
    private final TrustedLabels labels;
    private final String configuredBase;

    DigitalLinkResolver(LinkChecker checker, ScanLimits limits, ScanRecorder recorder, ScanIds ids, ProvenancePage page,
             TrustedLabels labels, ResolverSettings settings) {
        String base = settings.base();
        this.checker = checker;
        this.limits = limits;
        this.recorder = recorder;
        this.ids = ids;
        this.page = page;
        this.labels = labels;
        this.configuredBase = base == null || base.isBlank() ? null : base.strip().replaceAll("/+$", "");
    }

    /** What the request asks for. */
    private sealed interface Wants {
        record Page() implements Wants {}
        record Linkset() implements Wants {}
        record Redirect(LinkType type) implements Wants {}
    }

    /** {@code GET|HEAD /01/…}: the resolver. */
    Mono<ServerResponse> resolve(ServerRequest request) {
        Wants wants = wants(request);
        boolean browser = wants instanceof Wants.Page;
        return scan(request, scannedLink(request, request.uri().getRawPath()), browser, check -> switch (wants) {
            case Wants.Page p -> page.render(request, check, scanned(request, check));
            case Wants.Linkset l -> linkset(request, check);
            case Wants.Redirect r -> redirect(request, check, r.type());
        });
    }

    /** {@code GET /provenance/01/…}: the provenance page of the link after {@code /provenance}, always HTML. */
    Mono<ServerResponse> provenance(ServerRequest request) {
        URI link = scannedLink(request, request.uri().getRawPath().replaceFirst("^/provenance/01/", "/01/"));
        return scan(request, link, true, check -> page.render(request, check, scanned(request, check)));
    }

    /**
     * {@code POST /scans/{id}/place} with {@code {"latitude": …, "longitude": …}}: the coarse place the
     * scanner's browser gave, once the reader allowed it; kept to a tenth of a degree (about 11 km).
     * 204; 400 naming the field when a value is missing or out of range, or the id is not a scan id.
     */
    Mono<ServerResponse> place(ServerRequest request) {
        Optional<Duration> wait = limits.take(request);
        if (wait.isPresent()) {
            return error(request, false, HttpStatus.TOO_MANY_REQUESTS, "too many scans from this client", Map.of());
        }
        String id = request.pathVariable("id");
        if (!ScanIds.ID.matcher(id).matches()) {
            return error(request, false, HttpStatus.BAD_REQUEST, "\"" + id + "\" is not a scan id", Map.of());
        }
        return request.bodyToMono(Map.class)
                .flatMap(body -> {
                    Double latitude = coordinate(body.get("latitude"), 90);
                    Double longitude = coordinate(body.get("longitude"), 180);
                    if (latitude == null || longitude == null) {
                        return error(request, false, HttpStatus.BAD_REQUEST, (latitude == null ? "latitude" : "longitude")
                                + " must be a number of degrees within ±" + (latitude == null ? 90 : 180), Map.of());
                    }
                    recorder.place(new ScanRecorder.Place(id, Math.round(latitude * 10) / 10.0, Math.round(longitude * 10) / 10.0,
                            device(request).map(ScanIds::deviceHash).orElse(null), network(request)));
                    return ServerResponse.noContent().build();
                })
                .switchIfEmpty(Mono.defer(() -> error(request, false, HttpStatus.BAD_REQUEST,
                        "the body must be {\"latitude\": …, \"longitude\": …}", Map.of())))
                .onErrorResume(org.springframework.web.server.ServerWebInputException.class, e ->
                        error(request, false, HttpStatus.BAD_REQUEST, "the body must be {\"latitude\": …, \"longitude\": …}", Map.of()));
    }

    private static Double coordinate(Object value, double limit) {
        return value instanceof Number n && Double.isFinite(n.doubleValue()) && Math.abs(n.doubleValue()) <= limit
                ? n.doubleValue() : null;
    }

    /**
     * Records the scan a page is about to show, and who scanned: the device's id from its cookie, or a
     * new one the page will set.
     */
    private ProvenancePage.Scanned scanned(ServerRequest request, LinkCheck check) {
        String device = device(request).orElse(null);
        boolean newDevice = device == null;
        if (newDevice) {
            device = ids.next();
        }
        String id = ids.next();
        recorder.record(new ScanRecorder.Scan(id, java.time.Instant.now(), check, ScanIds.deviceHash(device), network(request)));
        return new ProvenancePage.Scanned(id, newDevice ? device : null);
    }

    /** The device id of the request's cookie, when it has a well-formed one. */
    private static Optional<String> device(ServerRequest request) {
        return Optional.ofNullable(request.cookies().getFirst(DEVICE_COOKIE)).map(c -> c.getValue())
                .filter(v -> ScanIds.ID.matcher(v).matches());
    }

    /** The network the request came from ({@link ScanNetworks#of}); null when unknown. */
    private static String network(ServerRequest request) {
        return request.remoteAddress().map(Clients::addressOf).map(ScanNetworks::of).orElse(null);
    }

    /** {@code GET /.well-known/gs1resolver}: the resolver description file of the GS1-conformant resolver standard. */
    Mono<ServerResponse> description(ServerRequest request) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", "Terroir provenance resolver");
        description.put("resolverRoot", base(request));
        description.put("supportedPrimaryKeys", List.of("01"));
        description.put("supportedLinkType", List.of(Map.of("namespace", LinkType.VOCABULARY, "prefix", "gs1:")));
        description.put("linkTypeDefaultCanBeLinkset", false);
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(description);
    }

    private Mono<ServerResponse> scan(ServerRequest request, URI uri, boolean browser,
            java.util.function.Function<LinkCheck, Mono<ServerResponse>> answer) {
        Optional<Duration> wait = limits.take(request);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return error(request, browser, HttpStatus.TOO_MANY_REQUESTS, "too many scans from this client; try again in "
                    + seconds + " s", Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        }
        String scanned = withoutLinkType(uri);
        DigitalLink link;
        try {
            link = DigitalLink.parse(scanned);
        } catch (InvalidIdentifierException e) {
            return error(request, browser, HttpStatus.BAD_REQUEST, "not a GS1 Digital Link of a product: " + e.getMessage(), Map.of());
        }
        return checker.check(link, scanned).flatMap(check -> {
            if (!check.gtinKnown()) {
                return error(request, browser, HttpStatus.NOT_FOUND, "no product with GTIN " + link.gtin().value()
                        + " is known to this resolver", Map.of());
            }
            if (!browser && check.authenticity() instanceof Authenticity.NotGenuine notGenuine) {
                return notGenuine(request, notGenuine);
            }
            return answer.apply(check);
        });
    }

    private Mono<ServerResponse> linkset(ServerRequest request, LinkCheck check) {
        Links links = links(request, check);
        ServerResponse.BodyBuilder ok = ServerResponse.ok().contentType(LINKSET)
                .header(HttpHeaders.LINK, LINKSET_CONTEXT)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        return request.method() == HttpMethod.HEAD ? ok.build() : ok.bodyValue(links.linkset());
    }

    private Mono<ServerResponse> redirect(ServerRequest request, LinkCheck check, LinkType type) {
        Links links = links(request, check);
        return ServerResponse.temporaryRedirect(URI.create(links.target(type).href()))
                .header(HttpHeaders.LINK, "<" + links.anchor() + (links.anchor().contains("?") ? "&" : "?")
                        + "linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\"")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    private Links links(ServerRequest request, LinkCheck check) {
        URI uri = request.uri();
        return Links.of(check, base(request), uri.getRawPath(), queryWithoutLinkType(uri), labels.configured());
    }

    private Mono<ServerResponse> notGenuine(ServerRequest request, Authenticity.NotGenuine notGenuine) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "not genuine: " + notGenuine.problem().text() + " (" + notGenuine.detail() + ")");
        problem.setType(URI.create(NOT_GENUINE_TYPE));
        problem.setTitle("Not genuine");
        problem.setInstance(URI.create(request.uri().getRawPath()));
        problem.setProperty("problem", notGenuine.problem().name());
        return ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
    }

    private Mono<ServerResponse> error(ServerRequest request, boolean browser, HttpStatus status, String detail,
            Map<String, String> headers) {
        if (browser) {
            return page.error(request, status, detail, headers);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.uri().getRawPath()));
        ServerResponse.BodyBuilder response = ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.forEach(response::header);
        return response.bodyValue(problem);
    }

    private static Wants wants(ServerRequest request) {
        Optional<String> linkType = request.queryParam("linkType").filter(s -> !s.isBlank());
        if (linkType.isPresent()) {
            String value = linkType.get().strip();
            if (value.equals("all") || value.equals("linkset")) {
                return new Wants.Linkset();
            }
            return new Wants.Redirect(LinkType.parse(value).orElse(LinkType.DEFAULT_LINK));
        }
        // The most preferred of the two, by quality then order; a wildcard (*/*, a curl's default) names neither.
        MediaType best = null;
        for (MediaType type : request.headers().accept()) {
            if (!type.isWildcardType() && (type.isCompatibleWith(LINKSET) || type.isCompatibleWith(MediaType.TEXT_HTML))
                    && (best == null || type.getQualityValue() > best.getQualityValue())) {
                best = type;
            }
        }
        if (best != null) {
            return best.isCompatibleWith(LINKSET) ? new Wants.Linkset() : new Wants.Page();
        }
        return new Wants.Redirect(LinkType.DEFAULT_LINK);
    }

    /** The link scanned, on this resolver's root (not the client's Host): {@code path} and the request's query. */
    private URI scannedLink(ServerRequest request, String path) {
        String query = request.uri().getRawQuery();
        return URI.create(base(request) + path + (query == null ? "" : "?" + query));
    }

    /**
     * The resolver's root for the links it gives: {@code terroir.resolver.base}, else the address this
     * server answered on ({@code localhost} on a loopback one), never the {@code Host} a client sent —
     * that would let anyone point a label's links, redirects and linkset anchor at a host of theirs.
     */
    private String base(ServerRequest request) {
        if (configuredBase != null) {
            return configuredBase;
        }
        return ownBase(request);
    }

    static String ownBase(ServerRequest request) {
        var exchange = request.exchange().getRequest();
        String scheme = exchange.getSslInfo() != null ? "https" : "http";
        InetSocketAddress local = exchange.getLocalAddress();
        if (local == null) {
            return scheme + "://localhost";
        }
        InetAddress address = local.getAddress();
        String host = address == null || address.isLoopbackAddress() ? "localhost"
                : address instanceof Inet6Address ? "[" + address.getHostAddress().replaceFirst("%.*", "") + "]"
                : address.getHostAddress();
        return scheme + "://" + host + ":" + local.getPort();
    }

    /** The URI without its {@code linkType} parameter (not GS1 data, and not part of what was scanned). */
    private static String withoutLinkType(URI uri) {
        String text = uri.toString();
        if (uri.getRawQuery() == null) {
            return text;
        }
        String kept = queryWithoutLinkType(uri);
        String beforeQuery = text.substring(0, text.indexOf('?'));
        return kept.isEmpty() ? beforeQuery : beforeQuery + "?" + kept;
    }

    /** The raw query without {@code linkType}; empty for none. */
    private static String queryWithoutLinkType(URI uri) {
        if (uri.getRawQuery() == null) {
            return "";
        }
        return Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("linkType=") && !p.equals("linkType"))
                .collect(Collectors.joining("&"));
    }
}
