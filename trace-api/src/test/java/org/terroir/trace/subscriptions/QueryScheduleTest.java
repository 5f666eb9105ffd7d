package org.terroir.trace.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class QueryScheduleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A Monday, 07:30:15 in Shanghai. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 7, 7, 30, 15, 0, SHANGHAI);

    private static QuerySchedule schedule(String json) {
        return QuerySchedule.of(JSON.readTree(json));
    }

    private static ZonedDateTime at(int month, int day, int hour, int minute, int second) {
        return ZonedDateTime.of(2026, month, day, hour, minute, second, 0, SHANGHAI);
    }

    @Test
    void theBindingsExampleRunsAtFiveMinutesPastOneEveryMorningOnce() {
        QuerySchedule schedule = schedule("{\"hour\": \"1\", \"minute\": \"5\"}");
        ZonedDateTime first = schedule.next(NOW).orElseThrow();
        assertThat(first).isEqualTo(at(12, 8, 1, 5, 0));
        assertThat(schedule.next(first).orElseThrow()).as("not again within that minute").isEqualTo(at(12, 9, 1, 5, 0));
    }

    @Test
    void fieldsLeftOutMatchEverythingWhenCoarserAndTheirLeastValueWhenFiner() {
        assertThat(schedule("{\"minute\": \"0,30\"}").next(NOW).orElseThrow()).isEqualTo(at(12, 7, 8, 0, 0));
        assertThat(schedule("{\"second\": \"[0-59]\"}").next(NOW).orElseThrow()).isEqualTo(at(12, 7, 7, 30, 16));
        assertThat(schedule("{\"dayOfWeek\": \"7\"}").next(NOW).orElseThrow()).as("midnight on Sunday").isEqualTo(at(12, 13, 0, 0, 0));
        assertThat(schedule("{\"dayOfMonth\": \"1\", \"hour\": \"[8-9]\"}").next(NOW).orElseThrow()).isEqualTo(at(12, 7, 8, 0, 0)
                .withMonth(1).withYear(2027).withDayOfMonth(1));
        assertThat(schedule("{\"month\": \"2\", \"dayOfMonth\": \"29\"}").next(NOW).orElseThrow().getYear()).isEqualTo(2028);
        assertThat(schedule("{\"month\": \"3\"}").next(NOW).orElseThrow()).as("the first of March").isEqualTo(at(3, 1, 0, 0, 0)
                .withYear(2027));
        assertThat(schedule("{\"hour\": 23}").next(NOW).orElseThrow()).as("a number too").isEqualTo(at(12, 7, 23, 0, 0));
    }

    @Test
    void aScheduleThatIsNoneIsRefusedNamingTheField() {
        for (String[] refused : new String[][] {{"{}", "schedule:"}, {"{\"hour\": \"24\"}", "schedule.hour:"},
                {"{\"minute\": \"[40-20]\"}", "schedule.minute:"}, {"{\"minute\": \"*/5\"}", "schedule.minute:"},
                {"{\"week\": \"1\"}", "schedule.week:"}, {"{\"dayOfMonth\": \"30\", \"month\": \"2\"}", "schedule:"},
                {"{\"dayOfWeek\": \"0\"}", "schedule.dayOfWeek:"}, {"{\"hour\": true}", "schedule.hour:"}}) {
            assertThatThrownBy(() -> schedule(refused[0])).as(refused[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(refused[1]);
        }
    }
}
