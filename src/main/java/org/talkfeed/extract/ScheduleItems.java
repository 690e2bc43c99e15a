package org.talkfeed.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message that lists several talks without labels (a programme, a weekly calendar, a lecture
 * series) into items. An item starts at a line that begins with a date or a time; a date alone on a line
 * is a day heading for the items under it; a person's line right above an item belongs to it.
 */
final class ScheduleItems {
    private static final Pattern BULLETS = Pattern.compile("^\\s*(?:[-•*·>#]+\\s*)?(?:\\[[A-Z]{1,3}\\]\\s*)*");
    private static final Pattern NUMBERING = Pattern.compile("^\\d{1,2}[.)]\\s+");
    private static final int MAX_PREFIX = 14;
    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern NON_LETTER = Pattern.compile("[^\\p{L}]");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s,.:;–—-]+");
    private static final Pattern LEADING_YEAR = Pattern.compile("(?i)^(19|20)\\d\\d\\b");

    /** One listed talk: its lines, a person line above it (or null), and the day heading it sits under. */
    record Item(List<String> lines, String lead, LocalDate headingDate) {
    }

    record Schedule(List<String> preamble, List<Item> items) {
    }

    private final DateFinder dates;

    ScheduleItems(DateFinder dates) {
        this.dates = dates;
    }

    Schedule split(List<String> lines) {
        Schedule byDate = splitAtDatesAndTimes(lines);
        if (byDate.items().size() >= 2) {
            return byDate;
        }
        return splitAtHeadlines(lines);
    }

    /** "Ned Block (NYU): Perception is Non-Conceptual" lines, two or more, each start a talk; the rest is preamble. */
    private static Schedule splitAtHeadlines(List<String> lines) {
        List<Item> items = new ArrayList<>();
        List<String> preamble = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (SpeakerClues.headline(line) != null) {
                if (current != null) {
                    items.add(new Item(List.copyOf(current), null, null));
                }
                current = new ArrayList<>(List.of(line));
            } else if (current != null) {
                if (line.isBlank() && !current.get(current.size() - 1).isBlank()) {
                    current.add(line);
                } else if (!line.isBlank()) {
                    current.add(line);
                }
            } else {
                preamble.add(line);
            }
        }
        if (current != null) {
            items.add(new Item(List.copyOf(current), null, null));
        }
        return items.size() >= 2 ? new Schedule(preamble, items) : new Schedule(lines, List.of());
    }

    private Schedule splitAtDatesAndTimes(List<String> lines) {
        List<Item> items = new ArrayList<>();
        List<String> preamble = new ArrayList<>();
        LocalDate heading = null;
        List<String> current = null;
        String lead = null;
        LocalDate currentHeading = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = BULLETS.matcher(line).replaceFirst("");
            DateMention date = dateAtStart(stripped);
            boolean time = timeAtStart(stripped);
            String unnumbered = NUMBERING.matcher(stripped).replaceFirst("");
            if (date == null && !time && !unnumbered.equals(stripped)) {
                stripped = unnumbered;
                date = dateAtStart(stripped);
                time = timeAtStart(stripped);
            }
            if (date != null && onlyWhen(restAfter(stripped, date))) {
                close(items, current, lead, currentHeading);
                current = null;
                heading = date.date();
                continue;
            }
            if (date != null || time) {
                String above = personLineAbove(lines, i, current);
                if (above != null && current == null) {
                    removeLast(preamble, above); // the first item's speaker line is not preamble
                }
                if (above != null && current != null) {
                    while (!current.isEmpty() && current.get(current.size() - 1).isBlank()) {
                        current.remove(current.size() - 1);
                    }
                    if (!current.isEmpty() && BULLETS.matcher(current.get(current.size() - 1)).replaceFirst("").strip().equals(above)) {
                        current.remove(current.size() - 1);
                    }
                }
                if (above == null && current != null && i > 0 && isNumberedHeading(lines.get(i - 1))) {
                    current.remove(current.size() - 1); // "3. Lecture series: …" right above heads the next item
                }
                close(items, current, lead, currentHeading);
                lead = above;
                current = new ArrayList<>();
                current.add(line);
                currentHeading = date != null ? null : heading;
                continue;
            }
            if (current != null) {
                current.add(line);
            } else if (heading == null) {
                preamble.add(line);
            }
        }
        close(items, current, lead, currentHeading);
        return new Schedule(preamble, items);
    }

    private static boolean isNumberedHeading(String line) {
        String stripped = BULLETS.matcher(line).replaceFirst("");
        Matcher number = NUMBERING.matcher(stripped);
        return number.lookingAt() && !stripped.substring(number.end()).isBlank();
    }

    private static void removeLast(List<String> lines, String line) {
        for (int k = lines.size() - 1; k >= 0 && k >= lines.size() - 3; k--) {
            if (BULLETS.matcher(lines.get(k)).replaceFirst("").strip().equals(line)) {
                lines.remove(k);
                return;
            }
        }
    }

    private static void close(List<Item> items, List<String> current, String lead, LocalDate heading) {
        if (current == null) {
            return;
        }
        while (!current.isEmpty() && current.get(current.size() - 1).isBlank()) {
            current.remove(current.size() - 1);
        }
        if (!current.isEmpty()) {
            items.add(new Item(List.copyOf(current), lead, heading));
        }
    }

    private DateMention dateAtStart(String line) {
        if (line.isBlank()) {
            return null;
        }
        String head = line.length() > 60 ? line.substring(0, 60) : line;
        for (DateMention d : dates.find(head)) {
            if (d.start() <= MAX_PREFIX && !d.relative()) {
                return d;
            }
        }
        return null;
    }

    /** What follows a date says nothing but when: "14:00-17:00 (doors open 13:30)" — the line is a day heading. */
    private static boolean onlyWhen(String rest) {
        String left = BRACKETED.matcher(rest).replaceAll(" ");
        List<TimeRange> times = new TimeFinder(false).find(left);
        boolean wholeProgramme = times.isEmpty() || times.get(0).end() != null
                && java.time.Duration.between(times.get(0).start(), times.get(0).end()).toMinutes() >= 150;
        if (!wholeProgramme) {
            return false; // "Montag, 20.01.2020 15:15": one talk's date and time, not a day's heading
        }
        for (TimeRange t : times) {
            left = left.substring(0, t.position()) + " ".repeat(t.endPosition() - t.position()) + left.substring(t.endPosition());
        }
        return Spaces.words(NON_LETTERS.matcher(left).replaceAll(" ").strip()).length <= 1
                && NON_LETTER.matcher(left).replaceAll("").length() <= 6;
    }

    private static String restAfter(String line, DateMention date) {
        String rest = LEADING_PUNCTUATION.matcher(line.substring(Math.min(line.length(), date.end()))).replaceAll("");
        return LEADING_YEAR.matcher(rest).replaceAll("").strip();
    }

    private static boolean timeAtStart(String line) {
        List<TimeRange> times = new TimeFinder(true).find(line.length() > 30 ? line.substring(0, 30) : line);
        return !times.isEmpty() && times.get(0).position() <= 2 && line.length() > times.get(0).endPosition() + 3;
    }

    /** The line right above an item when it names a person (the speaker of a listing like "DR A. B., Place"). */
    private static String personLineAbove(List<String> lines, int i, List<String> previousItem) {
        int j = i - 1;
        boolean gap = false;
        if (j >= 0 && lines.get(j).isBlank()) {
            j--;
            gap = true;
        }
        if (j < 0 || lines.get(j).isBlank()) {
            return null;
        }
        if (lines.get(j).startsWith("  ") || lines.get(j).startsWith("\t")) {
            return null; // an indented line continues the item above it
        }
        String above = BULLETS.matcher(lines.get(j)).replaceFirst("").strip();
        if (!gap && previousItem != null && previousItem.size() == 1) {
            return null; // the line above is the previous item's own anchor line
        }
        if (SpeakerClues.headline(above) != null) {
            return above;
        }
        if (gap) {
            return null; // across a blank line only a headline ("Name (Place): Title") is taken
        }
        return Spaces.words(above).length >= 2 && SpeakerParser.parseOne(above) != null && !above.contains("“") && !above.contains("\"") ? above : null;
    }
}
