package org.talkfeed.extract;

import java.time.LocalDate;

/** A date found in text, where it was, and whether it was given outright or worked out. */
record DateMention(LocalDate date, int start, int end, boolean relative, String warning) {
}
