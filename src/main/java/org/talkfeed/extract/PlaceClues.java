package org.talkfeed.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a talk is held, from the rooms and buildings that prose mentions. */
final class PlaceClues {
    private static final String SP = "[ \\t]*\\n?[ \\t]*";
    /** A capitalized word, taken whole: splitting it where a capital stands inside costs a lot and finds nothing more. */
    private static final String CAP = "\\p{Lu}[\\p{L}'’.&-]*+";
    private static final String BUILDING = byFirstLetter("hall", "building", "bldg\\.?", "auditorium", "room", "center", "centre",
            "theat(?:er|re)", "ballroom", "lounge", "library", "chapel", "gallery", "museum", "lab", "laboratory", "wing", "tower",
            "house", "forum", "pavilion", "atrium", "suite", "annex", "conference room", "seminar room", "lecture room",
            "lecture hall", "classroom", "dining room", "saal", "festsaal", "hörsaal", "aula", "gebäude", "seminarraum", "rathaus",
            "rathauses", "salle", "amphithéâtre", "amphi", "hotel", "resort");
    private static final String ROOM_NO = "(?:\\d{1,4}[A-Za-z]?(?:[-.]\\d{1,3}[A-Za-z]?)?|[A-Z]\\d{2,4}[A-Za-z]?)";
    /** "... Hall of the Music Center", "Festsaal des Rathauses St. Johann": whose building or room it is. */
    private static final String OF_WHAT = "(?:[ \\t]+(?:of the|of|for|des|der|im)[ \\t]+" + CAP + "(?:[ \\t]+(?:of[ \\t]+)?" + CAP + "){0,4}"
            + "(?![ \\t]+(?:(?i:and|und)\\b|\\p{Lu})))?";
    /** A place in running text: a named building or room, or a room number next to a building's name. */
    private static final Pattern PLACE_IN_PROSE = Pattern.compile(
            "(?<lead>\\b(?:in|at|by|inside|location|venue|place|where|im|in der|in den|ort|raum)[ \\t]*:?" + SP + "(?:the" + SP + ")?|[,;—–(*|\\t][ \\t]*|[ \\t]-[ \\t]|\\.[ \\t]+|^[ \\t]*|(?<=\\b[ap]\\.?m\\.?)[ \\t]+|[ ]{2,}|\\bto[ \\t]+"
                    + "|(?<=\\s)(?=(?i:room|rm\\.?)\\s)|(?i:raum|room)[ \\t]+(?=\\p{Lu}{2,4}\\d))(?<place>"
                    + "(?i:room|rm\\.?)" + SP + ROOM_NO + "(?:,?" + SP + "(?:in|of|at)?" + SP + "(?:the" + SP + ")?" + CAP + "(?:" + SP + CAP + "){0,3})?"
                    + "|(?:" + CAP + SP + "){1,4}(?:(?i:main|large|small|new|old)" + SP + ")?" + BUILDING + "(?:" + SP + "(?i:room" + SP + ")?" + ROOM_NO + ")?"
                    + OF_WHAT + "(?:,?[ \\t]+(?i:room|raum)[ \\t]+" + ROOM_NO + ")?"
                    + "(?:," + SP + "(?i:room" + SP + ")?" + ROOM_NO + ")?"
                    + "(?:,[ \\t]*the[ \\t]+" + CAP + "(?:[ \\t]+(?:of[ \\t]+|and[ \\t]+)?" + CAP + "){0,5})?"
                    + "(?:,[ \\t]*(?:School|Faculty|Department|Institute|College)[ \\t]+of[ \\t]+" + CAP + "(?:[ \\t]+(?:and[ \\t]+)?" + CAP + "){0,3})?"
                    + "(?:,[ \\t]*\\d{1,2}(?:st|nd|rd|th)[ \\t]+(?i:floor)(?:,?[ \\t]*(?:of[ \\t]+)?(?:the[ \\t]+)?" + CAP
                    + "(?:[ \\t]+(?:of[ \\t]+)?" + CAP + "){0,4})?)?"
                    + "(?:,[ \\t]*" + CAP + "(?:[ \\t]+" + CAP + "){0,2}[ \\t]+" + BUILDING + "(?:[ \\t]+" + ROOM_NO + ")?)?"
                    + "|" + ROOM_NO + "(?:[ \\t]+|[ \\t]*\\n[ \\t]*)" + CAP + "(?:[ \\t]+" + CAP + "){0,2}(?:" + SP + BUILDING + ")?"
                    + "|" + CAP + "(?:[ \\t]+" + CAP + ")?(?:[ \\t]+|[ \\t]*\\n[ \\t]*)" + ROOM_NO
                    + "|" + BUILDING + "[ \\t]+(?:des|der|im|am|de|du|de la)[ \\t]+" + CAP + "(?:[ \\t]+" + CAP + "){0,3}"
                    + "|\\p{Lu}\\p{L}{0,3}\\d{3,4}[A-Za-z]?|\\d{3,4}\\p{Lu}{2,4}|(?<=(?i:raum|room)[ \\t])\\p{Lu}{2,4}\\d{1,2}"
                    + "|\\d{3,4}[A-Za-z]?(?=[ \\t]*[.,;)\\n]))(?![\\p{L}\\d]|[:.-]\\d|/\\d{1,2}(?!\\d)|-\\p{L})",
            Pattern.MULTILINE);
    private static final Pattern CALENDAR_WORD = Pattern.compile(
            "(?i)\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|"
                    + "october|november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
                    + "saturday|sunday|date|time|speaker|title|topic|noon|am|pm|uhr|today|tomorrow|tonight|article|page|section|chapter|volume|vol|issue|"
                    + "figure|fig|table|version|step|level|grade|phone|fax|tel|ext|route|bus|gev|mev|kev|ev|km|mb|gb|or|and)s?\\b|\\d{1,2}:\\d{2}|\\b(?:19|20)\\d\\d\\b");
    private static final String NAMED_PLACE = "(?:[Tt]he[ \\t]+)?" + CAP + "(?:[ \\t]+(?:of[ \\t]+(?:the[ \\t]+)?)?" + CAP + "){0,5}";
    private static final Pattern HELD_AT = Pattern.compile(
            "(?:(?<held>\\b(?i:held|take[sn]? place|taking place|meets?|meeting)[ \\t]+(?i:at|in))|,[ \\t]*in)[ \\t]+"
                    + "(?<place>" + NAMED_PLACE + "(?:,[ \\t]*" + CAP + "(?:[ \\t]+" + CAP + ")?(?=[ \\t]+on\\b|[ \\t]*[.;\\n]))?)"
                    + "(?=[ \\t]*(?:[.,;:\\n)]|on\\b|at\\b|from\\b|$))");
    private static final PatternScan.Start HELD_WORD = PatternScan.wordStartingWith("held", "take", "taking", "meet");
    private static final PatternScan.Start HELD_AT_START = (text, i) -> text.charAt(i) == ',' || HELD_WORD.at(text, i);
    private static final Pattern QUANTITY = Pattern.compile(
            "(?i)(?:over|under|about|around|nearly|almost|some|approximately|only|just|top|all|another|more than|less than|fewer than)\\s+\\d");

