package org.talkfeed.extract;

import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageReader;
import org.talkfeed.text.MessageText;
import org.talkfeed.text.UnreadableMessageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Text to announcement: the kind of message and, for each talk in it, its fields with a confidence
 * and warnings. Never throws: what it cannot understand becomes {@code not_talk} with a reason.
 */
public final class Extractor {
    private static final int MAX_LINES = 3000;
    private static final int MAX_LINE_LENGTH = 2000;
    private static final int MAX_CHARS = 100_000;
    private static final java.util.regex.Pattern NOT_A_TALK_EVENT = java.util.regex.Pattern.compile(
            "(?i)\\b(?:(?:org(?:anizational)?|business|staff|committee|board|annual general|general|planning|members') meeting|agm|"
                    + "newsletter|updater|bulletin|digest|news roundup)\\b");

    private final MessageReader reader = new MessageReader();
    private final Decisions decisions;

    /** Extraction with the committed model's decisions. */
    public Extractor() {
        this(Decisions.standard());
    }

    /** Extraction with these decisions (an evaluation trains its own for each list it holds out). */
    public Extractor(Decisions decisions) {
        this.decisions = decisions;
    }

    /** A whole message as bytes: read, then extracted; bytes that are no email at all are not a talk, with the reason. */
    public Announcement extractMessage(byte[] bytes, ExtractionDefaults defaults) {
        try {
            return extract(reader.read(bytes), defaults);
        } catch (UnreadableMessageException e) {
            return Announcement.notTalk(e.getMessage());
        }
    }

