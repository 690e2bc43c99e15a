package org.talkfeed.extract;

import org.talkfeed.text.MessageText;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates a message writes out, read as extraction reads them (the subject on its own, the body as a whole), with
 * what a reader checking the message wants to know of each: whether its day and month order was a guess, and the
 * weekday written beside it.
 */
public final class DateReadings {
    /**
     * @param written      the date as written
     * @param line         the body line it is on, from 1; 0 for the subject
     * @param orderGuessed a numeric date ("3/4") whose order nothing in the text settled
     * @param weekday      the weekday written beside it, or null
     */
    public record DateReading(String written, java.time.LocalDate date, int line, boolean orderGuessed, DayOfWeek weekday) {
    }

    private DateReadings() {
    }

    public static List<DateReading> in(MessageText message, ExtractionDefaults defaults) {
        DateFinder finder = DateFinder.forMessage(message, defaults);
        List<DateReading> readings = new ArrayList<>();
        for (DateMention m : finder.find(message.subject())) {
            if (!m.relative()) {
                readings.add(new DateReading(message.subject().substring(m.start(), m.end()), m.date(), 0, m.orderGuessed(), m.stated()));
            }
        }
        String body = message.body();
        for (DateMention m : finder.find(body)) {
            if (!m.relative()) {
                int line = 1 + (int) body.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                readings.add(new DateReading(body.substring(m.start(), m.end()), m.date(), line, m.orderGuessed(), m.stated()));
            }
        }
        return readings;
    }
}
