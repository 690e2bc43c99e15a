package org.talkfeed.announce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A talk as an admin writes it for {@code talkfeed announce}, in YAML.
 *
 * @param uid the UID of the talk as published, when this announcement changes a talk announced before; else null
 */
public record TalkFile(String title, List<SpeakerEntry> speakers, LocalDate date, LocalTime start, LocalTime end, String timezone,
                       String location, boolean online, String url, String host, String series,
                       @JsonProperty("abstract") String abstractText, String uid) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record SpeakerEntry(String name, String affiliation) {
    }

    public static TalkFile read(Path file) throws IOException {
        return YAML.readValue(file.toFile(), TalkFile.class);
    }

    /** The talk, or an exception saying which field is missing or wrong. */
    public Talk talk() {
        List<String> problems = new ArrayList<>();
        if (blank(title)) {
            problems.add("title is missing");
        }
        if (speakers == null || speakers.isEmpty() || speakers.stream().anyMatch(s -> s == null || blank(s.name()))) {
            problems.add("speakers need a name each (speakers: [{name: ..., affiliation: ...}])");
        }
        if (date == null || start == null) {
            problems.add("date and start are needed (date: 2026-03-05, start: \"16:00\")");
        }
        if (end != null && start != null && !end.isAfter(start)) {
            problems.add("end " + end + " is not after start " + start);
        }
        try {
            if (blank(timezone)) {
                problems.add("timezone is missing (an IANA zone such as America/Chicago)");
            } else {
                ZoneId.of(timezone);
            }
        } catch (DateTimeException e) {
            problems.add("timezone \"" + timezone + "\" is not an IANA zone such as America/Chicago");
        }
        if (blank(location) && !online) {
            problems.add("location is missing (or online: true with a url)");
        }
        if (online && blank(url)) {
            problems.add("an online talk needs its url");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        List<Speaker> people = speakers.stream().map(s -> new Speaker(s.name().strip(), blank(s.affiliation()) ? null
                : s.affiliation().strip())).toList();
        return new Talk(title.strip(), people, date, start, end, timezone, blank(location) ? null : location.strip(), online,
                blank(url) ? null : url.strip(), blank(host) ? null : host.strip(), blank(series) ? null : series.strip(),
                blank(abstractText) ? null : abstractText.strip(), null, 1.0, List.of());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
