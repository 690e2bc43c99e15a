package org.talkfeed.talk;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One talk as an announcement describes it. Times are local to {@code timezone}, an IANA zone id;
 * {@code end} is null unless the text states it.
 */
@JsonPropertyOrder({"title", "speakers", "date", "start", "end", "timezone", "location", "online", "url",
        "host", "series", "abstract", "bio", "confidence", "warnings"})
public record Talk(
        String title,
        List<Speaker> speakers,
        LocalDate date,
        @JsonFormat(pattern = "HH:mm") LocalTime start,
        @JsonFormat(pattern = "HH:mm") LocalTime end,
        String timezone,
        String location,
        boolean online,
        String url,
        String host,
        String series,
        @JsonProperty("abstract") String abstractText,
        String bio,
        double confidence,
        List<String> warnings) {

    public Talk {
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The start as an instant in the talk's zone, when both a date and a start time are known. */
    public Optional<ZonedDateTime> startsAt() {
        if (date == null || start == null || timezone == null) {
            return Optional.empty();
        }
        return Optional.of(ZonedDateTime.of(date, start, ZoneId.of(timezone)));
    }

    public String speakerNames() {
        return String.join(", ", speakers.stream().map(Speaker::name).toList());
    }

    /** A one-line human description: title, speakers and when. */
    public String describe() {
        StringBuilder line = new StringBuilder();
        line.append(title == null ? "(untitled)" : '"' + title + '"');
        if (!speakers.isEmpty()) {
            line.append(" by ").append(speakerNames());
        }
        if (date != null) {
            line.append(", ").append(date);
            if (start != null) {
                line.append(' ').append(start);
            }
            if (timezone != null) {
                line.append(' ').append(timezone);
            }
        }
        return line.toString();
    }

    public Talk withSpeakers(List<Speaker> newSpeakers) {
        return new Talk(title, newSpeakers, date, start, end, timezone, location, online, url, host, series, abstractText, bio,
                confidence, warnings);
    }

    /** The same talk on another day and time: one meeting of a weekly series. */
    public Talk on(LocalDate newDate, LocalTime newStart, LocalTime newEnd) {
        return new Talk(title, speakers, newDate, newStart, newEnd, timezone, location, online, url, host, series, abstractText,
                bio, confidence, warnings);
    }

    /**
     * Whether readers and calendars see the same talk in both: every field but the confidence and the warnings, which
     * say how it was read, not what it is.
     */
    public boolean showsAs(Talk other) {
        return withConfidence(0).withoutWarnings().equals(other.withConfidence(0).withoutWarnings());
    }

    private Talk withoutWarnings() {
        return new Talk(title, speakers, date, start, end, timezone, location, online, url, host, series, abstractText, bio,
                confidence, List.of());
    }

    /** The same talk with this confidence (the probability that it is fully right). */
    public Talk withConfidence(double newConfidence) {
        return new Talk(title, speakers, date, start, end, timezone, location, online, url, host, series, abstractText, bio,
                newConfidence, warnings);
    }

    /** The same talk with one more warning. */
    public Talk withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new Talk(title, speakers, date, start, end, timezone, location, online, url, host, series, abstractText, bio,
                confidence, more);
    }

    /** One of several talks in this session: its own title and speakers; the message's abstract and bio are not its own. */
    public Talk part(String partTitle, List<Speaker> partSpeakers) {
        return new Talk(partTitle, partSpeakers, date, start, end, timezone, location, online, url, host, series, null, null,
                confidence, warnings);
    }
}
