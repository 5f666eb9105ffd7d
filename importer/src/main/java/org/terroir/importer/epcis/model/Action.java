package org.terroir.importer.epcis.model;

/** The EPCIS {@code action} of an object, aggregation, transaction or association event. */
public enum Action {
    ADD, OBSERVE, DELETE
}
