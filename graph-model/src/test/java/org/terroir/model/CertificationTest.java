package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificationTest {

    private static final LocalDate FROM = LocalDate.of(2024, 3, 1);
    private static final LocalDate UNTIL = LocalDate.of(2027, 2, 28);

    private static Certification greenFood(Optional<LocalDate> until) {
        return new Certification("cert-lb-2024-01", CertificationKind.GREEN_FOOD, "LB-18-24030012345", "中国绿色食品发展中心",
                FROM, until);
    }

    @Test
    void certificationCannotExpireBeforeItStarts() {
        assertThatIllegalArgumentException().isThrownBy(() -> greenFood(Optional.of(FROM.minusDays(1))))
                .withMessage("Certification.validUntil must be on or after Certification.validFrom (2024-03-01), got \"2024-02-29\"");
    }

    @Test
    void isValidFromItsFirstThroughItsLastDay() {
        Certification cert = greenFood(Optional.of(UNTIL));
        assertThat(cert.isValidOn(FROM.minusDays(1))).isFalse();
        assertThat(cert.isValidOn(FROM)).isTrue();
        assertThat(cert.isValidOn(UNTIL)).isTrue();
        assertThat(cert.isValidOn(UNTIL.plusDays(1))).isFalse();
    }

    @Test
    void openEndedCertificationStaysValid() {
        assertThat(greenFood(Optional.empty()).isValidOn(LocalDate.of(2100, 1, 1))).isTrue();
    }

    @Test
    void oneDayCertificationIsAllowed() {
        assertThat(greenFood(Optional.of(FROM)).isValidOn(FROM)).isTrue();
    }

    @Test
    void rejectsBlankNumberAndIssuer() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Certification("c1", CertificationKind.HALAL, " ", "甘肃省伊斯兰教协会", FROM, Optional.empty()))
                .withMessage("Certification.number must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Certification("c1", CertificationKind.HALAL, "QZ-001", "", FROM, Optional.empty()))
                .withMessage("Certification.issuer must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Certification("c 1", CertificationKind.HALAL, "QZ-001", "协会", FROM, Optional.empty()))
                .withMessageStartingWith("Certification.id must be 1 to 128 characters");
    }

    @Test
    void kindsAreTheFourOfTheGraph() {
        assertThat(CertificationKind.values()).extracting(Enum::name).containsExactly("GI", "GREEN_FOOD", "ORGANIC", "HALAL");
    }
}
