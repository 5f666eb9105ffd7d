package org.terroir.importer.epcis.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** xsd:dateTime with a mandatory timezone, and EPCIS time zone offsets. */
final class Times {

    private static final Pattern DATE_TIME = Pattern.compile(
            "^-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");
    private static final Pattern OFFSET = Pattern.compile("^[+-]((0\\d|1[0-3]):[0-5]\\d|14:00)$");

    private Times() {
    }

    /** The instant of an xsd:dateTime that carries a timezone; empty when malformed or zone-less. */
    static Optional<Instant> parse(String text) {
        if (!DATE_TIME.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String dateTimeRule(String text) {
        return "\"" + text + "\" is not an xsd:dateTime with timezone, e.g. 2026-07-22T06:45:00+02:00";
    }

    /** An EPCIS {@code eventTimeZoneOffset}, {@code -14:00}..{@code +14:00}. */
    static Optional<ZoneOffset> offset(String text) {
        if (!OFFSET.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(ZoneOffset.of(text));
    }
}
