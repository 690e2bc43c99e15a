package org.talkfeed.extract;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds clock times and ranges: "11:00 am", "4pm", "4 p.m.", "16:30", "16h30", "noon",
 * "3:30-4:30pm", "15:00–16:00", "from 3 to 4 pm", and the academic "16 c.t." (a quarter past) and "s.t.".
 */
final class TimeFinder {
    private static final Pattern RANGE = Pattern.compile(
            "(?<![\\d:/.,$£€-])(?:(?<![\\p{L}])from\\s+)?(?<a>" + clock("a") + ")(?:\\s*(?:-|–|—|to|until|till|and)\\s*(?<b>" + clock("b")
                    + "))?(?![\\d/])",
            Pattern.CASE_INSENSITIVE);

    private final boolean strict;

    /** @param strict only times that cannot be anything else (with am/pm, a colon, "h", c.t./s.t., noon) */
    TimeFinder(boolean strict) {
        this.strict = strict;
    }

    /** One clock time, its groups named with the prefix p: hour, separator, minute, am/pm, c.t./s.t., noon. */
    private static String clock(String p) {
        return "(?<" + p + "h>[0-2]?\\d)(?:(?<" + p + "sep>[:.h])(?<" + p + "m>[0-5]\\d))?"
                + "(?:\\s*(?<" + p + "ap>[ap])\\.?\\s?m\\b\\.?)?(?:\\s*(?<" + p + "ct>[cs])\\.\\s?t\\.)?"
                + "(?<" + p + "uhr>\\s*(?:Uhr|h(?![\\p{L}\\d])))?"
                + "|(?<![\\p{L}])(?<" + p + "noon>12 noon|noon|midday)(?![\\p{L}])"; // a word of its own: not "afternoon", "noontime"
    }

    List<TimeRange> find(String text) {
        List<TimeRange> found = new ArrayList<>();
        PatternScan scan = new PatternScan(RANGE, text, MAY_START);
        Matcher m = scan.matcher();
        while (scan.find()) {
            TimeRange range = toRange(m, strict && !rightAfterADay(text, m.start(), m.end()));
            if (range != null) {
                found.add(range);
            }
        }
        return found;
    }

    private static final Pattern DAY_BEFORE = Pattern.compile(
            "(?i)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow|tonight)[ \\t]*[(,]?[ \\t]*$");

    /** "This Friday (12-2)": a bare range right after the day it happens on is a time; "Friday 12-15 May" is not. */
    private static boolean rightAfterADay(String text, int start, int end) {
        return DAY_BEFORE.matcher(text.substring(Math.max(0, start - 14), start)).find()
                && !DateFinder.MONTH_NEXT.matcher(text).region(end, text.length()).lookingAt();
    }

    /** A time starts with a digit, "from", "noon" or "midday", and never right after a digit or a mark like ":" or "$". */
    private static final PatternScan.Start STARTING_WORD = PatternScan.startingWith("0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
            "from", "noon", "midday");
    private static final PatternScan.Start MAY_START = (text, i) -> (i == 0 || "0123456789:/.,$£€-".indexOf(text.charAt(i - 1)) < 0)
            && STARTING_WORD.at(text, i);

