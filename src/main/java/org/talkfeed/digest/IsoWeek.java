package org.talkfeed.digest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO 8601 week, Monday to Sunday, written as 2026-W08. */
public record IsoWeek(LocalDate monday) {
    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException(monday + " is not a Monday");
        }
    }

    public static IsoWeek containing(LocalDate day) {
        return new IsoWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /**
     * The week a digest made on {@code today} is about: this week from Monday to Friday, the next one on Saturday and
     * Sunday, when this week is all but over.
     */
    public static IsoWeek coming(LocalDate today) {
        IsoWeek week = containing(today);
        return today.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0 ? week.next() : week;
    }

    /** A week as written, 2026-W08; an IllegalArgumentException says what is wrong. */
    public static IsoWeek parse(String text) {
        Matcher m = WRITTEN.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an ISO week such as 2026-W08");
        }
        try {
            LocalDate day = LocalDate.parse(m.group(1) + "-W" + m.group(2) + "-1", DateTimeFormatter.ISO_WEEK_DATE);
            return new IsoWeek(day);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\": the year " + m.group(1) + " has no week " + m.group(2));
        }
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public IsoWeek next() {
        return new IsoWeek(monday.plusWeeks(1));
    }

    public IsoWeek previous() {
        return new IsoWeek(monday.minusWeeks(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(monday) && !day.isAfter(sunday());
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
