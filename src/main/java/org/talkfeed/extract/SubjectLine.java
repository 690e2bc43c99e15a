package org.talkfeed.extract;

import org.talkfeed.talk.Speaker;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Speaker, title and series read from a message's subject line. */
final class SubjectLine {
    private static final Pattern SPEAKER_OPENS = Pattern.compile(
            SpeakerClues.NAME + "\\s+(?:at\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]*\\s+(?i:seminar|colloquium|lunch|lecture)|talking|talks|speaks|speaking|to speak|will speak|"
                    + "lectures|presents|visits|cancels|postpones|on\\s+\\p{Lu})\\b");
    /** "Richard Littauer's Thesis Colloquium" before a colon in a subject: whatever the event is called. */
    private static final Pattern OWNER = Pattern.compile(SpeakerClues.NAME + "['’]s\\s+\\p{Lu}");
    private static final Pattern SUBJECT_TAGS = Pattern.compile(
            "^(?:\\s*(?:\\[[^\\]]*\\]|re:|fwd?:|fw:|reminder:?|update[d]?:?|cancel+ed:?|room change:?|today:?|tomorrow:?|"
                    + "new time:?|rescheduled:?))+\\s*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SEGMENT_BREAK = Pattern.compile(":\\s+");
    private static final Pattern SLASH = Pattern.compile("\\s*/\\s*");
    private static final Pattern LEADING_DATE = Pattern.compile("^\\d{1,2}/\\d{1,2}\\s+");
    private static final Pattern TRAILING_WHEN = Pattern.compile("(?i)\\s+(this week|today|tomorrow|tonight|next week|reminder)$");
    private static final Pattern SERIES_WORD = Pattern.compile(
            "(?i).*\\b(seminar|colloqui(um|a)|talks?|lectures?|lunch|series|forum|workshop|symposium|reading group|meetup)\\b.*");

    private SubjectLine() {
    }

    /** The subject without list tags and "Re:"/"Reminder:" prefixes. */
    static String cleanSubject(String subject) {
        String s = subject;
        String before;
        do {
            before = s;
            s = SUBJECT_TAGS.matcher(s).replaceFirst("");
        } while (!s.equals(before));
        return s.strip();
    }

    /** "Series: Speaker, Affiliation" or "Speaker: Title" in a subject line. */
    static SubjectParts subjectParts(String subject) {
        String s = cleanSubject(subject);
        String[] segments = SEGMENT_BREAK.split(s);
        if (segments.length >= 3) {
            // "Thu 13 Apr: TeX Hour: unlatex; Fermi estimate: 6:30 to 7:30 BST": the one part that is not when or a series
            List<String> rest = new java.util.ArrayList<>();
            String series = null;
            boolean seriesTaken = false;
            for (String segment : segments) {
                if (WHEN_FIRST.matcher(segment).lookingAt() || !new TimeFinder(true).find(segment).isEmpty()
                        && Spaces.words(segment).length <= 6) {
                    continue;
                }
                if (!seriesTaken && (seriesName(segment) != null || Spaces.words(segment).length <= 2)) {
                    series = SeriesNames.fromSubjectHead(segment);
                    seriesTaken = true;
                    continue;
                }
                rest.add(segment);
            }
            if (rest.size() == 1 && Spaces.words(rest.get(0)).length >= 2) {
                Speaker speaker = SpeakerParser.parseOne(rest.get(0));
                return speaker != null && speaker.affiliation() != null ? new SubjectParts(speaker, null, series)
                        : new SubjectParts(null, rest.get(0), series);
            }
        }
        Matcher opening = SPEAKER_OPENS.matcher(s);
        if (opening.lookingAt()) {
            Speaker speaker = SpeakerParser.parseOne(opening.group(1));
            if (speaker != null && speaker.name().contains(" ")) {
                return new SubjectParts(speaker, null, null); // "Steve Shafer at IUS seminar", "Stuart Friedberg talking Friday"
            }
        }
        String[] slashed = SLASH.split(s);
        if (slashed.length >= 3) {
            // "HCI Seminar/Robert Stevens/Friday, September 10": the part that is a person
            for (String part : slashed) {
                Speaker speaker = SpeakerParser.parseOne(part);
                if (speaker != null && speaker.name().contains(" ") && !WHEN_FIRST.matcher(part).lookingAt()) {
                    return new SubjectParts(speaker, null, seriesName(slashed[0]));
                }
            }
        }
        int colon = s.lastIndexOf(": ");
        if (colon < 0) {
            colon = s.indexOf(" - ");
        }
        if (colon < 0) {
            return new SubjectParts(null, null, null);
        }
        String head = s.substring(0, colon).strip();
        String tail = s.substring(colon + (s.startsWith(": ", colon) ? 2 : 3)).strip();
        if (WHEN_FIRST.matcher(tail).lookingAt() && Spaces.words(head).length <= 12) {
            return new SubjectParts(null, head, null); // "Functions: Wed, Oct. 30": the title, then when
        }
        Speaker tailSpeaker = SpeakerParser.parseOne(tail);
        if (tailSpeaker != null && (tailSpeaker.affiliation() != null || Spaces.words(tail).length <= 4)) {
            return new SubjectParts(tailSpeaker, null, seriesName(head));
        }
        Matcher possessive = OWNER.matcher(head);
        if (possessive.lookingAt()) {
            Speaker owner = SpeakerParser.parseOne(possessive.group(1));
            if (owner != null) {
                return new SubjectParts(owner, tail, null);
            }
        }
        Speaker headSpeaker = SpeakerParser.parseOne(stripLeadingDate(head));
        if (headSpeaker != null) {
            return new SubjectParts(headSpeaker, tail, null);
        }
        if (ONLY_WHEN.matcher(head).matches() && Spaces.words(tail).length >= 3) {
            return new SubjectParts(null, tail, null); // "May 2023: AI Regulation in the EU"
        }
        return new SubjectParts(null, null, seriesName(head));
    }

    /** A subject part that says only when: "May 2023", "Thu 13 Apr", "12/10", "Friday, March 3". */
    private static final Pattern ONLY_WHEN = Pattern.compile(
            "(?i)(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s*)?(?:\\d{1,2}(?:st|nd|rd|th)?\\.?\\s*)?"
                    + "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s*\\d{4})?"
                    + "|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s*)?\\d{1,4}[/.-]\\d{1,2}(?:[/.-]\\d{1,4})?");

    record SubjectParts(Speaker speaker, String title, String series) {
    }

    private static final Pattern WHEN_FIRST = Pattern.compile(
            "(?i)(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d|"
                    + "\\d{1,2}[/.]\\d{1,2}\\b|today\\b|tomorrow\\b");

    private static String stripLeadingDate(String text) {
        return LEADING_DATE.matcher(text).replaceFirst("");
    }

    private static String seriesName(String head) {
        String h = TRAILING_WHEN.matcher(stripLeadingDate(head)).replaceAll("").strip();
        if (SERIES_WORD.matcher(h).matches() && h.length() <= 80) {
            return SeriesNames.fromSubjectHead(h);
        }
        return null;
    }
}
