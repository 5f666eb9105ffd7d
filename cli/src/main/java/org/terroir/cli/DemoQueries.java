package org.terroir.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.terroir.trace.access.Role;
import org.terroir.trace.access.Tokens;

/** The example queries {@code terroir demo} prints: they run against the demo data as they stand. */
final class DemoQueries {

    /** The Liancheng dried sweet potato lot of the demo: four households, a drying step, five hops. */
    static final String TRACE = """
            {
              trace(gtin: "09520011001021", lot: "LC2601") {
                product { nameEn nameZh }
                brand { nameEn giRegistration owner { nameEn } }
                origin { level nameEn }
                inputs { key producers { pseudonym quantity unit cooperative { nameEn } } }
                journey { from { kind nameEn } to { kind nameEn } departed arrived carrier { nameEn } }
              }
            }""";

    /** Who the demo prints a token for: role, party GLN (or null), what it is. */
    private record DemoCaller(Role role, String party, String what) {}

    private static final List<DemoCaller> CALLERS = List.of(
            new DemoCaller(Role.REGULATOR, null, "a regulator: everything, households' personal data included"),
            new DemoCaller(Role.ASSOCIATION, "9520011000017", "the Liancheng Dried Sweet Potato Association: its own brand's households in full"),
            new DemoCaller(Role.LOGISTICS, "9520099000015", "China Post EMS (demo), a carrier: the public view"),
            new DemoCaller(Role.PUBLIC, null, "a consumer: the public view, as without a token"));

    /** A question only the regulator's and Liancheng's tokens get answered in full. */
    static final String HOUSEHOLDS = "{ trace(gtin: \\\"09520011001014\\\", lot: \\\"LC2601R\\\") "
            + "{ producers { pseudonym registeredPoor identity { name phone } } } }";

    private DemoQueries() {}

    /** A token of each role, signed with the demo's token key, and how to use one; the association's token. */
    static String printTokens(URI graphQl, ECPrivateKey key, Path keyFolder, PrintWriter out) {
        out.printf("Bearer tokens (24 hours; more with './terroir tokens issue --role ROLE', key in %s):%n", keyFolder);
        String carrier = null;
        String association = null;
        for (DemoCaller caller : CALLERS) {
            String token = Tokens.mint(key, new Tokens.Request("demo-" + caller.role().name().toLowerCase(Locale.ROOT),
                    caller.role(), Optional.ofNullable(caller.party()), Tokens.DEFAULT_ISSUER, Tokens.DEFAULT_AUDIENCE,
                    Instant.now(), Duration.ofHours(24)));
            out.printf("%n# %s%n%s%n", caller.what(), token);
            if (caller.role() == Role.LOGISTICS) {
                carrier = token;
            } else if (caller.role() == Role.ASSOCIATION) {
                association = token;
            }
        }
        out.printf("%nThe households behind a Liancheng raw lot, personal data refused without a token (try each):%n"
                + "curl -s %s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\%n"
                + "  -d '{\"query\": \"%s\"}'%n%n", graphQl, HOUSEHOLDS);
        printCapture(graphQl.resolve("/events"), carrier, out);
        printQuery(graphQl.resolve(QUERY), association, out);
        return association;
    }

    /** The demo's subscription: what the receiver is sent, and the curl that made it. */
    static void printSubscription(URI graphQl, String associationToken, DemoReceiver receiver, PrintWriter out) {
        out.printf("A webhook subscription of the Liancheng association (EPCIS 2.0, docs/capture.md, \"Subscriptions\"): a small%n"
                + "receiver on %s is sent the shipments of lot LC2601 as they are captured, signed; run the%n"
                + "capture above and its report shows here a moment later (\"Receiver: ...\"). Made as this curl makes it:%n",
                receiver.dest());
        out.printf("curl -si %s -H \"Authorization: Bearer %s\" -H 'Content-Type: application/json' \\%n  -d '%s'%n%n",
                graphQl.resolve("/queries/" + DemoReceiver.QUERY_NAME + "/subscriptions"), associationToken, receiver.subscription());
    }

    /** The EPCIS query the demo prints: the events of lot LC2601, two a page. */
    static final String QUERY = "/events?MATCH_anyEPCClass=urn:epc:class:lgtin:9520011.000102.LC2601&perPage=2";

    private static void printQuery(URI query, String associationToken, PrintWriter out) {
        out.println("Read the events of lot LC2601 as the Liancheng association (EPCIS 2.0 query, JSON-LD, two a page;");
        out.println("the Link header leads to the next page; docs/capture.md, \"Query\"):");
        out.printf("curl -si '%s' -H \"Authorization: Bearer %s\"%n%n", query, associationToken);
    }

