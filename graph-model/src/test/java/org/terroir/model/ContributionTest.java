package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContributionTest {

    private static final String PRODUCER = "P-GVRELY43XS5A";
    private static final String BATCH = "01/09520001000010/10/LOT7";

    @Test
    void holdsProducerBatchQuantityAndUnit() {
        Contribution contribution = Contribution.of(PRODUCER, BATCH, new BigDecimal("37.5"), "KGM");
        assertThat(contribution.batchKey()).isEqualTo(BATCH);
        assertThat(contribution.quantity()).isEqualByComparingTo("37.5");
        assertThat(contribution.unit()).isEqualTo("KGM");
    }

    @Test
    void quantityMustBeGreaterThanZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> Contribution.of(PRODUCER, BATCH, BigDecimal.ZERO, "KGM"))
                .withMessage("Contribution.quantity must be greater than 0, got \"0\"");
        assertThatIllegalArgumentException().isThrownBy(() -> Contribution.of(PRODUCER, BATCH, new BigDecimal("-2.5"), "KGM"))
                .withMessage("Contribution.quantity must be greater than 0, got \"-2.5\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kg", "斤", "K", "KGMS", "KG M"})
    void unitMustBeAUneceRecommendation20Code(String unit) {
        assertThatIllegalArgumentException().isThrownBy(() -> Contribution.of(PRODUCER, BATCH, BigDecimal.ONE, unit))
                .withMessageStartingWith("Contribution.unit must be a UN/ECE Recommendation 20 unit code");
    }

    @Test
    void producerIsNamedByItsPseudonym() {
        assertThatIllegalArgumentException().isThrownBy(() -> Contribution.of("张三", BATCH, BigDecimal.ONE, "KGM"))
                .withMessageStartingWith("Contribution.producerPseudonym must be P- followed by 12 Base32 characters");
    }

    @Test
    void batchKeyMustBeTheKeyOfABatch() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Contribution.of(PRODUCER, "01/09520001000010/21/SN1", BigDecimal.ONE, "KGM"))
                .withMessageStartingWith("Batch.key must be a key of the form 01/{gtin14}/10/{lot}");
        assertThatNullPointerException().isThrownBy(() -> new Contribution(PRODUCER, null, BigDecimal.ONE, "KGM"))
                .withMessage("Contribution.batch must not be null");
    }
}
