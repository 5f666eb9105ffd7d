package org.terroir.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/**
 * The GS1 Core Business Vocabulary (CBV 2.0) values of business step and disposition. An event
 * holds a standard value as its bare name ({@code shipping}, {@code in_transit}), as EPCIS 2.0
 * JSON-LD writes it; the URN ({@code urn:epcglobal:cbv:bizstep:shipping}) and web URI
 * ({@code https://ref.gs1.org/cbv/BizStep-shipping}) forms of XML documents are read as the same
 * value. Any other absolute URI is a value of the user's own vocabulary and kept as it is.
 */
public final class Cbv {

    /** The 41 CBV 2.0 business steps. */
    public static final Set<String> BIZ_STEPS = Set.of(
            "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
            "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying",
            "disassembling", "dispensing", "encoding", "entering_exiting", "holding", "inspecting", "installing",
            "killing", "loading", "other", "packing", "picking", "receiving", "removing", "repackaging",
            "repairing", "replacing", "reserving", "retail_selling", "sampling", "sensor_reporting", "shipping",
            "staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking",
            "void_shipping");

    /** The 33 CBV 2.0 dispositions. */
    public static final Set<String> DISPOSITIONS = Set.of(
            "active", "available", "completeness_inferred", "completeness_verified", "conformant",
            "container_closed", "container_open", "damaged", "destroyed", "dispensed", "disposed", "encoded",
            "expired", "in_progress", "in_transit", "inactive", "mismatch_class", "mismatch_instance",
            "mismatch_quantity", "needs_replacement", "no_pedigree_match", "non_conformant", "non_sellable_other",
            "partially_dispensed", "recalled", "reserved", "retail_sold", "returned", "sellable_accessible",
            "sellable_not_accessible", "stolen", "unavailable", "unknown");

    /** The business step of goods leaving: the event a hop departs with. */
    public static final String SHIPPING = "shipping";

    /** The business step of goods arriving: the event a hop arrives with. */
    public static final String RECEIVING = "receiving";

    private Cbv() {
    }

    /**
     * A business step as stored: a CBV 2.0 name in any of its three forms becomes the bare name,
     * another absolute URI stays as it is.
     *
     * @throws IllegalArgumentException for anything else, naming {@code field}
     */
    public static String bizStep(String field, String value) {
        return normalise(field, value, BIZ_STEPS, "business step",
                "urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-", "https://ns.gs1.org/cbv/BizStep-");
    }

    /**
     * A disposition as stored: a CBV 2.0 name in any of its three forms becomes the bare name,
     * another absolute URI stays as it is.
     *
     * @throws IllegalArgumentException for anything else, naming {@code field}
     */
    public static String disposition(String field, String value) {
        return normalise(field, value, DISPOSITIONS, "disposition",
                "urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-", "https://ns.gs1.org/cbv/Disp-");
    }

    private static String normalise(String field, String value, Set<String> names, String what, String... prefixes) {
        Check.present(field, value);
        if (names.contains(value)) {
            return value;
        }
        for (String prefix : prefixes) {
            if (value.startsWith(prefix)) {
                String name = value.substring(prefix.length());
                if (!names.contains(name)) {
                    throw Check.invalid(field, value, "a CBV 2.0 " + what + " after " + prefix + ", e.g. " + prefix
                            + (names == BIZ_STEPS ? SHIPPING : "in_transit"));
                }
                return name;
            }
        }
        if (absoluteUri(value).isEmpty()) {
            throw Check.invalid(field, value, "a CBV 2.0 " + what + " such as "
                    + (names == BIZ_STEPS ? SHIPPING : "in_transit") + ", or an absolute URI of your own vocabulary");
        }
        return value;
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
