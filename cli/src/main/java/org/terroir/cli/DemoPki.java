package org.terroir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.terroir.importer.masterdata.MasterData;
import org.terroir.importer.masterdata.MasterDataKind;

/**
 * The demo's label PKI under {@code <data-dir>/demo-pki}, made with the same {@code terroir keys},
 * {@code trust-list} and {@code labels} commands a newcomer would type: a regulator root, for each
 * brand association of the demo data a brand certificate bound to its products' GS1 company
 * prefixes and a signer, a trust list of them all (signed again at every start, so that it is never
 * stale), and signed labels for the demo's first serialised items. Private keys are written with
 * owner-only permissions and live only under the data folder, never in the repository.
 */
final class DemoPki {

    /** Demo labels: GTIN, lot, serial range, production date; issued when the demo data has the product. */
    private record ExampleLabels(String gtin, String lot, String serials, String date) {}

    private static final ExampleLabels EXAMPLE = new ExampleLabels("09520011001021", "LC2601", "LC2601-0001..LC2601-0005", "2026-01-07");

    /** The demo data's GS1 company prefixes have 7 digits (its EPC URNs say so: {@code sgtin:9520011.000102.…}). */
    private static final int COMPANY_PREFIX_DIGITS = 7;

    /** Certificates are valid from here so that labels dated in the demo's past verify... */
    private static final String NOT_BEFORE = "2020-01-01";

    /** ...until here (the root's default is 20 years). */
    private static final String NOT_AFTER = "2035-12-31";

    static final String HOST = "id.terroir.example";

    /** The demo labels' PDF sheet, under {@code demo-pki/sheet/}. */
    static final String SHEET = "demo-labels.pdf";

    private final Path folder;
    private final List<String> labels;

    private DemoPki(Path folder, List<String> labels) {
        this.folder = folder;
        this.labels = labels;
    }

    Path folder() {
        return folder;
    }

    Path trustList() {
        return folder.resolve("trust-list.pem");
    }

    /** The demo labels' print-ready PDF sheet, when the demo made one. */
    Optional<Path> sheet() {
        Path sheet = folder.resolve("sheet").resolve(SHEET);
        return Files.isRegularFile(sheet) ? Optional.of(sheet) : Optional.empty();
    }

    /** The signed Digital Links of the demo labels (empty when the demo data lacks their product). */
    List<String> labels() {
        return labels;
    }

    /**
     * The API properties of the trust list and root of a demo PKI under {@code dataDir}, if the demo
     * made one there: {@code serve} then verifies labels as the demo does.
     */
    static java.util.Map<String, Object> apiProperties(Path dataDir) {
        Path folder = dataDir.resolve("demo-pki");
        Path list = folder.resolve("trust-list.pem");
        Path root = folder.resolve("root").resolve("root.cert.pem");
        if (!Files.isRegularFile(list) || !Files.isRegularFile(root)) {
            return java.util.Map.of();
        }
        return java.util.Map.of("terroir.trust-list", list.toAbsolutePath().toString(),
                "terroir.trust-roots", root.toAbsolutePath().toString());
    }

