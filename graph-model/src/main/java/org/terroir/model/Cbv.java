package org.terroir.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The GS1 Core Business Vocabulary (CBV 2.0) vocabularies and their normal form: one list for the
 * whole platform (the importer's validation and hash, the domain records).
 *
 * <p>A standard value may be written as its short name ({@code shipping}), its URN
 * ({@code urn:epcglobal:cbv:bizstep:shipping}) or its GS1 Web URI
 * ({@code https://ref.gs1.org/cbv/BizStep-shipping}); all three normalise to the short name.
 * Any other absolute URI is a user vocabulary value and is kept as written. A bare word that is
 * not a standard value, or a URN / Web URI in the CBV namespace with a term the CBV does not
 * define, is rejected.
 */
public enum Cbv {
    BIZ_STEP("bizStep", "BizStep", "bizstep", Set.of("accepting", "arriving", "assembling", "collecting",
            "commissioning", "consigning", "creating_class_instance", "cycle_counting", "decommissioning",
            "departing", "destroying", "disassembling", "dispensing", "encoding", "entering_exiting", "holding",
            "inspecting", "installing", "killing", "loading", "other", "packing", "picking", "receiving", "removing",
            "repackaging", "repairing", "replacing", "reserving", "retail_selling", "shipping", "staging_outbound",
            "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking", "void_shipping",
            "sensor_reporting", "sampling")),
    DISPOSITION("disposition", "Disp", "disp", Set.of("active", "container_closed", "damaged", "destroyed",
            "dispensed", "disposed", "encoded", "expired", "in_progress", "in_transit", "inactive",
            "no_pedigree_match", "non_sellable_other", "partially_dispensed", "recalled", "reserved", "retail_sold",
            "returned", "sellable_accessible", "sellable_not_accessible", "stolen", "unknown", "available",
            "completeness_verified", "completeness_inferred", "conformant", "container_open", "mismatch_instance",
            "mismatch_class", "mismatch_quantity", "needs_replacement", "non_conformant", "unavailable")),
    BIZ_TRANSACTION_TYPE("bizTransaction type", "BTT", "btt", Set.of("bol", "cert", "desadv", "inv", "pedigree",
            "po", "poc", "prodorder", "recadv", "rma", "testprd", "testres", "upevt")),
    SOURCE_DESTINATION_TYPE("source/destination type", "SDT", "sdt",
            Set.of("owning_party", "possessing_party", "location")),
    ERROR_REASON("error reason", "ER", "er", Set.of("did_not_occur", "incorrect_data"));

    /** GS1 Web URI base of the CBV. */
    public static final String WEB_BASE = "https://ref.gs1.org/cbv/";

    /** The business step of goods leaving: the event a hop departs with. */
    public static final String SHIPPING = "shipping";

    /** The business step of goods arriving: the event a hop arrives with. */
    public static final String RECEIVING = "receiving";

    /** The 41 CBV 2.0 business steps. */
    public static final Set<String> BIZ_STEPS = BIZ_STEP.values;

    /** The 33 CBV 2.0 dispositions. */
    public static final Set<String> DISPOSITIONS = DISPOSITION.values;

    private static final Pattern ABSOLUTE_URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$");

    private final String label;
    private final String webPrefix;
    private final String urnPrefix;
    private final Set<String> values;

    Cbv(String label, String webType, String urnType, Set<String> values) {
        this.label = label;
        this.webPrefix = WEB_BASE + webType + "-";
        this.urnPrefix = "urn:epcglobal:cbv:" + urnType + ":";
        this.values = values;
    }

    /** The standard short names, e.g. {@code shipping}. */
    public Set<String> terms() {
        return values;
    }

    /**
     * The normal form of {@code value}: the short name of a standard value, or the absolute URI of
     * a user value; empty when it is neither (see the class comment).
     */
    public Optional<String> normalise(String value) {
        String v = value.strip();
        if (values.contains(v)) {
            return Optional.of(v);
        }
        String term = null;
        if (v.startsWith(urnPrefix)) {
            term = v.substring(urnPrefix.length());
        } else if (v.startsWith(webPrefix)) {
            term = v.substring(webPrefix.length());
        } else if (v.startsWith("http://" + webPrefix.substring("https://".length()))) {
            term = v.substring(webPrefix.length() - 1);
        }
        if (term != null) {
            return values.contains(term) ? Optional.of(term) : Optional.empty();
        }
        return isAbsoluteUri(v) ? Optional.of(v) : Optional.empty();
    }

    /** Why {@code value} was rejected by {@link #normalise(String)}. */
    public String rejection(String value) {
        return "\"" + value + "\" is neither a standard CBV " + label + " nor an absolute URI";
    }

    /** The GS1 Web URI of a normalised value: standard short names expand, user URIs stay. */
    public String webUri(String normalised) {
        return values.contains(normalised) ? webPrefix + normalised : normalised;
    }

    /** The URN of a normalised value, as the XML binding writes it: standard short names expand, user URIs stay. */
    public String urn(String normalised) {
        return values.contains(normalised) ? urnPrefix + normalised : normalised;
    }

    /** Whether {@code value} has a URI scheme and no spaces. */
    public static boolean isAbsoluteUri(String value) {
        return ABSOLUTE_URI.matcher(value).matches();
    }

    /**
     * A business step as stored: a CBV 2.0 name in any of its forms becomes the bare name, another
     * absolute URI stays as it is.
     *
     * @throws IllegalArgumentException for anything else, naming {@code field}
     */
    public static String bizStep(String field, String value) {
        return BIZ_STEP.require(field, value, SHIPPING);
    }

    /**
     * A disposition as stored: a CBV 2.0 name in any of its forms becomes the bare name, another
     * absolute URI stays as it is.
     *
     * @throws IllegalArgumentException for anything else, naming {@code field}
     */
    public static String disposition(String field, String value) {
        return DISPOSITION.require(field, value, "in_transit");
    }

    private String require(String field, String value, String example) {
        Check.present(field, value);
        String what = this == BIZ_STEP ? "business step" : label;
        return normalise(value).orElseThrow(() -> Check.invalid(field, value, "a CBV 2.0 " + what + " such as "
                + example + ", or an absolute URI of your own vocabulary"));
    }

    /** {@code value} as an absolute URI without white space, if it is one. */
    static Optional<URI> absoluteUri(String value) {
        if (value.isEmpty() || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
