package org.terroir.model;

/** The EPCIS action of an event other than a transformation, stored as its {@code action} property. */
public enum EventAction {

    /** The objects came into being, or were added to the parent or transaction. */
    ADD,
    /** The objects were seen, nothing was added or removed. */
    OBSERVE,
    /** The objects ceased to exist, or were removed from the parent or transaction. */
    DELETE
}
