package org.talkfeed.extract;

import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.StructuredEvent;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageText;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The first extraction stage, "structured first": when a message carries its talks as data (iCalendar parts:
 * invitations, cancellations, published events; schema.org Event markup in its HTML), their fields are taken.
 * What the data lacks (often the speaker) is filled from the rule extraction's one talk on the same date, or else
 * from the rules run on the event's own description. A cancelled event makes the message a cancellation; a
 * reply to an invitation is not a talk. Data that cannot be read leaves the message to the rules.
 */
final class StructuredEvents {
    private static final Set<String> REPLIES = Set.of("REPLY", "COUNTER", "DECLINECOUNTER", "REFRESH");
    private static final int MAX_DESCRIPTION_READS = 4;
    private static final int MIN_TITLE_WORDS = 3;
    /** Labeled fields that an abstract taken from a description need not repeat. */
    private static final Set<Label> STATED_ELSEWHERE = Set.of(Label.SPEAKER, Label.TITLE, Label.WHEN, Label.DATE, Label.TIME,
            Label.WHERE, Label.HOST, Label.AFFILIATION, Label.LINK, Label.SERIES);

    /**
     * @param announcement the message's talks as the data gives them; null when it gives none
     * @param warnings     about data that was there but could not be read
     */
    record Result(Announcement announcement, List<String> warnings) {
        static final Result NONE = new Result(null, List.of());

        Result {
            warnings = List.copyOf(warnings);
        }
    }

    private StructuredEvents() {
    }

    /** Whether the message may carry events as data at all; most do not, and cost nothing more. */
    static boolean mayHold(MessageText message) {
        return !message.calendarParts().isEmpty() || message.htmlParts().stream().anyMatch(SchemaOrgMarkup::mayHold);
    }

    /**
     * @param byRules the rule extraction of the same message
     * @param rules   the rule extraction, for an event's description
     */
    static Result read(MessageText message, ExtractionDefaults defaults, Announcement byRules,
                       Function<MessageText, Announcement> rules) {
        if (!mayHold(message)) {
            return Result.NONE;
        }
        String configured = CalendarZones.isIana(defaults.timezone()) ? defaults.timezone() : null;
        List<String> stated = byRules.talks().stream().map(Talk::timezone).filter(CalendarZones::isIana).distinct().toList();
        List<StructuredTalk> found = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean replies = false;
        for (String calendar : message.calendarParts()) {
            CalendarEvents.Read read = CalendarEvents.read(calendar, configured, stated);
            if (read.problem() != null) {
                warnings.add(read.problem());
            }
            if (read.method() != null && REPLIES.contains(read.method())) {
                replies = true;
            } else {
                found.addAll(read.talks());
            }
        }
        for (String html : found.isEmpty() ? message.htmlParts() : List.<String>of()) {
            // a calendar part is the event itself; markup beside it (Gmail's EventReservation) only repeats it
            for (SchemaOrgMarkup.Found event : SchemaOrgMarkup.events(html)) {
                try {
                    found.add(SchemaOrgEvents.talk(event, configured, stated));
                } catch (IllegalArgumentException | DateTimeException e) {
                    warnings.add(e.getMessage());
                }
            }
        }
        found = distinct(found);
        if (found.isEmpty()) {
            return replies ? new Result(Announcement.notTalk("a reply to a calendar invitation, not a talk"), warnings)
                    : new Result(null, warnings);
        }
        List<StructuredTalk> live = found.stream().filter(t -> t.status() != StructuredTalk.Status.CANCELLED).toList();
        Kind kind;
        if (live.isEmpty()) {
            kind = Kind.CANCELLATION;
        } else {
            if (live.size() < found.size()) {
                warnings.add((found.size() - live.size()) + " cancelled event(s) in the data left out beside the others");
            }
            found = live;
            kind = found.stream().anyMatch(t -> t.status() == StructuredTalk.Status.CHANGED) ? Kind.UPDATE
                    : byRules.isTalk() ? byRules.kind() : KindClassifier.classify(message.subject(), message.lines());
        }
        int[] descriptionReads = {0};
        List<Talk> talks = new ArrayList<>();
        List<StructuredEvent> events = new ArrayList<>();
        for (StructuredTalk event : found) {
            Talk talk = filled(event, byRules.talks(), message, rules, descriptionReads);
            talks.add(withConfidence(talk));
            events.add(event.event());
        }
        boolean moved = byRules.moved() && talks.size() == 1 && byRules.talks().size() == 1
                && Objects.equals(byRules.talks().get(0).date(), talks.get(0).date());
        return new Result(new Announcement(kind, talks, null, moved, events), warnings);
    }

