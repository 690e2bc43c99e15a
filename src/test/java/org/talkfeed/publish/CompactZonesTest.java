package org.talkfeed.publish;

import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.Needs;
import org.talkfeed.store.StoredTalk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compact VTIMEZONEs place every event at the same instant as the zone's full history does, as ical.js (a parser
 * talkfeed did not write) reads them, for zones on both sides of the equator and talks on the days clocks change.
 */
class CompactZonesTest {
    private static final Pattern VTIMEZONE = Pattern.compile("BEGIN:VTIMEZONE\r\nTZID:([^\r]+)\r\n.*?END:VTIMEZONE\r\n", Pattern.DOTALL);
    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();
    /** Days the clocks change in 2026, spring and autumn, in each zone. */
    private static final Map<String, List<LocalDate>> CHANGE_DAYS = Map.of(
            "Europe/Berlin", List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25)),
            "America/New_York", List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1)),
            "Australia/Sydney", List.of(LocalDate.of(2026, 4, 5), LocalDate.of(2026, 10, 4)));

    private final FeedTalks talks = new FeedTalks();

    private List<StoredTalk> talksAcrossChanges() {
        List<StoredTalk> all = new ArrayList<>();
        for (String zone : List.of("Europe/Berlin", "America/New_York", "Australia/Sydney")) {
            for (LocalDate day = LocalDate.of(2025, 1, 6); day.isBefore(LocalDate.of(2028, 1, 1)); day = day.plusDays(17)) {
                all.add(talks.talk(day, LocalTime.of(10, 0), zone, null, null, "Speaker"));
            }
            for (LocalDate day : CHANGE_DAYS.get(zone)) {
                for (LocalTime time : List.of(LocalTime.of(0, 30), LocalTime.of(1, 30), LocalTime.of(2, 30), LocalTime.of(3, 30),
                        LocalTime.of(23, 30))) {
                    all.add(talks.talk(day, time, zone, null, null, "Speaker"));
                }
            }
        }
        return all;
    }

    /** The same feed with each VTIMEZONE replaced by ical4j's, which holds the zone's whole history. */
    private static String withFullZones(String feed) {
        Matcher zone = VTIMEZONE.matcher(feed);
        StringBuilder full = new StringBuilder();
        while (zone.find()) {
            String history = FoldedLines.fold(REGISTRY.getTimeZone(zone.group(1)).getVTimeZone().toString());
            zone.appendReplacement(full, Matcher.quoteReplacement(history));
        }
        return zone.appendTail(full).toString();
    }

    @Test
    void everyEventKeepsItsInstantWithTheCompactZones(@TempDir Path dir) throws Exception {
        Needs.that(Files.isDirectory(Path.of("src", "test", "js", "node_modules", "ical.js")), "ical.js (npm install in src/test/js)");
        List<StoredTalk> all = talksAcrossChanges();
        CalendarFeed calendar = new CalendarFeed("Zones", Duration.ofMinutes(90), null);
        Map<String, String> feeds = new HashMap<>();
        feeds.put("all", calendar.render(all));
        for (StoredTalk talk : all) {
            if (CHANGE_DAYS.get(talk.talk().timezone()).contains(talk.talk().date())) {
                feeds.put("one-" + talk.id(), calendar.render(List.of(talk)));
            }
        }
        List<String> args = new ArrayList<>(List.of("node", Path.of("src", "test", "js", "ics-instants.mjs").toString()));
        for (Map.Entry<String, String> feed : feeds.entrySet()) {
            Path compact = dir.resolve(feed.getKey() + ".compact.ics");
            Path full = dir.resolve(feed.getKey() + ".full.ics");
            Files.writeString(compact, feed.getValue());
            Files.writeString(full, withFullZones(feed.getValue()));
            assertThat(Files.size(compact)).as(feed.getKey()).isLessThan(Files.size(full));
            args.add(compact.toString());
            args.add(full.toString());
        }

        Process node = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(output).isZero();
        Map<String, String> compactTimes = new HashMap<>();
        Map<String, String> fullTimes = new HashMap<>();
        for (String line : output.strip().split("\n")) {
            String[] column = line.split("\t");
            String file = Path.of(column[0]).getFileName().toString();
            String key = file.substring(0, file.indexOf('.')) + " " + column[1];
            (file.contains(".compact.") ? compactTimes : fullTimes).put(key, column[2] + " " + column[3]);
        }
        int expectedEvents = all.size() + feeds.size() - 1;
        assertThat(compactTimes).hasSize(expectedEvents);
        assertThat(fullTimes).hasSize(expectedEvents);
        List<String> differences = compactTimes.keySet().stream().filter(k -> !compactTimes.get(k).equals(fullTimes.get(k)))
                .sorted().map(k -> k + ": compact " + compactTimes.get(k) + ", full " + fullTimes.get(k)).toList();
        assertThat(differences).isEmpty();

        for (StoredTalk talk : all) {
            ZonedDateTime start = ZonedDateTime.of(talk.talk().date(), talk.talk().start(), ZoneId.of(talk.talk().timezone()));
            boolean unambiguous = ZoneId.of(talk.talk().timezone()).getRules().getValidOffsets(start.toLocalDateTime()).size() == 1;
            if (unambiguous) {
                assertThat(compactTimes.get("all " + talk.uid())).as("%s %s", talk.talk().timezone(), start)
                        .startsWith(start.toInstant().toString().replace("Z", ".000Z"));
            }
        }
    }

    /**
     * Every zone's talks are written at their own local hour, which with the VTIMEZONE beside it gives their instant. ical4j
     * writes a zoned time in its own rules, which keep changes some zones have dropped: America/Sao_Paulo's summer time,
     * gone since 2019, put a January talk at 18:15 in the feed as 19:15 under a VTIMEZONE of -03:00.
     */
    @Test
    void everyZonesTalksAreWrittenAtTheirOwnLocalHour() {
        CalendarFeed calendar = new CalendarFeed("Zones", Duration.ofMinutes(45), null);
        List<String> wrong = new ArrayList<>();
        List<String> zones = ZoneId.getAvailableZoneIds().stream()
                .filter(id -> !id.startsWith("ical4j")) // the zones ical4j adds to Java's, copies of these or of parsed ones
                .filter(CompactZones::hasVTimeZone).sorted().toList();
        for (String zone : zones) {
            List<StoredTalk> year = new ArrayList<>();
            for (int month = 1; month <= 12; month++) {
                year.add(talks.talk(LocalDate.of(2027, month, 7), LocalTime.of(18, 15), zone, null, null, "Speaker"));
            }
            String feed = calendar.render(year).replace("\r\n ", "");
            long starts = Pattern.compile("\r\nDTSTART;TZID=" + Pattern.quote(zone) + ":2027\\d\\d07T181500\r\n").matcher(feed).results().count();
            long ends = Pattern.compile("\r\nDTEND;TZID=" + Pattern.quote(zone) + ":2027\\d\\d07T190000\r\n").matcher(feed).results().count();
            if (starts != 12 || ends != 12) {
                wrong.add(zone + " (" + starts + " starts, " + ends + " ends right)");
            }
        }
        assertThat(zones).contains("America/Sao_Paulo", "Europe/Moscow", "America/Chicago");
        assertThat(wrong).isEmpty();
    }

    @Test
    void aZoneHoldsOnlyTheChangesItsEventsSpan() {
        CalendarFeed calendar = new CalendarFeed("Zones", Duration.ofHours(1), null);
        StoredTalk summer = talks.talk(LocalDate.of(2026, 7, 1), LocalTime.of(10, 0), "Europe/Berlin", null, null, "S");
        StoredTalk winter = talks.talk(LocalDate.of(2026, 12, 1), LocalTime.of(10, 0), "Europe/Berlin", null, null, "S");

        String one = calendar.render(List.of(summer));
        String two = calendar.render(List.of(summer, winter));

        assertThat(zone(one)).isEqualTo(String.join("\r\n", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:DAYLIGHT",
                "TZNAME:CEST", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "DTSTART:20260329T020000", "END:DAYLIGHT",
                "END:VTIMEZONE", ""));
        assertThat(zone(two)).contains("DTSTART:20260329T020000", "DTSTART:20261025T030000", "TZOFFSETTO:+0100")
                .doesNotContain("2025", "RRULE");
        assertThat(two).contains("X-WR-TIMEZONE:Europe/Berlin");
    }

    private static String zone(String feed) {
        Matcher zone = VTIMEZONE.matcher(feed);
        assertThat(zone.find()).isTrue();
        return zone.group();
    }
}
