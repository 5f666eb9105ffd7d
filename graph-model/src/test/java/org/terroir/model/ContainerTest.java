package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.terroir.model.id.Sscc;

class ContainerTest {

    @Test
    void keyIsTheSsccKey() {
        Container container = new Container(Sscc.of("095200010000000010"));
        assertThat(container.key()).isEqualTo("00/095200010000000010");
        assertThat(Container.fromKey("00/095200010000000010")).isEqualTo(container);
        assertThat(new Container(Sscc.parse("urn:epc:id:sscc:9520001.0000000001"))).isEqualTo(container);
    }

    @Test
    void fromKeyRejectsTheKeyOfALocation() {
        assertThatIllegalArgumentException().isThrownBy(() -> Container.fromKey("414/9520001000027"))
                .withMessage("Container.key must be a key of the form 00/{sscc}, got \"414/9520001000027\"");
    }

    @Test
    void rejectsMissingSscc() {
        assertThatNullPointerException().isThrownBy(() -> new Container(null)).withMessage("Container.sscc must not be null");
    }
}