    /** Each event once: the same UID (the highest SEQUENCE kept), or the same day, start and title. */
    private static List<StructuredTalk> distinct(List<StructuredTalk> all) {
        List<StructuredTalk> kept = new ArrayList<>();
        for (StructuredTalk candidate : all) {
            int same = -1;
            for (int i = 0; i < kept.size() && same < 0; i++) {
                if (sameEvent(kept.get(i), candidate)) {
                    same = i;
                }
            }
            if (same < 0) {
                kept.add(candidate);
            } else if (sequence(candidate) > sequence(kept.get(same))) {
                kept.set(same, candidate);
            }
        }
        return kept;
    }

    private static boolean sameEvent(StructuredTalk a, StructuredTalk b) {
        String uidA = a.event().uid();
        if (uidA != null && uidA.equals(b.event().uid()) && a.event().source() == b.event().source()) {
            return true;
        }
        Talk x = a.talk();
        Talk y = b.talk();
        return Objects.equals(x.date(), y.date()) && Objects.equals(x.start(), y.start())
                && Objects.equals(lower(x.title()), lower(y.title()));
    }

    private static int sequence(StructuredTalk talk) {
        return talk.event().sequence() == null ? 0 : talk.event().sequence();
    }

    /** The event's talk with what it lacks taken from the rules' one talk on its date, or from its description. */
    private static Talk filled(StructuredTalk event, List<Talk> ruleTalks, MessageText message,
                               Function<MessageText, Announcement> rules, int[] descriptionReads) {
        Talk talk = event.talk();
        List<Talk> sameDay = ruleTalks.stream().filter(r -> talk.date() != null && talk.date().equals(r.date())).toList();
        if (sameDay.size() == 1) {
            return merged(event, sameDay.get(0));
        }
        if (talk.speakers().isEmpty() && event.description() != null && descriptionReads[0]++ < MAX_DESCRIPTION_READS) {
            Announcement fromDescription = rules.apply(descriptionMessage(message, talk, event.description()));
            if (fromDescription.talks().size() == 1) {
                return merged(event, fromDescription.talks().get(0));
            }
        }
        return withAbstract(talk, withoutFieldLines(talk.abstractText()));
    }

    /** The description as a message of its own, headed by the event's day and time, which descriptions rarely repeat. */
    private static MessageText descriptionMessage(MessageText message, Talk talk, String description) {
        List<String> lines = new ArrayList<>();
        lines.add("When: " + talk.date() + (talk.start() == null ? "" : " " + talk.start()));
        lines.addAll(description.lines().toList());
        return new MessageText(message.messageId(), talk.title() == null ? message.subject() : talk.title(), message.fromName(),
                message.fromAddress(), message.date(), message.listId(), lines);
    }

    /**
     * The data's fields first; the rules' where the data has none. The organizer is the host only when nothing
     * better is. A summary that holds the rules' title, or that names the speaker and not the title the text gives
     * ("Robotics Colloquium: Tomás Villanueva"), gives way to that title.
     */
    private static Talk merged(StructuredTalk event, Talk rules) {
        Talk data = event.talk();
        List<Speaker> speakers = data.speakers().isEmpty() ? rules.speakers() : withAffiliations(data.speakers(), rules.speakers());
        String title = data.title() == null || summaryGivesWay(data.title(), rules.title(), speakers) ? rules.title() : data.title();
        boolean timeFromRules = data.start() == null && rules.start() != null;
        String host = rules.host() != null ? rules.host() : data.host();
        if (host != null && isSpeaker(host, speakers)) {
            host = rules.host();
        }
        String abstractText = withoutFieldLines(data.abstractText());
        if (rules.abstractText() != null && (abstractText == null || holds(data.abstractText(), rules.abstractText()))) {
            abstractText = rules.abstractText(); // the description is the whole announcement: its abstract is the rules'
        }
        List<String> warnings = new ArrayList<>(data.warnings());
        if (timeFromRules) {
            warnings.addAll(rules.warnings());
        }
        return new Talk(title, speakers, data.date(),
                timeFromRules ? rules.start() : data.start(),
                timeFromRules ? rules.end() : data.end() != null ? data.end()
                        : Objects.equals(data.start(), rules.start()) ? rules.end() : null,
                timeFromRules ? rules.timezone() : data.timezone(),
                data.location() != null || event.placeStated() ? data.location() : rules.location(),
                data.online() || rules.online(),
                data.url() != null ? data.url() : rules.url(),
                host,
                data.series() != null ? data.series() : rules.series(),
                abstractText,
                data.bio() != null ? data.bio() : rules.bio(),
                data.confidence(), warnings);
    }

