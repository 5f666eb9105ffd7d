package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.terroir.model.id.Gtin;
import org.terroir.model.id.Sgtin;

class ItemTest {

    @Test
    void keyIsTheSgtinKey() {
        Item item = Item.of(Gtin.of("09520001000010"), "SN1");
        assertThat(item.key()).isEqualTo("01/09520001000010/21/SN1");
        assertThat(item.gtin().value()).isEqualTo("09520001000010");
        assertThat(item.serial().value()).isEqualTo("SN1");
    }

    @Test
    void sameItemFromKeyEpcUrnAndDigitalLinkWithLot() {
        Item fromKey = Item.fromKey("01/09520001000010/21/SN1");
        assertThat(new Item(Sgtin.parse("urn:epc:id:sgtin:9520001.000001.SN1"))).isEqualTo(fromKey);
        assertThat(new Item(Sgtin.parseDigitalLink("https://example.com/01/09520001000010/10/LOT7/21/SN1"))).isEqualTo(fromKey);
    }

    @Test
    void fromKeyRejectsTheKeyOfABatch() {
        assertThatIllegalArgumentException().isThrownBy(() -> Item.fromKey("01/09520001000010/10/LOT7"))
                .withMessage("Item.key must be a key of the form 01/{gtin14}/21/{serial}, got \"01/09520001000010/10/LOT7\"");
    }

    @Test
    void rejectsMissingIdentifier() {
        assertThatNullPointerException().isThrownBy(() -> new Item(null)).withMessage("Item.sgtin must not be null");
    }
}
