package org.talkfeed.extract;

import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Builds one talk from its labeled fields, falling back to the subject and the prose for what they lack. */
final class TalkAssembler {
    private static final Pattern EMAIL_OR_ANGLE = Pattern.compile(
            "<[^>]*>|\\(?[\\w.+-]+(?:@|\\s+at\\s+)[\\w-]+(?:(?:\\.|\\s+dot\\s+)[\\w-]+)+\\)?");

    private static final Pattern OUTER_QUOTES = Pattern.compile("^[\"“”'‘’]+|[\"“”'‘’]+$");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[,;:\\s]+|[,;:\\s]+$");

    /** "KihongHeo": an account name written in camel case is a person's two names. */
    private static final Pattern LAST_COMMA_FIRST = Pattern.compile("(\\p{Lu}[\\p{L}'-]+),\\s*(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}\\.?)?)");
    private static final Pattern CAMEL_CASE_NAME = Pattern.compile("^(\\p{Lu}\\p{Ll}+)(\\p{Lu}\\p{Ll}+)$");

    private static final int PROSE_CHARS = 20_000;
    private static final java.util.Set<Label> ITEM_FIELDS = java.util.EnumSet.of(Label.WHEN, Label.DATE, Label.TIME,
            Label.SPEAKER, Label.TITLE);
    private static final int HEADING_DISTANCE = 3;

    private final MessageText message;
    private final ExtractionDefaults defaults;
    private final List<String> lines;
    private final String body;
    private final DateFinder dates;
    private final Inherited inherited;
    private String missing = "no date found";

    TalkAssembler(MessageText message, ExtractionDefaults defaults, List<String> lines, DateFinder dates) {
        this(message, defaults, lines, dates, Inherited.NOTHING);
    }

    /** @param dates the message's date finder, shared by everything that reads the message */
    TalkAssembler(MessageText message, ExtractionDefaults defaults, List<String> lines, DateFinder dates, Inherited inherited) {
        this.inherited = inherited;
        this.message = message;
        this.defaults = defaults;
        this.lines = lines;
        String all = String.join("\n", lines);
        this.body = all.length() > PROSE_CHARS ? all.substring(0, PROSE_CHARS) : all; // an announcement says what matters early
        this.dates = dates;
    }

    private SubjectLine.SubjectParts subject;

    private SubjectLine.SubjectParts subjectParts() {
        if (subject == null) {
            subject = SubjectLine.subjectParts(message.subject());
        }
        return subject;
    }

    String whyNoTalk() {
        return missing;
    }

