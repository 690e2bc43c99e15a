package org.talkfeed.check;

import org.talkfeed.extract.DateReadings.DateReading;
import org.talkfeed.extract.ExtractionWarnings;
import org.talkfeed.extract.ExtractionWarnings.Matter;
import org.talkfeed.publish.WebAddress;
import org.talkfeed.talk.Talk;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The checks a talk goes through before its announcement is sent, each a small rule that names what it finds and where.
 * The extractor's own warnings that no rule here says better are passed on as they are.
 */
final class CheckRules {
    /** A field value the field model finds less likely right than this is doubtful. */
    static final double FIELD_CONFIDENCE_FLOOR = 0.5;
    /**
     * A talk the confidence model finds less likely fully right than this is doubtful even when no field model doubts a
     * field. (Not the publishing threshold, {@link org.talkfeed.extract.Decisions#PUBLISH_THRESHOLD}: a clearly labeled
     * draft without a Date header scores just under it.)
     */
    static final double TALK_CONFIDENCE_FLOOR = 0.5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** The rules in the order their findings are shown. */
    static final List<Function<Evidence, List<Finding>>> RULES = List.of(
            CheckRules::noTitle, CheckRules::noSpeaker, CheckRules::ambiguousDate, CheckRules::weekdayMismatch,
            CheckRules::pastDate, CheckRules::noZone, CheckRules::noEnd, CheckRules::linkNotUrl,
            CheckRules::lowConfidence, CheckRules::extractorWarnings);

    private CheckRules() {
    }

    static List<Finding> check(Evidence evidence) {
        List<Finding> findings = new ArrayList<>();
        RULES.forEach(rule -> findings.addAll(rule.apply(evidence)));
        return findings;
    }

    static List<Finding> noTitle(Evidence e) {
        if (e.talk().title() != null) {
            return List.of();
        }
        return List.of(new Finding("no-title", "no title: label it \"Title: ...\"" + heldBack(e.talk(), "title"), null));
    }

    static List<Finding> noSpeaker(Evidence e) {
        if (!e.talk().speakers().isEmpty()) {
            return List.of();
        }
        return List.of(new Finding("no-speaker", "no speaker: label it \"Speaker: Name (Affiliation)\"" + heldBack(e.talk(), "speaker"),
                null));
    }

    /** The extractor's word on a value it found and held back, if it did. */
    private static String heldBack(Talk talk, String field) {
        return talk.warnings().stream().filter(w -> w.startsWith(field + ExtractionWarnings.HELD_BACK)).findFirst()
                .map(w -> "; " + w).orElse("");
    }

    static List<Finding> ambiguousDate(Evidence e) {
        List<Finding> found = new ArrayList<>();
        for (DateReading d : e.talkDates()) {
            if (d.orderGuessed()) {
                found.add(new Finding("ambiguous-date", "ambiguous date \"" + d.written() + "\": read as " + DAY.format(d.date())
                        + " (" + (e.dayFirst() ? "day" : "month") + " first, the list's order); write the month's name",
                        Evidence.where(d)));
            }
        }
        return found;
    }

    static List<Finding> weekdayMismatch(Evidence e) {
        List<Finding> found = new ArrayList<>();
        for (DateReading d : e.talkDates()) {
            if (d.weekday() != null && d.weekday() != d.date().getDayOfWeek()) {
                found.add(new Finding("weekday-mismatch", "\"" + d.written() + "\" names a " + name(d.weekday()) + ", but "
                        + DAY.format(d.date()) + " is a " + name(d.date().getDayOfWeek()), Evidence.where(d)));
            }
        }
        if (found.isEmpty()) {
            e.talk().warnings().stream().filter(w -> ExtractionWarnings.about(w) == Matter.WEEKDAY)
                    .forEach(w -> found.add(new Finding("weekday-mismatch", w, e.whereDate())));
        }
        return found;
    }

    private static String name(java.time.DayOfWeek day) {
        return day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
    }

    static List<Finding> pastDate(Evidence e) {
        if (e.talk().date() == null || !e.talk().date().isBefore(e.today())) {
            return List.of();
        }
        return List.of(new Finding("past-date", "the date " + DAY.format(e.talk().date()) + " is in the past (today is "
                + DAY.format(e.today()) + ")", e.whereDate()));
    }

    static List<Finding> noZone(Evidence e) {
        Talk t = e.talk();
        if (t.start() == null) {
            return List.of();
        }
        if (t.timezone() == null) {
            return List.of(new Finding("no-zone", "no time zone: readers elsewhere see " + t.start()
                    + " in their own zone; write it after the time (\"16:00 Chicago time\")", e.whereDate()));
        }
        return t.warnings().stream().filter(w -> ExtractionWarnings.about(w) == Matter.ZONE)
                .map(w -> new Finding("no-zone", "no time zone stated: " + w + "; write it after the time", e.whereDate()))
                .toList();
    }

    static List<Finding> noEnd(Evidence e) {
        if (e.talk().start() == null || e.talk().end() != null) {
            return List.of();
        }
        return List.of(new Finding("no-end", "no end time: calendars will show the default length; write \"" + e.talk().start()
                + "–...\"", e.whereDate()));
    }

    static List<Finding> linkNotUrl(Evidence e) {
        Talk t = e.talk();
        if (t.url() != null && !WebAddress.isFollowable(t.url())) {
            return List.of(new Finding("link-not-url", "the link \"" + t.url() + "\" is not a URL: write it whole, with https://",
                    e.whereText(t.url())));
        }
        if (t.online() && t.url() == null) {
            return List.of(new Finding("link-not-url", "online, but no link that is a URL (https://...) to join", null));
        }
        return List.of();
    }

    static List<Finding> lowConfidence(Evidence e) {
        List<Finding> found = new ArrayList<>();
        for (Map.Entry<String, Double> field : e.fieldConfidences().entrySet()) {
            if (field.getValue() < FIELD_CONFIDENCE_FLOOR) {
                String value = value(e.talk(), field.getKey());
                found.add(new Finding("low-confidence", String.format(Locale.ROOT, "low confidence (%.2f) that \"%s\" is the %s",
                        field.getValue(), value, field.getKey()) + "; label it \"" + capitalized(field.getKey()) + ": ...\"",
                        e.whereText(value)));
            }
        }
        if (found.isEmpty() && e.talk().confidence() < TALK_CONFIDENCE_FLOOR) {
            String doubted = e.fieldConfidences().entrySet().stream().min(Map.Entry.comparingByValue())
                    .map(f -> String.format(Locale.ROOT, "; the field it doubts most: %s (%.2f)", f.getKey(), f.getValue()))
                    .orElse("");
            found.add(new Finding("low-confidence", String.format(Locale.ROOT,
                    "low confidence (%.2f) that the talk is read right (date, start, zone, speaker, title)%s",
                    e.talk().confidence(), doubted), null));
        }
        return found;
    }

    private static String value(Talk talk, String field) {
        return switch (field) {
            case "title" -> talk.title();
            case "speaker" -> talk.speakers().isEmpty() ? null : talk.speakers().get(0).name();
            case "location" -> talk.location();
            default -> null;
        };
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The extractor's warnings that the rules above do not already say: a time read without am/pm, a moved date... */
    static List<Finding> extractorWarnings(Evidence e) {
        return e.talk().warnings().stream()
                .filter(w -> ExtractionWarnings.about(w) == Matter.OTHER || ExtractionWarnings.about(w) == Matter.START)
                .map(w -> new Finding(ExtractionWarnings.about(w) == Matter.START ? "no-start" : "extractor", w, e.whereDate()))
                .toList();
    }
}
