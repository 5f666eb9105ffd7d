package org.terroir.trace.query;

import org.terroir.importer.epcis.model.Epc;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.Lgtin;

/**
 * The binding's top-level resources whose members have events: {@code /eventTypes/{eventType}/events}
 * and the like, each the events of {@code GET /events} with one more parameter.
 *
 * @param path     the resource's path segment
 * @param variable its member's path variable
 */
enum TopLevel {
    EVENT_TYPES("eventTypes", "eventType"),
    EPCS("epcs", "epc"),
    BIZ_STEPS("bizSteps", "bizStep"),
    BIZ_LOCATIONS("bizLocations", "bizLocation"),
    READ_POINTS("readPoints", "readPoint"),
    DISPOSITIONS("dispositions", "disposition");

    private final String path;
    private final String variable;

    TopLevel(String path, String variable) {
        this.path = path;
        this.variable = variable;
    }

    String path() {
        return path;
    }

    String variable() {
        return variable;
    }

    /**
     * The query parameter a member's events are selected by: an EPC's events are those naming it in
     * any of their lists, an instance in the EPC lists and a class (a lot, a product, a pattern) in the
     * quantity lists.
     */
    String parameter(String member) {
        return switch (this) {
            case EVENT_TYPES -> "eventType";
            case EPCS -> isClass(member) ? "MATCH_anyEPCClass" : "MATCH_anyEPC";
            case BIZ_STEPS -> "EQ_bizStep";
            case BIZ_LOCATIONS -> "EQ_bizLocation";
            case READ_POINTS -> "EQ_readPoint";
            case DISPOSITIONS -> "EQ_disposition";
        };
    }

    private static boolean isClass(String epc) {
        if (epc.startsWith("urn:epc:class:") || epc.startsWith("urn:epc:idpat:")) {
            return true;
        }
        return Epc.of(epc).identifier().map(id -> id instanceof Lgtin || id instanceof Gtin).orElse(false);
    }
}
