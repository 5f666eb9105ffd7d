package org.terroir.model.graph;

import static org.terroir.model.graph.NodeLabel.ASSOCIATION;
import static org.terroir.model.graph.NodeLabel.BATCH;
import static org.terroir.model.graph.NodeLabel.BRAND;
import static org.terroir.model.graph.NodeLabel.CAPTURE_JOB;
import static org.terroir.model.graph.NodeLabel.CARRIER;
import static org.terroir.model.graph.NodeLabel.CERTIFICATION;
import static org.terroir.model.graph.NodeLabel.CONTAINER;
import static org.terroir.model.graph.NodeLabel.DELIVERY;
import static org.terroir.model.graph.NodeLabel.COOPERATIVE;
import static org.terroir.model.graph.NodeLabel.EVENT;
import static org.terroir.model.graph.NodeLabel.HOP;
import static org.terroir.model.graph.NodeLabel.ITEM;
import static org.terroir.model.graph.NodeLabel.RECALL;
import static org.terroir.model.graph.NodeLabel.SCAN;
import static org.terroir.model.graph.NodeLabel.SCAN_FLAG;
import static org.terroir.model.graph.NodeLabel.LOCATION;
import static org.terroir.model.graph.NodeLabel.NAMED_QUERY;
import static org.terroir.model.graph.NodeLabel.SUBSCRIPTION;
import static org.terroir.model.graph.NodeLabel.PARTY;
import static org.terroir.model.graph.NodeLabel.PRODUCER;
import static org.terroir.model.graph.NodeLabel.PRODUCER_IDENTITY;
import static org.terroir.model.graph.NodeLabel.PRODUCT;
import static org.terroir.model.graph.NodeLabel.REGION;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every relationship type of the provenance graph, with the labels it leads from and to and the
 * properties it carries. The name of each constant is the type as written in Cypher. A target
 * such as {@link NodeLabel#COOPERATIVE} means a {@code Party} node of that kind.
 */
public enum RelationshipType {

    /** A region lies in a region of a higher level: village → township → county → prefecture. */
    PART_OF(Set.of(REGION), Set.of(REGION)),
    /** A producer's personal data: from the public Producer to its ProducerIdentity. */
    IDENTIFIED_BY(Set.of(PRODUCER), Set.of(PRODUCER_IDENTITY)),
    /** The village a producer household lives in. */
    LIVES_IN(Set.of(PRODUCER), Set.of(REGION)),
    /** A producer household is a member of a cooperative. */
    MEMBER_OF(Set.of(PRODUCER), Set.of(COOPERATIVE)),
    /** A producer household contributed a quantity of produce to a batch. */
    CONTRIBUTED(Set.of(PRODUCER), Set.of(BATCH), "quantity", "unit"),
    /** The region a party is registered or based in. */
    BASED_IN(Set.of(PARTY), Set.of(REGION)),
    /** The association that owns a brand. */
    OWNED_BY(Set.of(BRAND), Set.of(ASSOCIATION)),
    /** A region a brand protects: goods of the brand must come from it. */
    PROTECTS(Set.of(BRAND), Set.of(REGION)),
    /** The brand a product is sold under. */
    OF_BRAND(Set.of(PRODUCT), Set.of(BRAND)),
    /** The product a batch is a lot of. */
    OF_PRODUCT(Set.of(BATCH), Set.of(PRODUCT)),
    /** The location where a batch was produced or a serialised item commissioned. */
    PRODUCED_AT(Set.of(BATCH, ITEM), Set.of(LOCATION)),
    /** The party that produced a batch. */
    PRODUCED_BY(Set.of(BATCH), Set.of(PARTY)),
    /** An output batch of a transformation is made from an input batch. */
    MADE_FROM(Set.of(BATCH), Set.of(BATCH)),
    /** The batch a serialised item belongs to. */
    OF_BATCH(Set.of(ITEM), Set.of(BATCH)),
    /** Aggregation: an item, batch or container is packed in a container. */
    PACKED_IN(Set.of(ITEM, BATCH, CONTAINER), Set.of(CONTAINER)),
    /** The region a location lies in. */
    IN_REGION(Set.of(LOCATION), Set.of(REGION)),
    /** A location inside another (EPCIS master data: the children of a location's vocabulary element). */
    WITHIN(Set.of(LOCATION), Set.of(LOCATION)),
    /** The party that operates a location. */
    OPERATED_BY(Set.of(LOCATION), Set.of(PARTY)),
    /** An event's business location (EPCIS bizLocation): where the objects are after the event. */
    AT(Set.of(EVENT), Set.of(LOCATION)),
    /** An event's read point (EPCIS readPoint): where the event was captured. */
    READ_AT(Set.of(EVENT), Set.of(LOCATION)),
    /** The objects an event is about (EPCIS epcList / quantityList). */
    OBSERVED(Set.of(EVENT), Set.of(BATCH, ITEM, CONTAINER)),
    /** An input consumed by a transformation event. */
    INPUT(Set.of(EVENT), Set.of(BATCH, ITEM, CONTAINER)),
    /** An output produced by a transformation event. */
    OUTPUT(Set.of(EVENT), Set.of(BATCH, ITEM, CONTAINER)),
    /** The parent container of an aggregation event (EPCIS parentID). */
    PARENT(Set.of(EVENT), Set.of(CONTAINER)),
    /** A child packed into or unpacked from the parent by an aggregation event (EPCIS childEPCs). */
    CHILD(Set.of(EVENT), Set.of(BATCH, ITEM, CONTAINER)),
    /** A party named by an event as source or destination (EPCIS sourceList / destinationList); type is the CBV source/destination type. */
    INVOLVES(Set.of(EVENT), Set.of(PARTY), "role", "type"),
    /** The location a hop leaves from. */
    FROM(Set.of(HOP), Set.of(LOCATION)),
    /** The location a hop arrives at. */
    TO(Set.of(HOP), Set.of(LOCATION)),
    /** The carrier that carries a hop. */
    CARRIED_BY(Set.of(HOP), Set.of(CARRIER)),
    /** A recall names the batch it recalls. */
    RECALLS(Set.of(RECALL), Set.of(BATCH)),
    /** What a scan's label names: the unit, else its lot, else its product. */
    SCAN_OF(Set.of(SCAN), Set.of(ITEM, BATCH, PRODUCT)),
    /** The unit whose label a flag says was copied. */
    FLAGS(Set.of(SCAN_FLAG), Set.of(ITEM)),
    /** The scans a flag was raised on. */
    EVIDENCE(Set.of(SCAN_FLAG), Set.of(SCAN)),
    /** What a hop moves: a batch, item or container. */
    MOVED(Set.of(HOP), Set.of(BATCH, ITEM, CONTAINER)),
    /** The shipping event recorded when a hop departed. */
    DEPARTED_WITH(Set.of(HOP), Set.of(EVENT)),
    /** The receiving event recorded when a hop arrived. */
    ARRIVED_WITH(Set.of(HOP), Set.of(EVENT)),
    /** What a certification certifies: a product, party or brand. */
    CERTIFIES(Set.of(CERTIFICATION), Set.of(PRODUCT, PARTY, BRAND)),
    /** The capture job that wrote an event: who handed it in, when, as what role and party (audit). */
    CAPTURED_IN(Set.of(EVENT), Set.of(CAPTURE_JOB)),
    /** The named query a subscription reports the results of. */
    SUBSCRIBES(Set.of(SUBSCRIPTION), Set.of(NAMED_QUERY)),
    /** A capture job whose events a subscription has matched (its reports, if any, are owed). */
    REPORTED(Set.of(SUBSCRIPTION), Set.of(CAPTURE_JOB), "at", "reports"),
    /** A report a subscription has yet to deliver. */
    OWES(Set.of(SUBSCRIPTION), Set.of(DELIVERY));

    private final Set<NodeLabel> from;
    private final Set<NodeLabel> to;
    private final List<String> properties;

    RelationshipType(Set<NodeLabel> from, Set<NodeLabel> to, String... properties) {
        this.from = from;
        this.to = to;
        this.properties = List.of(properties);
    }

    /** The type as written in Cypher, e.g. {@code PART_OF}. */
    public String type() {
        return name();
    }

    /** The labels of the nodes a relationship of this type starts at. */
    public Set<NodeLabel> from() {
        return from;
    }

    /** The labels of the nodes a relationship of this type ends at. */
    public Set<NodeLabel> to() {
        return to;
    }

    /** The properties a relationship of this type carries, if any. */
    public List<String> properties() {
        return properties;
    }

    /** The constant for a type as written in Cypher; empty if the model has no such type. */
    public static Optional<RelationshipType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.name().equals(type)).findFirst();
    }
}