    private static boolean summaryGivesWay(String summary, String rulesTitle, List<Speaker> speakers) {
        if (rulesTitle == null || words(rulesTitle) < MIN_TITLE_WORDS || lower(summary).equals(lower(rulesTitle))) {
            return false;
        }
        if (lower(summary).contains(lower(rulesTitle))) {
            return true;
        }
        return speakers.stream().map(s -> surname(s.name())).anyMatch(name -> name.length() > 1 && lower(summary).contains(name))
                && speakers.stream().map(s -> surname(s.name())).noneMatch(name -> lower(rulesTitle).contains(name));
    }

    private static String surname(String name) {
        String[] parts = lower(name).split(" ");
        return parts[parts.length - 1];
    }

    /** The text without the lines that state a field the talk has elsewhere ("Speaker: ...", "When: ..."). */
    private static String withoutFieldLines(String text) {
        if (text == null) {
            return null;
        }
        List<String> lines = text.lines().toList();
        Set<Integer> fieldLines = new java.util.HashSet<>();
        for (Field field : LabeledFields.find(lines)) {
            if (STATED_ELSEWHERE.contains(field.label())) {
                fieldLines.add(field.line());
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!fieldLines.contains(i)) {
                kept.add(lines.get(i));
            }
        }
        String joined = String.join("\n", kept).strip().replaceAll("\n{3,}", "\n\n");
        return joined.isEmpty() ? null : joined;
    }

    private static Talk withAbstract(Talk talk, String abstractText) {
        return new Talk(talk.title(), talk.speakers(), talk.date(), talk.start(), talk.end(), talk.timezone(), talk.location(),
                talk.online(), talk.url(), talk.host(), talk.series(), abstractText, talk.bio(), talk.confidence(), talk.warnings());
    }

    /** The data's speakers, each with the affiliation the text gives a speaker of the same name when the data has none. */
    private static List<Speaker> withAffiliations(List<Speaker> data, List<Speaker> rules) {
        return data.stream().map(s -> s.affiliation() != null ? s : rules.stream()
                .filter(r -> lower(r.name()).equals(lower(s.name())) && r.affiliation() != null)
                .findFirst().map(r -> new Speaker(s.name(), r.affiliation())).orElse(s)).toList();
    }

    private static boolean isSpeaker(String name, List<Speaker> speakers) {
        return speakers.stream().anyMatch(s -> lower(s.name()).equals(lower(name)));
    }

    private static boolean holds(String text, String part) {
        String whole = lower(Spaces.collapse(text));
        String opening = lower(Spaces.collapse(part, 80)).strip();
        return opening.length() >= 20 && whole.length() > opening.length() && whole.contains(opening);
    }

    /**
     * Data is the strongest evidence: a talk read from it starts higher than the rules' and gains for each field it
     * has, up to 0.95. Not learned: the labeled corpora hold no message that carries its talk as data.
     */
    private static Talk withConfidence(Talk talk) {
        double score = 0.55;
        score += talk.title() != null ? 0.1 : 0;
        score += talk.start() != null ? 0.1 : 0;
        score += talk.location() != null || talk.online() ? 0.1 : 0;
        score += talk.speakers().isEmpty() ? 0 : 0.1;
        score -= 0.05 * talk.warnings().stream().filter(w -> !w.startsWith("no ")).count();
        return talk.withConfidence(Math.round(Math.max(0.05, score) * 100) / 100.0);
    }

    private static int words(String text) {
        return Spaces.collapse(text).strip().split(" ").length;
    }

    private static String lower(String text) {
        return text == null ? null : Spaces.collapse(text).strip().toLowerCase(Locale.ROOT);
    }
}