    /**
     * Structured first: the talks the message carries as data ({@link StructuredEvents}) when it has any, completed
     * from the rules' talks as the decisions take them; else those.
     */
    public Announcement extract(MessageText message, ExtractionDefaults defaults) {
        Announcement byRules = decisions.decide(draft(message, defaults));
        if (!StructuredEvents.mayHold(message)) {
            return byRules;
        }
        StructuredEvents.Result structured;
        try {
            structured = StructuredEvents.read(message, defaults, byRules, text -> decisions.decide(draft(text, defaults)));
        } catch (RuntimeException | StackOverflowError e) {
            return withWarning(byRules, "the message's calendar data or event markup could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        Announcement taken = structured.announcement();
        if (taken == null) {
            Announcement withWarnings = byRules;
            for (String warning : structured.warnings()) {
                withWarnings = withWarning(withWarnings, warning);
            }
            return withWarnings;
        }
        if (taken.talks().size() == 1 && taken.talks().get(0).speakers().isEmpty()
                && NOT_A_TALK_EVENT.matcher(String.valueOf(taken.talks().get(0).title())).find()) {
            return Announcement.notTalk(Draft.Veto.MEETING.reason()); // a newsletter's subject does not make its events meetings
        }
        return taken;
    }

    /** How sure the field models are of each of this talk's values (title, speaker, location), read from this message. */
    public java.util.Map<String, Double> fieldConfidences(MessageText message, ExtractionDefaults defaults, Talk talk) {
        return decisions.fieldConfidences(draft(message, defaults), talk);
    }

    private static Announcement withWarning(Announcement announcement, String warning) {
        List<Talk> talks = announcement.talks().stream().map(t -> t.withWarning(warning)).toList();
        return new Announcement(announcement.kind(), talks, announcement.reason(), announcement.moved(), announcement.events());
    }

    /** What the rules propose for a message, before the learned decisions; never throws. */
    public Draft draft(MessageText message, ExtractionDefaults defaults) {
        try {
            return draftOrFail(message, defaults);
        } catch (RuntimeException | StackOverflowError e) {
            return Draft.none(message, "could not be read as an announcement (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Draft draftOrFail(MessageText message, ExtractionDefaults defaults) {
        List<String> lines = bounded(message.lines());
        if (lines.stream().allMatch(String::isBlank) && message.subject().isBlank()) {
            return Draft.none(message, "empty message");
        }
        String body = String.join("\n", lines);
        List<Field> fields = LabeledFields.find(lines);
        Set<String> labels = new TreeSet<>();
        fields.forEach(f -> labels.add(f.label().name().toLowerCase(java.util.Locale.ROOT)));
        boolean labeledTalk = fields.stream().anyMatch(f -> f.label() == Label.SPEAKER || f.label() == Label.TITLE);
        Draft.Veto veto = !labeledTalk && KindClassifier.looksLikeOtherTraffic(message.subject(), body)
                ? Draft.Veto.OTHER_TRAFFIC : null;
        DateFinder dates = DateFinder.forMessage(message, defaults);
        TalkAssembler assembler = new TalkAssembler(message, defaults, lines, dates);
        List<Talk> talks = new ArrayList<>();
        List<List<Field>> groups = TalkGroups.split(fields);
        if (groups.isEmpty()) {
            groups = List.of(fields);
        }
        for (List<Field> group : groups) {
            Talk talk = assembler.assemble(group, groups.size() > 1);
            if (talk != null) {
                talks.add(talk);
            }
        }
        talks = SameTalk.merge(talks);
        if (talks.size() == 1 && groups.size() > 1) {
            // several labeled blocks that describe one talk (a header and a body): read them as one, prose included
            Talk whole = assembler.assemble(fields, false);
            if (whole != null) {
                talks = SameTalk.merge(List.of(talks.get(0), whole));
            }
        }
        if (talks.size() == 1 && !labeledTalk) {
            List<SubjectLine.SubjectParts> pairs = SpeakerClues.presentations(body);
            if (pairs.size() >= 2) {
                Talk base = talks.get(0); // one session, several talks: "A will present "X"; B will present "Y""
                talks = pairs.stream().map(p -> base.part(p.title(), List.of(p.speaker()))).toList();
            }
        }
        if (talks.size() == 1) {
            Talk base = talks.get(0);
            List<Talk> series = WeeklySeries.expand(body, base, dates);
            if (!series.isEmpty()) {
                List<Talk> all = new ArrayList<>();
                if (series.stream().noneMatch(t -> t.date().equals(base.date()))) {
                    all.add(base); // an opening talk on its own date, then the weekly ones
                }
                all.addAll(series);
                talks = all;
            }
        }
        boolean labeledWhen = TalkGroups.hasWhen(fields);
        if (talks.size() <= 1 && (!labeledTalk || !labeledWhen)) {
            List<Talk> listed = new ScheduleReader(message, defaults, dates).read(lines);
            if (listed.size() >= 2) {
                talks = listed;
            }
        }
        Kind kind = KindClassifier.classify(message.subject(), lines);
        if (talks.isEmpty()) {
            return Draft.none(message, veto != null ? veto.reason() : assembler.whyNoTalk());
        }
        // a first announcement does not move its talk: only later messages are read for a new day
        Optional<Rescheduling.NewDay> newDay = talks.size() == 1 && kind != Kind.ANNOUNCEMENT
                ? Rescheduling.find(body, dates).or(() -> Rescheduling.find(message.subject(), dates)) : Optional.empty();
        boolean moved = newDay.isPresent() && !newDay.get().date().equals(talks.get(0).date());
        if (moved) {
            talks = List.of(movedTo(talks.get(0), newDay.get()));
            if (kind == Kind.REMINDER) {
                kind = Kind.UPDATE;
            }
        }
        if (veto == null && talks.size() == 1 && kind != Kind.CANCELLATION && talks.get(0).speakers().isEmpty()
                && talks.get(0).title() == null) {
            veto = Draft.Veto.NO_SPEAKER_OR_TITLE;
        }
        if (veto == null && talks.size() == 1 && talks.get(0).speakers().isEmpty()
                && NOT_A_TALK_EVENT.matcher(message.subject() + " " + talks.get(0).title()).find()) {
            veto = Draft.Veto.MEETING;
        }
        return new Draft(message, talks, kind, moved, veto, null, labels, ConfidenceFeatures.cues(message));
    }

    /** The talk on its new day; its new time when the message gives one, else its time as it was. */
    private static Talk movedTo(Talk talk, Rescheduling.NewDay day) {
        TimeRange time = day.time();
        Talk moved = time == null ? talk.on(day.date(), talk.start(), talk.end()) : talk.on(day.date(), time.start(), time.end());
        return moved.withWarning("moved to " + day.date() + (talk.date() == null ? "" : " from " + talk.date()));
    }

    /** At most MAX_LINES lines of MAX_LINE_LENGTH and MAX_CHARS in all: what an announcement needs, in bounded time. */
    private static List<String> bounded(List<String> lines) {
        List<String> kept = new java.util.ArrayList<>();
        int chars = 0;
        for (String line : lines) {
            if (kept.size() >= MAX_LINES || chars >= MAX_CHARS) {
                break;
            }
            String cut = line.length() > MAX_LINE_LENGTH ? line.substring(0, MAX_LINE_LENGTH) : line;
            kept.add(cut);
            chars += cut.length() + 1;
        }
        return kept;
    }
}
