package org.terroir.importer.epcis.internal;

import org.terroir.model.Cbv;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Value canonicalisation of the event hash, where the reference vectors leave cases uncovered. */
class PreHashValuesTest {

    @Test
    void writesNumbersWithoutTrailingZerosAsTheReferenceDoubleDoes() {
        assertThat(PreHash.number("200.0")).isEqualTo("200");
        assertThat(PreHash.number("0.18")).isEqualTo("0.18");
        assertThat(PreHash.number("+5")).isEqualTo("5");
        assertThat(PreHash.number("1e3")).isEqualTo("1000");
        assertThat(PreHash.number("0.0001")).isEqualTo("0.0001");
        assertThat(PreHash.number("0.00001")).isEqualTo("1e-05");
        assertThat(PreHash.number("-2.50")).isEqualTo("-2.5");
    }

    @Test
    void leavesTextThatIsNotANumberAlone() {
        assertThat(PreHash.number("P3Y")).isEqualTo("P3Y");
        assertThat(PreHash.number("2015-03-30a")).isEqualTo("2015-03-30a");
        assertThat(PreHash.number("NaN")).isEqualTo("NaN");
    }

    @Test
    void writesTimesInUtcWithMillisecondsRoundingTheFourthDecimalHalfUp() {
        assertThat(PreHash.time(Instant.parse("2023-02-02T11:04:03.1415Z"))).isEqualTo("2023-02-02T11:04:03.142Z");
        assertThat(PreHash.time(Instant.parse("2023-02-02T11:04:03.1414Z"))).isEqualTo("2023-02-02T11:04:03.141Z");
        assertThat(PreHash.time(Instant.parse("2023-02-02T11:04:59.9996Z"))).isEqualTo("2023-02-02T11:05:00.000Z");
        assertThat(PreHash.time(Instant.parse("2019-10-21T14:58:56Z"))).isEqualTo("2019-10-21T14:58:56.000Z");
    }

    @Test
    void writesUtcOffsetAsPlusZero() {
        assertThat(PreHash.offset(ZoneOffset.UTC)).isEqualTo("+00:00");
        assertThat(PreHash.offset(ZoneOffset.of("-06:00"))).isEqualTo("-06:00");
        assertThat(PreHash.offset(ZoneOffset.of("+05:45"))).isEqualTo("+05:45");
    }

    @Test
    void turnsCbvUrnsAndGs1KeysIntoWebUris() {
        assertThat(PreHash.value("urn:epcglobal:cbv:bizstep:receiving")).isEqualTo("https://ref.gs1.org/cbv/BizStep-receiving");
        assertThat(PreHash.value("urn:epc:id:pgln:4000001.00000")).isEqualTo("https://id.gs1.org/417/4000001000005");
        assertThat(PreHash.value("https://example.com/gtin/09780345418913/21/765tz?abc=211121"))
                .isEqualTo("https://id.gs1.org/01/09780345418913/21/765tz");
        assertThat(PreHash.value("http://transaction.acme.com/po/12345678")).isEqualTo("http://transaction.acme.com/po/12345678");
    }
}
