package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.terroir.model.graph.NodeLabel;
import org.terroir.model.id.Gln;
import org.terroir.model.id.InvalidIdentifierException;

class PartyTest {

    private static final Gln GLN = Gln.of("9520001000041");

    @Test
    void holdsGlnKindAndNames() {
        Party association = new Party(GLN, PartyKind.ASSOCIATION, "连城县地瓜干协会", "Liancheng Dried Sweet Potato Association");
        assertThat(association.gln().value()).isEqualTo("9520001000041");
        assertThat(association.kind().label()).isEqualTo(NodeLabel.ASSOCIATION);
    }

    @Test
    void rejectsMissingGlnAndKind() {
        assertThatNullPointerException().isThrownBy(() -> new Party(null, PartyKind.CARRIER, "快递", "Express"))
                .withMessage("Party.gln must not be null");
        assertThatNullPointerException().isThrownBy(() -> new Party(GLN, null, "快递", "Express"))
                .withMessage("Party.kind must not be null");
    }

    @Test
    void rejectsGlnWithAWrongCheckDigit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Party(Gln.of("9520001000042"), PartyKind.CARRIER, "快递", "Express"))
                .isInstanceOf(InvalidIdentifierException.class)
                .withMessageContaining("check digit is 2, expected 1");
    }

    @Test
    void rejectsBlankAndOverlongNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Party(GLN, PartyKind.CARRIER, "", "Express"))
                .withMessage("Party.nameZh must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> new Party(GLN, PartyKind.CARRIER, "快递", "x".repeat(201)))
                .withMessage("Party.nameEn must be at most 200 characters, got 201");
        assertThatIllegalArgumentException().isThrownBy(() -> new Party(GLN, PartyKind.CARRIER, "快递", "Express\nLine"))
                .withMessage("Party.nameEn must not contain control characters, found U+000A at position 8");
    }

    @Test
    void everyKindIsWrittenAsOneOfThePartyKindLabels() {
        assertThat(PartyKind.values()).extracting(PartyKind::label).allMatch(NodeLabel::isPartyKind);
        assertThat(PartyKind.values()).extracting(k -> k.label().label())
                .containsExactly("Cooperative", "Enterprise", "Association", "Carrier", "Regulator");
        assertThat(PartyKind.fromLabel("Carrier")).isEqualTo(PartyKind.CARRIER);
        assertThatIllegalArgumentException().isThrownBy(() -> PartyKind.fromLabel("Bank"))
                .withMessage("PartyKind must be one of Cooperative, Enterprise, Association, Carrier, Regulator, got \"Bank\"");
    }
}
