package org.terroir.model.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NodeLabelTest {

    @Test
    void labelsAreUniqueAndUpperCamelCase() {
        assertThat(NodeLabel.values()).extracting(NodeLabel::label).doesNotHaveDuplicates()
                .allMatch(l -> l.matches("[A-Z][A-Za-z]*"));
    }

    @Test
    void everyLabelButThePartyKindsHasANaturalKey() {
        for (NodeLabel label : NodeLabel.values()) {
            assertThat(label.naturalKey().isEmpty()).as("%s has no natural key", label).isEqualTo(label.isPartyKind());
        }
        assertThat(Arrays.stream(NodeLabel.values()).filter(NodeLabel::isPartyKind).map(NodeLabel::label))
                .containsExactly("Cooperative", "Enterprise", "Association", "Carrier", "Regulator");
    }

    @Test
    void naturalKeysAreThoseOfTheModel() {
        assertThat(Arrays.stream(NodeLabel.values()).filter(l -> l.naturalKey().isPresent())
                .collect(Collectors.toMap(NodeLabel::label, l -> l.naturalKey().orElseThrow())))
                .containsEntry("Region", "code").containsEntry("Producer", "pseudonym")
                .containsEntry("ProducerIdentity", "pseudonym").containsEntry("Party", "gln").containsEntry("Brand", "id")
                .containsEntry("Product", "gtin").containsEntry("Batch", "key").containsEntry("Item", "key")
                .containsEntry("Container", "key").containsEntry("Location", "key").containsEntry("Event", "eventId")
                .containsEntry("Hop", "id").containsEntry("Certification", "id")
                .containsEntry("Recall", "id").containsEntry("Scan", "id")
                .containsEntry("ScanFlag", "id").containsEntry("ScanKey", "id")
                .containsEntry("CaptureJob", "id").containsEntry("NamedQuery", "queryName")
                .containsEntry("Subscription", "id").containsEntry("Delivery", "id").containsEntry("Sequence", "id").hasSize(22);
    }

    @Test
    void findsConstantsByTheirCypherLabel() {
        assertThat(NodeLabel.fromLabel("ProducerIdentity")).contains(NodeLabel.PRODUCER_IDENTITY);
        assertThat(NodeLabel.fromLabel("producerIdentity")).isEmpty();
        assertThat(NodeLabel.PRODUCER_IDENTITY).hasToString("ProducerIdentity");
    }

    @Test
    void everyLabelButTheScanKeyTakesPartInARelationship() {
        Set<NodeLabel> connected = EnumSet.noneOf(NodeLabel.class);
        for (RelationshipType type : RelationshipType.values()) {
            connected.addAll(type.from());
            connected.addAll(type.to());
        }
        // Enterprise and Regulator are reached as Party only: a kind label goes with the Party label.
        connected.addAll(Arrays.stream(NodeLabel.values()).filter(NodeLabel::isPartyKind).toList());
        assertThat(EnumSet.complementOf(EnumSet.copyOf(connected))).containsExactlyInAnyOrder(NodeLabel.SCAN_KEY, NodeLabel.SEQUENCE);
    }
}