    private TimeRange toRange(Matcher m, boolean strict) {
        Clock a = Clock.of(m, "a");
        if (a == null) {
            return null;
        }
        Clock b = m.group("b") != null ? Clock.of(m, "b") : null;
        if (b != null && b.uhr && !a.uhr) {
            a = a.withUhr(); // "18.00-19.30 Uhr": the whole range is on the 24-hour clock
        }
        boolean aSure = a.isUnambiguousTime();
        boolean bSure = b != null && b.isUnambiguousTime();
        if (!aSure && !bSure) {
            if (strict || b == null) {
                return null;
            }
        }
        if (b != null && !bSure && b.meridiem == null && b.minute == null && !b.noon && strict) {
            b = null; // "4pm - 5" is too thin; keep the start
        }
        String connector = b == null ? "" : m.group().substring(m.end("a") - m.start(), m.start("b") - m.start());
        if (b != null && connector.toLowerCase(Locale.ROOT).contains("and") && b.meridiem == null && b.minute == null) {
            b = null;
        }
        String warning = null;
        Character meridiemA = a.meridiem;
        if (meridiemA == null && b != null && b.meridiem != null && !a.noon) {
            // "3:30-4:30pm": the start shares the end's half of the day unless that would put it after the end
            meridiemA = b.meridiem;
            if (to24(a.hour, meridiemA) > to24(b.hour, b.meridiem)
                    || (to24(a.hour, meridiemA) == to24(b.hour, b.meridiem) && a.minuteOr0() > b.minuteOr0())) {
                meridiemA = meridiemA == 'p' ? 'a' : 'p';
            }
        }
        LocalTime start = a.toTime(meridiemA);
        if (start == null) {
            return null;
        }
        if (meridiemA == null && !a.noon && !a.twentyFourHour() && a.hour >= 1 && a.hour <= 7) {
            start = start.plusHours(12);
            warning = "assumed " + start + " for \"" + m.group().strip() + "\" (no am/pm)";
        }
        LocalTime end = null;
        if (b != null) {
            end = b.toTime(b.meridiem);
            if (end != null && b.meridiem == null && !b.noon && !b.twentyFourHour() && end.isBefore(start)) {
                end = end.plusHours(12);
            }
            if (end != null && !end.isAfter(start)) {
                end = null;
            }
        }
        return new TimeRange(start, end, m.start(), m.end(), warning);
    }

    private static int to24(int hour, Character meridiem) {
        if (meridiem == null) {
            return hour;
        }
        return (hour % 12) + (meridiem == 'p' ? 12 : 0);
    }

    private record Clock(int hour, Integer minute, Character meridiem, boolean noon, Character academic, String separator,
                         boolean uhr) {
        Clock withUhr() {
            return new Clock(hour, minute, meridiem, noon, academic, separator, true);
        }

        static Clock of(Matcher m, String p) {
            if (m.group(p + "noon") != null) {
                return new Clock(12, 0, 'p', true, null, null, false);
            }
            int hour = Integer.parseInt(m.group(p + "h"));
            Integer minute = m.group(p + "m") == null ? null : Integer.parseInt(m.group(p + "m"));
            String ap = m.group(p + "ap");
            Character meridiem = ap == null ? null : Character.toLowerCase(ap.charAt(0));
            String ct = m.group(p + "ct");
            Character academic = ct == null ? null : Character.toLowerCase(ct.charAt(0));
            String sep = m.group(p + "sep");
            if (hour > 24 || (meridiem != null && (hour == 0 || hour > 12))) {
                return null;
            }
            boolean uhr = m.group(p + "uhr") != null && !m.group(p + "uhr").isBlank();
            return new Clock(hour, minute, meridiem, false, academic, sep, uhr);
        }

        boolean isUnambiguousTime() {
            return noon || meridiem != null || academic != null || uhr
                    || (minute != null && (":".equals(separator) || "h".equalsIgnoreCase(separator)))
                    || ("h".equalsIgnoreCase(separator));
        }

        boolean twentyFourHour() {
            return uhr || hour == 0 || hour > 12 || (minute != null && separator != null && separator.equalsIgnoreCase("h"));
        }

        int minuteOr0() {
            return minute == null ? 0 : minute;
        }

        LocalTime toTime(Character meridiemToUse) {
            int h = to24(hour, meridiemToUse);
            if (h == 24) {
                h = 0;
            }
            if (h > 23) {
                return null;
            }
            int min = minuteOr0();
            if (academic != null && academic == 'c' && minute == null) {
                min = 15; // cum tempore: a quarter past
            }
            return LocalTime.of(h, min);
        }
    }
}
