package org.talkfeed.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A date found in text, where it was, and whether it was given outright or worked out.
 *
 * @param orderGuessed a numeric date such as "3/4" whose day and month order nothing in the text settled: read by the
 *                     list's configured order
 * @param stated       the weekday written beside the date, or null
 */
record DateMention(LocalDate date, int start, int end, boolean relative, String warning, boolean orderGuessed,
                   DayOfWeek stated) {
    DateMention(LocalDate date, int start, int end, boolean relative, String warning) {
        this(date, start, end, relative, warning, false, null);
    }
}
