package org.terroir.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.terroir.labels.CertificateIssuer;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.LabelSigner;
import org.terroir.labels.SignatureAlgorithm;
import org.terroir.labels.SigningKey;
import org.terroir.labels.TrustList;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;

/**
 * What the benchmark asks about, sampled from the store before the server opens it, in a work
 * folder: packed lots (for {@code trace}), raw lots (for {@code recall}), and serialised units with
 * signed labels (for the scan page), and the label PKI the server is started with so that those
 * labels verify: a regulator root, one brand certificate bound to the sampled units' company
 * prefixes, one signer. The keys are made fresh and stay in the work folder, which the benchmark
 * deletes.
 */
final class BenchSample {

    record Lot(String gtin, String lot, String key) {}

    /** A serialised unit and its signed Digital Link (under the label's own host, replaced by the server's). */
    record Unit(String gtin, String lot, String serial, String label) {}

    /** A random sample of packed lots (batches made from others), spread over the whole graph. */
    private static final String PACKED = """
            MATCH (b:Batch)-[:MADE_FROM]->(:Batch)
            WITH DISTINCT b WHERE rand() < $share
            RETURN b.gtin AS gtin, b.lot AS lot, b.key AS key LIMIT $n""";

    /** A random sample of raw lots (batches others were made from). */
    private static final String RAW = """
            MATCH (b:Batch)<-[:MADE_FROM]-(:Batch)
            WITH DISTINCT b WHERE rand() < $share
            RETURN b.gtin AS gtin, b.lot AS lot, b.key AS key LIMIT $n""";

    /** A random sample of serialised units with their lots. */
    private static final String UNITS = """
            MATCH (i:Item)-[:OF_BATCH]->(b:Batch)
            WHERE rand() < $share
            RETURN i.gtin AS gtin, b.lot AS lot, i.serial AS serial LIMIT $n""";

    static final int SIZE = 5_000;
    private static final String LABEL_BASE = "https://id.terroir.example";
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    /** A signed label carries a date (AI 11); the generated data starts on 1 January 2025. */
    private static final String PRODUCED = "250101";

    private final Path folder;

    BenchSample(Path folder) {
        this.folder = folder;
    }

    Path trustList() {
        return folder.resolve("trust-list.pem");
    }

    Path roots() {
        return folder.resolve("roots.pem");
    }

    /** Samples the graph, signs the units' labels, writes the files. */
    void write(Driver driver) throws IOException {
        long batches = driver.executableQuery("MATCH (b:Batch) RETURN count(b) AS n").execute().records().getFirst().get("n").asLong();
        long items = driver.executableQuery("MATCH (i:Item) RETURN count(i) AS n").execute().records().getFirst().get("n").asLong();
        List<Lot> packed = sample(driver, PACKED, batches, BenchSample::lot);
        List<Lot> raw = sample(driver, RAW, batches, BenchSample::lot);
        List<Record> units = sample(driver, UNITS, items, r -> r);

        SigningKey rootKey = SigningKey.generate(SignatureAlgorithm.ED25519);
        Instant until = Instant.now().plus(Duration.ofDays(365));
        LabelCertificate root = CertificateIssuer.regulatorRoot(rootKey, "Benchmark Regulator (not a real authority)", START, until);
        TreeSet<String> prefixes = new TreeSet<>();
        // The generated data's company prefixes have 7 digits (952 and the county).
        units.forEach(u -> prefixes.add(u.get("gtin").asString().substring(1, 8)));
        SigningKey brandKey = SigningKey.generate(SignatureAlgorithm.ED25519);
        LabelCertificate brand = new CertificateIssuer(root, rootKey).issueBrand(brandKey.verificationKey(),
                "Benchmark Brand Association", List.copyOf(prefixes), START, until);
        SigningKey signerKey = SigningKey.generate(SignatureAlgorithm.ED25519);
        LabelCertificate signer = new CertificateIssuer(brand, brandKey).issueSigner(signerKey.verificationKey(),
                "Benchmark Label Printer", START, until);
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        Files.writeString(roots(), root.toPem(), StandardCharsets.US_ASCII);
        Files.writeString(trustList(), TrustList.signPem(root, rootKey, BigInteger.ONE, issued, until, List.of(brand, signer), List.of()),
                StandardCharsets.US_ASCII);
        LabelSigner labels = new LabelSigner(signerKey);
        List<Unit> signed = units.stream().map(u -> {
            String gtin = u.get("gtin").asString();
            String lot = u.get("lot").asString();
            String serial = u.get("serial").asString();
            String label = labels.sign(DigitalLink.of(LABEL_BASE, Gtin.of(gtin), LotNumber.of(lot), SerialNumber.of(serial))
                    .withProductionDate(PRODUCED)).toUri();
            return new Unit(gtin, lot, serial, label);
        }).toList();

        writeLines("packed.tsv", packed.stream().map(l -> String.join("\t", l.gtin(), l.lot(), l.key())).toList());
        writeLines("raw.tsv", raw.stream().map(l -> String.join("\t", l.gtin(), l.lot(), l.key())).toList());
        writeLines("units.tsv", signed.stream().map(u -> String.join("\t", u.gtin(), u.lot(), u.serial(), u.label())).toList());
        Files.writeString(folder.resolve("batches"), Long.toString(batches));
        System.out.printf("Sampled %,d packed lots, %,d raw lots and %,d units of %,d batches; labels signed under %d company prefixes%n",
                packed.size(), raw.size(), signed.size(), batches, prefixes.size());
    }

    long batches() throws IOException {
        return Long.parseLong(Files.readString(folder.resolve("batches")).strip());
    }

    List<Lot> packed() throws IOException {
        return read("packed.tsv", f -> new Lot(f[0], f[1], f[2]));
    }

    List<Lot> raw() throws IOException {
        return read("raw.tsv", f -> new Lot(f[0], f[1], f[2]));
    }

    List<Unit> units() throws IOException {
        return read("units.tsv", f -> new Unit(f[0], f[1], f[2], f[3]));
    }

    private static Lot lot(Record r) {
        return new Lot(r.get("gtin").asString(), r.get("lot").asString(), r.get("key").asString());
    }

    private static <T> List<T> sample(Driver driver, String query, long population, Function<Record, T> row) {
        double share = Math.min(1.0, 4.0 * SIZE / Math.max(1, population));
        return driver.executableQuery(query).withParameters(Map.of("share", share, "n", SIZE)).execute().records().stream()
                .map(row).toList();
    }

    private void writeLines(String name, List<String> lines) throws IOException {
        Files.write(folder.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private <T> List<T> read(String name, Function<String[], T> row) throws IOException {
        return Files.readAllLines(folder.resolve(name), StandardCharsets.UTF_8).stream().map(line -> row.apply(line.split("\t"))).toList();
    }
}
