package org.terroir.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.terroir.model.id.InvalidIdentifierException;

class Gs1DateTest {

    @Test
    void acceptsValidDatesOfEachAi() {
        assertThat(Gs1Date.production("261120").toLocalDate(2026)).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(Gs1Date.packaging("261231").toLocalDate(2026)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Gs1Date.expiry("280229").toLocalDate(2026)).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @ParameterizedTest
    @CsvSource({
            "11, 2611,    production date (AI 11), exactly 6 digits",
            "13, 26112a,  packaging date (AI 13),  exactly 6 digits",
            "17, 2611200, expiry date (AI 17),     exactly 6 digits",
            "17, 261320,  expiry date (AI 17),     month 13 is not 01 to 12",
            "11, 260020,  production date (AI 11), month 00 is not 01 to 12",
            "11, 261131,  production date (AI 11), day 31 is not 00 to 30 for month 11",
            "13, 260132,  packaging date (AI 13),  day 32 is not 00 to 31 for month 01",
            "17, 270229,  expiry date (AI 17),     day 29 is not 00 to 28 for month 02 of year YY=27",
    })
    void rejectsABrokenRuleNamingTheAiAndTheRule(String ai, String value, String label, String rule) {
        assertThatThrownBy(() -> new Gs1Date(ai, value))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageStartingWith(label + " \"" + value + "\"")
                .hasMessageContaining(rule);
    }

    @Test
    void acceptsTheTwentyNinthOfFebruaryOnlyInYearsDivisibleByFour() {
        assertThat(Gs1Date.expiry("240229").value()).isEqualTo("240229");
        assertThat(Gs1Date.expiry("000229").toLocalDate(2026)).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThatThrownBy(() -> Gs1Date.expiry("250229")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void dayZeroOfAnExpiryDateIsTheLastDayOfTheMonth() {
        assertThat(Gs1Date.expiry("270200").toLocalDate(2026)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(Gs1Date.expiry("280200").toLocalDate(2026)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Gs1Date.expiry("261100").toLocalDate(2026)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(Gs1Date.expiry("261100").dayOmitted()).isTrue();
    }

    @Test
    void dayZeroOfAProductionOrPackagingDateMeansOnlyTheMonthIsKnown() {
        Gs1Date production = Gs1Date.production("261100");
        assertThat(production.dayOmitted()).isTrue();
        assertThat(production.month(2026).toString()).isEqualTo("2026-11");
        assertThat(production.toLocalDate(2026)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(Gs1Date.packaging("261100").toLocalDate(2026)).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @ParameterizedTest(name = "YY {1} in {0} is {2}")
    @CsvSource({
            "2026, 26, 2026",
            "2026, 76, 2076", // difference 50: current century
            "2026, 77, 1977", // difference 51: previous century
            "2026, 99, 1999",
            "2026, 00, 2000",
            "2080, 30, 2130", // difference -50: next century
            "2080, 31, 2031", // difference -49: current century
            "2099, 00, 2100",
            "2001, 99, 1999",
    })
    void resolvesTheCenturyByTheGs1Rule(int currentYear, String yy, int expected) {
        assertThat(Gs1Date.production(yy + "0101").year(currentYear)).isEqualTo(expected);
    }

    @Test
    void rejectsAnAiThatIsNotADate() {
        assertThatThrownBy(() -> new Gs1Date("15", "261120")).hasMessageContaining("AI 15 is not a date AI");
    }
}
