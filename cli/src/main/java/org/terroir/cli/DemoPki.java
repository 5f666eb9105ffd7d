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
import org.terroir.cli.labels.LabelsCommand;
import org.terroir.importer.masterdata.MasterData;
import org.terroir.importer.masterdata.MasterDataKind;

/**
 * The demo's label PKI under {@code <data-dir>/demo-pki}, made with the same {@code terroir keys},
 * {@code trust-list} and {@code labels} commands a newcomer would type: a regulator root, for each
 * brand association of the demo data a brand certificate bound to its products' GS1 company
 * prefixes and a signer, a trust list of them all (signed again at every start, so that it is never
 * stale), and signed labels for the demo's first serialised items, as images and as a PDF sheet
 * (with the fonts shipped with the program: no system font is needed). Labels that could not be made
 * are no failure: {@link #problem()} says why, and the next start tries again. Private keys are
 * written with owner-only permissions and live only under the data folder, never in the repository.
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
    private final Optional<String> problem;

    private DemoPki(Path folder, List<String> labels, Optional<String> problem) {
        this.folder = folder;
        this.labels = labels;
        this.problem = problem;
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

    /** What of the demo labels could not be made, and why, on one line; empty when all are there. */
    Optional<String> problem() {
        return problem;
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

    /**
     * The PKI in {@code <dataDir>/demo-pki}, made on first use, with a trust list signed now, and
     * the demo labels, each kind made when missing.
     *
     * @throws IllegalStateException when the keys, certificates or trust list cannot be made
     */
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
        Optional<String> problem = issueExamples(folder, masterData);
        Path uris = folder.resolve("labels").resolve(LabelsCommand.URIS);
        return new DemoPki(folder, Files.exists(uris) ? Files.readAllLines(uris) : List.of(), problem);
    }

    private static void create(Path folder, MasterData masterData) throws IOException {
        Path root = Files.createDirectories(folder.resolve("root"));
        run(List.of("keys", "create-root", "--name", "Demo Regulator (not a real authority)", "--not-before", NOT_BEFORE,
                "--out", root.toString()));
        for (Map.Entry<String, Association> entry : associations(masterData).entrySet()) {
            Association association = entry.getValue();
            Path dir = associationFolder(folder, entry.getKey());
            run(List.of("keys", "issue-brand", "--issuer-key", root.resolve("root.key.pem").toString(),
                    "--issuer-cert", root.resolve("root.cert.pem").toString(), "--name", association.name(),
                    "--gs1-prefix", String.join(",", association.prefixes()), "--not-before", NOT_BEFORE, "--not-after", NOT_AFTER, "--out", dir.toString()));
            run(List.of("keys", "issue-signer", "--issuer-key", dir.resolve("brand.key.pem").toString(),
                    "--issuer-cert", dir.resolve("brand.cert.pem").toString(), "--name", association.name() + " label printer",
                    "--not-before", NOT_BEFORE, "--not-after", NOT_AFTER, "--out", dir.toString()));
        }
    }

    private static Path associationFolder(Path folder, String gln) {
        return folder.resolve("association-" + gln);
    }

    /**
     * The example labels as images with their URIs ({@code labels/}) and as a print-ready PDF sheet
     * ({@code sheet/}), each made when missing, by the signer of the product's brand association;
     * the sheet prints the product's and brand's names from the demo data. What could not be made,
     * on one line.
     */
    private static Optional<String> issueExamples(Path folder, MasterData masterData) throws IOException {
        Map<String, Object> product = masterData.rows(MasterDataKind.PRODUCTS).stream()
                .filter(row -> EXAMPLE.gtin().equals(row.get("gtin"))).findFirst().orElse(null);
        if (product == null) {
            return Optional.empty(); // demo data without the example product: no labels to print
        }
        Map<String, Object> brand = masterData.rows(MasterDataKind.BRANDS).stream()
                .filter(row -> row.get("id").equals(product.get("brandId"))).findFirst().orElseThrow();
        Path signer = associationFolder(folder, (String) brand.get("ownerGln"));
        List<String> issue = List.of("labels", "issue", "--gtin", EXAMPLE.gtin(), "--lot", EXAMPLE.lot(), "--serials", EXAMPLE.serials(),
                "--date", EXAMPLE.date(), "--key", signer.resolve("signer.key.pem").toString(),
                "--cert", signer.resolve("signer.cert.pem").toString(), "--host", HOST);
        List<String> problems = new ArrayList<>();
        Path images = folder.resolve("labels");
        if (!Files.exists(images.resolve(LabelsCommand.URIS))) {
            issue(images, concat(issue, List.of("--out", images.toString()))).ifPresent(p -> problems.add("label images: " + p));
        }
        Path sheet = folder.resolve("sheet").resolve(SHEET);
        if (!Files.exists(sheet)) {
            List<String> text = new ArrayList<>(List.of("--out", sheet.toString(),
                    "--product-text", (String) product.get("nameZh"), "--product-text-en", (String) product.get("nameEn"),
                    "--brand-text", brand.get("nameZh") + " " + brand.get("nameEn")));
            if (brand.get("giRegistration") != null) {
                text.add("--gi");
            }
            issue(sheet.getParent(), concat(issue, text)).ifPresent(p -> problems.add("label sheet: " + p));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** Runs 'labels issue' into a folder emptied first (of what an earlier, failed run left); why it failed, if it did. */
    private static Optional<String> issue(Path folder, List<String> args) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.delete(file);
                }
            }
        }
        try {
            run(args);
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private record Association(String name, TreeSet<String> prefixes) {}

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
                    g -> new Association(names.getOrDefault(g, "Association " + g), new TreeSet<>()));
            association.prefixes().add(gtin.substring(1, 1 + COMPANY_PREFIX_DIGITS));
        }
        return associations;
    }

    /**
     * Runs a {@code terroir} command quietly.
     *
     * @throws IllegalStateException saying the command and its error output, on one line, when it fails
     */
    private static void run(List<String> args) {
        StringWriter err = new StringWriter();
        int code = Terroir.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args.toArray(String[]::new));
        if (code != Terroir.OK) {
            throw new IllegalStateException("terroir " + String.join(" ", args.subList(0, 2)) + ": "
                    + err.toString().strip().replaceFirst("^terroir: ", "").replaceAll("\\s*\\R\\s*", " "));
        }
    }
}