    /** The PKI in {@code <dataDir>/demo-pki}, made on first use, with a trust list signed now. */
    static DemoPki ensure(Path dataDir, MasterData masterData) throws IOException {
        Path folder = dataDir.resolve("demo-pki");
        Path root = folder.resolve("root");
        if (!Files.exists(root.resolve("root.cert.pem"))) {
            create(folder, masterData);
        }
        List<Path> certificates = new ArrayList<>();
        try (var list = Files.list(folder)) {
            for (Path association : list.filter(Files::isDirectory).sorted().toList()) {
                for (String role : new String[] {"brand", "signer"}) {
                    Path certificate = association.resolve(role + ".cert.pem");
                    if (Files.exists(certificate)) {
                        certificates.add(certificate);
                    }
                }
            }
        }
        Path fresh = folder.resolve("trust-list.pem.new");
        Files.deleteIfExists(fresh);
        List<String> args = new ArrayList<>(List.of("trust-list", "create", "--root-key", root.resolve("root.key.pem").toString(),
                "--root-cert", root.resolve("root.cert.pem").toString(), "--out", fresh.toString(), "--cert"));
        certificates.forEach(c -> args.add(c.toString()));
        run(args);
        Files.move(fresh, folder.resolve("trust-list.pem"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path uris = folder.resolve("labels").resolve(org.terroir.labels.cli.LabelsCommand.URIS);
        return new DemoPki(folder, Files.exists(uris) ? Files.readAllLines(uris) : List.of());
    }

    private static void create(Path folder, MasterData masterData) throws IOException {
        Path root = Files.createDirectories(folder.resolve("root"));
        run(List.of("keys", "create-root", "--name", "Demo Regulator (not a real authority)", "--not-before", NOT_BEFORE,
                "--out", root.toString()));
        Map<String, String> productAssociation = new LinkedHashMap<>();
        for (Map.Entry<String, Association> entry : associations(masterData).entrySet()) {
            Association association = entry.getValue();
            Path dir = folder.resolve("association-" + entry.getKey());
            run(List.of("keys", "issue-brand", "--issuer-key", root.resolve("root.key.pem").toString(),
                    "--issuer-cert", root.resolve("root.cert.pem").toString(), "--name", association.name(),
                    "--gs1-prefix", String.join(",", association.prefixes()), "--not-before", NOT_BEFORE, "--not-after", NOT_AFTER, "--out", dir.toString()));
            run(List.of("keys", "issue-signer", "--issuer-key", dir.resolve("brand.key.pem").toString(),
                    "--issuer-cert", dir.resolve("brand.cert.pem").toString(), "--name", association.name() + " label printer",
                    "--not-before", NOT_BEFORE, "--not-after", NOT_AFTER, "--out", dir.toString()));
            association.gtins().forEach(gtin -> productAssociation.put(gtin, dir.toString()));
        }
        // The labels as images with their URIs, and as a print-ready PDF sheet.
        for (Path out : List.of(folder.resolve("labels"), folder.resolve("sheet").resolve(SHEET))) {
            Optional.ofNullable(productAssociation.get(EXAMPLE.gtin())).ifPresent(dir -> run(List.of("labels", "issue",
                    "--gtin", EXAMPLE.gtin(), "--lot", EXAMPLE.lot(), "--serials", EXAMPLE.serials(), "--date", EXAMPLE.date(),
                    "--key", dir + "/signer.key.pem", "--cert", dir + "/signer.cert.pem", "--host", HOST,
                    "--out", out.toString())));
        }
    }

    private record Association(String name, TreeSet<String> prefixes, List<String> gtins) {}

    /** The demo's associations that own brands, by GLN, with their products' company prefixes. */
    private static Map<String, Association> associations(MasterData data) {
        Map<String, String> names = new LinkedHashMap<>();
        data.rows(MasterDataKind.PARTIES).forEach(row -> names.put((String) row.get("gln"), (String) row.get("nameEn")));
        Map<String, String> brandOwner = new LinkedHashMap<>();
        data.rows(MasterDataKind.BRANDS).forEach(row -> brandOwner.put((String) row.get("id"), (String) row.get("ownerGln")));
        Map<String, Association> associations = new TreeMap<>();
        for (Map<String, Object> product : data.rows(MasterDataKind.PRODUCTS)) {
            String gln = brandOwner.get((String) product.get("brandId"));
            String gtin = (String) product.get("gtin");
            Association association = associations.computeIfAbsent(gln,
                    g -> new Association(names.getOrDefault(g, "Association " + g), new TreeSet<>(), new ArrayList<>()));
            association.prefixes().add(gtin.substring(1, 1 + COMPANY_PREFIX_DIGITS));
            association.gtins().add(gtin);
        }
        return associations;
    }

    /** Runs a {@code terroir} command quietly; its error output becomes the exception's message when it fails. */
    private static void run(List<String> args) {
        StringWriter err = new StringWriter();
        int code = Terroir.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args.toArray(String[]::new));
        if (code != Terroir.OK) {
            throw new IllegalStateException("the demo PKI could not be made: terroir " + String.join(" ", args.subList(0, 2))
                    + ": " + err.toString().strip());
        }
    }
}
