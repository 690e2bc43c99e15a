package org.talkfeed.digest;

import org.junit.jupiter.api.Test;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest's calendar attachment carries text from mail as the feeds do (no control characters), and talks at their hour. */
class DigestCalendarTest {
    /** ical4j's own rules for America/Sao_Paulo keep the summer time dropped in 2019: a zoned time written by them is an hour late. */
    @Test
    void aSaoPauloTalkInJanuaryKeepsItsHour() {
        Talk talk = new Talk("Graphs", List.of(new Speaker("Ana Ruiz", null)), LocalDate.of(2027, 1, 7), LocalTime.of(18, 15),
                LocalTime.of(19, 30), "America/Sao_Paulo", "Room 4", false, null, null, null, null, null, 1.0, List.of());
        Instant at = Instant.parse("2027-01-01T10:00:00Z");
        Digest digest = new Digest(IsoWeek.parse("2027-W01"), ZoneId.of("America/Sao_Paulo"),
                List.of(new StoredTalk(1, "uid-1@talkfeed", "graphs", false, 0, talk, at, at)), List.of());

        String ics = DigestCalendar.render(digest, Duration.ofHours(1));

        assertThat(ics).contains("DTSTART;TZID=America/Sao_Paulo:20270107T181500\r\n", "DTEND;TZID=America/Sao_Paulo:20270107T193000\r\n");
    }

    @Test
    void controlCharactersFromMailNeverReachTheAttachment() {
        Talk talk = new Talk("Graphs\u0000 and\u001b[31m colour", List.of(new Speaker("Ada\u0007 Quint", "Lakeshore\u0085 University")),
                LocalDate.of(2026, 3, 3), LocalTime.of(16, 0), null, "Europe/Berlin", "Room\u0001 4", false, null,
                "Jo\u007f Host", null, "An abstract\u0000 with a NUL", null, 1.0, List.of());
        Instant at = Instant.parse("2026-02-20T10:00:00Z");
        Digest digest = new Digest(IsoWeek.parse("2026-W10"), ZoneId.of("Europe/Berlin"),
                List.of(new StoredTalk(1, "uid-1@talkfeed", "graphs", false, 0, talk, at, at)), List.of());

        String ics = DigestCalendar.render(digest, Duration.ofHours(1));

        assertThat(ics.replace("\r\n ", "")).contains("Graphs and[31m colour", "Room 4", "An abstract with a NUL");
        for (String line : ics.split("\r\n")) {
            assertThat(line.codePoints().filter(cp -> cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)))
                    .as("control characters in %s", line).isEmpty();
        }
    }
}
