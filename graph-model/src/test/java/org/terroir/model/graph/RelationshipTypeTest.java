package org.terroir.model.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RelationshipTypeTest {

    @Test
    void typesAreUpperSnakeCaseAndEveryOneHasBothEnds() {
        for (RelationshipType type : RelationshipType.values()) {
            assertThat(type.type()).matches("[A-Z]+(_[A-Z]+)*");
            assertThat(type.from()).as("%s from", type).isNotEmpty();
            assertThat(type.to()).as("%s to", type).isNotEmpty();
        }
    }

    @Test
    void relationshipsWithPropertiesAreContributedInvolvesAndReported() {
        assertThat(RelationshipType.CONTRIBUTED.properties()).containsExactly("quantity", "unit");
        assertThat(RelationshipType.INVOLVES.properties()).containsExactly("role", "type");
        assertThat(RelationshipType.REPORTED.properties()).containsExactly("at", "reports");
        assertThat(Arrays.stream(RelationshipType.values()).filter(t -> !t.properties().isEmpty()))
                .containsExactly(RelationshipType.CONTRIBUTED, RelationshipType.INVOLVES, RelationshipType.REPORTED);
    }

    @Test
    void kindSpecificEndsArePartyKinds() {
        assertThat(RelationshipType.MEMBER_OF.to()).containsExactly(NodeLabel.COOPERATIVE);
        assertThat(RelationshipType.OWNED_BY.to()).containsExactly(NodeLabel.ASSOCIATION);
        assertThat(RelationshipType.CARRIED_BY.to()).containsExactly(NodeLabel.CARRIER);
        assertThat(RelationshipType.PACKED_IN.from()).containsExactlyInAnyOrder(NodeLabel.ITEM, NodeLabel.BATCH, NodeLabel.CONTAINER);
    }

    @Test
    void findsConstantsByTheirCypherType() {
        assertThat(RelationshipType.fromType("PART_OF")).contains(RelationshipType.PART_OF);
        assertThat(RelationshipType.fromType("part_of")).isEmpty();
    }
}
