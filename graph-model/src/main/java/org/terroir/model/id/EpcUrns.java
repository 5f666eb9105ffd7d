package org.terroir.model.id;

import java.util.OptionalInt;

/** EPC pure-identity URNs of the EPC Tag Data Standard: reading, writing and component escaping. */
final class EpcUrns {

    static final String LABEL = "EPC URN";
    static final String SGTIN = "urn:epc:id:sgtin:";
    static final String LGTIN = "urn:epc:class:lgtin:";
    static final String SGLN = "urn:epc:id:sgln:";
    static final String SSCC = "urn:epc:id:sscc:";
    static final String GTIN_PATTERN = "urn:epc:idpat:sgtin:";
    static final String NO_GLN_EXTENSION = "0";

    /** Characters of set 82 that a URN component must escape, and their escapes. */
    private static final String ESCAPED = "\"%&/<>?";
    private static final String[] ESCAPES = {"%22", "%25", "%26", "%2F", "%3C", "%3E", "%3F"};

    private EpcUrns() {
    }

    static EpcIdentifier parse(String urn) {
        Rules.requireNonNull(LABEL, urn);
        if (startsWith(urn, SGTIN)) {
            String[] c = components(urn, SGTIN, 3, "CompanyPrefix.IndicatorItemRef.Serial");
            return new Sgtin(gtin(urn, c[0], c[1]), new SerialNumber(unescape(urn, "serial", c[2])));
        }
        if (startsWith(urn, LGTIN)) {
            String[] c = components(urn, LGTIN, 3, "CompanyPrefix.IndicatorItemRef.Lot");
            return new Lgtin(gtin(urn, c[0], c[1]), new LotNumber(unescape(urn, "lot", c[2])));
        }
        if (startsWith(urn, GTIN_PATTERN)) {
            String[] c = components(urn, GTIN_PATTERN, 3, "CompanyPrefix.IndicatorItemRef.*");
            if (!c[2].equals("*") || c[0].contains("*") || c[1].contains("*")) {
                throw new InvalidIdentifierException(LABEL, urn,
                        "only the single-GTIN pattern CompanyPrefix.IndicatorItemRef.* is supported");
            }
            return gtin(urn, c[0], c[1]);
        }
        if (startsWith(urn, SGLN)) {
            String[] c = components(urn, SGLN, 3, "CompanyPrefix.LocationRef.Extension");
            String data = prefixedDigits(urn, c[0], "location reference", c[1], 12, true);
            Gln gln = new Gln(data + GS1.checkDigit(data));
            return c[2].equals(NO_GLN_EXTENSION) ? Sgln.of(gln) : Sgln.of(gln, unescape(urn, "extension", c[2]));
        }
        if (startsWith(urn, SSCC)) {
            String[] c = components(urn, SSCC, 2, "CompanyPrefix.ExtensionSerialRef");
            prefixedDigits(urn, c[0], "extension digit and serial reference", c[1], 17, false);
            String data = c[1].charAt(0) + c[0] + c[1].substring(1);
            return new Sscc(data + GS1.checkDigit(data));
        }
        throw new InvalidIdentifierException(LABEL, urn, "unsupported scheme, expected one of "
                + SGTIN + ", " + LGTIN + ", " + SGLN + ", " + SSCC + " or " + GTIN_PATTERN);
    }

    /** {@code CompanyPrefix.IndicatorItemRef} of a GTIN. */
    static String gtinComponents(Gtin gtin, CompanyPrefixLengths lengths) {
        String digits = gtin.value();
        int cp = companyPrefixLength(lengths, Gtin.LABEL, digits, digits.substring(1));
        return digits.substring(1, 1 + cp) + '.' + digits.charAt(0) + digits.substring(1 + cp, 13);
    }

