package org.terroir.labels;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.terroir.labels.internal.Base64Url;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.InvalidIdentifierException;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.LotNumber;
import org.terroir.model.id.SerialNumber;
import org.terroir.model.id.Sgtin;

/**
 * A label's GS1 Digital Link URI {@code https://{host}[/{path}]/01/{gtin}[/10/{lot}][/21/{serial}]}
 * with the data attributes production date (AI 11), packaging date (AI 13), expiry date (AI 17)
 * and digital signature (AI 8030) in the query, e.g.
 * {@code https://id.example.cn/01/09520001000010/10/L2611/21/S0001?11=261120&17=270531&8030=...}.
 *
 * <p>Every value is validated where it is created: GTIN check digit and length, lot and serial
 * character set 82 and length (through {@code org.terroir.model.id}), dates by {@link Gs1Date},
 * AI 8030 as GS1 format {@code Z..90} (base64url characters, {@code =} padding only at the end)
 * and its GS1 requirement of AI 01 with AI 21. Errors are {@link InvalidIdentifierException}s
 * naming the AI and the rule.
 *
 * <p><b>Element string.</b> {@link #elements()} lists the AIs in Terroir's canonical order:
 * ascending AI number, i.e. 01, 10, 11, 13, 17, 21, 8030, each at most once. In the byte form
 * ({@link #elementStringBytes()}) the leading FNC1 of a barcode (a symbology marker, not data)
 * is omitted; each AI is followed directly by its value; a value of variable length (AI 10, 21,
 * 8030) that is not the last element is terminated by the FNC1 separator, transmitted as ASCII GS
 * (0x1D); predefined-length AIs (01, 11, 13, 17) get no separator. All characters are ASCII.
 * {@link #elementString()} is the human-readable form with the AIs in parentheses and no separators.
 *
 * @param base              scheme, host and optional path before the primary key, no trailing slash
 *                          (e.g. {@code https://id.example.cn}); not part of the element string
 * @param gtin              AI 01
 * @param lot               AI 10, if any
 * @param serial            AI 21, if any
 * @param productionDate    AI 11, if any
 * @param packagingDate     AI 13, if any
 * @param expiryDate        AI 17, if any
 * @param digitalSignature  AI 8030, if any, as written in the link
 */
