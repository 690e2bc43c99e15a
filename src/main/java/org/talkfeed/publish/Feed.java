package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;

import java.util.List;

/**
 * One published calendar file: where it goes in the site ({@code path}, relative, with '/'), what it is about
 * ({@code kind} and {@code label}: the series, speaker, host or year; null for all talks), its calendar name, and
 * the talks it holds, oldest first, already cut to its window when {@code windowed}. The reminder variant of a feed
 * holds the same talks, each with a VALARM, at {@link #alarmPath}.
 */
record Feed(String path, Kind kind, String label, String title, List<StoredTalk> members, boolean windowed, boolean alarms) {

    enum Kind { ALL, SERIES, SPEAKER, HOST, YEAR, TALK }

    Feed {
        members = List.copyOf(members);
    }

    /** This feed with a reminder before every talk, at its own address. */
    Feed withAlarms() {
        return alarms ? this : new Feed(alarmPath(path), kind, label, title + " (with reminders)", members, windowed, true);
    }

    /**
     * {@code x.ics} becomes {@code x.alarm.ics}: slugs never hold a dot, so no plain feed's path can be another
     * feed's reminder path (as {@code x-alarm.ics} could, for a series named "X Alarm").
     */
    static String alarmPath(String path) {
        if (!path.endsWith(".ics")) {
            throw new IllegalArgumentException("not a calendar path: " + path);
        }
        return path.substring(0, path.length() - ".ics".length()) + ".alarm.ics";
    }
}
