package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProducerTest {

    /** Bytes 0 to 31: a fixed salt, so that the expected pseudonyms below can be computed elsewhere. */
    private static final PseudonymSalt SALT = PseudonymSalt.of(sequence(32));

    @Test
    void acceptsPseudonymOfPAndTwelveBase32Characters() {
        Producer producer = new Producer("P-MFRGGZDFMZTW", true);
        assertThat(producer.pseudonym()).isEqualTo("P-MFRGGZDFMZTW");
        assertThat(producer.registeredPoor()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"P-MFRGGZDF", "P-MFRGGZDFMZTWA", "P-mfrggzdfmztw", "P-MFRGGZDFMZT1", "Q-MFRGGZDFMZTW",
            "PMFRGGZDFMZTW", " P-MFRGGZDFMZTW"})
    void rejectsPseudonymNotFollowingTheRule(String pseudonym) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Producer(pseudonym, false))
                .withMessageStartingWith("Producer.pseudonym must be P- followed by 12 Base32 characters (A-Z, 2-7)");
    }

    @Test
    void rejectsMissingPseudonym() {
        assertThatNullPointerException().isThrownBy(() -> new Producer(null, false))
                .withMessage("Producer.pseudonym must not be null");
    }

    @Test
    void pseudonymIsStableForTheSameHouseholdAndSalt() {
        String first = Producer.pseudonymFor(SALT, "id:350825199001011230");
        String again = Producer.pseudonymFor(PseudonymSalt.of(sequence(32)), "id:350825199001011230");
        assertThat(again).isEqualTo(first);
        assertThat(new Producer(first, false)).isEqualTo(Producer.of(SALT, "id:350825199001011230", false));
    }

    @Test
    void pseudonymIsHmacSha256OfTheNormalisedKeyInBase32() {
        // Computed independently: P- + base32(HMAC-SHA256(bytes 0..31,
        // "terroir:producer-pseudonym:v1:" + normalised key)[0..9])[0..11]
        assertThat(Producer.pseudonymFor(SALT, "id:350825199001011230")).isEqualTo("P-GVRELY43XS5A");
        assertThat(Producer.pseudonymFor(SALT, "id:62052519850615002X")).isEqualTo("P-2BUGRKPFDNAS");
        assertThat(Producer.pseudonymFor(SALT, "phone:13800000000")).isEqualTo("P-GOROL6WSYPVL");
    }

    @Test
    void pseudonymDiffersForAnotherHousehold() {
        assertThat(Producer.pseudonymFor(SALT, "id:350825199001011230"))
                .isNotEqualTo(Producer.pseudonymFor(SALT, "id:62052519850615002X"));
    }

    @Test
    void pseudonymDiffersForAnotherSalt() {
        assertThat(Producer.pseudonymFor(PseudonymSalt.of(new byte[32]), "id:350825199001011230"))
                .isNotEqualTo(Producer.pseudonymFor(SALT, "id:350825199001011230"));
    }

    @Test
    void pseudonymIgnoresSpacingHyphensCaseAndFullWidthDigits() {
        String expected = Producer.pseudonymFor(SALT, "id:62052519850615002X");
        assertThat(Producer.pseudonymFor(SALT, " ID: 620525-19850615-002x ")).isEqualTo(expected);
        assertThat(Producer.pseudonymFor(SALT, "id:６２０５２５１９８５０６１５００２Ｘ")).isEqualTo(expected);
    }

    @Test
    void pseudonymFollowsThePseudonymRule() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Producer.pseudonymFor(SALT, "phone:1380000" + i)).matches(Producer.PSEUDONYM);
        }
    }

    @Test
    void rejectsBlankHouseholdKeyWithoutEchoingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Producer.pseudonymFor(SALT, " - "))
                .withMessage("householdKey must be a stable personal identifier, not blank (value withheld: personal data)");
        assertThatNullPointerException().isThrownBy(() -> Producer.pseudonymFor(null, "id:350825199001011230"))
                .withMessage("salt must not be null");
    }

    private static byte[] sequence(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