    /**
     * A shipping event the demo carrier may capture (at its own hub): part of lot LC2601 leaving the
     * Longyan hub for the Nanshan pick-up point, now, with an id of its own, as a curl to {@code POST /events}.
     */
    static String captureExample() {
        String now = eventTime(OffsetDateTime.now(ZoneOffset.ofHours(8)));
        return ("{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"], \"type\": \"ObjectEvent\", "
                + "\"eventID\": \"urn:uuid:%s\", \"eventTime\": \"%s\", \"eventTimeZoneOffset\": \"+08:00\", \"action\": \"OBSERVE\", "
                + "\"bizStep\": \"shipping\", \"disposition\": \"in_transit\", \"readPoint\": {\"id\": \"urn:epc:id:sgln:9520099.10001.0\"}, "
                + "\"quantityList\": [{\"epcClass\": \"urn:epc:class:lgtin:9520011.000102.LC2601\", \"quantity\": 20, \"uom\": \"KGM\"}], "
                + "\"sourceList\": [{\"type\": \"location\", \"source\": \"urn:epc:id:sgln:9520099.10001.0\"}, "
                + "{\"type\": \"possessing_party\", \"source\": \"urn:epc:id:pgln:9520099.00001\"}], "
                + "\"destinationList\": [{\"type\": \"location\", \"destination\": \"urn:epc:id:sgln:9520095.10003.0\"}]}")
                .formatted(UUID.randomUUID(), now);
    }

    /** An EPCIS event time, to the second, with its seconds always: {@code toString()} leaves {@code :00} out, which EPCIS refuses. */
    static String eventTime(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void printCapture(URI events, String carrierToken, PrintWriter out) {
        out.println("Capture an event as the carrier (China Post EMS, demo, at its Longyan hub): 20 kg of lot LC2601 leave");
        out.println("for the Nanshan pick-up point; 201 and the event's place, 409 the second time (docs/capture.md):");
        out.printf("curl -si %s -H \"Authorization: Bearer %s\" -H 'Content-Type: application/ld+json' \\%n  -d '%s'%n%n",
                events, carrierToken, captureExample());
    }

    /** The queries, for GraphiQL and for curl. */
    static List<String> queries(List<String> labels) {
        List<String> queries = new ArrayList<>();
        queries.add(TRACE);
        String link = labels.isEmpty() ? "https://" + DemoPki.HOST + "/01/09520011001021/21/LC2601-0001" : labels.getFirst();
        queries.add("""
                {
                  traceLink(uri: "%s") {
                    ... on ItemTrace { serial batch { key product { nameEn } } journey { to { nameEn } arrived } }
                  }
                }""".formatted(link));
        queries.add("""
                {
                  traceItem(gtin: "09520021001028", serial: "ZJ2601-0001") {
                    key batch { lot brand { nameEn } inputs { key producers { pseudonym } } journey { to { kind nameEn } } }
                  }
                }""");
        return queries;
    }

    static void print(URI graphQl, List<String> labels, PrintWriter out) {
        List<String> queries = queries(labels);
        URI graphiql = graphQl.resolve("/graphiql");
        out.printf("%nThree example queries: paste one into GraphiQL (%s) and press the run button,%n", graphiql);
        out.println("or POST it to the API with curl as shown under the first.");
        for (int i = 0; i < queries.size(); i++) {
            out.printf("%n# %d%n%s%n", i + 1, queries.get(i));
        }
        out.printf("%ncurl -s %s -H 'Content-Type: application/json' \\%n  -d '{\"query\": \"{ trace(gtin: \\\"09520011001021\\\", lot: \\\"LC2601\\\") { product { nameEn } journey { to { nameEn } } } }\"}'%n%n",
                graphQl);
    }

    /**
     * The scan links of the first demo labels on the served API (the signature covers the label's
     * values, not its host), one of them altered, and where their PDF sheet is.
     */
    static void printScanLinks(URI graphQl, List<String> labels, java.util.Optional<java.nio.file.Path> sheet, PrintWriter out) {
        if (labels.isEmpty()) {
            return;
        }
        String base = graphQl.resolve("/").toString().replaceAll("/$", "");
        List<String> links = labels.stream().limit(2).map(label -> label.replaceFirst("^https?://[^/]+", base)).toList();
        out.println("Scan a label: open one of these in a browser, as a phone camera opens its QR code (the provenance");
        out.println("page, in English or Chinese as the browser prefers; ?linkType=linkset for the GS1 linkset):");
        links.forEach(link -> out.println("  " + link));
        String first = links.getFirst();
        String altered = first.replaceFirst("0001\\?", "0007?");
        if (!altered.equals(first)) {
            out.println("The same label with one character of its serial changed: \"not genuine: tampered\":");
            out.println("  " + altered);
        }
        sheet.ifPresent(pdf -> out.println("Their print-ready sheet (QR codes of https://" + DemoPki.HOST + "/…): " + pdf));
        out.println();
    }
}