    /** Asks {@code lengths} for the company prefix length of {@code key} and checks the answer. */
    static int companyPrefixLength(CompanyPrefixLengths lengths, String label, String key, String digits) {
        OptionalInt answer = lengths.lengthFor(digits);
        if (answer.isEmpty()) {
            throw new InvalidIdentifierException(label, key,
                    "GS1 Company Prefix length unknown, cannot write an EPC URN (add the prefix to CompanyPrefixLengths)");
        }
        int length = answer.getAsInt();
        if (length < 6 || length > 12) {
            throw new InvalidIdentifierException(label, key,
                    "GS1 Company Prefix length " + length + " given by CompanyPrefixLengths is not 6 to 12");
        }
        return length;
    }

    /** Escapes a set-82 value for a URN component: {@code " % & / < > ?} become {@code %XX}. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int e = ESCAPED.indexOf(c);
            out.append(e < 0 ? String.valueOf(c) : ESCAPES[e]);
        }
        return out.toString();
    }

    /** Undoes {@link #escape}; any other escape, and those characters unescaped, are rejected. */
    static String unescape(String urn, String component, String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                String triplet = raw.substring(i, Math.min(i + 3, raw.length()));
                int e = triplet.length() == 3 ? indexOfEscape(triplet) : -1;
                if (e < 0) {
                    throw new InvalidIdentifierException(LABEL, urn, "escape \"" + triplet + "\" at position "
                            + (i + 1) + " of the " + component + " is not one of %22 %25 %26 %2F %3C %3E %3F (EPC TDS)");
                }
                out.append(ESCAPED.charAt(e));
                i += 2;
            } else if (ESCAPED.indexOf(c) >= 0) {
                throw new InvalidIdentifierException(LABEL, urn, "character '" + c + "' at position " + (i + 1)
                        + " of the " + component + " must be escaped as " + ESCAPES[ESCAPED.indexOf(c)] + " (EPC TDS)");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int indexOfEscape(String triplet) {
        for (int e = 0; e < ESCAPES.length; e++) {
            if (ESCAPES[e].equalsIgnoreCase(triplet)) {
                return e;
            }
        }
        return -1;
    }

    private static boolean startsWith(String urn, String prefix) {
        return urn.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** Splits the part after {@code scheme} at its first {@code count - 1} dots. */
    private static String[] components(String urn, String scheme, int count, String syntax) {
        String[] c = urn.substring(scheme.length()).split("\\.", count);
        if (c.length != count) {
            throw new InvalidIdentifierException(LABEL, urn, "expected " + scheme + syntax);
        }
        return c;
    }

    /** A GTIN from {@code CompanyPrefix} and {@code IndicatorItemRef}, with check digit. */
    private static Gtin gtin(String urn, String companyPrefix, String indicatorItemRef) {
        prefixedDigits(urn, companyPrefix, "indicator and item reference", indicatorItemRef, 13, false);
        String data = indicatorItemRef.charAt(0) + companyPrefix + indicatorItemRef.substring(1);
        return new Gtin(data + GS1.checkDigit(data));
    }

    /** Checks a company prefix and the digits that follow it, which together have {@code total} digits. */
    private static String prefixedDigits(String urn, String companyPrefix, String restName, String rest,
            int total, boolean restMayBeEmpty) {
        requireUrnDigits(urn, "company prefix", companyPrefix);
        requireUrnDigits(urn, restName, rest);
        if (companyPrefix.length() < 6 || companyPrefix.length() > 12) {
            throw new InvalidIdentifierException(LABEL, urn,
                    "company prefix has " + companyPrefix.length() + " digits, expected 6 to 12");
        }
        if (companyPrefix.length() + rest.length() != total || (rest.isEmpty() && !restMayBeEmpty)) {
            throw new InvalidIdentifierException(LABEL, urn, "company prefix (" + companyPrefix.length()
                    + " digits) and " + restName + " (" + rest.length() + " digits) must total " + total + " digits");
        }
        return companyPrefix + rest;
    }

    private static void requireUrnDigits(String urn, String component, String digits) {
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidIdentifierException(LABEL, urn, "character " + Rules.describe(c)
                        + " at position " + (i + 1) + " of the " + component + " is not a digit");
            }
        }
    }
}