    private static final Pattern SENTENCE_REST = Pattern.compile("\\.\\s.*$");
    private static final Pattern CLOCK_WITH_MERIDIEM = Pattern.compile("(?i).*\\d\\s*[ap]\\.?m\\b.*");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d{3,4}[A-Za-z]?");
    private static final Pattern BUILDING_WORD = Pattern.compile("\\b" + BUILDING + "\\b");
    private static final Pattern YEAR = Pattern.compile("(?:1[5-9]|20)\\d\\d");
    private static final Pattern NUMBERS = Pattern.compile("[\\d.-]+[A-Za-z]?\\b");
    private static final Pattern LEADING_THE = Pattern.compile("(?i)^the\\b.*");
    /** "Room 101 of the X" becomes "Room 101, X"; "Hall of the X" keeps its words. */
    private static final Pattern OF_THE = Pattern.compile("(?<=\\d[A-Za-z]?),?\\s+(?:of|in|at)\\s+(?:the\\s+)?");
    private static final Pattern TRAILING_DOT_OR_COMMA = Pattern.compile("[.,]$");

    /** Where PLACE_IN_PROSE can start: at one of its leads (a word like "in", a comma or the like, a line's start). */
    private static final PatternScan.Start LEAD_WORD = PatternScan.wordStartingWith("in", "at", "by", "location", "venue", "place",
            "where", "im", "ort", "raum", "to");
    private static final PatternScan.Start LEAD = (text, i) -> {
        char c = text.charAt(i);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        return ",;—–(*|\t".indexOf(c) >= 0
                || (c == ' ' || c == '\t') && (next == '-' || next == ' ' || afterMeridiem(text, i))
                || c == '.' && (next == ' ' || next == '\t')
                || PatternScan.lineStart(text, i)
                || (c == 'r' || c == 'R') && i > 0 && Spaces.isSpace(text.charAt(i - 1))
                || LEAD_WORD.at(text, i);
    };

    /** "1:30 pm  Porter Hall": a place may follow a time's am/pm. */
    private static boolean afterMeridiem(String text, int i) {
        int j = i > 0 && text.charAt(i - 1) == '.' ? i - 1 : i;
        return j > 0 && (text.charAt(j - 1) == 'm' || text.charAt(j - 1) == 'M');
    }

    private PlaceClues() {
    }

    /**
     * The words as one case-insensitive alternation, grouped by first letter with their order kept: words
     * with different first letters never match at the same place, so the grouping changes no match, only
     * how soon a mismatch shows.
     */
    private static String byFirstLetter(String... words) {
        java.util.Map<Character, List<String>> groups = new java.util.LinkedHashMap<>();
        for (String word : words) {
            groups.computeIfAbsent(word.charAt(0), k -> new java.util.ArrayList<>()).add(word.substring(1));
        }
        return groups.entrySet().stream().map(g -> g.getKey() + "(?:" + String.join("|", g.getValue()) + ")")
                .collect(java.util.stream.Collectors.joining("|", "(?:(?i:", "))"));
    }

