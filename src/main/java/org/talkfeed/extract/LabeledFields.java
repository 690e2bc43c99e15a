package org.talkfeed.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds "Label: value" fields in an announcement's lines, whatever the decoration ({@code *When:*},
 * {@code WHEN -}, bullets, bold HTML rendered as text, table cells) and however the value wraps.
 */
final class LabeledFields {
    /**
     * The label-line pattern for each first word of a label: a line can only start with a label whose first
     * word is the line's, so only those labels (longest first, as in one pattern of them all) are tried.
     */
    private static final java.util.Map<String, Pattern> LABEL_LINE_BY_FIRST_WORD = Label.allWords().stream()
            .collect(Collectors.groupingBy(LabeledFields::labelFirstWord, java.util.LinkedHashMap::new, Collectors.toList()))
            .entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(java.util.Map.Entry::getKey, e -> labelLinePattern(e.getValue())));

    private static Pattern labelLinePattern(List<String> labelWords) {
        return Pattern.compile("^[ \\t]*(?:[-•·#>|]+[ \\t]*)?(" + labelWords.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                + ")[ \\t]*(?::|[ \\t][-–—][ \\t]|\\t|[ \\t]{2,}|$)[ \\t]*(.*)$", Pattern.CASE_INSENSITIVE);
    }

    private static String labelFirstWord(String label) {
        return label.split("[ /(]")[0];
    }

    private static final int MAX_SHORT_FIELD_LINES = 4;
    private static final int MAX_LABEL_LINE_HEAD = 400;
    private static final Pattern UNDERSCORES = Pattern.compile("(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("\\p{Ll}{4}[\"“”»«]?[.!?][\"“”»«]?\\s+\\p{Lu}");
    private static final Pattern ENDS_MID_PHRASE = Pattern.compile(".*\\b(at|in|on|of|and|the)$");
    private static String firstWord(String line) {
        int i = 0;
        while (i < line.length() && !Character.isLetter(line.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < line.length() && (Character.isLetter(line.charAt(i)) || line.charAt(i) == '-' || line.charAt(i) == '&')) {
            i++;
        }
        return line.substring(start, i).toLowerCase(Locale.ROOT);
    }
    /** Any "Some label: value" line, known label or not: it ends the short field before it. */
    private static final Pattern ANY_LABEL = Pattern.compile("^\\s*[-•#>]*\\s*[\\p{Lu}\\d][\\p{L}\\d &/()-]{1,28}\\s?:(\\s|$)");
    /**
     * Any "LABEL - value" line, known label or not: in a block whose labels are set off by a dash ("WHO - …",
     * "WHAT - …") it ends the field before it. Elsewhere capitals and a dash are as likely a wrapped affiliation ("MIT - CSAIL").
     */
    private static final Pattern ANY_DASH_LABEL = Pattern.compile("^\\s*[-•#>]*\\s*\\p{Lu}[\\p{Lu}\\d&/()]+(?:\\s\\p{Lu}[\\p{Lu}\\d&/()]*){0,2}\\s+[-–—]\\s");
    private static final Pattern DASH_SEPARATOR = Pattern.compile("^[ \\t]*[-–—]");

    private LabeledFields() {
    }

    /** Removes bold/italic markers that text renderings of HTML mail leave around labels and values. */
    static String undecorate(String line) {
        if (line.indexOf('*') < 0 && line.indexOf('_') < 0) {
            return line;
        }
        return UNDERSCORES.matcher(line.replace("*", "")).replaceAll("");
    }

    static List<Field> find(List<String> lines) {
        Labels labels = new Labels(lines);
        List<Field> fields = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher m = labels.at(i);
            if (m == null) {
                i++;
                continue;
            }
            Label label = Label.of(m.group(1));
            StringBuilder value = new StringBuilder(m.group(2).strip());
            boolean dashed = DASH_SEPARATOR.matcher(undecorate(lines.get(i)).substring(m.end(1))).find();
            int end = continuation(lines, labels, i, label, dashed, value);
            fields.add(new Field(label, value.toString().strip(), i));
            i = end;
        }
        return fields;
    }

    /** Whether a line starts as "Some label: value" does, known label or not. */
    static boolean startsWithAnyLabel(String line) {
        return ANY_LABEL.matcher(undecorate(line)).find();
    }

    /** The label match for a line, or null when the line does not start with a known label. */
    static Matcher labelLine(String line) {
        String clean = undecorate(line);
        Pattern labelLine = LABEL_LINE_BY_FIRST_WORD.get(firstWord(clean));
        if (labelLine == null) {
            return null;
        }
        // a label starts within a line's first characters; a long line ("Abstract: " and a paragraph) is matched
        // whole only once its start reads as a label
        if (clean.length() > MAX_LABEL_LINE_HEAD && !labelLine.matcher(clean.substring(0, MAX_LABEL_LINE_HEAD)).matches()) {
            return null;
        }
        Matcher m = labelLine.matcher(clean);
        if (!m.matches()) {
            return null;
        }
        boolean colon = clean.substring(m.end(1)).stripLeading().startsWith(":");
        String rest = m.group(2).strip();
        // Without a colon, only a line that is nothing but the label, or a clearly separated value, counts.
        if (!colon && !rest.isEmpty() && Character.isLowerCase(rest.charAt(0))) {
            return null;
        }
        if (!colon && m.group(1).length() < 4 && rest.isEmpty()) {
            return null;
        }
        if (!colon && !m.group(1).equals(m.group(1).toUpperCase(Locale.ROOT))
                && !Character.isUpperCase(m.group(1).charAt(0))) {
            return null;
        }
        return m;
    }

    /**
     * Appends the lines that continue a field's value and returns the index after them. Short fields
     * continue on directly following lines up to the next label ({@code dashed}: the field's label was set off by a
     * dash, and so are the labels it may run into), and across blank lines while the next line is indented as a
     * block; long fields (abstract, bio) run to the next label.
     */
    private static int continuation(List<String> lines, Labels labels, int start, Label label, boolean dashed, StringBuilder value) {
        boolean longField = label == Label.ABSTRACT || label == Label.BIO;
        boolean whenField = label == Label.WHEN || label == Label.TIME || label == Label.DATE;
        String joiner = switch (label) {
            case WHERE, SPEAKER, HOST -> ", ";
            default -> " ";
        };
        int i = start + 1;
        int added = 0;
        boolean sawBlank = false;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (labels.at(i) != null) {
                break;
            }
            if (line.isBlank()) {
                sawBlank = true;
                if (!longField && !indentedBlockFollows(lines, labels, i)) {
                    break;
                }
                if (label == Label.WHERE && !value.isEmpty() && !unfinished(value) && !nextHasNumber(lines, i)) {
                    break; // "Wean Hall 7220", then a blank line and the title: the place is complete
                }
                if (longField && !value.isEmpty()) {
                    value.append("\n\n");
                }
                i++;
                continue;
            }
            if (longField && !value.isEmpty()
                    && (sawBlank ? LineRoles.endsDescription(lines, i) : LineRoles.of(line) != LineRoles.Role.TEXT)) {
                break; // the description is over: logistics, a closing, a separator, a footer or the signature follow
            }
            if (!longField) {
                if (ANY_LABEL.matcher(undecorate(line)).find() || dashed && ANY_DASH_LABEL.matcher(undecorate(line)).find()) {
                    break;
                }
                if (!whenField && mayHoldTime(line)
                        && !new TimeFinder(true).find(line).isEmpty()) {
                    break; // "REFRESHMENTS at 3:00" under a place is another matter
                }
                if ((label == Label.SPEAKER || label == Label.HOST) && readsAsProse(line)) {
                    break; // "Referent: Dr. A (Place)" followed by a paragraph about the series
                }
                if (!whenField && DateFinder.beginsWithDate(line)) {
                    break; // "15 Oct.: `Title'" under a speaker line starts the next entry of a listing
                }
                if (added >= MAX_SHORT_FIELD_LINES || (sawBlank && !isIndented(line))) {
                    break;
                }
                if (value.isEmpty() && sawBlank && !isIndented(line)) {
                    break;
                }
            }
            String text = undecorate(line).strip();
            if (!value.isEmpty() && !value.toString().endsWith("\n\n")) {
                value.append(longField ? " " : joiner);
            }
            value.append(text);
            added++;
            sawBlank = false;
            i++;
        }
        return i;
    }

    private static boolean indentedBlockFollows(List<String> lines, Labels labels, int blank) {
        for (int j = blank + 1; j < lines.size() && j <= blank + 3; j++) {
            if (!lines.get(j).isBlank()) {
                return isIndented(lines.get(j)) && labels.at(j) == null;
            }
        }
        return false;
    }

    /** Each line's label match, worked out once: continuation looks at the same lines again and again. */
    private static final class Labels {
        private final List<String> lines;
        private final Matcher[] matches;
        private final boolean[] done;

        Labels(List<String> lines) {
            this.lines = lines;
            this.matches = new Matcher[lines.size()];
            this.done = new boolean[lines.size()];
        }

        Matcher at(int i) {
            if (!done[i]) {
                matches[i] = labelLine(lines.get(i));
                done[i] = true;
            }
            return matches[i];
        }
    }

    /** A value that stops mid-phrase ("Talk will be given live, in-person at") goes on after the blank line. */
    private static boolean unfinished(CharSequence value) {
        String v = value.toString().strip().toLowerCase(Locale.ROOT);
        return v.endsWith(",") || v.endsWith(":") || ENDS_MID_PHRASE.matcher(v).matches();
    }

    private static boolean nextHasNumber(List<String> lines, int blank) {
        for (int j = blank + 1; j < lines.size() && j <= blank + 3; j++) {
            if (!lines.get(j).isBlank()) {
                return lines.get(j).chars().anyMatch(Character::isDigit);
            }
        }
        return false;
    }

    /** A long line in which one sentence ends and the next begins: prose, not a wrapped name or affiliation. */
    private static boolean readsAsProse(String line) {
        return SENTENCE_BREAK.matcher(line).find() && Spaces.words(line.strip()).length >= 10;
    }

    private static boolean mayHoldTime(String line) {
        return line.chars().anyMatch(Character::isDigit) || line.toLowerCase(Locale.ROOT).contains("noon");
    }

    private static boolean isIndented(String line) {
        int spaces = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == ' ') {
                spaces++;
            } else if (c == '\t') {
                spaces += 4;
            } else {
                break;
            }
        }
        return spaces >= 4;
    }
}
