package org.talkfeed.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new day of a talk that a message moves: "has been moved to Thursday, March 12", "postponed to March 19 at 4pm",
 * "we will move this session to the following week (Wed Jan 22nd, 1-2pm)", "will be given next Wed. (6/30) instead".
 * The new day is the first date written after the moving words in the same sentence; with "instead", the last date
 * before it in its sentence. The time, if any, is read from the same stretch of text.
 */
final class Rescheduling {
    /** A talk's new day, and its new time when the sentence gives one. */
    record NewDay(LocalDate date, TimeRange time) {
    }

    /** Words that move a talk to the date after them, or ("instead") to the date before it. */
    private static final Pattern MOVING_WORDS = Pattern.compile(
            "\\b(?:(?:moved|rescheduled|postponed|pushed back|shifted|deferred|delayed)\\s+(?:to|until|till|for)"
                    + "|mov(?:e|ing)\\s+(?:[^.!?\\n]{1,60}?\\s)?to|new (?:date|day)(?:\\s+is|\\s*:)?"
                    + "|verschoben auf|verlegt auf|report[ée]e? (?:au|à)|(?<instead>instead))\\b",
            Pattern.CASE_INSENSITIVE);
    /** Where a match of MOVING_WORDS can start: the first letters of its alternatives (see PatternScan). */
    private static final PatternScan.Start MOVING_START = PatternScan.wordStartingWith("mov", "rescheduled", "postponed", "pushed",
            "shifted", "deferred", "delayed", "new d", "verschoben", "verlegt", "report", "instead");

    private Rescheduling() {
    }

    static Optional<NewDay> find(String text, DateFinder dates) {
        PatternScan scan = new PatternScan(MOVING_WORDS, text, MOVING_START);
        Matcher words = scan.matcher();
        while (scan.find()) {
            if (words.group("instead") != null) {
                String before = text.substring(sentenceStart(text, words.start()), words.start());
                List<DateMention> found = dates.find(before);
                if (!found.isEmpty()) {
                    return Optional.of(new NewDay(found.get(found.size() - 1).date(), firstTime(before)));
                }
            } else {
                String after = text.substring(words.end(), sentenceEnd(text, words.end()));
                List<DateMention> found = dates.find(after);
                if (!found.isEmpty()) {
                    return Optional.of(new NewDay(found.get(0).date(), firstTime(after.substring(found.get(0).start()))));
                }
            }
        }
        return Optional.empty();
    }

    private static TimeRange firstTime(String text) {
        List<TimeRange> times = new TimeFinder(false).find(text);
        return times.isEmpty() ? null : times.get(0);
    }

    /** Where the sentence that goes on at {@code from} ends: a full stop, ! or ? before a capital letter, or a blank line. */
    private static int sentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (endsSentence(text, i)) {
                return i;
            }
        }
        return text.length();
    }

    private static int sentenceStart(String text, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (endsSentence(text, i)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            return i + 1 < text.length() && text.charAt(i + 1) == '\n';
        }
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        int next = i + 1;
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\n')) {
            next++;
        }
        return next == text.length() || next > i + 1 && Character.isUpperCase(text.charAt(next));
    }
}
