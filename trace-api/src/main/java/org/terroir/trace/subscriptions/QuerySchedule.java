package org.terroir.trace.subscriptions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * When a scheduled subscription runs: the {@code schedule} of the EPCIS query interface, cron-like.
 * Each of {@code second} (0–59), {@code minute} (0–59), {@code hour} (0–23), {@code dayOfMonth} (1–31),
 * {@code month} (1–12) and {@code dayOfWeek} (1 Monday … 7 Sunday) is a number, a range {@code [low-high]}
 * or a comma-separated list of these; a time matches when every field given matches it. A field left
 * out matches every value when it is coarser than the finest field given, and only its least value
 * when it is finer (the two kinds of day are as fine as each other): {@code {"hour": "1", "minute": "5"}}
 * runs at 01:05:00 every day (not each second of that minute), {@code {"dayOfWeek": "1"}} at midnight
 * every Monday, {@code {"month": "3"}} at midnight on the first of March. At least one field is required.
 *
 * @param fields the fields as given, for showing the schedule back
 */
record QuerySchedule(Map<String, String> fields, BitSet seconds, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
                     BitSet daysOfWeek) {

    /** The fields, finest first, with their ranges and levels (the two kinds of day are one level). */
    private static final List<Field> FIELDS = List.of(new Field("second", 0, 59, 0), new Field("minute", 0, 59, 1),
            new Field("hour", 0, 23, 2), new Field("dayOfMonth", 1, 31, 3), new Field("month", 1, 12, 4),
            new Field("dayOfWeek", 1, 7, 3));
    private static final Pattern ELEMENT = Pattern.compile("\\s*(?:(\\d{1,2})|\\[\\s*(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s*])\\s*");
    /** How far ahead a run is looked for: a schedule with none within (the 30th of February) is refused. */
    private static final int HORIZON_DAYS = 366 * 8;

    private record Field(String name, int min, int max, int level) {
    }

    /**
     * Reads {@code schedule}, a JSON object of the fields (strings, or numbers).
     *
     * @throws IllegalArgumentException naming the field and what is wrong
     */
    static QuerySchedule of(JsonNode schedule) {
        if (schedule == null || !schedule.isObject()) {
            throw new IllegalArgumentException("schedule: an object of second, minute, hour, dayOfMonth, month, dayOfWeek");
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : schedule.propertyNames()) {
            if (FIELDS.stream().noneMatch(f -> f.name().equals(name))) {
                throw new IllegalArgumentException("schedule." + name + ": not a field of a schedule (second, minute, hour, "
                        + "dayOfMonth, month, dayOfWeek)");
            }
            JsonNode value = schedule.get(name);
            if (!value.isString() && !value.isIntegralNumber()) {
                throw new IllegalArgumentException("schedule." + name + ": a string such as \"5\", \"[1-5]\" or \"0,30\"");
            }
            given.put(name, value.isString() ? value.stringValue() : value.asString());
        }
        if (given.isEmpty()) {
            throw new IllegalArgumentException("schedule: at least one of second, minute, hour, dayOfMonth, month, dayOfWeek");
        }
        int finest = FIELDS.stream().filter(f -> given.containsKey(f.name())).mapToInt(Field::level).min().orElseThrow();
        BitSet[] sets = new BitSet[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            Field field = FIELDS.get(i);
            String value = given.get(field.name());
            BitSet set = new BitSet(field.max() + 1);
            if (value != null) {
                parse(field, value, set);
            } else if (field.level() < finest) {
                set.set(field.min()); // finer than what was given: its least value only
            } else {
                set.set(field.min(), field.max() + 1);
            }
            sets[i] = set;
        }
        QuerySchedule parsed = new QuerySchedule(Map.copyOf(given), sets[0], sets[1], sets[2], sets[3], sets[4], sets[5]);
        if (parsed.next(ZonedDateTime.now(java.time.ZoneOffset.UTC)).isEmpty()) {
            throw new IllegalArgumentException("schedule: no day matches it (dayOfMonth, month and dayOfWeek together)");
        }
        return parsed;
    }

    private static void parse(Field field, String value, BitSet set) {
        String[] elements = value.split(",", -1);
        for (String element : elements) {
            Matcher matcher = ELEMENT.matcher(element);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("schedule." + field.name() + ": \"" + value + "\" is not a number, a range "
                        + "[low-high] or a list of these");
            }
            int low = Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            int high = Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(3));
            if (low < field.min() || high > field.max() || low > high) {
                throw new IllegalArgumentException("schedule." + field.name() + ": \"" + value + "\" is outside " + field.min()
                        + " to " + field.max());
            }
            set.set(low, high + 1);
        }
    }

    /** The first time after {@code after} (in its zone) that matches; empty when none within eight years. */
    Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZoneId zone = after.getZone();
        ZonedDateTime from = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        LocalDate day = from.toLocalDate();
        for (int d = 0; d <= HORIZON_DAYS; d++, day = day.plusDays(1)) {
            if (!daysOfMonth.get(day.getDayOfMonth()) || !months.get(day.getMonthValue()) || !daysOfWeek.get(day.getDayOfWeek().getValue())) {
                continue;
            }
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    for (int s = seconds.nextSetBit(0); s >= 0; s = seconds.nextSetBit(s + 1)) {
                        ZonedDateTime candidate = ZonedDateTime.of(day, LocalTime.of(h, m, s), zone);
                        // A local time skipped by a change of clocks moves forward; it still counts if it is after.
                        if (!candidate.isBefore(from) && candidate.toLocalDate().equals(day)) {
                            return Optional.of(candidate);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
