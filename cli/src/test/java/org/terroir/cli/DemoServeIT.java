package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.terroir.testsupport.PhoneBrowser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code terroir demo} and {@code terroir serve} as a user runs them: the program in its own JVM,
 * its printed example queries sent to the API it serves, stopped by a signal like Ctrl+C or kill.
 */
class DemoServeIT {

    private static final Pattern ENDPOINT = Pattern.compile("GraphQL API: (http://localhost:\\d+/graphql)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The errors in the embedded Neo4j's debug.log, each with the causes of its stack trace, for a failure message. */
    private static String neo4jErrors(Path dataDir) {
        try (var lines = java.nio.file.Files.lines(dataDir.resolve("neo4j").resolve("logs").resolve("debug.log"))) {
            return lines.filter(l -> l.contains("\"level\":\"ERROR\"") || l.contains("Exception occurred while starting"))
                    .map(l -> l.replaceAll("\\\\n\\\\tat [^\\\\]*", "").replaceAll("\\\\n\\\\t\\.\\.\\. \\d+ more", ""))
                    .map(l -> l.length() > 3000 ? l.substring(0, 3000) + "…" : l)
                    .reduce("", (a, b) -> a + b + "\n");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no debug.log: " + e.getMessage() + ")";
        }
    }

    private static URI endpoint(List<String> lines) {
        for (String line : lines) {
            Matcher matcher = ENDPOINT.matcher(line);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
        }
        throw new AssertionError("no GraphQL API line in " + lines);
    }

