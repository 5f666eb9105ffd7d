package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProducerIdentityTest {

    private static final PseudonymSalt SALT = PseudonymSalt.random();
    private static final String ID_NUMBER = "350825199001011230";

    @Test
    void holdsNamePhoneAndIdNumber() {
        ProducerIdentity identity = new ProducerIdentity("P-MFRGGZDFMZTW", " 张三 ", "138 0000 0000", Optional.of(ID_NUMBER));
        assertThat(identity.name()).isEqualTo("张三");
        assertThat(identity.phone()).isEqualTo("138 0000 0000");
        assertThat(identity.idNumber()).contains(ID_NUMBER);
    }

    @Test
    void storesTheIdNumbersCheckCharacterXUpperCase() {
        ProducerIdentity identity = new ProducerIdentity("P-MFRGGZDFMZTW", "李四", "13800000001", Optional.of("62052519850615002x"));
        assertThat(identity.idNumber()).contains("62052519850615002X");
    }

    @Test
    void rejectsIdNumberWithAWrongCheckCharacter() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProducerIdentity("P-MFRGGZDFMZTW", "张三", "13800000000", Optional.of("350825199001011231")))
                .withMessage("ProducerIdentity.idNumber must be a resident ID number whose last character is its "
                        + "ISO 7064 MOD 11-2 check character (value withheld: personal data)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"350825900101123", "35082519900101123", "3508251990010112301", "35082519900101123Y"})
    void rejectsIdNumberThatIsNotSeventeenDigitsAndACheckCharacter(String idNumber) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProducerIdentity("P-MFRGGZDFMZTW", "张三", "13800000000", Optional.of(idNumber)))
                .withMessageStartingWith("ProducerIdentity.idNumber must be a resident ID number of 18 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"138000", "1380000000000000", "138-0000-000a", "+", "138--", "0597 - 5800000 ext 2"})
    void rejectsPhoneThatIsNotSevenToFifteenDigits(String phone) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProducerIdentity("P-MFRGGZDFMZTW", "张三", phone, Optional.empty()))
                .withMessageStartingWith("ProducerIdentity.phone must be 7 to 15 digits");
    }

    @Test
    void acceptsLandlineAndInternationalPhoneNumbers() {
        assertThat(new ProducerIdentity("P-MFRGGZDFMZTW", "张三", "0597-5800000", Optional.empty()).phone()).isEqualTo("0597-5800000");
        assertThat(new ProducerIdentity("P-MFRGGZDFMZTW", "张三", "+86 138 0000 0000", Optional.empty()).phone())
                .isEqualTo("+86 138 0000 0000");
    }

    @Test
    void rejectsBlankNameAndPseudonymNotFollowingTheRule() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProducerIdentity("P-MFRGGZDFMZTW", " ", "13800000000", Optional.empty()))
                .withMessageStartingWith("ProducerIdentity.name must be 1 to 100 characters");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProducerIdentity("P-1", "张三", "13800000000", Optional.empty()))
                .withMessageStartingWith("ProducerIdentity.pseudonym must be P- followed by 12 Base32 characters");
        assertThatNullPointerException()
                .isThrownBy(() -> new ProducerIdentity("P-MFRGGZDFMZTW", "张三", "13800000000", null))
                .withMessage("ProducerIdentity.idNumber must not be null");
    }

    @Test
    void rejectionMessagesNeverEchoPersonalData() {
        String name = "张三".repeat(60);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProducerIdentity("P-MFRGGZDFMZTW", name, "13800000000", Optional.empty()))
                .withMessageNotContaining("张三");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProducerIdentity("P-MFRGGZDFMZTW", "张三", "1380000000x", Optional.empty()))
                .withMessageNotContaining("1380000000").withMessageNotContaining("张三");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProducerIdentity("P-MFRGGZDFMZTW", "张三", "13800000000", Optional.of("350825199001011231")))
                .withMessageNotContaining("350825").withMessageNotContaining("13800000000");
    }

    @Test
    void toStringWithholdsPersonalData() {
        ProducerIdentity identity = new ProducerIdentity("P-MFRGGZDFMZTW", "张三", "13800000000", Optional.of(ID_NUMBER));
        assertThat(identity.toString())
                .isEqualTo("ProducerIdentity[pseudonym=P-MFRGGZDFMZTW, name=<withheld>, phone=<withheld>, idNumber=<withheld>]")
                .doesNotContain("张三", "13800000000", ID_NUMBER);
    }

    @Test
    void registerDerivesThePseudonymFromTheIdNumber() {
        ProducerIdentity identity = ProducerIdentity.register(SALT, "张三", "13800000000", Optional.of(ID_NUMBER));
        assertThat(identity.householdKey()).isEqualTo("id:" + ID_NUMBER);
        assertThat(identity.pseudonym()).isEqualTo(Producer.pseudonymFor(SALT, "id:" + ID_NUMBER));
    }

    @Test
    void sameHouseholdRegisteredAgainGetsTheSamePseudonymEvenWithAnotherPhone() {
        ProducerIdentity first = ProducerIdentity.register(SALT, "张三", "13800000000", Optional.of(ID_NUMBER));
        ProducerIdentity again = ProducerIdentity.register(SALT, "张 三", "13900000000", Optional.of(ID_NUMBER));
        assertThat(again.pseudonym()).isEqualTo(first.pseudonym());
    }

    @Test
    void withoutIdNumberThePseudonymComesFromThePhoneWithoutCountryCode() {
        ProducerIdentity plain = ProducerIdentity.register(SALT, "王五", "13800000000", Optional.empty());
        ProducerIdentity international = ProducerIdentity.register(SALT, "王五", "+86 138-0000-0000", Optional.empty());
        ProducerIdentity zeroZero = ProducerIdentity.register(SALT, "王五", "0086 13800000000", Optional.empty());
        assertThat(plain.householdKey()).isEqualTo("phone:13800000000");
        assertThat(international.pseudonym()).isEqualTo(plain.pseudonym());
        assertThat(zeroZero.pseudonym()).isEqualTo(plain.pseudonym());
    }

    @Test
    void differentHouseholdsGetDifferentPseudonyms() {
        ProducerIdentity a = ProducerIdentity.register(SALT, "张三", "13800000000", Optional.of(ID_NUMBER));
        ProducerIdentity b = ProducerIdentity.register(SALT, "李四", "13800000001", Optional.of("62052519850615002X"));
        assertThat(a.pseudonym()).isNotEqualTo(b.pseudonym());
    }
}
