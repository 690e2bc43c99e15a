package org.talkfeed.extract;

import org.talkfeed.talk.Speaker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A talk's abstract and its speaker's biography where no label marks them, read from the paragraphs of the prose.
 * The abstract is the first paragraph of long sentences, before any biography, that is neither a labeled header
 * block, nor an announcement or greeting (phrases in {@code line-cues.tsv}), nor a chat with the list (contractions),
 * nor says when, nor is about the event around the talk ({@link LineRoles}), with the prose paragraphs that follow it. The biography is a paragraph that opens with a
 * speaker's name or surname, or with a pronoun after a paragraph naming the speaker, and then a phrase of
 * {@code bio-cues.tsv} ("holds", "is a", "received"). Either is null when no paragraph reads so.
 */
final class ProseDescription {
    record Found(String abstractText, String bio) {
    }

    private static final List<String> ANNOUNCING = Cues.phrases("line-cues.tsv", "announcing");
    private static final List<String> PRONOUNS = Cues.phrases("bio-cues.tsv", "pronoun");
    private static final List<String> BIOGRAPHY = Cues.phrases("bio-cues.tsv", "biography");

    /** Paragraphs past these lines are not read: an announcement describes its talk early. */
    private static final int MAX_LINES = 300;
    private static final int MIN_ABSTRACT_WORDS = 60;
    private static final int MIN_SENTENCE_WORDS = 10;
    private static final int MIN_PARAGRAPH_WORDS = 8;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\b(?:Prof|Dr|Mr|Ms|Mrs|St|Jr|vs|al|e\\.g|i\\.e|cf|etc|resp|approx))"
            + "[.!?][\"”’')]*(?=\\s+[\\p{Lu}\"“(]|\\s*$)");
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?][\"”’')]*$");
    /** "it's", "I'm", "we'd", "don't": a chat with the list, not a talk's description. */
    private static final Pattern CONTRACTION = Pattern.compile("(?i)\\b(?:\\p{L}+n['’]t|(?:i|you|we|they|he|she|it|that|there|here|what|let)['’](?:m|re|ll|d|ve|s))\\b");
    private static final Pattern HONORIFICS = Pattern.compile("^(?:(?:Prof|Professor|Dr|Mr|Ms|Mrs|Mx)\\.?\\s+)*");
    private static final Pattern AFTER_NAME = Pattern.compile("^(?:\\s*\\([^)]{0,80}\\))?\\s*,?\\s*");

    private record Paragraph(int start, String text) {
    }

    private ProseDescription() {
    }

    static Found find(List<String> lines, List<Speaker> speakers, DateFinder dates) {
        List<String> read = lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
        List<String> abstractParts = new ArrayList<>();
        List<String> bioParts = new ArrayList<>();
        boolean abstractOver = false;
        boolean bioOver = false;
        String before = "";
        for (Paragraph paragraph : paragraphs(read)) {
            LineRoles.Role role = LineRoles.of(read.get(paragraph.start()));
            if (role == LineRoles.Role.CLOSING || role == LineRoles.Role.FOOTER) {
                break; // the message is over
            }
            boolean describes = describes(read, paragraph, dates);
            if (!bioOver && describes && isBiography(paragraph.text(), speakers, before, !bioParts.isEmpty())) {
                bioParts.add(paragraph.text());
                abstractOver |= !abstractParts.isEmpty();
            } else {
                bioOver |= !bioParts.isEmpty();
                // an abstract opens before any biography: a paragraph of prose after one is as likely more about the speaker
                boolean continues = describes && (abstractParts.isEmpty() ? bioParts.isEmpty() && substantial(paragraph.text())
                        : prose(paragraph.text()));
                if (!abstractOver && continues) {
                    abstractParts.add(paragraph.text());
                } else {
                    abstractOver |= !abstractParts.isEmpty();
                }
            }
            before = paragraph.text();
        }
        return new Found(joined(abstractParts), joined(bioParts));
    }

    private static List<Paragraph> paragraphs(List<String> lines) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank()) {
                text.append(' ').append(LabeledFields.undecorate(lines.get(i)).strip());
                i++;
            }
            paragraphs.add(new Paragraph(start, Spaces.collapse(text.toString()).strip()));
        }
        return paragraphs;
    }

    /** Prose about the talk or its speaker: no label, no announcement, no day or hour, not about the event around it. */
    private static boolean describes(List<String> lines, Paragraph paragraph, DateFinder dates) {
        String lower = paragraph.text().toLowerCase(Locale.ROOT);
        if (ANNOUNCING.stream().anyMatch(lower::contains) || CONTRACTION.matcher(paragraph.text()).find()
                || LineRoles.endsDescription(lines, paragraph.start())) {
            return false;
        }
        for (int i = paragraph.start(); i < lines.size() && !lines.get(i).isBlank(); i++) {
            if (LabeledFields.labelLine(lines.get(i)) != null || i == paragraph.start() && LabeledFields.startsWithAnyLabel(lines.get(i))) {
                return false;
            }
        }
        String text = paragraph.text();
        return dates.find(text).isEmpty() && dates.findWeekdays(text).isEmpty() && new TimeFinder(true).find(text).isEmpty();
    }

    /** A paragraph that may open an abstract: several long sentences. */
    private static boolean substantial(String text) {
        int words = Spaces.words(text).length;
        int sentences = sentences(text);
        return prose(text) && words >= MIN_ABSTRACT_WORDS && sentences >= 2 && words >= sentences * MIN_SENTENCE_WORDS;
    }

    /** A paragraph of whole sentences, no link or address in it. */
    private static boolean prose(String text) {
        return Spaces.words(text).length >= MIN_PARAGRAPH_WORDS && ENDS_SENTENCE.matcher(text).matches()
                && !text.contains("://") && !text.contains("@");
    }

    private static int sentences(String text) {
        Matcher m = SENTENCE_END.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * Whether a paragraph opens as a speaker's biography: a speaker's name or surname, perhaps after "Prof." or "Dr.",
     * then a biography phrase; or a pronoun and such a phrase after a paragraph that names the speaker.
     */
    private static boolean isBiography(String text, List<Speaker> speakers, String before, boolean bioBefore) {
        if (!prose(text)) {
            return false;
        }
        String rest = HONORIFICS.matcher(text).replaceFirst("");
        for (Speaker speaker : speakers) {
            String surname = surname(speaker.name());
            for (String name : List.of(speaker.name(), surname)) {
                if (rest.startsWith(name + " ") || rest.startsWith(name + ",") || rest.startsWith(name + " (")) {
                    return opensWithBiographyPhrase(AFTER_NAME.matcher(rest.substring(name.length())).replaceFirst(""));
                }
            }
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        boolean speakerBefore = bioBefore || speakers.stream().anyMatch(s -> before.contains(surname(s.name())));
        for (String pronoun : PRONOUNS) {
            if (speakerBefore && lower.startsWith(pronoun + " ")) {
                return opensWithBiographyPhrase(rest.substring(pronoun.length() + 1));
            }
        }
        return false;
    }

    private static boolean opensWithBiographyPhrase(String afterName) {
        String lower = afterName.toLowerCase(Locale.ROOT);
        return BIOGRAPHY.stream().anyMatch(phrase -> lower.startsWith(phrase)
                && (lower.length() == phrase.length() || !Character.isLetter(lower.charAt(phrase.length()))));
    }

    private static String surname(String name) {
        String[] words = Spaces.words(name);
        return words[words.length - 1];
    }

    private static String joined(List<String> parts) {
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }
}
