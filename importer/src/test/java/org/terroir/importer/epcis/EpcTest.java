package org.terroir.importer.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.model.id.Sgtin;

class EpcTest {

    @Test
    void epcUrnAndDigitalLinkOfOneSgtinAreEqual() {
        Epc urn = Epc.of("urn:epc:id:sgtin:9520001.000001.SN1");
        Epc link = Epc.of("https://example.com/shop/01/09520001000010/21/SN1?x=1");

        assertThat(urn).isEqualTo(link);
        assertThat(urn.gs1Key()).isTrue();
        assertThat(urn.identifier()).get().isInstanceOf(Sgtin.class);
    }

    @Test
    void aDigitalLinkWithConsumerProductVariantIsTheSameSgtin() {
        Epc withVariant = Epc.of("https://id.example.com/01/09520001000010/22/V1/10/LOT7/21/SN1");

        assertThat(withVariant).isEqualTo(Epc.of("urn:epc:id:sgtin:9520001.000001.SN1"));
        assertThat(withVariant.gs1Key()).isTrue();
    }

    @Test
    void otherGs1KeysAreKeyedByTheirCanonicalDigitalLinkPath() {
        Epc urn = Epc.of("urn:epc:id:grai:040123450.007.18765");
        Epc link = Epc.of("https://id.example.com/8003/0040123450007418765");

        assertThat(urn).isEqualTo(link);
        assertThat(urn.key()).isEqualTo("8003/0040123450007418765");
        assertThat(urn.gs1Key()).isFalse();
        assertThat(urn.identifier()).isEmpty();
    }

    @Test
    void keepsNonGs1IdentifiersAsWritten() {
        assertThat(Epc.of(" urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8 ").key())
                .isEqualTo("urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8");
        assertThat(Epc.of("http://transaction.acme.com/po/12345678").key())
                .isEqualTo("http://transaction.acme.com/po/12345678");
    }
}
