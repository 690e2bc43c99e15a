package org.talkfeed.talk;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An admin's corrections to a talk, as {@code field=value} settings: each value checked, so that a wrong one is refused
 * with the field and the value named, and nothing is applied. An empty value clears a field that may be empty.
 */
public final class Corrections {
    public static final List<String> FIELDS = List.of("title", "speaker", "date", "start", "end", "timezone", "location",
            "url", "host", "series");
    /** Fields a talk cannot be without. */
    private static final List<String> REQUIRED = List.of("title", "speaker", "date");

    private final Map<String, String> values;

    private Corrections(Map<String, String> values) {
        this.values = values;
    }

    /** Reads settings such as {@code date=2026-03-05}; a later setting of a field replaces an earlier one. */
    public static Corrections parse(List<String> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("\"" + setting + "\" is not field=value (fields: " + String.join(", ", FIELDS) + ")");
            }
            String field = setting.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (field.equals("speakers")) {
                field = "speaker";
            }
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field \"" + field + "\" (fields: " + String.join(", ", FIELDS) + ")");
            }
            values.put(field, setting.substring(eq + 1).strip());
        }
        return new Corrections(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The corrections as they are kept with the decision: one {@code field=value} a line; null when there are none. */
    public String describe() {
        if (values.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        values.forEach((field, value) -> lines.add(field + "=" + value));
        return String.join("\n", lines);
    }

    /** {@code talk} with the corrections applied; throws {@link IllegalArgumentException} naming the field and value refused. */
    public Talk applyTo(Talk talk) {
        String title = talk.title();
        List<Speaker> speakers = talk.speakers();
        LocalDate date = talk.date();
        LocalTime start = talk.start();
        LocalTime end = talk.end();
        String timezone = talk.timezone();
        String location = talk.location();
        String url = talk.url();
        String host = talk.host();
        String series = talk.series();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String field = e.getKey();
            String value = e.getValue().isEmpty() ? null : e.getValue();
            if (value == null && REQUIRED.contains(field)) {
                throw refused(field, "", "it cannot be empty");
            }
            switch (field) {
                case "title" -> title = value;
                case "speaker" -> speakers = speakers(value);
                case "date" -> date = date(value);
                case "start" -> start = time(field, value);
                case "end" -> end = time(field, value);
                case "timezone" -> timezone = zone(value);
                case "location" -> location = value;
                case "url" -> url = url(value);
                case "host" -> host = value;
                case "series" -> series = value;
                default -> throw new IllegalStateException(field);
            }
        }
        if (start != null && end != null && !end.isAfter(start)) {
            throw refused(values.containsKey("end") ? "end" : "start", String.valueOf(values.containsKey("end") ? end : start),
                    "the end " + end + " is not after the start " + start);
        }
        return new Talk(title, speakers, date, start, end, timezone, location, talk.online(), url, host, series,
                talk.abstractText(), talk.bio(), talk.confidence(), talk.warnings());
    }

    /** "Ada Quint (Lakeshore University); Bo Li": speakers separated by semicolons, each affiliation in parentheses. */
    private static List<Speaker> speakers(String value) {
        List<Speaker> speakers = new ArrayList<>();
        for (String part : value.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int open = p.indexOf('(');
            if (open > 0 && p.endsWith(")")) {
                speakers.add(new Speaker(p.substring(0, open).strip(), p.substring(open + 1, p.length() - 1).strip()));
            } else {
                speakers.add(new Speaker(p, null));
            }
        }
        return speakers;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw refused("date", value, "not a date (write it as YYYY-MM-DD, e.g. 2026-03-05)");
        }
    }

    private static LocalTime time(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            throw refused(field, value, "not a time (write it as HH:MM on the 24-hour clock, e.g. 16:30)");
        }
    }

    private static String zone(String value) {
        if (value == null) {
            return null;
        }
        try {
            ZoneId zone = ZoneId.of(value);
            if (!value.contains("/") && !value.equals("UTC")) {
                throw new DateTimeException("not a region");
            }
            return zone.getId();
        } catch (DateTimeException e) {
            throw refused("timezone", value, "not a time zone (write an IANA name such as America/Chicago, or UTC)");
        }
    }

    private static String url(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw refused("url", value, "not an http or https address");
    }

    private static IllegalArgumentException refused(String field, String value, String why) {
        return new IllegalArgumentException(field + ": \"" + value + "\" is " + (why.startsWith("not") ? why : "refused: " + why));
    }
}
