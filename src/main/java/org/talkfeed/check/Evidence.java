package org.talkfeed.check;

import org.talkfeed.extract.DateReadings.DateReading;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageText;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the rules look at for one talk: the talk as extracted, the message it came from, the dates the message writes
 * out, the field models' confidence in each of its values, and today's date.
 *
 * @param dayFirst whether the list reads "3/4" as 3 April
 */
record Evidence(Talk talk, MessageText message, List<DateReading> dates, Map<String, Double> fieldConfidences,
                LocalDate today, boolean dayFirst) {

    /** The readings of the talk's own date. */
    List<DateReading> talkDates() {
        return dates.stream().filter(d -> d.date().equals(talk.date())).toList();
    }

    /** Where the talk's date is written, in the body rather than the subject ("line 3", "subject"), or null. */
    String whereDate() {
        List<DateReading> readings = talkDates();
        return readings.stream().filter(d -> d.line() > 0).findFirst().or(() -> readings.stream().findFirst())
                .map(Evidence::where).orElse(null);
    }

    static String where(DateReading reading) {
        return reading.line() == 0 ? "subject" : "line " + reading.line();
    }

    /** Where a text first stands in the message, whatever its case ("subject", "line 4"), or null. */
    String whereText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        if (message.subject().toLowerCase(Locale.ROOT).contains(needle)) {
            return "subject";
        }
        List<String> lines = message.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).toLowerCase(Locale.ROOT).contains(needle)) {
                return "line " + (i + 1);
            }
        }
        return null;
    }
}