    /** The talk the fields describe, or null when there is no date (then {@link #whyNoTalk()} says why). */
    Talk assemble(List<Field> fields, boolean partOfDigest) {
        List<String> warnings = new ArrayList<>();
        String when = values(fields, Label.WHEN, Label.DATE, Label.TIME);
        String timeText = values(fields, Label.WHEN, Label.TIME);
        String prose = partOfDigest ? "" : body;

        DateMention date = firstDate(when, true);
        if (date != null && !partOfDigest) {
            date = unlessStale(date, warnings);
        }
        if (date == null && !partOfDigest) {
            date = firstDate(message.subject(), false);
        }
        if (date == null && !partOfDigest) {
            date = firstDate(prose, false);
        }
        if (date == null && !partOfDigest) {
            date = firstDate(message.subject(), true); // "today", "tomorrow" only when nothing says more
        }
        if (date == null && !partOfDigest) {
            date = firstDate(prose, true);
        }
        if (date == null && inherited.date() != null) {
            date = new DateMention(inherited.date(), -1, -1, false, null);
        }
        if (date == null) {
            List<DateMention> weekdays = dates.findWeekdays(when.isEmpty() ? prose : when);
            if (!weekdays.isEmpty()) {
                date = weekdays.get(0);
                warnings.add("date worked out from a weekday and the message's date");
            }
        }
        if (date == null) {
            missing = message.date() == null ? "no date found (and no Date header to place a date without a year)"
                    : "no date found";
            return null;
        }
        if (date.warning() != null) {
            warnings.add(date.warning());
        }

        TimeRange time = firstTime(timeText, false);
        if (time == null) {
            time = firstTime(when, true);
        }
        String timeContext = timeText.isEmpty() ? when : timeText;
        if (time == null && !partOfDigest) {
            time = TalkTimes.nearestTime(prose, date, dates);
            timeContext = prose;
        }
        if (time == null && !partOfDigest) {
            time = firstTime(message.subject(), true);
        }
        if (time != null && time.end() == null && time.position() >= 0) {
            time = TalkTimes.withLaterEnd(time, timeContext);
        }
        if (time != null && time.end() == null && !partOfDigest) {
            time = TalkTimes.endFromBody(time, prose);
        }
        if (time == null && inherited.start() != null) {
            time = new TimeRange(inherited.start(), inherited.end(), -1, -1, null);
        }
        if (time != null && time.warning() != null) {
            warnings.add(time.warning());
        }

        List<Speaker> speakers = speakers(fields);
        String title = title(fields);
        SpeakerAndTitle fallback = fallbacks(speakers, title, prose);
        if (fallback.speakers().isEmpty() && !partOfDigest) {
            Speaker listed = SpeakerClues.personBeforeInstitution(prose);
            if (listed != null) {
                fallback = new SpeakerAndTitle(List.of(listed), fallback.title());
            }
        }
        if (fallback.speakers().isEmpty()) {
            Speaker onDateLine = SpeakerClues.speakerOnDateLine(prose, date.date(), dates);
            if (onDateLine != null) {
                fallback = new SpeakerAndTitle(List.of(onDateLine), fallback.title());
            }
        }
        speakers = fallback.speakers();
        title = fallback.title();

        String opening = firstParagraphs(prose);
        List<String> where = all(fields, Label.WHERE);
        String location = Places.location(where);
        if (location == null && where.isEmpty() && !partOfDigest) {
            location = PlaceClues.locationOnDateLine(prose, date.date(), dates);
        }
        if (location == null && where.isEmpty() && !partOfDigest) {
            location = PlaceClues.locationFromProse(opening);
        }
        if (location == null && where.isEmpty()) {
            location = inherited.location();
        }
        List<Speaker> talkSpeakers = speakers;
        DateMention talkDate = date;
        TalkZone.Decision zone = TalkZone.decide(new TalkZone.Clues(TalkZone.whereStated(timeContext, when, time), location,
                () -> TalkZone.aroundDate(prose, when, talkDate.date(), dates,
                        talkSpeakers.stream().map(Speaker::affiliation).toList()),
                message.date(), date.date(), time == null ? null : time.start()), defaults.timezone());
        if (zone.warning() != null) {
            warnings.add(zone.warning());
        }
        String links = values(fields, Label.LINK);
        String url = Places.joinUrl(links, String.join(" ", where), when, body);
        boolean online = url != null || Places.mentionsOnline(links) || where.stream().anyMatch(Places::mentionsOnline)
                || Places.mentionsOnline(when);
        if (url == null && !online) {
            online = Places.proseOffersOnline(opening) || inherited.online();
        }
        String host = host(fields, prose);
        String series = series(fields, partOfDigest, opening);
        String abstractText = blankToNull(values(fields, Label.ABSTRACT));
        String bio = blankToNull(values(fields, Label.BIO));
        if (!partOfDigest && (abstractText == null || bio == null)) {
            ProseDescription.Found unlabeled = ProseDescription.find(lines, speakers, dates);
            abstractText = abstractText != null ? abstractText : notWithin(unlabeled.abstractText(), bio);
            bio = bio != null ? bio : notWithin(unlabeled.bio(), abstractText);
        }

        if (title == null) {
            warnings.add(ExtractionWarnings.NO_TITLE);
        }
        if (speakers.isEmpty()) {
            warnings.add(ExtractionWarnings.NO_SPEAKER);
        }
        if (time == null) {
            warnings.add(ExtractionWarnings.NO_START);
        }
        double confidence = confidence(title, speakers, time, location != null || online, warnings);
        return new Talk(title, speakers, date.date(), time == null ? null : time.start(), time == null ? null : time.end(),
                zone.zone(), location, online, url, host, series, abstractText, bio, confidence, warnings);
    }

    /**
     * A labeled date before the day the message was sent, when the subject names one on or after it, is text left
     * over from an earlier announcement: the subject's date is the talk's.
     */
    private DateMention unlessStale(DateMention labeled, List<String> warnings) {
        if (message.date() == null) {
            return labeled;
        }
        LocalDate sent = message.date().toLocalDate();
        if (!labeled.date().isBefore(sent)) {
            return labeled;
        }
        DateMention inSubject = firstDate(message.subject(), false);
        if (inSubject == null || inSubject.date().isBefore(sent)) {
            return labeled;
        }
        warnings.add("the body's date " + labeled.date() + " lies before the message was sent; the subject's " + inSubject.date()
                + " is taken");
        return inSubject;
    }

