package org.terroir.importer.epcis.model;

import java.util.Objects;

/**
 * Why a document, or one event in it, is not valid EPCIS 2.0.
 *
 * @param file        the document's file name
 * @param eventIndex  0-based index of the event in the event list, or -1 for the document itself
 * @param line        1-based line where the event (or the problem) starts, or -1 when unknown
 * @param field       the field's path inside the event, e.g. {@code quantityList[0].quantity}
 * @param reason      what is wrong, naming the bad input and what was expected
 */
public record Problem(String file, int eventIndex, long line, String field, String reason) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    /** E.g. {@code ObjectEvent_with_invalid_action.json: event 0 (line 12): action: "ADDD" is not one of ADD, OBSERVE, DELETE}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file).append(": ");
        s.append(eventIndex >= 0 ? "event " + eventIndex : "document");
        if (line > 0) {
            s.append(" (line ").append(line).append(')');
        }
        return s.append(": ").append(field).append(": ").append(reason).toString();
    }
}