public record DigitalLink(String base, Gtin gtin, Optional<LotNumber> lot, Optional<SerialNumber> serial,
        Optional<Gs1Date> productionDate, Optional<Gs1Date> packagingDate, Optional<Gs1Date> expiryDate,
        Optional<String> digitalSignature) {

    static final String LABEL = "GS1 Digital Link";
    static final String DIGSIG_LABEL = "digital signature (AI 8030)";

    /** The data attributes read from the query string. */
    public static final Set<String> DATA_ATTRIBUTES = Set.of("11", "13", "17", "8030");

    private static final int DIGSIG_MAX_LENGTH = 90;
    private static final byte GS = 0x1D;

    /** Validates every part; see the class comment. */
    public DigitalLink {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(productionDate, "productionDate");
        Objects.requireNonNull(packagingDate, "packagingDate");
        Objects.requireNonNull(expiryDate, "expiryDate");
        Objects.requireNonNull(digitalSignature, "digitalSignature");
        gtin.toDigitalLink(base); // checks the base: http(s), host, no query or fragment
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        requireDate("11", productionDate);
        requireDate("13", packagingDate);
        requireDate("17", expiryDate);
        digitalSignature.ifPresent(DigitalLink::requireDigitalSignatureSyntax);
        if (digitalSignature.isPresent() && serial.isEmpty()) {
            throw new InvalidIdentifierException(DIGSIG_LABEL, digitalSignature.get(),
                    "AI 8030 requires AI 01 together with AI 21 (serial), and this link has no serial");
        }
    }

    /** A link to a serialised item, no lot, no data attributes. */
    public static DigitalLink of(String base, Sgtin item) {
        return new DigitalLink(base, item.gtin(), Optional.empty(), Optional.of(item.serial()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A link to a serialised item of a lot, no data attributes. */
    public static DigitalLink of(String base, Gtin gtin, LotNumber lot, SerialNumber serial) {
        return new DigitalLink(base, gtin, Optional.of(lot), Optional.of(serial), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A copy under another resolver base (host and path), which the signature does not cover. */
    public DigitalLink withBase(String newBase) {
        return new DigitalLink(newBase, gtin, lot, serial, productionDate, packagingDate, expiryDate, digitalSignature);
    }

    /** A copy with the lot (AI 10). */
    public DigitalLink withLot(String newLot) {
        return new DigitalLink(base, gtin, Optional.of(new LotNumber(newLot)), serial, productionDate, packagingDate,
                expiryDate, digitalSignature);
    }

    /** A copy with the production date (AI 11), {@code YYMMDD}. */
    public DigitalLink withProductionDate(String yymmdd) {
        return new DigitalLink(base, gtin, lot, serial, Optional.of(Gs1Date.production(yymmdd)), packagingDate,
                expiryDate, digitalSignature);
    }

    /** A copy with the packaging date (AI 13), {@code YYMMDD}. */
    public DigitalLink withPackagingDate(String yymmdd) {
        return new DigitalLink(base, gtin, lot, serial, productionDate, Optional.of(Gs1Date.packaging(yymmdd)),
                expiryDate, digitalSignature);
    }

    /** A copy with the expiry date (AI 17), {@code YYMMDD} ({@code DD = 00}: end of month). */
    public DigitalLink withExpiryDate(String yymmdd) {
        return new DigitalLink(base, gtin, lot, serial, productionDate, packagingDate,
                Optional.of(Gs1Date.expiry(yymmdd)), digitalSignature);
    }

    /** A copy with the digital signature (AI 8030) as written in the link. */
    public DigitalLink withDigitalSignature(String value) {
        return new DigitalLink(base, gtin, lot, serial, productionDate, packagingDate, expiryDate,
                Optional.of(value));
    }

    /** A copy without AI 8030: the label as it was signed. */
    public DigitalLink withoutDigitalSignature() {
        return new DigitalLink(base, gtin, lot, serial, productionDate, packagingDate, expiryDate, Optional.empty());
    }

    /** GTIN and serial, if the link has a serial. */
    public Optional<Sgtin> item() {
        return serial.map(s -> new Sgtin(gtin, s));
    }

    /**
     * Reads a GS1 Digital Link URI. The path is read by {@link EpcIdentifier#parseDigitalLink}
     * (any path before the primary key, key qualifiers 10 and 21 after AI 01 in that order). In
     * the query, AIs 11, 13, 17 and 8030 are read, each at most once and in any order; any other
     * all-digit key is rejected (an AI this label format does not sign); other keys (e.g.
     * {@code utm_source}) are not GS1 data and are ignored, as is the fragment.
     *
     * @throws InvalidIdentifierException naming the AI and the rule broken
     */
    public static DigitalLink parse(String uri) {
        if (uri == null) {
            throw new InvalidIdentifierException(LABEL, null, "must not be null");
        }
        int hash = uri.indexOf('#');
        String beforeFragment = hash < 0 ? uri : uri.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String pathPart = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        String query = question < 0 ? "" : beforeFragment.substring(question + 1);

        EpcIdentifier id;
        try {
            id = EpcIdentifier.parseDigitalLink(pathPart);
        } catch (InvalidIdentifierException e) {
            throw e.identifier().equals("GTIN") ? new InvalidIdentifierException("GTIN (AI 01)", e.input(), e.rule()) : e;
        }
        Gtin gtin;
        SerialNumber serial = null;
        switch (id) {
            case Sgtin s -> {
                gtin = s.gtin();
                serial = s.serial();
            }
            case Lgtin l -> gtin = l.gtin();
            case Gtin g -> gtin = g;
            default -> throw new InvalidIdentifierException(LABEL, uri,
                    "a label's primary key must be AI 01 (GTIN), found " + id.key());
        }

        // The identifier parser has checked the structure: the path ends with 01/{gtin}[/10/{lot}][/21/{serial}].
        int authorityStart = pathPart.indexOf("//") + 2;
        int pathStart = pathPart.indexOf('/', authorityStart);
        String path = pathPart.substring(pathStart);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] segments = path.substring(1).split("/", -1);
        int primary = segments.length - 2;
        while (!segments[primary].equals("01")) {
            primary -= 2;
        }
        String base = pathPart.substring(0, pathStart)
                + (primary == 0 ? "" : "/" + String.join("/", Arrays.copyOfRange(segments, 0, primary)));
        LotNumber lot = null;
        for (int i = primary + 2; i < segments.length; i += 2) {
            if (segments[i].equals("10")) {
                lot = new LotNumber(percentDecode("lot (AI 10)", segments[i + 1]));
            }
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        for (String parameter : query.split("&", -1)) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals);
            if (key.isEmpty() || !key.chars().allMatch(c -> c >= '0' && c <= '9')) {
                continue; // not GS1 data
            }
            if (!DATA_ATTRIBUTES.contains(key)) {
                throw new InvalidIdentifierException(LABEL, uri, switch (key) {
                    case "01", "10", "21", "22" -> "AI " + key + " belongs in the path, not in the query";
                    default -> "AI " + key + " is not supported in a label's query (supported data attributes: 11, 13, 17, 8030)";
                });
            }
            if (equals < 0) {
                throw new InvalidIdentifierException(LABEL, uri, "AI " + key + " in the query has no value");
            }
            if (attributes.put(key, percentDecode("AI " + key, parameter.substring(equals + 1))) != null) {
                throw new InvalidIdentifierException(LABEL, uri, "AI " + key + " appears more than once in the query");
            }
        }
        return new DigitalLink(base, gtin, Optional.ofNullable(lot), Optional.ofNullable(serial),
                Optional.ofNullable(attributes.get("11")).map(Gs1Date::production),
                Optional.ofNullable(attributes.get("13")).map(Gs1Date::packaging),
                Optional.ofNullable(attributes.get("17")).map(Gs1Date::expiry),
                Optional.ofNullable(attributes.get("8030")));
    }

    /**
     * The URI: base, path {@code /01/{gtin14}[/10/{lot}][/21/{serial}]} with values
     * percent-encoded as in {@link EpcIdentifier#key()}, then the data attributes in canonical
     * order, e.g. {@code ?11=261120&17=270531&8030=...}.
     */
    public String toUri() {
        StringBuilder uri = new StringBuilder(base).append('/').append(pathKey());
        char separator = '?';
        for (Element element : elements()) {
            if (DATA_ATTRIBUTES.contains(element.ai())) {
                uri.append(separator).append(element.ai()).append('=').append(element.value());
                separator = '&';
            }
        }
        return uri.toString();
    }

    /** The AI/value pairs in canonical order (ascending AI: 01, 10, 11, 13, 17, 21, 8030). */
    public List<Element> elements() {
        List<Element> elements = new ArrayList<>(7);
        elements.add(new Element("01", gtin.value()));
        lot.ifPresent(l -> elements.add(new Element("10", l.value())));
        productionDate.ifPresent(d -> elements.add(new Element("11", d.value())));
        packagingDate.ifPresent(d -> elements.add(new Element("13", d.value())));
        expiryDate.ifPresent(d -> elements.add(new Element("17", d.value())));
        serial.ifPresent(s -> elements.add(new Element("21", s.value())));
        digitalSignature.ifPresent(s -> elements.add(new Element("8030", s)));
        return elements;
    }

    /** The human-readable element string, e.g. {@code (01)09520001000010(10)L2611(11)261120(21)S0001}. */
    public String elementString() {
        StringBuilder out = new StringBuilder();
        for (Element element : elements()) {
            out.append('(').append(element.ai()).append(')').append(element.value());
        }
        return out.toString();
    }

    /**
     * The element string as bytes (ASCII): AI and value of each element in canonical order, ASCII
     * GS (0x1D) after each variable-length value except the last; no leading FNC1.
     */
    public byte[] elementStringBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        List<Element> elements = elements();
        for (int i = 0; i < elements.size(); i++) {
            Element element = elements.get(i);
            out.writeBytes(element.ai().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(element.value().getBytes(StandardCharsets.US_ASCII));
            if (!element.predefinedLength() && i < elements.size() - 1) {
                out.write(GS);
            }
        }
        return out.toByteArray();
    }

    /** {@link #toUri()}. */
    @Override
    public String toString() {
        return toUri();
    }

    /**
     * One GS1 element: AI and value.
     *
     * @param ai    the Application Identifier
     * @param value its value, unescaped
     */
    public record Element(String ai, String value) {

        /** Whether the AI has a predefined length and so needs no FNC1 separator (01, 11, 13, 17). */
        public boolean predefinedLength() {
            return switch (ai) {
                case "01", "11", "13", "17" -> true;
                default -> false;
            };
        }
    }

    private String pathKey() {
        Gtin g = gtin;
        String lotPath = lot.map(l -> new Lgtin(g, l).key()).orElse(g.key());
        return serial.map(s -> lotPath + new Sgtin(g, s).key().substring(g.key().length())).orElse(lotPath);
    }

    private static void requireDate(String ai, Optional<Gs1Date> date) {
        date.ifPresent(d -> {
            if (!d.ai().equals(ai)) {
                throw new IllegalArgumentException("expected a date with AI " + ai + ", got AI " + d.ai());
            }
        });
    }

    private static void requireDigitalSignatureSyntax(String value) {
        if (value.isEmpty() || value.length() > DIGSIG_MAX_LENGTH) {
            throw new InvalidIdentifierException(DIGSIG_LABEL, value, value.length()
                    + " characters, 1 to " + DIGSIG_MAX_LENGTH + " required (GS1 format Z..90)");
        }
        int padding = value.length();
        while (padding > 0 && value.charAt(padding - 1) == '=') {
            padding--;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Base64Url.isAlphabet(c) || (c == '=' && i >= padding))) {
                throw new InvalidIdentifierException(DIGSIG_LABEL, value, "character "
                        + (c > ' ' && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c)) + " at position "
                        + (i + 1) + " is not in GS1 character set 64 (base64url; '=' only as padding at the end)");
            }
        }
    }

    /** Decodes percent-encoding (UTF-8); the value types then check the characters. */
    private static String percentDecode(String label, String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 1 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
            int low = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
            if (high < 0 || low < 0) {
                throw new InvalidIdentifierException(label, raw, "malformed percent-encoding \""
                        + raw.substring(i, Math.min(i + 3, raw.length())) + "\" at position " + (i + 1));
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
