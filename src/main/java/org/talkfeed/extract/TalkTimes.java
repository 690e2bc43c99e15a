package org.talkfeed.extract;

import java.util.Comparator;
import java.util.List;

/** Times read around a talk's date in prose, and an end stated apart from the start. */
final class TalkTimes {
    private static final java.util.regex.Pattern UNTIL = java.util.regex.Pattern.compile(
            "(?i)\\b(?:until|till|to|ending at|ends at|end at|finish(?:es)? at|run(?:s)? (?:until|till|to))\\s+(?:about\\s+|around\\s+|approximately\\s+|ca\\.?\\s+)?");

    private static final java.util.regex.Pattern UNTIL_WORDS = java.util.regex.Pattern.compile(
            "(?i)\\b(?:until|till|ending at|ends at|end at|finish(?:es)? at)\\b|(?<=\\d)\\s*(?:[ap]\\.?m\\.?)?\\s*(?:to|-|–|—)(?=\\s*\\d)");

    private TalkTimes() {
    }

    /** The body repeats the start and says when it ends: looked for only around "until" and the like, in small windows. */
    static TimeRange endFromBody(TimeRange time, String body) {
        String prose = body.length() > 3000 ? body.substring(0, 3000) : body;
        PatternScan scan = new PatternScan(UNTIL_WORDS, prose, UNTIL_START);
        java.util.regex.Matcher until = scan.matcher();
        while (scan.find()) {
            int from = Math.max(0, until.start() - 100);
            String window = prose.substring(from, Math.min(prose.length(), until.end() + 40));
            for (TimeRange same : new TimeFinder(true).find(window)) {
                if (same.start().equals(time.start())) {
                    TimeRange ended = same.end() != null ? same : withLaterEnd(same, window);
                    if (ended.end() != null) {
                        return new TimeRange(time.start(), ended.end(), time.position(), time.endPosition(), time.warning());
                    }
                }
            }
        }
        return time;
    }

    private static final PatternScan.Start UNTIL_WORD = PatternScan.wordStartingWith("until", "till", "end", "finish");
    /** {@link #UNTIL_WORDS} starts at one of its words, or right after a digit with a space, am/pm or "to" or a dash. */
    private static final PatternScan.Start UNTIL_START = (text, i) -> i > 0 && PatternScan.isDigit(text.charAt(i - 1))
            && (Spaces.isSpace(text.charAt(i)) || "aApPtT-–—".indexOf(text.charAt(i)) >= 0) || UNTIL_WORD.at(text, i);

    /** "begin at 3:30 and run until around 5:00": an end stated apart from the start, in the next few words. */
    static TimeRange withLaterEnd(TimeRange time, String text) {
        int from = Math.min(text.length(), time.endPosition());
        String after = text.substring(from, Math.min(text.length(), from + 100));
        java.util.regex.Matcher until = UNTIL.matcher(after);
        if (!until.find()) {
            return time;
        }
        List<TimeRange> ends = new TimeFinder(false).find(after.substring(until.end()));
        if (ends.isEmpty() || ends.get(0).position() > 0) {
            return time;
        }
        java.time.LocalTime end = ends.get(0).start();
        if (end.isBefore(time.start()) && end.getHour() < 12) {
            end = end.plusHours(12);
        }
        return end.isAfter(time.start()) ? new TimeRange(time.start(), end, time.position(), time.endPosition(), time.warning())
                : time;
    }

    /** In prose, the time written closest after the talk's date (before it when none follows). */
    static TimeRange nearestTime(String text, DateMention date, DateFinder dates) {
        List<TimeRange> found = new TimeFinder(true).find(text);
        if (found.isEmpty()) {
            return null;
        }
        List<DateMention> mentions = dates.find(text);
        int anchor = mentions.stream().filter(m -> m.date().equals(date.date())).mapToInt(DateMention::start)
                .findFirst().orElse(-1);
        if (anchor < 0) {
            return found.get(0);
        }
        return found.stream().min(Comparator.comparingInt(t -> t.position() >= anchor
                ? t.position() - anchor : 4 * (anchor - t.position()))).orElse(found.get(0));
    }
}
