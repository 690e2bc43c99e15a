package org.talkfeed.extract;

import org.talkfeed.talk.Talk;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A series given as a recurrence ("at 5 p.m. on Thursdays, from 27 January to 9 March"): one talk per
 * week between the two dates, with the time stated in the same sentence.
 */
final class WeeklySeries {
    private static final Pattern WEEKDAYS = Pattern.compile("\\b(mon|tues|wednes|thurs|fri|satur|sun)days?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE_START = Pattern.compile("\\b(?:from|between|starting)\\s+", Pattern.CASE_INSENSITIVE);
    private static final PatternScan.Start WEEKDAY_START = PatternScan.wordStartingWith("mon", "tues", "wednes", "thurs", "fri",
            "satur", "sun");
    private static final Literals RECURRENCE_WORDS = Literals.of("days ", "days,", "every ", "each ");
    private static final int MAX_WEEKS = 30;
    private static final Pattern SENTENCE_END_ON = Pattern.compile("[.;].*");

    private WeeklySeries() {
    }

    /** The talks of a weekly series the text describes, each a copy of the base talk on its day; empty when none. */
    static List<Talk> expand(String text, Talk base, DateFinder dates) {
        if (!RECURRENCE_WORDS.inAnyCase(text)) {
            return List.of(); // no "Thursdays", "every Thursday": no recurrence to read
        }
        PatternScan scan = new PatternScan(WEEKDAYS, text, WEEKDAY_START);
        Matcher m = scan.matcher();
        while (scan.find()) {
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 90));
            int stop = SENTENCE_END_ON.matcher(after).replaceAll("").length();
            Matcher rangeStart = RANGE_START.matcher(after).region(0, stop);
            if (!rangeStart.find()) {
                continue;
            }
            int rangeAt = m.end() + rangeStart.end();
            String rest = text.substring(rangeAt, Math.min(text.length(), rangeAt + 120));
            List<DateMention> range = dates.find(rest);
            if (range.size() < 2 || range.get(0).start() > 3) {
                continue;
            }
            LocalDate from = range.get(0).date();
            LocalDate to = range.get(1).date();
            DayOfWeek day = DateFinder.weekday(m.group(1));
            long weeks = ChronoUnit.WEEKS.between(from, to);
            if (!to.isAfter(from) || weeks > MAX_WEEKS) {
                continue;
            }
            String sentence = sentenceAround(text, m.start());
            List<TimeRange> times = new TimeFinder(true).find(sentence);
            LocalTime start = times.isEmpty() ? base.start() : times.get(0).start();
            LocalTime end = times.isEmpty() ? base.end() : times.get(0).end();
            List<Talk> talks = new ArrayList<>();
            for (LocalDate d = from.with(TemporalAdjusters.nextOrSame(day)); !d.isAfter(to); d = d.plusWeeks(1)) {
                talks.add(base.on(d, start, end));
            }
            return talks;
        }
        return List.of();
    }


    private static String sentenceAround(String text, int at) {
        int start = Math.max(text.lastIndexOf(". ", at), text.lastIndexOf('\n', at)) + 1;
        int end = text.indexOf(". ", at);
        return text.substring(Math.max(0, start), end < 0 ? text.length() : end);
    }
}