    private DateMention firstDate(String text, boolean relativeToo) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return dates.find(text).stream().filter(d -> relativeToo || !d.relative()).findFirst().orElse(null);
    }

    private static TimeRange firstTime(String text, boolean strict) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        List<TimeRange> found = new TimeFinder(strict).find(text);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<Speaker> speakers(List<Field> fields) {
        List<Speaker> speakers = new ArrayList<>();
        for (String value : all(fields, Label.SPEAKER)) {
            for (Speaker s : SpeakerParser.parse(value)) {
                if (speakers.stream().noneMatch(x -> x.name().equalsIgnoreCase(s.name()))) {
                    speakers.add(s);
                }
            }
        }
        String affiliation = blankToNull(values(fields, Label.AFFILIATION));
        if (affiliation != null && !speakers.isEmpty() && speakers.get(0).affiliation() == null) {
            speakers.set(0, new Speaker(speakers.get(0).name(), affiliation));
        }
        return speakers;
    }

    /** "Jane Doe's Thesis Colloquium: " before the title itself. */
    private static final Pattern EVENT_OF_SOMEONE = Pattern.compile("^\\p{Lu}[^:]{2,60}['’]s\\s+(?:[\\p{L}-]+\\s+){0,3}"
            + "(?i:talk|lecture|seminar|defen[cs]e|presentation|colloq\\p{L}*|keynote|thesis|dissertation|webinar)\\s*:\\s+(?=\\S)");

    private static String title(List<Field> fields) {
        String title = blankToNull(all(fields, Label.TITLE).stream().findFirst().orElse(null));
        if (title == null) {
            return null;
        }
        title = Spaces.collapse(OUTER_QUOTES.matcher(title).replaceAll("")).strip();
        title = EVENT_OF_SOMEONE.matcher(title).replaceFirst("");
        return SpeakerParser.isPlaceholder(title) ? null : title;
    }

    private record SpeakerAndTitle(List<Speaker> speakers, String title) {
    }

    private SpeakerAndTitle fallbacks(List<Speaker> speakers, String title, String prose) {
        SubjectLine.SubjectParts subject = subjectParts();
        List<Speaker> who = speakers;
        String what = title;
        if (who.isEmpty() && subject.speaker() != null && NameCheck.plausible(subject.speaker().name(), body)) {
            who = List.of(subject.speaker());
        }
        boolean namedInSubject = false;
        if (who.isEmpty()) {
            Speaker owner = SpeakerClues.possessiveSpeaker(message.subject());
            if (owner != null) {
                who = List.of(owner);
                namedInSubject = true; // "Rebecca Parker's Defense": the sender may well be the speaker
            }
        }
        SubjectLine.SubjectParts headline = who.isEmpty() || what == null ? SpeakerClues.headline(prose) : null;
        if (headline != null) {
            boolean samePerson = who.isEmpty() || who.get(0).name().equalsIgnoreCase(headline.speaker().name());
            if (samePerson) {
                who = List.of(headline.speaker());
                if (what == null) {
                    what = headline.title();
                }
            }
        }
        if (who.isEmpty()) {
            SubjectLine.SubjectParts line = SpeakerClues.titleThenSpeakerLine(prose);
            if (line != null) {
                who = List.of(line.speaker());
                what = what == null ? line.title() : what;
            }
        }
        if (who.isEmpty()) {
            who = SpeakerClues.speakersAroundQuote(prose);
        }
        if (who.isEmpty()) {
            who = SpeakerClues.speakersFromProse(prose);
        }
        if (what == null && subject.title() != null) {
            what = subject.title();
        }
        if (what == null) {
            List<String> proseLines = prose.lines().toList();
            what = TitleClues.titleAfterIntro(proseLines);
            if (what == null) {
                what = TitleClues.titleAboveAbstract(proseLines);
            }
            if (what == null) {
                what = TitleClues.titleLineUnderDate(proseLines, dates);
            }
        }
        if (what == null) {
            what = TitleClues.titleFromProse(prose);
        }
        if (what == null) {
            what = TitleClues.titleFromProse(message.subject());
        }
        if (who.isEmpty() && SpeakerClues.firstPersonTalk(prose)) {
            Speaker sender = senderAsSpeaker();
            if (sender != null) {
                who = List.of(sender); // "my talk": the sender speaks
                namedInSubject = true;
            }
        }
        if (who.size() == 1 && SpeakerClues.withTheWriter(who.get(0).name(), prose)) {
            Speaker sender = senderAsSpeaker(); // "Ken Nakayama and I will present": the sender speaks too
            if (sender != null && !sender.name().equalsIgnoreCase(who.get(0).name())) {
                who = List.of(who.get(0), sender);
                namedInSubject = true;
            }
        }
        boolean keepSender = namedInSubject || (!who.isEmpty() && namedOutsideSignature(who.get(0).name(), prose));
        List<Speaker> notSender = who.stream()
                .map(s -> SpeakerClues.fuller(s, body))
                .filter(s -> message.fromName() == null || !s.name().equalsIgnoreCase(message.fromName().strip())
                        || !speakers.isEmpty() || keepSender)
                .toList();
        return new SpeakerAndTitle(notSender, what);
    }

    /** The sender as a speaker, from the From header's name ("Jane Doe", "JaneDoe", "Doe, Jane"); null when it is no full name. */
    private Speaker senderAsSpeaker() {
        if (message.fromName() == null) {
            return null;
        }
        String name = CAMEL_CASE_NAME.matcher(message.fromName().strip()).replaceFirst("$1 $2");
        Matcher reversed = LAST_COMMA_FIRST.matcher(name);
        if (reversed.matches()) {
            name = reversed.group(2) + " " + reversed.group(1);
        }
        Speaker sender = SpeakerParser.parseOne(name);
        return sender != null && sender.name().contains(" ") ? new Speaker(sender.name(), null) : null;
    }

    /** The sender's name in the subject or above the closing lines: they announce their own talk, not just sign it. */
    private boolean namedOutsideSignature(String name, String prose) {
        if (message.subject().contains(name)) {
            return true;
        }
        int at = prose.indexOf(name);
        return at >= 0 && at < prose.length() * 0.6;
    }

    private String host(List<Field> fields, String prose) {
        String value = all(fields, Label.HOST).stream().findFirst().orElse(null);
        if (value == null) {
            return SpeakerClues.hostFromProse(prose);
        }
        String cleaned = Spaces.collapse(EMAIL_OR_ANGLE.matcher(LabeledFields.undecorate(value)).replaceAll(" "));
        cleaned = EDGE_PUNCTUATION.matcher(cleaned).replaceAll("").strip();
        List<Speaker> people = SpeakerParser.parse(cleaned);
        if (!people.isEmpty()) {
            return people.stream().map(Speaker::name).collect(Collectors.joining(", "));
        }
        return blankToNull(cleaned);
    }

    private String series(List<Field> fields, boolean partOfDigest, String opening) {
        String labeled = blankToNull(values(fields, Label.SERIES));
        if (labeled != null && labeled.length() <= 100) {
            return labeled;
        }
        String fromSubject = subjectParts().series();
        String heading = partOfDigest ? headingAbove(fields) : null;
        String found = heading != null ? heading
                : partOfDigest ? fromSubject : SeriesNames.fuller(fromSubject, SeriesNames.inProse(opening));
        return found != null ? found : defaults.series();
    }

    /** A digest item's heading ("2) DISTINGUISHED LECTURE"): the nearest line of text above its first field, when it is one. */
    private String headingAbove(List<Field> fields) {
        int first = fields.stream().filter(f -> ITEM_FIELDS.contains(f.label())).mapToInt(Field::line).min().orElse(-1);
        for (int i = first - 1; i >= 0 && i >= first - HEADING_DISTANCE; i--) {
            if (!lines.get(i).isBlank()) {
                return SeriesNames.heading(lines.get(i));
            }
        }
        return null;
    }

    private static String firstParagraphs(String text) {
        return text.length() > 1500 ? text.substring(0, 1500) : text;
    }

    private static List<String> all(List<Field> fields, Label label) {
        return fields.stream().filter(f -> f.label() == label).map(Field::value).filter(Objects::nonNull)
                .filter(v -> !v.isBlank()).toList();
    }

    private static String values(List<Field> fields, Label... labels) {
        List<Label> wanted = List.of(labels);
        return fields.stream().filter(f -> wanted.contains(f.label())).map(Field::value)
                .collect(Collectors.joining("\n"));
    }

    /** A paragraph found in the prose, unless a labeled field already holds it. */
    private static String notWithin(String found, String labeled) {
        return found == null || labeled != null && Spaces.collapse(labeled).contains(Spaces.collapse(found)) ? null : found;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static double confidence(String title, List<Speaker> speakers, TimeRange time, boolean place, List<String> warnings) {
        double score = 0.3;
        score += title != null ? 0.2 : 0;
        score += speakers.isEmpty() ? 0 : 0.2;
        score += time != null ? 0.2 : 0;
        score += place ? 0.1 : 0;
        score -= 0.05 * warnings.stream().filter(w -> !w.startsWith("no ")).count();
        return Math.round(Math.max(0.05, Math.min(1.0, score)) * 100) / 100.0;
    }
}
