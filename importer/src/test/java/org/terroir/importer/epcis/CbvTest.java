package org.terroir.importer.epcis;

import org.terroir.model.Cbv;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CbvTest {

    @Test
    void shortNameUrnAndWebUriOfAStandardBizStepAreOneValue() {
        assertThat(Cbv.BIZ_STEP.normalise("shipping")).contains("shipping");
        assertThat(Cbv.BIZ_STEP.normalise("urn:epcglobal:cbv:bizstep:shipping")).contains("shipping");
        assertThat(Cbv.BIZ_STEP.normalise("https://ref.gs1.org/cbv/BizStep-shipping")).contains("shipping");
    }

    @Test
    void keepsUserVocabularyUris() {
        assertThat(Cbv.BIZ_STEP.normalise("https://example.com/bizstep/drying")).contains("https://example.com/bizstep/drying");
        assertThat(Cbv.DISPOSITION.normalise("urn:example:disp:graded")).contains("urn:example:disp:graded");
    }

    @Test
    void rejectsBareWordsThatAreNotStandard() {
        assertThat(Cbv.BIZ_STEP.normalise("transforming")).isEmpty();
        assertThat(Cbv.DISPOSITION.normalise("in_transport")).isEmpty();
        assertThat(Cbv.SOURCE_DESTINATION_TYPE.normalise("place")).isEmpty();
    }

    @Test
    void rejectsUndefinedTermsInTheCbvNamespaces() {
        assertThat(Cbv.BIZ_STEP.normalise("urn:epcglobal:cbv:bizstep:transforming")).isEmpty();
        assertThat(Cbv.DISPOSITION.normalise("https://ref.gs1.org/cbv/Disp-in_transport")).isEmpty();
    }

    @Test
    void expandsStandardValuesToWebUris() {
        assertThat(Cbv.BIZ_TRANSACTION_TYPE.webUri("po")).isEqualTo("https://ref.gs1.org/cbv/BTT-po");
        assertThat(Cbv.BIZ_STEP.webUri("https://example.com/x")).isEqualTo("https://example.com/x");
    }
}
