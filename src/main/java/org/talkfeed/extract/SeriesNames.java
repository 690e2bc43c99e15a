package org.talkfeed.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The name of the series a talk belongs to, from a subject's head, a sentence of the body ("The Quantum Computing
 * Colloquium is pleased…") or a digest's heading ("1) SYSTEMS SEMINAR"). A name holds no date, time or weekday and is
 * more than words for what an event is ("Talk", "Guest lecture"); words in {@code series-cues.tsv}.
 */
final class SeriesNames {
    private static final String CUES = "series-cues.tsv";
    private static final Set<String> KINDS = Set.copyOf(Cues.phrases(CUES, "kind"));
    private static final Set<String> GENERIC = Set.copyOf(Cues.phrases(CUES, "generic"));

    private static final String WORD = "(?:\\p{Lu}[\\p{L}\\d'’-]*|&)";
    private static final Pattern IN_PROSE = Pattern.compile("\\b(?:[Tt]he|[Oo]ur|[Tt]his)\\s+(?:\\p{Ll}+\\s+){0,2}("
            + WORD + "(?:\\s+" + WORD + "){0,6})");
    /** Where a subject's series name ends: a comma, a weekday, a month, a number, a relative day. */
    private static final Pattern WHEN_STARTS = Pattern.compile("(?i),|\\s[-–—]\\s|\\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b\\.?"
            + "|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b\\.?\\s*\\d|\\d"
            + "|\\b(?:today|tomorrow|tonight|this\\s+week|next\\s+week|this\\s+(?:morning|afternoon|evening))\\b");
    private static final String HEADING_WORD = "(?:" + WORD + "|of|and|in|on|for|the)";
    private static final Pattern HEADING = Pattern.compile("^\\s*(?:#?\\d{1,2}[.)]\\s*|[-•*#]+\\s*)?(" + WORD
            + "(?:\\s+" + HEADING_WORD + "){0,5})\\s*:?\\s*$");
    private static final int MAX_NAME_CHARS = 80;

    private SeriesNames() {
    }

    /** The series a subject's head names ("PL Seminar Fri Nov 6" gives "PL Seminar"); null when it names none. */
    static String fromSubjectHead(String head) {
        Matcher when = WHEN_STARTS.matcher(head);
        String name = (when.find() ? head.substring(0, when.start()) : head).strip();
        return isName(name) ? name : null;
    }

    /** The first series a sentence of the text names, by its capitalized name ending in a series word; null when none. */
    static String inProse(String text) {
        Matcher m = IN_PROSE.matcher(text);
        while (m.find()) {
            String name = upToKind(m.group(1));
            if (name != null && isName(name)) {
                return name;
            }
        }
        return null;
    }

    /** A digest's heading line ("1) SYSTEMS SEMINAR") as a series name, capitalized as a name; null when it is none. */
    static String heading(String line) {
        if (line.length() > MAX_NAME_CHARS || LabeledFields.labelLine(line) != null) {
            return null;
        }
        Matcher m = HEADING.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1).strip();
        if (name.equals(name.toUpperCase(Locale.ROOT))) {
            name = capitalized(name);
        }
        return isLastWordKind(name) && isName(name) ? name : null;
    }

    /**
     * The fuller of a subject's series name and the body's: the body's when the subject's abbreviates it ("PL Seminar",
     * "DAOS online seminar" for "Programming Languages Seminar", "Distributed Algorithms Online Seminar").
     */
    static String fuller(String fromSubject, String fromBody) {
        if (fromSubject == null) {
            return fromBody;
        }
        if (fromBody == null) {
            return fromSubject;
        }
        String initials = Spaces.words(fromBody).length < 2 ? "" : java.util.Arrays.stream(Spaces.words(fromBody))
                .filter(w -> Character.isLetter(w.charAt(0))).map(w -> w.substring(0, 1)).collect(Collectors.joining());
        for (String word : Spaces.words(fromSubject)) {
            if (word.length() >= 2 && word.equals(word.toUpperCase(Locale.ROOT)) && word.chars().allMatch(Character::isLetter)
                    && initials.startsWith(word)) {
                return fromBody;
            }
        }
        return fromSubject;
    }

    private static String upToKind(String capitalized) {
        String[] words = Spaces.words(capitalized);
        for (int end = words.length; end >= 2; end--) {
            if (KINDS.contains(words[end - 1].toLowerCase(Locale.ROOT).replaceAll("['’]s$", ""))) {
                String name = String.join(" ", List.of(words).subList(0, end));
                return name.replaceAll("['’]s$", "");
            }
        }
        return null;
    }

    private static boolean isLastWordKind(String name) {
        String[] words = Spaces.words(name);
        return words.length > 0 && KINDS.contains(words[words.length - 1].toLowerCase(Locale.ROOT));
    }

    /** Not empty, not too long, and more than generic words. */
    private static boolean isName(String name) {
        if (name.isBlank() || name.length() > MAX_NAME_CHARS) {
            return false;
        }
        for (String word : Spaces.words(name.toLowerCase(Locale.ROOT))) {
            String bare = word.replaceAll("^\\p{P}+|\\p{P}+$", "");
            if (!bare.isEmpty() && !GENERIC.contains(bare)) {
                return true;
            }
        }
        return false;
    }

    private static String capitalized(String upper) {
        return java.util.Arrays.stream(upper.toLowerCase(Locale.ROOT).split(" "))
                .map(w -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining(" "));
    }
}
