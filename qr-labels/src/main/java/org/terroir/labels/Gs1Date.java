package org.terroir.labels;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.terroir.model.id.InvalidIdentifierException;

/**
 * A GS1 date data attribute in {@code YYMMDD} form (GS1 General Specifications 3.4, format
 * {@code N6}, syntax {@code yymmd0}): production date (AI 11), packaging date (AI 13), expiry
 * date (AI 17).
 *
 * <p>Rules checked: six digits; month 01 to 12; day 00 to the number of days in the month, where
 * February has 29 days when {@code YY} is divisible by 4 (exact for every year the century rule
 * below can give until 2099). Day {@code 00} means only year and month are known; for AI 17 it
 * means the last day of that month (GS1 General Specifications, AI 15/17).
 *
 * <p>The century is not written; {@link #toLocalDate(int)} applies the rule of GS1 General
 * Specifications 7.12: with {@code diff = YY - (current year mod 100)}, a {@code diff} of 51 to 99
 * means the previous century, -99 to -50 the next one, otherwise the current century.
 *
 * @param ai    {@code 11}, {@code 13} or {@code 17}
 * @param value the six digits {@code YYMMDD}
 */
public record Gs1Date(String ai, String value) {

    /** The AIs this type holds, with the names used in messages. */
    static final Map<String, String> NAMES =
            Map.of("11", "production date (AI 11)", "13", "packaging date (AI 13)", "17", "expiry date (AI 17)");

    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /** Validates the AI and the date rules; errors name the AI and the rule. */
    public Gs1Date {
        if (ai == null || !NAMES.containsKey(ai)) {
            throw new IllegalArgumentException("AI " + ai + " is not a date AI; supported: 11, 13, 17");
        }
        String label = NAMES.get(ai);
        if (value == null) {
            throw new InvalidIdentifierException(label, null, "must not be null");
        }
        if (value.length() != 6 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidIdentifierException(label, value, "must be exactly 6 digits YYMMDD (GS1 format N6)");
        }
        int yy = Integer.parseInt(value, 0, 2, 10);
        int mm = Integer.parseInt(value, 2, 4, 10);
        int dd = Integer.parseInt(value, 4, 6, 10);
        if (mm < 1 || mm > 12) {
            throw new InvalidIdentifierException(label, value, "month " + value.substring(2, 4) + " is not 01 to 12");
        }
        int days = mm == 2 && yy % 4 != 0 ? 28 : DAYS[mm - 1];
        if (dd > days) {
            throw new InvalidIdentifierException(label, value, "day " + value.substring(4, 6) + " is not 00 to "
                    + days + " for month " + value.substring(2, 4) + (mm == 2 ? " of year YY=" + value.substring(0, 2) : ""));
        }
    }

    /** A production date (AI 11). */
    public static Gs1Date production(String yymmdd) {
        return new Gs1Date("11", yymmdd);
    }

    /** A packaging date (AI 13). */
    public static Gs1Date packaging(String yymmdd) {
        return new Gs1Date("13", yymmdd);
    }

    /** An expiry date (AI 17). */
    public static Gs1Date expiry(String yymmdd) {
        return new Gs1Date("17", yymmdd);
    }

    /** The date in {@code YYMMDD} form from a full date. */
    public static Gs1Date of(String ai, LocalDate date) {
        return new Gs1Date(ai, String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth()));
    }

    /** Whether the day is {@code 00}: only year and month are given. */
    public boolean dayOmitted() {
        return value.endsWith("00");
    }

    /**
     * The full year by the GS1 century rule.
     *
     * @param currentYear the year "now", e.g. {@code Year.now(clock).getValue()}
     */
    public int year(int currentYear) {
        int yy = Integer.parseInt(value, 0, 2, 10);
        int century = currentYear - Math.floorMod(currentYear, 100);
        int diff = yy - Math.floorMod(currentYear, 100);
        if (diff >= 51) {
            century -= 100;
        } else if (diff <= -50) {
            century += 100;
        }
        return century + yy;
    }

    /**
     * The calendar date, the century by the GS1 rule. Day {@code 00} gives the last day of the
     * month for AI 17 and the first day for AI 11 and 13 (whose day is then unknown; judge with
     * {@link #month(int)} when a whole month matters).
     *
     * @throws java.time.DateTimeException for 29 February in a year that is not a leap year (2100)
     */
    public LocalDate toLocalDate(int currentYear) {
        YearMonth month = month(currentYear);
        int dd = Integer.parseInt(value, 4, 6, 10);
        if (dd == 0) {
            return ai.equals("17") ? month.atEndOfMonth() : month.atDay(1);
        }
        return month.atDay(dd);
    }

    /** Year and month, the century by the GS1 rule. */
    public YearMonth month(int currentYear) {
        return YearMonth.of(year(currentYear), Integer.parseInt(value, 2, 4, 10));
    }

    @Override
    public String toString() {
        return value;
    }
}
