package org.terroir.importer.epcis.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.terroir.model.id.GS1;

/**
 * Constrained canonical GS1 Digital Link URIs ({@code https://id.gs1.org/...}) for every GS1 key
 * an EPCIS event may carry, as the CBV 2.0 event hash needs them: EPC URNs of all EPC TDS schemes
 * (pure identities, LGTIN class, patterns of one class) and Digital Links on any host.
 *
 * <p>Graph-model's {@code EpcIdentifier} covers SGTIN, LGTIN, SGLN, SSCC and GTIN; this fills the
 * gap (GRAI, GIAI, GSRN, GSRN-P, GDTI, CPI, SGCN, GINC, GSIN, ITIP, UPUI, PGLN) until
 * graph-model knows them. Values keep the URN's own escapes and percent-encode
 * {@code ! ( ) * + , :} as the GS1 Digital Link standard's table 7-1 asks.
 */
public final class Gs1DigitalLinks {

    public static final String BASE = "https://id.gs1.org/";
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Set<String> PRIMARY = Set.of("01", "8006", "8010", "414", "417", "8017", "8018", "255",
            "00", "253", "401", "402", "8003", "8004");
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("gtin", "01"),
            Map.entry("itip", "8006"), Map.entry("cpid", "8010"), Map.entry("gln", "414"), Map.entry("party", "417"),
            Map.entry("gsrnp", "8017"), Map.entry("gsrn", "8018"), Map.entry("gcn", "255"), Map.entry("sscc", "00"),
            Map.entry("gdti", "253"), Map.entry("ginc", "401"), Map.entry("gsin", "402"), Map.entry("grai", "8003"),
            Map.entry("giai", "8004"), Map.entry("cpv", "22"), Map.entry("lot", "10"), Map.entry("ser", "21"));

    private Gs1DigitalLinks() {
    }

    /** The canonical Digital Link of a GS1 key in EPC URN or Digital Link form; empty for anything else. */
    public static Optional<String> canonical(String uri) {
        try {
            if (uri.startsWith("urn:epc:")) {
                return fromUrn(uri);
            }
            if (uri.startsWith("http://") || uri.startsWith("https://")) {
                return fromDigitalLink(uri);
            }
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> fromUrn(String urn) {
        String[] head = urn.split(":", 5);
        if (head.length != 5) {
            return Optional.empty();
        }
        String kind = head[2];
        String scheme = head[3];
        String body = head[4];
        boolean pattern = kind.equals("idpat");
        if (pattern && !body.endsWith(".*")) {
            return Optional.empty();
        }
        if (pattern) {
            body = body.substring(0, body.length() - 2);
        }
        String[] c = body.split("\\.", -1);
        String cp = c[0];
        if (!DIGITS.matcher(cp).matches() || cp.length() < 6 || cp.length() > 12) {
            return Optional.empty();
        }
        if (kind.equals("class")) {
            if (!scheme.equals("lgtin") || c.length < 3) {
                return Optional.empty();
            }
            return Optional.of(BASE + "01/" + gtin(cp, c[1]) + "/10/" + encode(rest(c, 2)));
        }
        String path = switch (scheme) {
            case "sgtin" -> pattern ? "01/" + gtin(cp, c[1]) : "01/" + gtin(cp, c[1]) + "/21/" + encode(rest(c, 2));
            case "upui" -> pattern ? "01/" + gtin(cp, c[1]) : "01/" + gtin(cp, c[1]) + "/235/" + encode(rest(c, 2));
            case "sscc" -> "00/" + withCheck(c[1].charAt(0) + cp + c[1].substring(1), 18);
            case "sgln" -> {
                String gln = withCheck(cp + c[1], 13);
                String ext = rest(c, 2);
                yield ext.equals("0") ? "414/" + gln : "414/" + gln + "/254/" + encode(ext);
            }
            case "pgln" -> "417/" + withCheck(cp + c[1], 13);
            case "grai" -> "8003/0" + withCheck(cp + c[1], 13) + (pattern ? "" : encode(rest(c, 2)));
            case "giai" -> "8004/" + cp + encode(rest(c, 1));
            case "gsrn" -> "8018/" + withCheck(cp + c[1], 18);
            case "gsrnp" -> "8017/" + withCheck(cp + c[1], 18);
            case "gdti" -> "253/" + withCheck(cp + c[1], 13) + (pattern ? "" : encode(rest(c, 2)));
            case "sgcn" -> "255/" + withCheck(cp + c[1], 13) + (pattern ? "" : rest(c, 2));
            case "ginc" -> "401/" + cp + encode(rest(c, 1));
            case "gsin" -> "402/" + withCheck(cp + c[1], 17);
            case "cpi" -> {
                if (pattern) {
                    yield "8010/" + encode(cp + rest(c, 1));
                }
                String tail = rest(c, 1);
                int last = tail.lastIndexOf('.');
                yield "8010/" + encode(cp + tail.substring(0, last)) + "/8011/" + tail.substring(last + 1);
            }
            case "itip" -> "8006/" + gtin(cp, c[1]) + c[2] + c[3] + (pattern ? "" : "/21/" + encode(rest(c, 4)));
            default -> null;
        };
        return Optional.ofNullable(path).map(p -> BASE + p);
    }

    private static Optional<String> fromDigitalLink(String uri) {
        String u = uri;
        int cut = indexOfAny(u, "?#");
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        int pathStart = u.indexOf('/', u.indexOf("//") + 2);
        if (pathStart < 0) {
            return Optional.empty();
        }
        String[] segments = u.substring(pathStart + 1).split("/");
        List<String> s = new ArrayList<>();
        for (String segment : segments) {
            s.add(NAMED.getOrDefault(segment, segment));
        }
        for (int i = 0; i + 1 < s.size(); i++) {
            if (PRIMARY.contains(s.get(i)) && (s.size() - i) % 2 == 0 && s.get(i + 1).matches("\\d{4}.*")) {
                return Optional.of(BASE + constrain(s.subList(i, s.size())));
            }
        }
        return Optional.empty();
    }

    /** Only the finest identification level: 22 dropped, 10 dropped when 21 is there, other attributes dropped. */
    private static String constrain(List<String> pairs) {
        String primary = pairs.get(0);
        String value = pairs.get(1);
        if (primary.equals("01") && value.matches("\\d{8}|\\d{12,13}")) {
            value = "0".repeat(14 - value.length()) + value;
        }
        StringBuilder out = new StringBuilder(primary).append('/').append(value);
        Map<String, String> qualifiers = new java.util.LinkedHashMap<>();
        for (int i = 2; i + 1 < pairs.size(); i += 2) {
            qualifiers.put(pairs.get(i), pairs.get(i + 1));
        }
        List<String> keep = switch (primary) {
            case "01", "8006" -> qualifiers.containsKey("21") ? List.of("21")
                    : qualifiers.containsKey("235") ? List.of("235") : List.of("10");
            case "414" -> List.of("254");
            case "8010" -> List.of("8011");
            default -> List.of();
        };
        for (String ai : keep) {
            if (qualifiers.containsKey(ai)) {
                out.append('/').append(ai).append('/').append(qualifiers.get(ai));
            }
        }
        return out.toString();
    }

    private static String gtin(String cp, String indicatorItemRef) {
        return withCheck(indicatorItemRef.charAt(0) + cp + indicatorItemRef.substring(1), 14);
    }

    private static String withCheck(String data, int length) {
        if (data.length() != length - 1 || !DIGITS.matcher(data).matches()) {
            throw new IllegalArgumentException("expected " + (length - 1) + " digits: " + data);
        }
        return data + GS1.checkDigit(data);
    }

    private static String rest(String[] c, int from) {
        if (c.length <= from) {
            throw new IllegalArgumentException("missing component");
        }
        return String.join(".", java.util.Arrays.copyOfRange(c, from, c.length));
    }

    /** URN escapes stay; {@code ! ( ) * + , :} are percent-encoded. */
    static String encode(String component) {
        StringBuilder out = new StringBuilder(component.length() + 8);
        for (char ch : component.toCharArray()) {
            switch (ch) {
                case '!' -> out.append("%21");
                case '(' -> out.append("%28");
                case ')' -> out.append("%29");
                case '*' -> out.append("%2A");
                case '+' -> out.append("%2B");
                case ',' -> out.append("%2C");
                case ':' -> out.append("%3A");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
