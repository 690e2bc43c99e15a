package org.talkfeed.extract;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells the lines of an announcement that are no part of a talk's description: closings ("Kind regards, Maria",
 * "Viele Grüße,"), separator rules, list footers; and the paragraphs at which a description stops: those, paragraphs
 * about the event around the talk (refreshments, recording, signing up), and the writer's name or signature block
 * ending the message. The phrases are those of {@code line-cues.tsv}.
 */
final class LineRoles {
    enum Role { TEXT, CLOSING, SEPARATOR, FOOTER }

    private static final String CUES = "line-cues.tsv";
    private static final List<String> CLOSINGS = Cues.phrases(CUES, "closing").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final List<String> FOOTERS = Cues.phrases(CUES, "footer");
    private static final List<String> LOGISTICS = Cues.phrases(CUES, "logistics");

    private static final int MAX_CLOSING_CHARS = 80;
    private static final String NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}";
    /** What may follow a closing phrase on its line: punctuation, then perhaps the writer's name and a remark in parentheses. */
    private static final Pattern AFTER_CLOSING = Pattern.compile("\\s*[,.!]*(?:(?<=[,.!])\\s*" + NAME + "(?:\\s*\\([^)]{0,60}\\))?\\s*[.!]?)?\\s*");
    private static final Pattern LONE_NAME = Pattern.compile(NAME.replace("{0,3}", "{0,2}"));
    private static final Pattern SEPARATOR = Pattern.compile("(?:[\\-=_*~#+·•]\\s*){4,}");
    private static final Pattern SIGNATURE_LINE = Pattern.compile("[^\\-•*>\\d\\s].{0,69}(?<![.!?:;,])");
    private static final int MAX_SIGNATURE_LINES = 6;

    private LineRoles() {
    }

    /** What one line is, told from the line alone. */
    static Role of(String line) {
        if (SEPARATOR.matcher(line.strip()).matches()) {
            return Role.SEPARATOR;
        }
        String probe = LabeledFields.undecorate(line).strip();
        if (probe.isEmpty()) {
            return Role.TEXT;
        }
        String lower = probe.toLowerCase(Locale.ROOT);
        if (FOOTERS.stream().anyMatch(lower::contains)) {
            return Role.FOOTER;
        }
        return isClosing(probe, lower) ? Role.CLOSING : Role.TEXT;
    }

    private static boolean isClosing(String probe, String lower) {
        if (probe.length() > MAX_CLOSING_CHARS) {
            return false;
        }
        for (String phrase : CLOSINGS) {
            if (lower.startsWith(phrase)) {
                String rest = probe.substring(phrase.length());
                return (rest.isEmpty() || !Character.isLetterOrDigit(rest.charAt(0))) && AFTER_CLOSING.matcher(rest).matches();
            }
        }
        return false;
    }

    /**
     * Whether a description that has begun stops at the paragraph starting at line {@code start}: it opens with a
     * line that is no text, speaks of the event around the talk, or is the sign-off closing the message (the
     * writer's name alone, or a signature block of short unpunctuated lines).
     */
    static boolean endsDescription(List<String> lines, int start) {
        if (of(lines.get(start)) != Role.TEXT) {
            return true;
        }
        int end = start;
        StringBuilder paragraph = new StringBuilder();
        while (end < lines.size() && !lines.get(end).isBlank()) {
            paragraph.append(' ').append(lines.get(end).strip().toLowerCase(Locale.ROOT));
            end++;
        }
        String text = Spaces.collapse(paragraph.toString());
        if (LOGISTICS.stream().anyMatch(text::contains)) {
            return true;
        }
        return lastParagraph(lines, end) && isSignOff(lines.subList(start, end));
    }

    private static boolean lastParagraph(List<String> lines, int after) {
        return lines.subList(after, lines.size()).stream().allMatch(String::isBlank);
    }

    private static boolean isSignOff(List<String> paragraph) {
        if (paragraph.size() == 1) {
            String only = LabeledFields.undecorate(paragraph.get(0)).strip();
            return only.length() <= 40 && LONE_NAME.matcher(only).matches() && LabeledFields.labelLine(only) == null;
        }
        return paragraph.size() <= MAX_SIGNATURE_LINES
                && paragraph.stream().allMatch(l -> SIGNATURE_LINE.matcher(l.strip()).matches() && LabeledFields.labelLine(l) == null);
    }
}