    /** The example queries as printed: the lines after "# N" up to an empty line. */
    private static List<String> exampleQueries(List<String> lines) {
        List<String> queries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            if (line.matches("# \\d+")) {
                current = new StringBuilder();
            } else if (current != null && line.isBlank()) {
                queries.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return queries;
    }

    /** The page a browser preferring English gets for a scan link. */
    private static String page(String link) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(link)).header("Accept", "text/html")
                .header("Accept-Language", "en").timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(link).isEqualTo(200);
        return response.body();
    }

    private static JsonNode post(URI endpoint, String query) throws IOException, InterruptedException {
        return post(endpoint, query, null);
    }

    private static JsonNode post(URI endpoint, String query, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The token printed on the line after the one starting with {@code # <who>}. */
    private static String printedToken(List<String> lines, String who) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("# " + who)) {
                return lines.get(i + 1).strip();
            }
        }
        throw new AssertionError("no token printed for " + who + " in " + lines);
    }

    private static final String HOUSEHOLDS =
            "{ trace(gtin: \"09520011001014\", lot: \"LC2601R\") { producers { registeredPoor identity { name } } } }";

    @Test
    void demoServesTheApiItsExampleQueriesAnswerAndServeReadsTheSameStoreAfterwards(@TempDir Path dataDir) throws Exception {
        // As on a fresh machine with no font installed: the font search path is empty.
        TerroirProcess demo = TerroirProcess.start(Map.of(org.terroir.labels.render.FontFolders.VARIABLE, ""),
                "demo", "--data-dir", dataDir.toString(), "--bolt-port", "0", "--port", "0", "--demo-data", "../demo");
        List<String> printed = demo.until("Stop with Ctrl+C");
        URI endpoint = endpoint(printed);
        assertThat(printed).anyMatch(line -> line.contains("Demo label PKI: " + dataDir.resolve("demo-pki")))
                .anyMatch(line -> line.contains("/graphiql"));

        List<String> queries = exampleQueries(printed);
        assertThat(queries).hasSize(3);
        for (String query : queries) {
            JsonNode answer = post(endpoint, query);
            assertThat(answer.has("errors")).as(query + " → " + answer).isFalse();
            JsonNode data = answer.get("data");
            assertThat(data.properties()).as(query).singleElement()
                    .satisfies(field -> assertThat(field.getValue().isNull()).as(query + " → " + answer).isFalse());
        }
        JsonNode trace = post(endpoint, queries.getFirst()).get("data").get("trace");
        assertThat(trace.get("journey").findValuesAsString("nameEn")).contains("Beituan Town e-commerce station");
        assertThat(trace.get("inputs").get(0).get("producers")).hasSize(4);

        // The store's Bolt port asks for a login: a Neo4j client without the store's password is refused,
        // and terroir's own commands read it from the data folder.
        String bolt = printed.stream().filter(line -> line.startsWith("Bolt (")).findFirst().orElseThrow()
                .replaceAll(".*(bolt://localhost:[0-9]+).*", "$1");
        for (AuthToken intruder : List.of(AuthTokens.none(), AuthTokens.basic("neo4j", "neo4j"))) {
            try (Driver driver = GraphDatabase.driver(bolt, intruder)) {
                assertThatThrownBy(driver::verifyConnectivity).as(bolt + " with " + intruder)
                        .isInstanceOf(AuthenticationException.class);
            }
        }
        TerroirTest.Run stats = TerroirTest.run("stats", "--data-dir", dataDir.toString());
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("\"Batch\"");

        // The printed label is signed by the demo PKI and verifies against its trust list.
        String label = queries.get(1).replaceAll("(?s).*uri: \"([^\"]+)\".*", "$1");
        TerroirTest.Run verify = TerroirTest.run("verify", "--trust-list", dataDir.resolve("demo-pki/trust-list.pem").toString(),
                "--root", dataDir.resolve("demo-pki/root/root.cert.pem").toString(), label);
        assertThat(verify.out()).as(verify.err()).startsWith("genuine");
        // ...and the API says so too, with the demo's trust list.
        JsonNode verdict = post(endpoint, "{ verifyLabel(uri: \"" + label + "\") { genuine signer } }");
        assertThat(verdict.get("data").get("verifyLabel").get("genuine").asBoolean()).as(verdict.toString()).isTrue();
        JsonNode altered = post(endpoint, "{ verifyLabel(uri: \"" + label.replace("LC2601-0001", "LC2601-0002") + "\") { problem } }");
        assertThat(altered.get("data").get("verifyLabel").get("problem").asString()).as(altered.toString()).isEqualTo("TAMPERED");
        assertThat(dataDir.resolve("demo-pki/root/root.key.pem")).satisfies(key -> assertThat(
                java.nio.file.Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));

        // The printed scan links open the provenance page: genuine, and the altered one not genuine; the sheet is a PDF.
        List<String> scanLinks = printed.stream().map(String::strip)
                .filter(line -> line.startsWith("http") && line.contains("/01/09520011001021/")).toList();
        assertThat(scanLinks).hasSize(3);
        assertThat(page(scanLinks.getFirst())).contains("Genuine", "Liancheng County", "Pudong pick-up point");
        assertThat(page(scanLinks.getLast())).contains("Not genuine: tampered").doesNotContain("Pudong");
        // The same links in a phone's headless Chromium, where one is installed (CI installs it).
        Optional<String> noBrowser = PhoneBrowser.missing();
        if (noBrowser.isEmpty()) {
            try (PhoneBrowser browser = PhoneBrowser.start(Path.of("target", "screenshots"))) {
                String genuine = browser.open(scanLinks.getFirst(), "demo-genuine.png");
                assertThat(browser.textOf("verdict")).startsWith("✓ Genuine");
                assertThat(genuine).contains("Liancheng Dried Sweet Potato", "Liancheng County", "Beituan Town e-commerce station",
                        "Pudong pick-up point");
                browser.open(scanLinks.getLast(), "demo-tampered.png");
                assertThat(browser.textOf("verdict")).contains("Not genuine: tampered");
            }
        } else {
            System.out.println("DemoServeIT: the printed scan links were not opened in a browser: " + noBrowser.get());
        }
        Path sheet = Path.of(printed.stream().filter(line -> line.startsWith("Their print-ready sheet")).findFirst().orElseThrow()
                .replaceFirst(".*: ", "").strip());
        assertThat(java.nio.file.Files.readAllBytes(sheet)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(sheet.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).as("printed with the bundled fonts")
                    .contains("连城地瓜干 500克", "扫码验真 Scan to verify", "序列号 S/N LC2601-0001");
        }
        assertThat(printed).noneMatch(line -> line.contains("not made") || line.contains("not all made"));

        // The printed tokens: the regulator's reads the households' personal data, no token gets FORBIDDEN.
        JsonNode asRegulator = post(endpoint, HOUSEHOLDS, printedToken(printed, "a regulator"));
        assertThat(asRegulator.has("errors")).as(asRegulator.toString()).isFalse();
        assertThat(asRegulator.get("data").get("trace").get("producers").findValuesAsString("name")).contains("罗秀英");
        Path audit = dataDir.resolve("audit.log");
        for (int i = 0; i < 100 && !(java.nio.file.Files.exists(audit)
                && java.nio.file.Files.readString(audit).contains("\"action\":\"identity.read\"")); i++) {
            Thread.sleep(100);
        }
        assertThat(java.nio.file.Files.readString(audit)).as("the audit trail under the data folder")
                .contains("\"action\":\"identity.read\"", "\"role\":\"regulator\"").doesNotContain("罗秀英");
        JsonNode asPublic = post(endpoint, HOUSEHOLDS);
        assertThat(asPublic.get("errors").findValuesAsString("classification")).hasSize(8).containsOnly("FORBIDDEN");
        assertThat(asPublic.toString()).doesNotContain("罗秀英");
        JsonNode asCarrier = post(endpoint, HOUSEHOLDS, printedToken(printed, "China Post EMS"));
        assertThat(asCarrier.get("errors").findValuesAsString("classification")).containsOnly("FORBIDDEN");

        // The printed capture, as its curl sends it: the carrier's shipping event, 201; again, 409; then in the lot's events.
        int curl = java.util.stream.IntStream.range(0, printed.size())
                .filter(i -> printed.get(i).startsWith("curl -si ") && printed.get(i).contains("/events")).findFirst().orElseThrow();
        String carrierToken = printed.get(curl).replaceFirst(".*Bearer ([^\"]+)\".*", "$1");
        String event = printed.get(curl + 1).strip().replaceFirst("^-d '", "").replaceFirst("'$", "");
        URI events = URI.create(printed.get(curl).split(" ")[2]);
        for (int expected : new int[] {201, 409}) {
            HttpResponse<String> captured = HTTP.send(HttpRequest.newBuilder(events).header("Authorization", "Bearer " + carrierToken)
                    .header("Content-Type", "application/ld+json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(captured.statusCode()).as(captured.body()).isEqualTo(expected);
        }
        // The demo's receiver, subscribed as the Liancheng association to the lot's shipments, is sent it, signed.
        assertThat(printed).anyMatch(line -> line.startsWith("curl -si ") && line.contains("/queries/demo-lc2601-shipping/subscriptions"));
        List<String> received = demo.until(JSON.readTree(event).get("eventID").asString());
        assertThat(String.join("\n", received)).contains("Receiver: a report of query demo-lc2601-shipping, signature verified, 1 event(s)");
        JsonNode shipped = post(endpoint, "{ events(identifier: \"urn:epc:class:lgtin:9520011.000102.LC2601\", "
                + "bizStep: \"urn:epcglobal:cbv:bizstep:shipping\", first: 50) { nodes { eventId } } }", printedToken(printed, "a regulator"));
        assertThat(shipped.findValuesAsString("eventId")).as(shipped.toString())
                .contains(JSON.readTree(event).get("eventID").asString());
        // The printed EPCIS query, as its curl sends it, with the association's token: the lot's events page by page, the captured one among them.
        String queryLine = printed.stream().filter(line -> line.startsWith("curl -si '") && line.contains("/events?")).findFirst()
                .orElseThrow();
        String associationQueryToken = queryLine.replaceFirst(".*Bearer ([^\"]+)\".*", "$1");
        List<String> lotEvents = new java.util.ArrayList<>();
        for (String next = queryLine.split("'")[1]; next != null; ) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Bearer "
                    + associationQueryToken).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JSON.readTree(page.body()).at("/epcisBody/queryResults/resultsBody/eventList")
                    .forEach(e -> lotEvents.add(e.get("eventID").asString()));
            next = page.headers().firstValue("Link").map(link -> link.substring(1, link.indexOf('>'))).orElse(null);
        }
        assertThat(lotEvents).hasSizeGreaterThan(2).doesNotHaveDuplicates().contains(JSON.readTree(event).get("eventID").asString());
        // The lot's trace now holds the captured hop; serve must read it back from the store below.
        JsonNode traced = post(endpoint, queries.getFirst()).get("data").get("trace");
        assertThat(traced.toString()).contains("Nanshan pick-up point");
        trace = traced;

        assertThat(demo.stop()).as("exit code after SIGTERM").isIn(0, 143);

        // 'tokens issue' signs with the key the demo made under the data folder.
        TerroirTest.Run issued = TerroirTest.run("tokens", "issue", "--role", "association", "--association", "9520011000017",
                "--data-dir", dataDir.toString());
        assertThat(issued.exitCode()).as(issued.err()).isZero();
        String associationToken = issued.out().strip();

        // The embedded store persisted: serve (no demo) answers the same trace from it.
        TerroirProcess serve = TerroirProcess.start("serve", "--data-dir", dataDir.toString(), "--bolt-port", "0", "--port", "0");
        URI served = endpoint(serve.until("Stop with Ctrl+C"));
        assertThat(post(served, queries.getFirst()).get("data").get("trace")).isEqualTo(trace);
        assertThat(post(served, "{ verifyLabel(uri: \"" + label + "\") { genuine } }").get("data").get("verifyLabel")
                .get("genuine").asBoolean()).as("serve verifies with the demo's trust list").isTrue();
        JsonNode asAssociation = post(served, HOUSEHOLDS, associationToken);
        assertThat(asAssociation.has("errors")).as(asAssociation.toString()).isFalse();
        assertThat(asAssociation.get("data").get("trace").get("producers").findValuesAsString("name")).hasSize(4);
        assertThat(serve.stop()).isIn(0, 143);
    }

    @Test
    void aServedStoreWhoseDiskFillsGoesNotLiveStatsSaysWhyAndARestartAfterSpaceIsFreedServesEveryAcknowledgedWrite(@TempDir Path temp) throws Exception {
        Path volume = java.nio.file.Files.createDirectories(temp.resolve("volume"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=512m", "tmpfs", volume.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "needs to mount a 512 MB tmpfs (run as root, as CI does): " + said);
        TerroirProcess serve = null;
        Path ballast = volume.resolve("ballast");
        try {
            Path dataDir = volume.resolve("data");
            serve = TerroirProcess.start("serve", "--data-dir", dataDir.toString(), "--bolt-port", "0", "--port", "0");
            URI endpoint = endpoint(serve.until("Stop with Ctrl+C"));
            URI liveness = endpoint.resolve("/actuator/health/liveness");
            assertThat(HTTP.send(HttpRequest.newBuilder(liveness).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            // Another process writes through the store's Bolt port, with its login, until the disk is full.
            java.util.Properties login = new java.util.Properties();
            try (var reader = java.nio.file.Files.newBufferedReader(dataDir.resolve("bolt.credentials"))) {
                login.load(reader);
            }
            String bolt = "bolt://localhost:" + java.nio.file.Files.readString(dataDir.resolve("bolt.port")).strip().split(" ")[0];
            long free = java.nio.file.Files.getFileStore(volume).getUsableSpace() - (20L << 20);
            try (var out = java.nio.file.Files.newOutputStream(ballast)) {
                byte[] block = new byte[1 << 20];
                for (long written = 0; written + block.length <= free; written += block.length) {
                    out.write(block);
                }
            }
            var auth = AuthTokens.basic(login.getProperty("user"), login.getProperty("password"));
            int acknowledged = 0;
            try (Driver driver = GraphDatabase.driver(bolt, auth)) {
                org.neo4j.driver.exceptions.Neo4jException full = null;
                for (int batch = 0; batch < 10_000 && full == null; batch++) {
                    try {
                        driver.executableQuery("UNWIND range(1, 2000) AS x CREATE (:Filler {text: $text})")
                                .withParameters(Map.of("text", "x".repeat(100))).execute();
                        acknowledged++;
                    } catch (org.neo4j.driver.exceptions.Neo4jException e) {
                        full = e;
                    }
                }
                assertThat(full).as("the disk filled up").isNotNull();
            }
            // The server's liveness goes DOWN (a supervisor restarts it); another command says what happened.
            HttpResponse<String> down = null;
            for (int i = 0; i < 100 && (down == null || down.statusCode() == 200); i++) {
                Thread.sleep(100);
                down = HTTP.send(HttpRequest.newBuilder(liveness).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("DOWN");
            TerroirTest.Run stats = TerroirTest.run("stats", "--data-dir", dataDir.toString());
            assertThat(stats.exitCode()).isNotZero();
            assertThat(stats.err()).contains("stopped after a critical error", "free space, then restart that process")
                    .doesNotContain("does not answer");
            // It stops although the disk is still full, and a restart before space is freed is refused saying so.
            assertThat(serve.stop()).isIn(0, 143);
            TerroirTest.Run tooFull = TerroirTest.run("stats", "--data-dir", dataDir.toString());
            assertThat(tooFull.exitCode()).isNotZero();
            assertThat(tooFull.err()).contains("free; the store needs", "Free space, then start again");

            // Space freed, the supervisor's restart serves again, with every write acknowledged before the disk filled.
            java.nio.file.Files.delete(ballast);
            serve = TerroirProcess.start("serve", "--data-dir", dataDir.toString(), "--bolt-port", "0", "--port", "0");
            List<String> started;
            try {
                started = serve.until("Stop with Ctrl+C");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nNeo4j's debug.log says:\n" + neo4jErrors(dataDir), e);
            }
            assertThat(String.join("\n", started)).contains("started again after the critical error of");
            liveness = endpoint(started).resolve("/actuator/health/liveness");
            assertThat(HTTP.send(HttpRequest.newBuilder(liveness).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            bolt = "bolt://localhost:" + java.nio.file.Files.readString(dataDir.resolve("bolt.port")).strip().split(" ")[0];
            try (Driver driver = GraphDatabase.driver(bolt, auth)) {
                assertThat(driver.executableQuery("MATCH (n:Filler) RETURN count(n) AS n").execute().records().getFirst()
                        .get("n").asLong()).isEqualTo(acknowledged * 2000L);
            }
            assertThat(serve.stop()).isIn(0, 143);
        } finally {
            if (serve != null && serve.process().isAlive()) {
                java.nio.file.Files.deleteIfExists(ballast);
                serve.process().destroyForcibly();
            }
            new ProcessBuilder("umount", "-l", volume.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
