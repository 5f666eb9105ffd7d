package org.terroir.cli.labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.terroir.labels.CertificateRole;
import org.terroir.labels.DigitalLink;
import org.terroir.labels.Gs1Date;
import org.terroir.labels.LabelCertificate;
import org.terroir.labels.LabelSigner;
import org.terroir.labels.LabelVerifier;
import org.terroir.labels.SignatureAlgorithm;
import org.terroir.labels.SigningKey;
import org.terroir.labels.Verdict;
import org.terroir.labels.files.CommissioningDocument;
import org.terroir.labels.files.LabelFiles;
import org.terroir.labels.files.PemFiles;
import org.terroir.labels.render.ErrorCorrection;
import org.terroir.labels.render.FontFolders;
import org.terroir.labels.render.LabelSheet;
import org.terroir.labels.render.LabelText;
import org.terroir.model.id.Gln;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terroir labels}: signed QR labels, printed or as images, with their commissioning events. */
@Command(name = "labels", header = "Issues serialised signed QR labels (PDF sheet or PNG/SVG) and their EPCIS event.", mixinStandardHelpOptions = true,
        description = "Signed QR labels (GS1 Digital Link with AI 8030, docs/label-format.md).",
        subcommands = LabelsCommand.Issue.class)
public final class LabelsCommand implements Runnable {

