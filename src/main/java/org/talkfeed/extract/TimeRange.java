package org.talkfeed.extract;

import java.time.LocalTime;

/** A start time, an end time when stated, where they were found, and a note when am/pm was guessed. */
record TimeRange(LocalTime start, LocalTime end, int position, int endPosition, String warning) {
}
