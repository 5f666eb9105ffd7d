package org.terroir.trace.scans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.terroir.labels.Verdict;

/** Every reason of the label verifier is a problem of the scan, in the verifier's words. */
class AuthenticityTest {

    @Test
    void everyVerifierReasonHasItsProblemWithTheSameWords() {
        for (Verdict.Reason reason : Verdict.Reason.values()) {
            assertThat(Authenticity.Problem.of(reason).text()).as(reason.name()).isEqualTo(reason.text());
        }
        assertThat(Authenticity.Problem.UNKNOWN_SERIAL.text()).isEqualTo("unknown serial");
    }
}
