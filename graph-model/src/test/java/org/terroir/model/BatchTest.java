package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.InvalidIdentifierException;
import org.terroir.model.id.Lgtin;

class BatchTest {

    private static final Gtin GTIN = Gtin.of("09520001000010");

    @Test
    void keyIsTheLgtinKey() {
        Batch batch = Batch.of(GTIN, "LOT7");
        assertThat(batch.key()).isEqualTo("01/09520001000010/10/LOT7");
        assertThat(batch.gtin()).isEqualTo(GTIN);
        assertThat(batch.lot().value()).isEqualTo("LOT7");
    }

    @Test
    void keyPercentEncodesTheLotWhileLotKeepsItsText() {
        Batch batch = Batch.of(GTIN, "2026/11");
        assertThat(batch.key()).isEqualTo("01/09520001000010/10/2026%2F11");
        assertThat(batch.lot().value()).isEqualTo("2026/11");
    }

    @Test
    void sameBatchFromKeyEpcUrnAndDigitalLink() {
        Batch fromKey = Batch.fromKey("01/09520001000010/10/LOT7");
        assertThat(new Batch(Lgtin.parse("urn:epc:class:lgtin:9520001.000001.LOT7"))).isEqualTo(fromKey);
        assertThat(new Batch(Lgtin.parseDigitalLink("https://id.gs1.org/01/09520001000010/10/LOT7"))).isEqualTo(fromKey);
    }

    @Test
    void fromKeyRejectsTheKeyOfAnItem() {
        assertThatIllegalArgumentException().isThrownBy(() -> Batch.fromKey("01/09520001000010/21/SN1"))
                .withMessage("Batch.key must be a key of the form 01/{gtin14}/10/{lot}, got \"01/09520001000010/21/SN1\"");
    }

    @Test
    void fromKeyRejectsAKeyNotInCanonicalForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> Batch.fromKey("01/9520001000010/10/LOT7"))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void rejectsMissingIdentifier() {
        assertThatNullPointerException().isThrownBy(() -> new Batch(null)).withMessage("Batch.lgtin must not be null");
        assertThatNullPointerException().isThrownBy(() -> Batch.fromKey(null)).withMessage("Batch.key must not be null");
    }
}