    /** The file of the commissioning events written beside the labels. */
    public static final String COMMISSIONING = LabelFiles.COMMISSIONING;
    /** The file of the issued label URIs, one a line, written beside the labels. */
    public static final String URIS = LabelFiles.URIS;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: issue");
    }

    /** {@code labels issue}. */
    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = {"Issues serialised signed labels of one lot in one go: a print-ready PDF sheet (--out",
                "FILE.pdf, 24 labels per A4 page) or a folder of PNG and SVG images, one pair per serial (--out DIR).",
                "Beside them: " + URIS + " (the label URIs, one a line) and " + COMMISSIONING + ", an EPCIS 2.0",
                "document with the ObjectEvent that commissions the serials (ADD, commissioning, active, the lot as",
                "ILMD cbvmda:lotNumber), for 'terroir import'. Existing files are never overwritten.",
                "Labels that could never verify are refused before anything is written (exit 2): a --gtin outside the"
                    + " signer's GS1 company prefixes (its own, else its brand's), a --date outside the validity of the"
                    + " signer's certificate or its brand's; the checks of 'terroir verify'."},
            footerHeading = "%nExample:%n",
            footer = {"  terroir labels issue --gtin 09520001000010 --lot L1 --serials 1..100 \\",
                "      --date 2026-11-23 --key pki/signer.key.pem --cert pki/signer.cert.pem \\",
                "      --host brand.example --out labels.pdf"})
    public static final class Issue implements Callable<Integer> {
        @Option(names = "--gtin", required = true, paramLabel = "GTIN", description = "The product's GTIN (8 to 14 digits).")
        String gtin;

        @Option(names = "--lot", required = true, paramLabel = "LOT", description = "The lot (AI 10).")
        String lot;

        static final class Serials {
            @Option(names = "--serials", required = true, paramLabel = "FROM..TO",
                    description = "Serial range, e.g. 1..500 or A0001..A0500 (same prefix; equal widths keep leading zeros).")
            String range;

            @Option(names = "--count", required = true, paramLabel = "N", description = "Serials 1 to N.")
            Integer count;
        }

        @ArgGroup(multiplicity = "1")
        Serials serials;

        @Option(names = "--date", required = true, paramLabel = "DATE",
                description = "Production (AI 11) or packing (AI 13) date: YYMMDD or ISO (2026-11-23).")
        String date;

        @Option(names = "--date-kind", paramLabel = "KIND", defaultValue = "production",
                description = "What --date is: production (AI 11) or packing (AI 13) (default: ${DEFAULT-VALUE}).")
        String dateKind;

        @Option(names = "--expiry", paramLabel = "DATE", description = "Expiry date (AI 17): YYMMDD (DD 00: end of month) or ISO.")
        String expiry;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "The signer's private key (PEM).")
        Path key;

        @Option(names = "--cert", required = true, paramLabel = "FILE", description = "The signer's certificate (PEM).")
        Path cert;

        @Option(names = "--brand-cert", paramLabel = "FILE",
                description = "The brand certificate that issued --cert (PEM), whose GS1 company prefixes a signer without"
                        + " its own inherits and whose validity must cover --date too (default: " + BRAND_CERT
                        + " beside --cert, where 'terroir keys' leaves it, if it issued --cert).")
        Path brandCert;

        @Option(names = "--host", required = true, paramLabel = "HOST",
                description = "The resolver the QR codes open, e.g. brand.example (https://) or a full base URL.")
        String host;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf|DIR", description = "A PDF sheet, or a folder for images.")
        Path out;

        @Option(names = "--location", paramLabel = "GLN",
                description = "GLN of the commissioning site: read point and business location of the event.")
        String location;

        @Option(names = "--brand-text", paramLabel = "TEXT", description = "Brand line on the PDF (default: the brand's certificate name).")
        String brandText;

        @Option(names = "--product-text", paramLabel = "TEXT",
                description = "The product's name on the PDF, printed first: its Chinese name (default: GTIN ...).")
        String productText;

        @Option(names = "--product-text-en", paramLabel = "TEXT", description = "The product's English name, printed under it.")
        String productTextEn;

        @Option(names = "--gi", description = "Print the geographical indication mark on the PDF.")
        boolean gi;

        @Option(names = "--font", paramLabel = "FILE.ttf|system", arity = "1..*",
                description = "Fonts for the PDF instead of the Noto Sans and Noto Sans SC shipped with Terroir: TrueType"
                        + " files (.ttf), the first with a glyph wins, or 'system' for a Latin and a CJK font found in the"
                        + " system's font folders (" + FontFolders.VARIABLE + ", else /usr/share/fonts and the like).")
        List<String> fonts = List.of();

        @Option(names = "--error-correction", paramLabel = "LEVEL", defaultValue = "M",
                description = "QR error correction: L, M, Q or H (default: ${DEFAULT-VALUE}).")
        ErrorCorrection errorCorrection;

        @Option(names = "--scale", paramLabel = "PX", defaultValue = "8", description = "Pixels per module of the PNGs (default: ${DEFAULT-VALUE}).")
        int scale;

        @Spec
        CommandSpec spec;

        /** The file name of a brand certificate that 'terroir keys issue-brand' writes. */
        static final String BRAND_CERT = "brand.cert.pem";

        @Override
        public Integer call() throws IOException {
            LabelCertificate certificate = PemFiles.readCertificate(cert);
            SigningKey signingKey = PemFiles.readKey(key);
            if (!Arrays.equals(certificate.publicKey().subjectPublicKeyInfo(), signingKey.verificationKey().subjectPublicKeyInfo())) {
                throw new IllegalArgumentException("--key " + key + " is not the key of --cert " + cert + " (" + certificate.subject() + ")");
            }
            if (certificate.role() != CertificateRole.SIGNER) {
                throw new IllegalArgumentException("--cert " + cert + " (" + certificate.subject() + ") is a "
                        + certificate.role().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " certificate; labels are signed with a signer's key and certificate ('terroir keys issue-signer')");
            }
            Optional<LabelCertificate> brand = brandOf(certificate);
            Gtin product = Gtin.of(gtin);
            LotNumber lotNumber = new LotNumber(lot);
            LocalDate day = localDate("--date", date);
            String yymmdd = yymmdd("--date", date);
            List<SerialNumber> serialNumbers = serials.count != null ? count(serials.count) : range(serials.range);
            String base = host.contains("://") ? host : "https://" + host;
            boolean packing = switch (dateKind.toLowerCase(Locale.ROOT)) {
                case "production", "11" -> false;
                case "packing", "packaging", "13" -> true;
                default -> throw new IllegalArgumentException("--date-kind must be production or packing, got '" + dateKind + "'");
            };
            Optional<Gln> site = Optional.ofNullable(location).map(Gln::of);
            DigitalLink first = DigitalLink.of(base, product, lotNumber, serialNumbers.getFirst());
            LabelVerifier.refusal(packing ? first.withPackagingDate(yymmdd) : first.withProductionDate(yymmdd), certificate, brand,
                    Clock.systemUTC(), LabelVerifier.CHINA).ifPresent(refusal -> {
                        String option = refusal.reason() == Verdict.Reason.NOT_ALLOWED_FOR_GTIN ? "--gtin " + gtin : "--date " + date;
                        throw new IllegalArgumentException(option + ": " + refusal.detail()
                                + "; such labels would never verify, so none were written");
                    });

            LabelSigner signer = new LabelSigner(certificate.publicKey().algorithm() instanceof SignatureAlgorithm.Sm2 sm2
                    ? signingKey.withSm2DistinguishingId(sm2.distinguishingId()) : signingKey);
            String expiryDate = expiry == null ? null : yymmdd("--expiry", expiry);
            // Signing is independent per label: on every core (the PDF sheet encodes its QR codes so too).
            List<DigitalLink> labels = serialNumbers.parallelStream().map(serial -> {
                DigitalLink label = DigitalLink.of(base, product, lotNumber, serial);
                label = packing ? label.withPackagingDate(yymmdd) : label.withProductionDate(yymmdd);
                return signer.sign(expiryDate == null ? label : label.withExpiryDate(expiryDate));
            }).toList();

            LabelFiles.Drawing drawing = new LabelFiles.Drawing(this::sheet,
                    () -> new LabelText(brandText != null ? brandText : brandName(certificate),
                            productText != null ? productText : "GTIN " + product.value(),
                            productTextEn != null ? productTextEn : "", gi),
                    errorCorrection, scale);
            CommissioningDocument commissioning = CommissioningDocument.of(product, lotNumber, serialNumbers, day,
                    LabelVerifier.CHINA, site, certificate);
            LabelFiles.Written written = LabelFiles.write(labels, out, drawing, commissioning);
            var stdout = spec.commandLine().getOut();
            stdout.printf("issued %d signed label(s) of %s lot %s, signed by %s (%s)%n", labels.size(), product.value(), lot,
                    certificate.name(), certificate.publicKey().algorithm().name());
            stdout.println("labels: " + written.labels());
            stdout.println("URIs: " + written.uris());
            stdout.println("EPCIS commissioning event: " + written.commissioning() + " (terroir import " + written.commissioning() + ")");
            return 0;
        }

        /** The sheet writer with the fonts of --font: the bundled ones, the system's, or files. */
        private LabelSheet sheet() {
            if (fonts.isEmpty()) {
                return LabelSheet.withBundledFonts();
            }
            if (fonts.equals(List.of("system"))) {
                try {
                    return LabelSheet.withSystemFonts(FontFolders.fromEnvironment());
                } catch (IllegalStateException noFont) {
                    throw new IllegalArgumentException("--font system: " + noFont.getMessage() + " (leave --font out)", noFont);
                }
            }
            return LabelSheet.withFonts(fonts.stream().map(Path::of).toArray(Path[]::new));
        }

        /**
         * The brand certificate that issued the signer's: --brand-cert, else {@value #BRAND_CERT} beside --cert if it
         * issued it; required when the signer inherits the brand's company prefixes.
         */
        private Optional<LabelCertificate> brandOf(LabelCertificate signer) throws IOException {
            if (brandCert != null) {
                LabelCertificate brand = PemFiles.readCertificate(brandCert);
                if (brand.role() != CertificateRole.BRAND || !signer.isIssuedBy(brand)) {
                    throw new IllegalArgumentException("--brand-cert " + brandCert + " (" + brand.subject() + ") did not issue --cert "
                            + cert + " (" + signer.subject() + ")");
                }
                return Optional.of(brand);
            }
            Path beside = cert.resolveSibling(BRAND_CERT);
            if (Files.isRegularFile(beside)) {
                try {
                    LabelCertificate brand = PemFiles.readCertificate(beside);
                    if (brand.role() == CertificateRole.BRAND && signer.isIssuedBy(brand)) {
                        return Optional.of(brand);
                    }
                } catch (IllegalArgumentException notACertificate) {
                    // not the signer's brand: as if absent
                }
            }
            if (signer.companyPrefixes().isEmpty()) {
                throw new IllegalArgumentException("--cert " + cert + " (" + signer.subject() + ") inherits its brand's GS1 company"
                        + " prefixes: give --brand-cert FILE, the brand certificate that issued it, to check --gtin against them ("
                        + (Files.exists(beside) ? beside + " did not issue it" : "no " + beside) + ")");
            }
            return Optional.empty();
        }

        private static String brandName(LabelCertificate signer) {
            String issuer = signer.issuer();
            return issuer.startsWith("CN=") && !issuer.contains(",") ? issuer.substring(3) : issuer;
        }

        static List<SerialNumber> count(int n) {
            if (n < 1 || n > 1_000_000) {
                throw new IllegalArgumentException("--count must be 1 to 1000000, got " + n);
            }
            List<SerialNumber> list = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                list.add(new SerialNumber(Integer.toString(i)));
            }
            return list;
        }

        static List<SerialNumber> range(String range) {
            int dots = range.indexOf("..");
            if (dots < 0) {
                throw new IllegalArgumentException("--serials \"" + range + "\" must be FROM..TO, e.g. 1..500 or A0001..A0500");
            }
            String from = range.substring(0, dots);
            String to = range.substring(dots + 2);
            String prefix = from.replaceAll("[0-9]+$", "");
            if (!to.replaceAll("[0-9]+$", "").equals(prefix) || prefix.length() == from.length() || prefix.length() == to.length()) {
                throw new IllegalArgumentException("--serials \"" + range + "\": FROM and TO must end in digits after the same prefix");
            }
            String fromDigits = from.substring(prefix.length());
            String toDigits = to.substring(prefix.length());
            long first;
            long last;
            try {
                first = Long.parseLong(fromDigits);
                last = Long.parseLong(toDigits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--serials \"" + range + "\": numbers too large");
            }
            if (last < first || last - first >= 1_000_000) {
                throw new IllegalArgumentException("--serials \"" + range + "\": TO must be at least FROM, and at most 1000000 serials");
            }
            int width = fromDigits.length() == toDigits.length() ? fromDigits.length() : 0;
            List<SerialNumber> list = new ArrayList<>((int) (last - first + 1));
            for (long n = first; n <= last; n++) {
                String number = Long.toString(n);
                list.add(new SerialNumber(prefix + "0".repeat(Math.max(0, width - number.length())) + number));
            }
            return list;
        }

        static String yymmdd(String option, String value) {
            if (value.matches("[0-9]{6}")) {
                return value;
            }
            try {
                return LocalDate.parse(value).format(DateTimeFormatter.ofPattern("yyMMdd"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " \"" + value + "\" must be YYMMDD or an ISO date (2026-11-23)");
            }
        }

        static LocalDate localDate(String option, String value) {
            if (!value.matches("[0-9]{6}")) {
                try {
                    return LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(option + " \"" + value + "\" must be YYMMDD or an ISO date (2026-11-23)");
                }
            }
            Gs1Date gs1 = Gs1Date.production(value);
            int year = Year.now(LabelVerifier.CHINA).getValue();
            return gs1.dayOmitted() ? gs1.month(year).atDay(1) : gs1.toLocalDate(year);
        }
    }
}
