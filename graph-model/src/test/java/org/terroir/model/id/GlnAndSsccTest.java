package org.terroir.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlnAndSsccTest {

    @Test
    void acceptsGlnWithCheckDigit() {
        assertThat(Gln.of("0614141123452").value()).isEqualTo("0614141123452");
        assertThat(Gln.withCheckDigit("952000100000")).isEqualTo(Gln.of("9520001000003"));
    }

    @Test
    void rejectsGlnWithWrongCheckDigit() {
        assertThatThrownBy(() -> Gln.of("9520001000007"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("GLN \"9520001000007\": check digit is 7, expected 3 (GS1 mod-10)");
    }

    @Test
    void rejectsGlnOfWrongLengthOrCharacters() {
        assertThatThrownBy(() -> Gln.of("952000100003"))
                .hasMessage("GLN \"952000100003\": 12 digits, expected 13");
        assertThatThrownBy(() -> Gln.of("952000100000-3"))
                .hasMessage("GLN \"952000100000-3\": character '-' at position 13 is not a digit");
        assertThatThrownBy(() -> Gln.withCheckDigit("9520001"))
                .hasMessage("GLN \"9520001\": 7 data digits, expected 12 (without check digit)");
    }

    @Test
    void acceptsSsccWithCheckDigit() {
        assertThat(Sscc.of("106141412345678908").value()).isEqualTo("106141412345678908");
        assertThat(Sscc.withCheckDigit("09520001000000001")).isEqualTo(Sscc.of("095200010000000010"));
    }

    @Test
    void rejectsSsccWithWrongCheckDigit() {
        assertThatThrownBy(() -> Sscc.of("095200010000000011"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("SSCC \"095200010000000011\": check digit is 1, expected 0 (GS1 mod-10)");
    }

    @Test
    void rejectsSsccOfWrongLength() {
        assertThatThrownBy(() -> Sscc.of("10614141234567890"))
                .hasMessage("SSCC \"10614141234567890\": 17 digits, expected 18");
    }
}
