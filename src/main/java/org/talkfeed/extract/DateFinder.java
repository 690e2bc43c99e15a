package org.talkfeed.extract;

import org.talkfeed.text.MessageText;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates in free text: "Tuesday, February 22nd", "Feb. 22, 2022", "22 Feb 2022",
 * "2/22", "22.02.2022", "2022-02-22", "today", "tomorrow", "this Thursday". A year left out is the
 * one that puts the date nearest the message's own date, leaning to the future.
 */
final class DateFinder {
    private static final String WEEKDAY = "(?<wd>mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\.?"
            .replace("(?<wd>", "(?<wd>montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|"
                    + "jeudi|vendredi|samedi|dimanche|");
    private static final String MONTH = "(?<mon>januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|janvier|février|fevrier|"
            + "mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
            + "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez)(?:uary|ruary|ch|il|e|y|ust|tember|ember|ober)?\\.?";
    /** A month's name coming next, after spaces, dots or a comma: "(12-15) May", "Room 12, March 3". */
    static final Pattern MONTH_NEXT = Pattern.compile("^[ \\t.,]*" + MONTH + "(?!\\p{L})", Pattern.CASE_INSENSITIVE);
    private static final String DAY = "(?<day>[0-3]?\\d)(?:st|nd|rd|th|er|\\.)?";
    private static final String YEAR = "(?<year>(?:19|20)\\d{2})";
    // The patterns start at the month or the day; a weekday before them is read backwards (WEEKDAY_BEFORE).
    // Each runs only where it can start (see the ..._START tests): most positions fail there at once.
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "\\b(?=[JFMASONDjfmasond])" + MONTH + "\\s+" + DAY + "\\b(?:,?\\s+" + YEAR + "\\b)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_FIRST = Pattern.compile(
            "\\b" + DAY + "(?:\\s+of)?\\s+" + MONTH + "(?![a-z])(?:,?\\s+" + YEAR + "\\b)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY_BEFORE = Pattern.compile(
            "\\b" + WEEKDAY + ",?\\s+(?:the\\s+)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DASHED = Pattern.compile(
            "\\b" + DAY + "-" + MONTH + "-(?<year>\\d{4}|\\d{2})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO = Pattern.compile("\\b(?<year>(?:19|20)\\d{2})-(?<mon>\\d{1,2})-(?<day>\\d{1,2})\\b");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d/.:])(?<a>\\d{1,2})(?<sep>[/.])(?<b>\\d{1,2})(?:\\k<sep>(?<y>\\d{4}|\\d{2}))?(?![\\d/:]|\\.\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FRACTION_UNIT = Pattern.compile(
            "\\s*(?:hours?|hrs?|days?|weeks?|months?|minutes?|mins?|miles?|km|cups?|inch(?:es)?|of\\b|percent|%)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE = Pattern.compile("\\b(today|tonight|tomorrow|this (?:afternoon|morning|evening))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY_ONLY = Pattern.compile(
            "\\b(?:(?<rel>this|next|on|coming)\\s+)?" + WEEKDAY.replace("\\.?", "") + "\\b",
            Pattern.CASE_INSENSITIVE);
    // Where each pattern can start: the first letters of its words (see PatternScan).
    private static final String[] MONTH_PREFIXES = {"ja", "jä", "fe", "fé", "mä", "ma", "ju", "ok", "de", "dé", "av", "ao", "se",
            "oc", "no", "ap", "au"};
    private static final String[] WEEKDAY_PREFIXES = {"mo", "di", "mi", "do", "fr", "sa", "so", "lu", "ma", "me", "je", "ve", "tu",
            "we", "th", "su"};
    private static final PatternScan.Start MONTH_START = PatternScan.wordStartingWith(MONTH_PREFIXES);
    private static final PatternScan.Start WEEKDAY_START = PatternScan.wordStartingWith(WEEKDAY_PREFIXES);
    private static final PatternScan.Start WEEKDAY_ONLY_START = PatternScan.wordStartingWith(
            java.util.stream.Stream.concat(java.util.stream.Stream.of("this", "next", "on", "coming"),
                    java.util.stream.Stream.of(WEEKDAY_PREFIXES)).toArray(String[]::new));
    /** A number that starts a word. */
    private static final PatternScan.Start NUMBER_START = PatternScan.wordStartingWith("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final PatternScan.Start RELATIVE_START = PatternScan.wordStartingWith("today", "tonight", "tomorrow", "this ");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private final LocalDate reference;
    private final boolean dayFirst;

    /**
     * @param reference the message's date, for years left out and relative words; null when unknown
     * @param dayFirst  whether "3/4" means 3 April (the list's locale)
     */
    DateFinder(LocalDate reference, boolean dayFirst) {
        this.reference = reference;
        this.dayFirst = dayFirst;
    }

    /** The dates in a message, relative to its Date header, read as its list's locale says. */
    static DateFinder forMessage(MessageText message, ExtractionDefaults defaults) {
        return new DateFinder(message.date() == null ? null : message.date().toLocalDate(), defaults.dayFirst());
    }

    /** Texts already searched: one message's parts and lines are searched by several readers. */
    private final java.util.Map<String, List<DateMention>> seen = new java.util.HashMap<>();
    /** The text being searched, for reading a weekday written before a date. */
    private String searched = "";

    /** All dates written out in the text, in order of appearance; overlapping matches keep the longest. */
    List<DateMention> find(String text) {
        if (seen.size() > 1024) {
            seen.clear();
        }
        return seen.computeIfAbsent(text, this::search);
    }

    private List<DateMention> search(String text) {
        searched = text;
        List<DateMention> found = new ArrayList<>();
        if (hasDigit(text)) { // every date but "today" and the like has a number in it
            addNamed(found, new PatternScan(MONTH_FIRST, text, MONTH_START));
            addNamed(found, new PatternScan(DAY_FIRST, text, NUMBER_START));
            if (text.indexOf('-') >= 0) {
                addDashedAndIso(found, text);
            }
            if (text.indexOf('/') >= 0 || text.indexOf('.') >= 0) {
                addNumeric(found, text);
            }
        }
        if (reference != null) {
            PatternScan scan = new PatternScan(RELATIVE, text, RELATIVE_START);
            Matcher rel = scan.matcher();
            while (scan.find()) {
                LocalDate date = rel.group(1).toLowerCase(Locale.ROOT).equals("tomorrow") ? reference.plusDays(1) : reference;
                found.add(new DateMention(date, rel.start(), rel.end(), true, null));
            }
        }
        return longestFirstThenOrdered(found);
    }

    /** Whether a line opens with a date ("15 Oct.:", "Tuesday, 3 May"): a listing's entry, not a wrapped value. */
    static boolean beginsWithDate(String line) {
        if (!hasDigit(line)) {
            return false;
        }
        String head = line.strip();
        head = head.length() > 40 ? head.substring(0, 40) : head;
        // any reference will do: only where the date stands matters here, not its year
        List<DateMention> found = new DateFinder(LocalDate.of(2000, 1, 1), false).find(head);
        return !found.isEmpty() && found.get(0).start() == 0 && !found.get(0).relative();
    }

    /** A weekday named alone ("this Thursday"): the next such day on or after the message's date. */
    List<DateMention> findWeekdays(String text) {
        List<DateMention> found = new ArrayList<>();
        if (reference == null) {
            return found;
        }
        PatternScan scan = new PatternScan(WEEKDAY_ONLY, text, WEEKDAY_ONLY_START);
        Matcher m = scan.matcher();
        while (scan.find()) {
            DayOfWeek day = weekday(m.group("wd"));
            LocalDate date = reference.with(TemporalAdjusters.nextOrSame(day));
            if (m.group("rel") != null && m.group("rel").equalsIgnoreCase("next") && ChronoUnit.DAYS.between(reference, date) < 7
                    && date.equals(reference)) {
                date = date.plusWeeks(1);
            }
            found.add(new DateMention(date, m.start(), m.end(), true, null));
        }
        return found;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private void addDashedAndIso(List<DateMention> found, String text) {
        PatternScan dashedScan = new PatternScan(DASHED, text, NUMBER_START);
        Matcher dashed = dashedScan.matcher();
        while (dashedScan.find()) {
            int year = fullYear(Integer.parseInt(dashed.group("year")));
            add(found, dashed.start(), dashed.end(), year, month(dashed.group("mon")),
                    Integer.parseInt(dashed.group("day")));
        }
        PatternScan isoScan = new PatternScan(ISO, text, (t, i) -> (t.charAt(i) == '1' || t.charAt(i) == '2') && PatternScan.wordStart(t, i));
        Matcher iso = isoScan.matcher();
        while (isoScan.find()) {
            add(found, iso.start(), iso.end(), Integer.parseInt(iso.group("year")), Integer.parseInt(iso.group("mon")),
                    Integer.parseInt(iso.group("day")));
        }
    }


    /** Where NUMERIC can start: at a digit that follows no digit, slash, dot or colon. */
    private static boolean startsNumeric(String text, int i) {
        return PatternScan.isDigit(text.charAt(i)) && (i == 0 || "0123456789/.:".indexOf(text.charAt(i - 1)) < 0);
    }

    private void addNamed(List<DateMention> found, PatternScan scan) {
        Matcher m = scan.matcher();
        while (scan.find()) {
            String mon = m.group("mon");
            String word = m.group().substring(m.start("mon") - m.start(), m.end("mon") - m.start());
            if (Character.isLowerCase(word.charAt(0)) && (word.equals("may") || word.equals("mar"))) {
                continue; // the verbs, not the months
            }
            int month = month(mon);
            Integer year = m.group("year") == null ? null : Integer.parseInt(m.group("year"));
            add(found, m.start(), m.end(), year, month, Integer.parseInt(m.group("day")));
        }
    }

    /** A numeric date as written: "a/b", "a.b" or either with a year, and where it stands. */
    private record Numeric(int start, int end, int a, int b, String y, boolean dot) {
    }

    /** Whether the text itself shows its numeric dates are day-first: "22/2" somewhere settles "3/4" elsewhere; null when it does not. */
    private static Boolean dayFirstIn(List<Numeric> numerics) {
        for (Numeric n : numerics) {
            if (n.a() > 12 && n.b() <= 12) {
                return true;
            }
            if (n.b() > 12 && n.a() <= 12) {
                return false;
            }
        }
        return null;
    }

    private void addNumeric(List<DateMention> found, String text) {
        List<Numeric> numerics = new ArrayList<>();
        PatternScan scan = new PatternScan(NUMERIC, text, DateFinder::startsNumeric);
        Matcher m = scan.matcher();
        while (scan.find()) {
            numerics.add(new Numeric(m.start(), m.end(), Integer.parseInt(m.group("a")), Integer.parseInt(m.group("b")),
                    m.group("y"), m.group("sep").equals(".")));
        }
        Boolean settledByText = dayFirstIn(numerics);
        boolean dayFirstHereByDefault = settledByText != null ? settledByText : dayFirst;
        for (Numeric n : numerics) {
            int a = n.a();
            int b = n.b();
            String y = n.y();
            boolean dot = n.dot();
            if (dot && y == null) {
                continue; // "3.30" is a time, "1.2" a version: only "22.02.2022" counts
            }
            if (y == null && FRACTION_UNIT.matcher(text).region(n.end(), text.length()).lookingAt()) {
                continue; // "1/2 hour", "3/4 of": a fraction
            }
            boolean dayFirstHere = dot || dayFirstHereByDefault;
            boolean guessed = !dot && settledByText == null && a <= 12 && b <= 12 && a != b;
            if (a > 12 && b <= 12) {
                dayFirstHere = true;
            } else if (b > 12 && a <= 12) {
                dayFirstHere = false;
            }
            int day = dayFirstHere ? a : b;
            int month = dayFirstHere ? b : a;
            Integer year = y == null ? null : fullYear(Integer.parseInt(y));
            if (year != null && a <= 12 && b <= 12 && a != b) {
                // "3.6.95, Monday": the reading that falls on the stated weekday settles the order
                DayOfWeek stated = weekdayAround(text, n.start(), n.end());
                if (stated != null && falls(year, b, a, stated) != falls(year, a, b, stated)) {
                    guessed = false;
                    dayFirstHere = falls(year, b, a, stated);
                    day = dayFirstHere ? a : b;
                    month = dayFirstHere ? b : a;
                }
            }
            add(found, n.start(), n.end(), year, month, day, guessed);
        }
    }

    /** "95" is 1995 and "22" is 2022: the century that puts the year nearest the message's date (without one, 1950-2049). */
    private int fullYear(int year) {
        if (year >= 100) {
            return year;
        }
        if (reference == null) {
            return year < 50 ? 2000 + year : 1900 + year;
        }
        int pivot = reference.getYear();
        int candidate = pivot - Math.floorMod(pivot, 100) + year;
        if (candidate > pivot + 50) {
            candidate -= 100;
        } else if (candidate < pivot - 50) {
            candidate += 100;
        }
        return candidate;
    }

    private static final Pattern WEEKDAY_AFTER = Pattern.compile("^[\\s,(]*" + WEEKDAY + "\\b", Pattern.CASE_INSENSITIVE);

    /** The weekday written right before a date ("Monday, 6 March"), found in the 24 characters before it, or null. */
    private static Matcher weekdayBefore(String text, int start) {
        PatternScan scan = new PatternScan(WEEKDAY_BEFORE, text.substring(Math.max(0, start - 24), start), WEEKDAY_START);
        return scan.find() ? scan.matcher() : null;
    }

    private static DayOfWeek weekdayAround(String text, int start, int end) {
        Matcher before = weekdayBefore(text, start);
        if (before != null) {
            return weekday(before.group("wd"));
        }
        return weekdayAfter(text, end);
    }

    /** The weekday written right after a date ("3.6.95, Monday"), or null. */
    private static DayOfWeek weekdayAfter(String text, int end) {
        if (end > text.length()) {
            return null;
        }
        Matcher after = WEEKDAY_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 16)));
        return after.find() ? weekday(after.group("wd")) : null;
    }

    private static boolean falls(int year, int month, int day, DayOfWeek weekday) {
        try {
            return LocalDate.of(year, month, day).getDayOfWeek() == weekday;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private void add(List<DateMention> found, int start, int end, Integer year, int month, int day) {
        add(found, start, end, year, month, day, false);
    }

    private void add(List<DateMention> found, int start, int end, Integer year, int month, int day, boolean orderGuessed) {
        DayOfWeek stated = null;
        int windowStart = Math.max(0, start - 24);
        Matcher wd = weekdayBefore(searched, start);
        if (wd != null) {
            stated = weekday(wd.group("wd"));
            start = windowStart + wd.start(); // the mention takes in its weekday
        }
        LocalDate date;
        String warning = null;
        try {
            if (year != null) {
                date = LocalDate.of(year, month, day);
            } else if (reference != null) {
                date = nearest(month, day, stated);
            } else {
                return;
            }
        } catch (DateTimeException e) {
            return;
        }
        if (stated != null && date.getDayOfWeek() != stated) {
            warning = ExtractionWarnings.WEEKDAY_MISMATCH + titleCase(stated) + " but " + date + " is a " + titleCase(date.getDayOfWeek());
        }
        DayOfWeek written = stated != null ? stated : weekdayAfter(searched, end);
        found.add(new DateMention(date, start, end, false, warning, orderGuessed, written));
    }

    /** The year for a month and day that puts it nearest the reference, leaning to the future. */
    private LocalDate nearest(int month, int day, DayOfWeek stated) {
        LocalDate best = null;
        long bestScore = Long.MAX_VALUE;
        for (int y = reference.getYear() - 1; y <= reference.getYear() + 1; y++) {
            LocalDate candidate;
            try {
                candidate = LocalDate.of(y, month, day);
            } catch (DateTimeException e) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(reference, candidate);
            long score = days >= -30 ? Math.abs(days) : 5 * Math.abs(days);
            if (stated != null && candidate.getDayOfWeek() != stated) {
                score += 200;
            }
            if (score < bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        if (best == null) {
            throw new DateTimeException("no such day");
        }
        return best;
    }

    /** The month number of an English, German or French month name or abbreviation. */
    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace(".", "");
        for (String[] alias : MONTH_ALIASES) {
            if (n.startsWith(alias[0])) {
                return Integer.parseInt(alias[1]);
            }
        }
        return MONTHS.indexOf(n.substring(0, 3)) + 1;
    }

    private static final String[][] MONTH_ALIASES = {{"jän", "1"}, {"fév", "2"}, {"fev", "2"}, {"mär", "3"}, {"mae", "3"},
            {"mars", "3"}, {"avr", "4"}, {"mai", "5"}, {"juin", "6"}, {"juil", "7"}, {"aoû", "8"}, {"aou", "8"}, {"okt", "10"},
            {"dez", "12"}, {"déc", "12"}};
    private static final String[][] WEEKDAY_ALIASES = {{"montag", "MONDAY"}, {"dienstag", "TUESDAY"}, {"mittwoch", "WEDNESDAY"},
            {"donnerstag", "THURSDAY"}, {"freitag", "FRIDAY"}, {"samstag", "SATURDAY"}, {"sonnabend", "SATURDAY"},
            {"sonntag", "SUNDAY"}, {"lundi", "MONDAY"}, {"mardi", "TUESDAY"}, {"mercredi", "WEDNESDAY"}, {"jeudi", "THURSDAY"},
            {"vendredi", "FRIDAY"}, {"samedi", "SATURDAY"}, {"dimanche", "SUNDAY"}};

    /** The day a weekday's name or its start names: "Thurs", "Freitag", "mardi". */
    static DayOfWeek weekday(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (String[] alias : WEEKDAY_ALIASES) {
            if (t.startsWith(alias[0])) {
                return DayOfWeek.valueOf(alias[1]);
            }
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.startsWith(d.name().toLowerCase(Locale.ROOT).substring(0, 3))) {
                return d;
            }
        }
        throw new IllegalArgumentException(text);
    }

    private static String titleCase(DayOfWeek day) {
        String n = day.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** Overlapping mentions keep the longest; kept intervals sit in a map by start, so this stays n log n. */
    private static List<DateMention> longestFirstThenOrdered(List<DateMention> found) {
        List<DateMention> bySize = new ArrayList<>(found);
        bySize.sort(Comparator.comparingInt((DateMention d) -> d.end() - d.start()).reversed());
        java.util.TreeMap<Integer, DateMention> kept = new java.util.TreeMap<>();
        for (DateMention d : bySize) {
            var before = kept.floorEntry(d.start());
            var after = kept.ceilingEntry(d.start());
            boolean overlaps = (before != null && before.getValue().end() > d.start()) || (after != null && after.getKey() < d.end());
            if (!overlaps) {
                kept.put(d.start(), d);
            }
        }
        return new ArrayList<>(kept.values());
    }
}
