package org.talkfeed.extract;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What the items of a schedule share unless they say otherwise: the day of their heading, and the time
 * and place the preamble gives ("seminars are held at 1 p.m. in the X Centre").
 */
record Inherited(LocalDate date, LocalTime start, LocalTime end, String location, boolean online) {
    static final Inherited NOTHING = new Inherited(null, null, null, null, false);
}
