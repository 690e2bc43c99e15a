package org.talkfeed.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** In a listing, the lines that name a talk's own date: where its speaker and place are usually written too. */
final class DateLines {
    private static final int MAX_LINES = 200;
    private static final int MAX_LINE_LENGTH = 300;
    private static final java.util.regex.Pattern NOT_A_LETTER_OR_SPACE = java.util.regex.Pattern.compile("[^\\p{L} ]");

    /** A line naming the date, the line after it (or ""), and where on the line the date stands. */
    record DatedLine(String line, String next, DateMention mention) {
    }

    private DateLines() {
    }

    static List<DatedLine> naming(LocalDate date, String text, DateFinder dates) {
        List<DatedLine> found = new ArrayList<>();
        if (date == null) {
            return found;
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = lines[i];
            if (line.length() > MAX_LINE_LENGTH || line.chars().noneMatch(Character::isDigit) || isLabeled(line)) {
                continue; // labeled fields are read elsewhere; long lines are prose, not a listing
            }
            String next = i + 1 < lines.length ? lines[i + 1] : "";
            dates.find(line).stream().filter(d -> d.date().equals(date) && !d.relative()).findFirst()
                    .ifPresent(mention -> found.add(new DatedLine(line, next, mention)));
        }
        return found;
    }

    private static boolean isLabeled(String line) {
        int colon = line.indexOf(':');
        return colon > 0 && Label.of(NOT_A_LETTER_OR_SPACE.matcher(line.substring(0, colon)).replaceAll("").strip()) != null;
    }
}
