package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PseudonymSaltTest {

    @Test
    void rejectsSaltOfFewerThanSixteenBytes() {
        assertThatIllegalArgumentException().isThrownBy(() -> PseudonymSalt.of(new byte[15]))
                .withMessage("PseudonymSalt must be at least 16 bytes, got 15");
    }

    @Test
    void roundTripsThroughBase64() {
        PseudonymSalt salt = PseudonymSalt.random();
        PseudonymSalt again = PseudonymSalt.fromBase64(salt.toBase64());
        assertThat(Producer.pseudonymFor(again, "id:350825199001011230"))
                .isEqualTo(Producer.pseudonymFor(salt, "id:350825199001011230"));
    }

    @Test
    void rejectsTextThatIsNotBase64() {
        assertThatIllegalArgumentException().isThrownBy(() -> PseudonymSalt.fromBase64("not base64!"))
                .withMessageStartingWith("PseudonymSalt must be Base64 (RFC 4648)");
    }

    @Test
    void neverShowsItsBytes() {
        PseudonymSalt salt = PseudonymSalt.random();
        assertThat(salt.toString()).isEqualTo("PseudonymSalt[32 bytes, hidden]").doesNotContain(salt.toBase64());
    }

    @Test
    void keepsItsOwnCopyOfTheBytes() {
        byte[] bytes = new byte[16];
        PseudonymSalt salt = PseudonymSalt.of(bytes);
        String before = Producer.pseudonymFor(salt, "id:350825199001011230");
        bytes[0] = 1;
        assertThat(Producer.pseudonymFor(salt, "id:350825199001011230")).isEqualTo(before);
    }
}
