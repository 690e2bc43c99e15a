package org.talkfeed.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A talk's title from prose, for announcements written without labels. */
final class TitleClues {
    /** A line announcing that the title comes next: "The title and abstract of his talk follow." */
    private static final Pattern TITLE_FOLLOWS = Pattern.compile(
            "(?i)\\btitle\\b[^\\n]{0,60}\\b(?:follows?|below|is|was)\\b[\\s:.]*$");
    private static final Pattern STATEMENT = Pattern.compile(
            "(?i).*\\b(?:is|are|was|were|will|we|our|you|your|please|has|have)\\b.*[,;]$|^(?:please|thanks|thank you)\\b.*");
    private static final Pattern QUOTED_TITLE = Pattern.compile(
            "(?i)(?:on|entitled|titled|title|topic|talk|about|thema|titel|sujet|intitulé)[:\\s]+[\"“”‘'„«]([^\"“”«»]{4,250}?)[\"“”’'»]");
    /** Any quoted run of text, as group 1 (also read by {@link SpeakerClues}). */
    static final Pattern ANY_QUOTED = Pattern.compile(
            "(?:[\"“„«]|(?<![\\p{L}])[`‘‚'])([^\"“”„«»\\n]{8,250}?)(?:[\"”“»]|[’'](?![\\p{L}]))");
    /** `A title, with "quotes" and apostrophes inside,' closed at the end of its line (an old typewriter convention). */
    private static final Pattern BACKTICK_QUOTE = Pattern.compile("`([^`\\n]{8,250})'[.,;]?[ \\t]*(?:\\([^()\\n]{1,60}\\)[ \\t]*)?$", Pattern.MULTILINE);

    private static final Pattern GREETING = Pattern.compile(
            "(?i)^(dear|hi|hello|greetings|all|please|thanks|thank you|join us|save the date)\\b.*");
    private static final Pattern OUTER_QUOTES = Pattern.compile("^[\"“„]|[\"”“]$");

    private static final PatternScan.Start TITLE_WORD = PatternScan.startingWith("on", "entitled", "titled", "title", "topic", "talk",
            "about", "thema", "titel", "sujet", "intitulé");
    /** Where ANY_QUOTED can start: at an opening quotation mark. */
    static final PatternScan.Start QUOTE = (t, i) -> "\"“„«`‘‚'".indexOf(t.charAt(i)) >= 0;

    private TitleClues() {
    }

    /** Under a date heading, a short line of its own that is neither a time, a place nor a greeting: the title. */
    static String titleLineUnderDate(List<String> lines, DateFinder dates) {
        for (int i = 0; i + 1 < Math.min(lines.size(), 12); i++) {
            String line = lines.get(i).strip();
            List<DateMention> found = dates.find(line);
            if (found.isEmpty() || line.length() > found.get(0).end() + 6) {
                continue;
            }
            for (int j = i + 1; j < Math.min(lines.size(), i + 3); j++) {
                String candidate = lines.get(j).strip();
                int words = candidate.isEmpty() ? 0 : Spaces.words(candidate).length;
                if (words >= 3 && words <= 20 && !candidate.endsWith(":") && dates.find(candidate).isEmpty()
                        && new TimeFinder(true).find(candidate).isEmpty() && !candidate.contains("@")
                        && !GREETING.matcher(candidate).matches()) {
                    return OUTER_QUOTES.matcher(candidate).replaceAll("");
                }
                if (!candidate.isEmpty()) {
                    break;
                }
            }
        }
        return null;
    }

    /** The line after "The title and abstract of the talk follow.", when it is short enough to be a title. */
    static String titleAfterIntro(List<String> lines) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!TITLE_FOLLOWS.matcher(lines.get(i)).find()) {
                continue;
            }
            for (int j = i + 1; j < Math.min(lines.size(), i + 3); j++) {
                String candidate = lines.get(j).strip();
                int words = candidate.isEmpty() ? 0 : Spaces.words(candidate).length;
                if (words >= 2 && words <= 25) {
                    return OUTER_QUOTES.matcher(candidate).replaceAll("");
                }
                if (!candidate.isEmpty()) {
                    break;
                }
            }
        }
        return null;
    }

    /** "Speaker: ...", "Zeit: ...": a labeled line, not a title. */
    private static final Pattern LABEL_LINE = Pattern.compile("[\\p{L} ]{1,20}:\\s");
    private static final Pattern ABSTRACT_LABEL = Pattern.compile("(?i)^[\\s*_#]*(?:abstract|summary|zusammenfassung|résumé)\\b[*_]*\\s*:?.*");

    /** A short line standing alone right above "Abstract:": the title the abstract belongs to. */
    static String titleAboveAbstract(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (!ABSTRACT_LABEL.matcher(lines.get(i)).matches()) {
                continue;
            }
            int j = i - 1;
            while (j > 0 && lines.get(j).isBlank()) {
                j--;
            }
            String candidate = lines.get(j).strip();
            boolean standsAlone = j == 0 || lines.get(j - 1).isBlank();
            int words = candidate.isEmpty() ? 0 : Spaces.words(candidate).length;
            if (standsAlone && words >= 2 && words <= 20 && !candidate.endsWith(":") && !candidate.endsWith(",")
                    && !candidate.endsWith(";") && !candidate.contains("@") && !candidate.contains("://")
                    && !(candidate.endsWith(".") && words > 12) && !STATEMENT.matcher(candidate).matches()
                    && !LABEL_LINE.matcher(candidate).lookingAt()) {
                return OUTER_QUOTES.matcher(candidate).replaceAll("");
            }
            return null;
        }
        return null;
    }

    private static final Pattern SUBTITLE = Pattern.compile("^\\s+[–—-]\\s+([^\\n]{3,150})");

    /** "„Title“ – a subtitle" on one line: the subtitle belongs to the title. */
    private static String withSubtitle(String title, String text, int afterQuote) {
        Matcher sub = SUBTITLE.matcher(text.substring(afterQuote, Math.min(text.length(), afterQuote + 160)));
        return sub.find() ? title + " – " + sub.group(1).strip() : title;
    }

    /** A quoted run that is a capitalized sentence of its own, full stop inside: “Playgrounds.” is a title, “smart” is not. */
    static boolean wholeSentence(String quoted) {
        String q = quoted.strip();
        return q.length() >= 4 && Character.isUpperCase(q.charAt(0)) && (q.endsWith(".") || q.endsWith("?") || q.endsWith("!"));
    }

    static String titleFromProse(String text) {
        PatternScan backticks = new PatternScan(BACKTICK_QUOTE, text, (t, i) -> t.charAt(i) == '`');
        if (backticks.find()) {
            return Spaces.collapse(backticks.matcher().group(1)).strip();
        }
        PatternScan titles = new PatternScan(QUOTED_TITLE, text, TITLE_WORD);
        if (titles.find()) {
            return Spaces.collapse(titles.matcher().group(1)).strip();
        }
        PatternScan quotes = new PatternScan(ANY_QUOTED, text, QUOTE);
        Matcher any = quotes.matcher();
        while (quotes.find()) {
            String candidate = any.group(1).strip();
            if ((Spaces.words(candidate).length >= 3 || wholeSentence(candidate)) && !STATEMENT.matcher(candidate).matches()) {
                return Spaces.collapse(withSubtitle(candidate, text, any.end()));
            }
        }
        return null;
    }
}
