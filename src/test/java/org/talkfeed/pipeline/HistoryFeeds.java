package org.talkfeed.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The published year feeds (calendar-YYYY.ics) of a site, read together: unlike calendar.ics, whose window follows the
 * real clock, they hold every talk, so a test's fixed-date talk is there whatever the day the test runs.
 */
final class HistoryFeeds {
    private HistoryFeeds() {
    }

    static String read(Path site) {
        if (!Files.isDirectory(site)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(site)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("calendar-\\d{4}\\.ics")).sorted().toList()) {
                all.append(Files.readString(file));
            }
        } catch (IOException e) {
            return ""; // a feed replaced while it was listed: the next look reads it again
        }
        return all.toString();
    }
}
