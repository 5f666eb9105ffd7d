package org.terroir.model.graph;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every node label of the provenance graph, with the property that is its natural key where it
 * has one. Migration V001 holds a uniqueness constraint for each natural key ({@code ModelSchemaIT}
 * keeps the two in step); the kind labels of a {@link #PARTY} have no key of their own.
 */
public enum NodeLabel {

    /** A PRC administrative division (prefecture, county, township or village), keyed by its division code. */
    REGION("Region", "code"),
    /** The public, pseudonymous face of a farm household: a pseudonym and whether it is a registered poor household. */
    PRODUCER("Producer", "pseudonym"),
    /** The personal data of a producer household (name, phone, ID number), apart from the public graph; never returned to the public. */
    PRODUCER_IDENTITY("ProducerIdentity", "pseudonym"),
    /** An organisation, keyed by its GLN; carries exactly one of the kind labels below as well. */
    PARTY("Party", "gln"),
    /** Kind label of a Party: a farmers' cooperative that collects, grades, processes and packs members' produce. */
    COOPERATIVE("Cooperative", null),
    /** Kind label of a Party: a leading enterprise, a processor or e-commerce company. */
    ENTERPRISE("Enterprise", null),
    /** Kind label of a Party: an industry association that owns a regional or GI brand. */
    ASSOCIATION("Association", null),
    /** Kind label of a Party: an express or logistics carrier. */
    CARRIER("Carrier", null),
    /** Kind label of a Party: a regulator, e.g. a market supervision or agriculture bureau. */
    REGULATOR("Regulator", null),
    /** A regional or geographical-indication brand, keyed by its slug. */
    BRAND("Brand", "id"),
    /** A trade item, keyed by its GTIN-14. */
    PRODUCT("Product", "gtin"),
    /** A batch or lot of a product, keyed by its LGTIN key {@code 01/{gtin14}/10/{lot}}. */
    BATCH("Batch", "key"),
    /** A serialised unit of a product, keyed by its SGTIN key {@code 01/{gtin14}/21/{serial}}. */
    ITEM("Item", "key"),
    /** A logistic unit (case, pallet, parcel), keyed by its SSCC key {@code 00/{sscc}}. */
    CONTAINER("Container", "key"),
    /** A physical place: farm, station, hub, shop..., keyed by its SGLN key {@code 414/{gln}[/254/{extension}]}. */
    LOCATION("Location", "key"),
    /** A GS1 EPCIS 2.0 event, keyed by its eventID. */
    EVENT("Event", "eventId"),
    /** One logistics leg of goods from one location to another, keyed by its id. */
    HOP("Hop", "id"),
    /** A certificate (GI, green food, organic, halal) held by a product, party or brand, keyed by its id. */
    CERTIFICATION("Certification", "id"),
    /** A regulator's recall of a batch: why, when, by whom; keyed by its id (a UUID). */
    RECALL("Recall", "id"),
    /** A consumer's scan of a label: when, what, the verdict shown, a device hash, a coarse place; keyed by its id. */
    SCAN("Scan", "id"),
    /** A sign that a unit's label was copied (scans too far apart too fast, too many devices), keyed by its id. */
    SCAN_FLAG("ScanFlag", "id"),
    /** The secret scanners' networks are hashed with (one node, {@code id} {@code network}), keyed by its id. */
    SCAN_KEY("ScanKey", "id"),
    /** A document handed in through the EPCIS capture interface: who, when, its state and its problems; keyed by its id. */
    CAPTURE_JOB("CaptureJob", "id"),
    /** A named EPCIS query (the query interface's {@code /queries}): its definition and who made it; keyed by its name. */
    NAMED_QUERY("NamedQuery", "queryName"),
    /** A webhook subscription to a named query: where its results go, how they are signed, who made it; keyed by its id. */
    SUBSCRIPTION("Subscription", "id"),
    /** One report a subscription owes its destination (the outbox): the document, its attempts, when next; keyed by its id. */
    DELIVERY("Delivery", "id"),
    /**
     * A counter the graph hands out numbers from in order ({@code last}; one node per sequence, e.g.
     * {@code captureJobsEnded}: the order capture jobs end in), keyed by its id.
     */
    SEQUENCE("Sequence", "id");

    private final String label;
    private final String naturalKey;

    NodeLabel(String label, String naturalKey) {
        this.label = label;
        this.naturalKey = naturalKey;
    }

    /** The label as written in Cypher, e.g. {@code ProducerIdentity}. */
    public String label() {
        return label;
    }

    /** The property that identifies a node of this label, unique in the graph; empty for the kind labels of a Party. */
    public Optional<String> naturalKey() {
        return Optional.ofNullable(naturalKey);
    }

    /** Whether this is one of the kind labels a {@link #PARTY} node carries besides {@code Party}. */
    public boolean isPartyKind() {
        return this == COOPERATIVE || this == ENTERPRISE || this == ASSOCIATION || this == CARRIER || this == REGULATOR;
    }

    /** The constant for a label as written in Cypher, e.g. {@code Region}; empty if the model has no such label. */
    public static Optional<NodeLabel> fromLabel(String label) {
        return Arrays.stream(values()).filter(l -> l.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
