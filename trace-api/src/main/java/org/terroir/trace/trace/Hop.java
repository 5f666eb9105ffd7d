package org.terroir.trace.trace;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.neo4j.driver.Value;

/**
 * One logistics leg of a batch's journey.
 *
 * @param id              the hop's id
 * @param from            where it left from
 * @param to              where it arrived
 * @param departed        when it left, ISO 8601 with the offset it was recorded with; {@code null} when only its arrival is recorded
 * @param arrived         when it arrived; {@code null} while in transit
 * @param durationMinutes whole minutes from departure to arrival, when both are known
 * @param carrier         who carried the goods, if recorded
 */
public record Hop(String id, Location from, Location to, String departed, String arrived, Integer durationMinutes,
                  Party carrier) {

    /** The hop of a {@code trace.journeys} or {@code trace.itemJourneys} row. */
    public static Hop from(org.neo4j.driver.Record row) {
        OffsetDateTime departed = time(row.get("departed"));
        OffsetDateTime arrived = time(row.get("arrived"));
        Integer minutes = departed == null || arrived == null
                ? null : Math.toIntExact(Duration.between(departed, arrived).toMinutes());
        return new Hop(row.get("id").asString(), Location.from(row.get("from")), Location.from(row.get("to")),
                format(departed), format(arrived), minutes, Party.from(row.get("carrier")));
    }

    private static OffsetDateTime time(Value value) {
        return value.isNull() ? null : value.asOffsetDateTime();
    }

    private static String format(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