    /** "in Room 101 of the Science Center", "in Wean Hall 7500", "1001 Hamburg Hall": the most place-like mention. */
    static String locationFromProse(String text) {
        List<TimeRange> times = null;
        PatternScan scan = new PatternScan(PLACE_IN_PROSE, text, LEAD);
        Matcher m = scan.matcher();
        String best = null;
        int bestScore = 0;
        int from = 0;
        while (from < text.length() && scan.findFrom(from)) {
            from = m.start("place") + 1; // a rejected mention may hide a real one that starts inside it
            // a sentence ends inside the match ("IBM. 302 Computer Science"): only its first part is this mention
            String place = SENTENCE_REST.matcher(Spaces.collapse(m.group("place")).strip()).replaceFirst("");
            if (CALENDAR_WORD.matcher(place).find() || DateFinder.MONTH_NEXT.matcher(text).region(m.end(), text.length()).lookingAt()
                    || place.split(" ").length > 9 || place.length() < 3 || CLOCK_WITH_MERIDIEM.matcher(place).matches()) {
                continue;
            }
            boolean digit = HAS_DIGIT.matcher(place).matches();
            boolean bareNumber = BARE_NUMBER.matcher(place).matches();
            boolean building = BUILDING_WORD.matcher(place).find();
            if (!digit && !building) {
                continue;
            }
            String lead = m.group("lead").toLowerCase(java.util.Locale.ROOT).strip();
            if (bareNumber && (!(lead.startsWith("in") || lead.startsWith("room")) || YEAR.matcher(place).matches())) {
                continue; // a number alone is a room only after "in"
            }
            int score = (lead.startsWith("in") || lead.startsWith("at") || lead.startsWith("by") || lead.startsWith("loc")
                    || lead.startsWith("venue") || lead.startsWith("place") || lead.startsWith("where") ? 3 : 1)
                    + (digit ? 2 : 0) + (building ? 1 : 0);
            if (QUANTITY.matcher(place).lookingAt()) {
                continue; // "Over 20 years ago"
            }
            String words = NUMBERS.matcher(place).replaceAll(" ").strip();
            if (!building && !words.contains(" ") && NameCheck.hasCommonWord(words, text)) {
                continue; // "Over 20", "Die 14": a common word and a number
            }
            if (LEADING_THE.matcher(place).matches() && !digit) {
                score -= 2;
            }
            if (!digit && SpeakerParser.looksLikeInstitution(place)) {
                score -= 2; // "Systems Research Center" names who, a room number says where
            }
            int at = m.start("place");
            if (times == null) {
                times = new TimeFinder(true).find(text); // worked out once, only when there is a place to weigh
            }
            if (times.stream().anyMatch(t -> Math.abs(t.position() - at) <= 160)) {
                score += 2; // said with the time of the talk
            }
            if (score > bestScore) {
                bestScore = score;
                best = place;
            }
        }
        if (best == null || bestScore < 2) {
            return placeNamedByItsRole(text, times);
        }
        best = OF_THE.matcher(best).replaceFirst(", ");
        return TRAILING_DOT_OR_COMMA.matcher(best).replaceAll("").strip();
    }

    /**
     * A place without a room number or a building word, known by how it is said: "will be held at The Music
     * Academy, Chennai", or set off after the time: "at 5 p.m. on Friday, 5 November, in the Examination Schools".
     */
    private static String placeNamedByItsRole(String text, List<TimeRange> timesFound) {
        PatternScan scan = new PatternScan(HELD_AT, text, HELD_AT_START);
        Matcher m = scan.matcher();
        List<TimeRange> times = timesFound;
        while (scan.find()) {
            String place = Spaces.collapse(m.group("place")).strip();
            if (CALENDAR_WORD.matcher(place).find()) {
                continue;
            }
            if (m.group("held") == null) {
                int at = m.start();
                if (times == null) {
                    times = new TimeFinder(true).find(text); // the list the weighing above may already have worked out
                }
                if (times.stream().noneMatch(t -> t.position() >= at - 80 && t.endPosition() <= at)) {
                    continue; // ", in the X" is a place only where it follows the time of the talk
                }
            }
            return TRAILING_DOT_OR_COMMA.matcher(place).replaceAll("");
        }
        return null;
    }

    /** In a listing, the place given on the line (or the line after) that carries the talk's own date. */
    static String locationOnDateLine(String text, java.time.LocalDate date, DateFinder dates) {
        for (DateLines.DatedLine dated : DateLines.naming(date, text, dates)) {
            String place = locationFromProse(dated.line() + "\n" + dated.next());
            if (place != null) {
                return place;
            }
        }
        return null;
    }
}
