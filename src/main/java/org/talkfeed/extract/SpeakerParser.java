package org.talkfeed.extract;

import org.talkfeed.talk.Speaker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a speaker line into people and affiliations: "Zhiyuan Li, Princeton University",
 * "Jane Doe (MIT)", "Prof. Jane Doe of MIT", "Dr. Jane Doe, Associate Professor, Dept. of X, Y University",
 * "Alice Smith and Bob Jones (Stanford)". Honorifics are dropped.
 */
final class SpeakerParser {
    static final Pattern HONORIFIC = Pattern.compile(
            "^(?:(?:prof(?:essor)?|dr|mr|mrs|ms|mx|sir|dame|assoc\\.? prof|asst\\.? prof|assistant professor|associate professor"
                    + "|distinguished professor|emeritus professor|professor emeritus|ph\\.?d\\.?|jun\\.?-prof|juniorprof(?:essor)?|"
                    + "pd|priv\\.?-doz|apl\\.? prof|dipl\\.?-ing|dr\\.? des|dr\\.?-ing|hon\\.?-prof|mme|m|mlle|frau|herr)\\.?\\s+)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUFFIX = Pattern.compile(",?\\s+(?:ph\\.?\\s?d\\.?|m\\.?d\\.?|jr\\.?|sr\\.?|iii|ii)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("<?[\\w.+-]+(?:@|\\s+at\\s+)[\\w-]+(?:(?:\\.|\\s+dot\\s+)[\\w-]+)+>?");
    private static final Pattern URL = Pattern.compile("<https?://[^>\\s]+>|https?://[^\\s<>()]+[^\\s<>().,;:!?]");
    private static final Pattern MULTI = Pattern.compile("\\s*;\\s*|\\s+(?:and|&|und|et)\\s+|\\s*\\n\\s*");
    private static final Pattern OF = Pattern.compile("^(.+?)\\s+(?:of|from|at)\\s+(?:the\\s+)?(\\p{Lu}.+)$");
    private static final Pattern DASH = Pattern.compile("^(.+?)\\s+[-–—|/]\\s+(.+)$");
    /** Endings of abstract nouns and the like, which are no one's name when at least three letters come before them. */
    private static final List<String> NOT_A_NAME_ENDINGS = List.of("tion", "tions", "ment", "ments", "ness", "ity", "ities",
            "ology", "ologies", "ics", "ance", "ances", "ence", "ences", "ship", "ism", "isms", "ized", "izing");
    /** Words that are no one's name: buildings, organizations, seasons, announcement words. */
    private static final Set<String> NOT_A_NAME_WORDS = Set.of("no", "change", "changes", "cancelled", "canceled", "postponed",
            "update", "reminder", "hall", "auditorium", "room", "building", "commission", "committee", "department", "institute",
            "university", "college", "calendar", "section", "head", "phase", "advanced", "critical", "social", "federal",
            "national", "international", "annual", "special", "general", "new", "north", "south", "east", "west", "central",
            "carolina", "county", "spring", "summer", "fall", "autumn", "winter", "revised", "updated", "system", "systems",
            "project", "projects", "health", "welcome", "back", "series", "seminar", "seminars", "workshop", "workshops",
            "lecture", "lectures", "colloquium", "symposium", "conference", "forum", "program", "programme", "policy", "studies");

    /** Where an affiliation turns into a sentence: "MIT, will deliver the lecture", "(Chemie) im Festsaal spricht". */
    private static final Pattern CLAUSE = Pattern.compile(
            "(?:,\\s*|\\s+)(?:will|is|are|was|has|have|who|which|whose|spricht|spreche|wird|um|hält|on|about|gives|presents)\\b.*$|"
                    + "\\s*[,;]?\\s*\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?.*$",
            Pattern.CASE_INSENSITIVE);
    /** "Alice Smith and Bob Jones (Stanford)": one affiliation in brackets after several names. */
    private static final Pattern SHARED_AFFILIATION = Pattern.compile("^(.*\\s(?:and|&|und|et)\\s.*?)\\s*\\(([^)]+)\\)$");
    /** "R. J. (Bob) Pangborn": a nickname in parentheses inside a name. */
    private static final Pattern NICKNAME = Pattern.compile("\\s\\(\\p{Lu}\\p{Ll}+\\)(?=\\s+\\p{Lu})");
    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.(?:-?\\p{Lu}\\.)*,?");
    private static final Pattern PARENS = Pattern.compile("^(.+?)\\s*\\(([^)]+)\\)\\s*(.*)$");
    private static final Set<String> PARTICLES = Set.of("de", "van", "von", "der", "den", "da", "di", "du", "la", "le",
            "del", "della", "dos", "das", "bin", "ibn", "al", "el", "ter", "ten", "y", "zu");
    static final Set<String> NOT_NAMES = Set.copyOf(List.of("tba", "tbd", "university", "institute", "department", "school",
            "college", "laboratory", "lab", "center", "centre", "the", "talk", "seminar", "colloquium", "lecture",
            "workshop", "abstract", "title", "room", "zoom", "online", "speaker", "speakers", "join", "meeting",
            "professor", "faculty", "students", "student", "series", "date", "time", "location", "host", "please",
            "dear", "all", "everyone", "hello", "hi", "welcome", "thanks", "thank", "group", "panel", "discussion",
            "session", "conference", "program", "committee", "news", "update", "reminder", "cancelled", "canceled",
            "virtual", "hybrid", "in-person", "webinar", "event", "events", "week", "today", "tomorrow",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "june", "july", "august", "september", "october", "november", "december", "and", "of",
            "for", "on", "in", "at", "with", "to", "a", "an", "is", "are", "will", "be", "by", "from", "new", "our",
            "this", "next", "ai", "ml", "phd", "lunch", "theory", "research", "science", "sciences", "engineering",
            "lecturer", "lecturers", "guest", "weekly", "seminars", "lectures", "talks", "correction", "dates", "principal",
            "experienced", "presentation", "presentations", "meeting", "meetings", "colloquia", "announcement", "announcements",
            "notice", "schedule", "agenda", "sponsored", "refreshments", "reception", "coffee", "admission", "free", "public",
            "open", "welcome", "invited", "invitation", "tickets", "registration", "deadline", "office", "center", "dept",
            "division", "faculty", "staff", "graduate", "undergraduate", "members", "member", "chair", "director",
            "president", "board", "council", "society", "association", "club", "foundation", "service", "services", "company",
            "fellow", "fellows", "colleagues", "friends", "folks", "everybody", "team", "users", "subscribers", "readers",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "januar", "februar", "märz", "mai", "juni", "juli", "oktober",
            "dezember", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "janvier", "février",
            "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "lundi", "mardi",
            "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "uhr"));
    private static final Set<String> POSITION_WORDS = Set.of("professor", "student", "candidate", "postdoc",
            "postdoctoral", "fellow", "researcher", "scientist", "lecturer", "director", "chair", "dean", "engineer",
            "head", "founder", "ceo", "cto", "president", "associate", "assistant", "member", "scholar", "manager",
            "department", "dept", "dept.", "faculty", "visiting", "senior", "principal", "staff", "chief", "graduate",
            "undergraduate", "phd", "ph.d.", "emeritus", "instructor");
    private static final Pattern INSTITUTION = Pattern.compile(
            "\\b(univ|universit|institut|college|school|laborator|lab\\b|labs\\b|cent(er|re)|inc\\b|corp|research|u\\.? of\\b|"
                    + "hospital|academy|foundation|polytechn|ecole|école|eth\\b|mit\\b|cnrs|inria|max planck|google|"
                    + "microsoft|meta\\b|amazon|ibm|deepmind|openai|nvidia|apple|tti|ucla|ucsd|nyu|cmu|epfl|kaist)",
            Pattern.CASE_INSENSITIVE);

    /** Text that says when, not where from: "Wednesday, December 16", "4pm". */
    private static final Pattern WHEN_WORDS = Pattern.compile(
            "\\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\\b|\\b(jan(uary)?|feb(ruary)?|march|april|june|july|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\\.?\\s+\\d|\\d\\s*(am|pm)\\b|\\d{1,2}:\\d{2}",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:.]+$");
    private static final Pattern LEADING_COMMAS = Pattern.compile("^[,\\s]+");
    private static final Pattern AFFILIATION_EDGES = Pattern.compile("^[,;:\\s]+|[,;:.\\s]+$");
    private static final Pattern QUOTES = Pattern.compile("[\"“”]");
    private static final Pattern POSSESSIVE_S = Pattern.compile("['’]s$");

    // Where WHEN_WORDS and INSTITUTION can start (see PatternScan).
    private static final PatternScan.Start WHEN_WORD = PatternScan.wordStartingWith("mon", "tue", "wed", "thu", "fri", "sat", "sun",
            "jan", "feb", "march", "april", "june", "july", "aug", "sep", "oct", "nov", "dec");
    private static final PatternScan.Start WHEN_START = (t, i) -> PatternScan.isDigit(t.charAt(i)) || WHEN_WORD.at(t, i);
    private static final PatternScan.Start INSTITUTION_START = PatternScan.wordStartingWith("univ", "institut", "college", "school",
            "laborator", "lab", "cent", "inc", "corp", "research", "u", "hospital", "academy", "foundation", "polytechn", "ecole",
            "école", "eth", "mit", "cnrs", "inria", "max planck", "google", "microsoft", "meta", "amazon", "ibm", "deepmind", "openai",
            "nvidia", "apple", "tti", "ucla", "ucsd", "nyu", "cmu", "epfl", "kaist");

    private SpeakerParser() {
    }

    static List<Speaker> parse(String value) {
        if (value == null) {
            return List.of();
        }
        String text = Spaces.collapse(withoutAddresses(LabeledFields.undecorate(value))).strip();
        text = TRAILING_PUNCTUATION.matcher(text).replaceAll("");
        if (text.isEmpty() || isPlaceholder(text)) {
            return List.of();
        }
        List<Speaker> speakers = new ArrayList<>();
        String sharedAffiliation = null;
        Matcher trailingParens = SHARED_AFFILIATION.matcher(text);
        if (trailingParens.matches() && !trailingParens.group(1).contains("(")) {
            sharedAffiliation = trailingParens.group(2).strip();
            text = trailingParens.group(1);
        }
        List<String> pieces = splitOutsideBrackets(text);
        // speakers listed apart ("A; B (Firm)", "A; B, Firm"), or the last with its affiliation in brackets, each come with
        // their own: A has none, and B's is not shared as in "A and B, Firm"
        boolean eachWithOwn = listedApart(text) || pieces.get(pieces.size() - 1).indexOf('(') >= 0;
        for (String piece : namesListed(pieces)) {
            Speaker one = parseOne(piece);
            if (one == null) {
                if (!speakers.isEmpty() && !piece.isBlank()) {
                    Speaker last = speakers.remove(speakers.size() - 1);
                    String affiliation = last.affiliation() == null ? null : last.affiliation() + " and " + piece.strip();
                    speakers.add(new Speaker(last.name(), affiliation));
                }
                continue;
            }
            speakers.add(one);
        }
        if (sharedAffiliation == null && !eachWithOwn && speakers.size() >= 2 && speakers.get(speakers.size() - 1).affiliation() != null
                && speakers.subList(0, speakers.size() - 1).stream().allMatch(s -> s.affiliation() == null)) {
            sharedAffiliation = speakers.get(speakers.size() - 1).affiliation(); // "A and B, Firm, Town": both of the firm
        }
        if (sharedAffiliation != null) {
            String shared = sharedAffiliation;
            speakers.replaceAll(s -> s.affiliation() == null ? new Speaker(s.name(), shared) : s);
        }
        return speakers;
    }

    /**
     * "Michael Clauss, Tom Roeper and Barbara Pearson": in a list joined by "and", a piece whose comma-separated parts
     * are all people's names is several people, not a name and an affiliation.
     */
    private static List<String> namesListed(List<String> pieces) {
        if (pieces.size() < 2) {
            return pieces;
        }
        List<String> expanded = new ArrayList<>();
        for (String piece : pieces) {
            String[] parts = piece.split(",");
            boolean allNames = parts.length > 1 && java.util.Arrays.stream(parts)
                    .allMatch(p -> looksLikeName(clean(p)) && !looksLikeInstitution(p));
            expanded.addAll(allNames ? List.of(parts) : List.of(piece));
        }
        return expanded;
    }

    /** Splits on "and", ";" and the like, but not inside brackets: "(Staats- und Verwaltungsrecht)" is one affiliation. */
    private static List<String> splitOutsideBrackets(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = MULTI.matcher(text);
        int start = 0;
        while (m.find()) {
            if (depth(text, m.start()) == 0) {
                pieces.add(text.substring(start, m.start()));
                start = m.end();
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /** Whether speakers are listed apart, by semicolons or one a line, rather than joined by "and". */
    private static boolean listedApart(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ';' || c == '\n') && depth(text, i) == 0) {
                return true;
            }
        }
        return false;
    }

    /** How many brackets are open at a point of the text. */
    static int depth(String text, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    /** One person, or null when the text does not start with a person's name. */
    static Speaker parseOne(String raw) {
        String plain = Spaces.collapse(withoutAddresses(raw)).strip();
        if (plain.indexOf('(') >= 0) {
            plain = NICKNAME.matcher(plain).replaceAll("");
        }
        String text = HONORIFIC.matcher(plain).replaceFirst("").strip();
        text = withoutEdgePunctuation(text);
        if (text.isEmpty()) {
            return null;
        }
        String name;
        String affiliation = null;
        Matcher parens = PARENS.matcher(text);
        Matcher dash = DASH.matcher(text);
        int comma = text.indexOf(',');
        if (text.indexOf('(') >= 0 && parens.matches() && looksLikeName(clean(parens.group(1)))) {
            name = parens.group(1);
            affiliation = parens.group(2);
            if (!parens.group(3).isBlank() && looksLikeInstitution(parens.group(3))) {
                affiliation = LEADING_COMMAS.matcher(parens.group(3)).replaceFirst("");
            }
        } else if (comma > 0 && looksLikeName(clean(text.substring(0, comma)))) {
            name = text.substring(0, comma);
            affiliation = pickAffiliation(text.substring(comma + 1));
        } else if (hasDash(text) && dash.matches() && looksLikeName(clean(dash.group(1)))) {
            name = dash.group(1);
            affiliation = dash.group(2);
        } else {
            Matcher of = OF.matcher(text);
            if ((hasWord(text, "of") || hasWord(text, "from") || hasWord(text, "at")) && of.matches()
                    && looksLikeName(clean(of.group(1)))) {
                name = of.group(1);
                affiliation = of.group(2);
            } else {
                name = text;
            }
        }
        name = clean(name);
        if (!looksLikeName(name)) {
            return null;
        }
        if (affiliation != null) {
            affiliation = CLAUSE.matcher(affiliation).replaceFirst("");
            affiliation = AFFILIATION_EDGES.matcher(affiliation.strip()).replaceAll("");
            if (affiliation.isEmpty() || isPlaceholder(affiliation) || new PatternScan(WHEN_WORDS, affiliation, WHEN_START).find()) {
                affiliation = null;
            }
        }
        return new Speaker(name, affiliation);
    }

    private static String clean(String name) {
        String n = HONORIFIC.matcher(name.strip()).replaceFirst("");
        if (mayEndWithSuffix(n)) {
            n = SUFFIX.matcher(n).replaceFirst("");
        }
        if (n.indexOf('"') >= 0 || n.indexOf('“') >= 0 || n.indexOf('”') >= 0) {
            n = QUOTES.matcher(n).replaceAll("");
        }
        if (n.endsWith("s")) {
            n = POSSESSIVE_S.matcher(n).replaceAll("");
        }
        return Spaces.collapse(n).strip();
    }

    /** Whether the text ends as a SUFFIX match must: in "d", "d.", "r", "r." or "i", whatever the case. */
    private static boolean mayEndWithSuffix(String text) {
        int last = text.length() - 1;
        if (last >= 0 && text.charAt(last) == '.') {
            last--;
        }
        if (last < 0) {
            return false;
        }
        char c = Character.toLowerCase(text.charAt(last));
        return c == 'd' || c == 'r' || c == 'i';
    }

    /** The text without white space, commas, colons, semicolons or dashes at its ends, nor dots at its start. */
    static String withoutEdgePunctuation(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (isEdgeMark(text.charAt(start)) || text.charAt(start) == '.')) {
            start++;
        }
        while (end > start && isEdgeMark(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isEdgeMark(char c) {
        return Spaces.isSpace(c) || c == ',' || c == ';' || c == ':' || c == '-' || c == '–' || c == '—';
    }

    /** The text with e-mail addresses and links blanked out; the patterns run only where an address can be. */
    private static String withoutAddresses(String text) {
        String s = text.indexOf('@') >= 0 || hasWord(text, "at") ? EMAIL.matcher(text).replaceAll(" ") : text;
        return s.contains("http") ? URL.matcher(s).replaceAll(" ") : s;
    }

    /** Whether the word stands in the text between white space (as {@code \\s+word\\s+} would find it). */
    private static boolean hasWord(String text, String word) {
        for (int at = text.indexOf(word, 1); at > 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if (Spaces.isSpace(text.charAt(at - 1)) && end < text.length() && Spaces.isSpace(text.charAt(end))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text holds one of the marks {@link #DASH} splits at. */
    private static boolean hasDash(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '–' || c == '—' || c == '|' || c == '/') {
                return true;
            }
        }
        return false;
    }

    /** After the name, the part that names an institution; positions like "Associate Professor" are not one. */
    private static String pickAffiliation(String rest) {
        String[] parts = rest.split(",");
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String first = Spaces.words(p)[0].toLowerCase(Locale.ROOT);
            boolean holdsPosition = java.util.Arrays.stream(Spaces.words(p.toLowerCase(Locale.ROOT)))
                    .anyMatch(w -> w.equals("professor") || w.equals("lecturer") || w.equals("fellow") || w.equals("chair"));
            boolean position = (POSITION_WORDS.contains(first) || holdsPosition) && !looksLikeInstitution(p);
            if (!position) {
                kept.add(p);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        for (int i = 0; i < kept.size(); i++) {
            if (looksLikeInstitution(kept.get(i))) {
                // "Department of X, Y University" keeps both; a trailing city stays with its institution
                return String.join(", ", kept.subList(i, kept.size()));
            }
        }
        return String.join(", ", kept);
    }

    static boolean looksLikeInstitution(String text) {
        return new PatternScan(INSTITUTION, text, INSTITUTION_START).find();
    }

    /** Whether the text stands for no value: it has no letter (in any script), or says the value is to come. */
    static boolean isPlaceholder(String text) {
        String t = lettersAndSpaces(text.toLowerCase(Locale.ROOT)).strip();
        return t.isEmpty() || t.equals("tba") || t.equals("tbd") || t.equals("to be announced") || t.equals("to be determined")
                || t.equals("none") || t.equals("na") || t.equals("n a") || t.equals("tbc");
    }

    /** The text with every character but letters (of any script) and the space dropped. */
    private static String lettersAndSpaces(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp == ' ' || Character.isLetter(cp)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Two to five capitalized words (particles allowed; a word of a script without capitals counts as one), no digits, and none of them a common non-name word. */
    static boolean looksLikeName(String text) {
        if (text == null || text.length() > 60 || text.length() < 2) {
            return false;
        }
        String[] tokens = Spaces.words(text);
        if (tokens.length > 5) {
            return false;
        }
        int capitalized = 0;
        for (String token : tokens) {
            String t = withoutDotsCommasApostrophes(token);
            String lower = t.toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (hasDigit(t) || t.contains("@") || t.contains("/")) {
                return false;
            }
            if (PARTICLES.contains(lower) && capitalized > 0) {
                continue;
            }
            if (token.indexOf('.') > 0 && INITIAL.matcher(token).matches()) {
                capitalized++; // "A." is an initial, not the article
                continue;
            }
            if (NOT_NAMES.contains(lower) || isNotANameWord(lower)) {
                return false;
            }
            if (!startsAsAName(t)) {
                return false;
            }
            capitalized++;
        }
        return capitalized >= 1 && (capitalized >= 2 || tokens.length == 1);
    }

    /** Whether a word begins with a capital, or with a letter of a script that has no capitals (Chinese, Arabic, Hindi...). */
    private static boolean startsAsAName(String word) {
        int first = word.codePointAt(0);
        return Character.isUpperCase(first) || Character.isTitleCase(first) || Character.getType(first) == Character.OTHER_LETTER;
    }

    /** A lower-case word that is no one's name: one of {@link #NOT_A_NAME_WORDS}, a long "-al" word or an abstract noun. */
    private static boolean isNotANameWord(String lower) {
        if (NOT_A_NAME_WORDS.contains(lower)) {
            return true;
        }
        if (hasLineBreak(lower)) {
            return false; // as ever: the ending rules never reached across a line break
        }
        if (lower.length() >= 9 && lower.endsWith("al")) {
            return true;
        }
        for (String ending : NOT_A_NAME_ENDINGS) {
            if (lower.length() >= ending.length() + 3 && lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String withoutDotsCommasApostrophes(String token) {
        if (token.indexOf('.') < 0 && token.indexOf(',') < 0 && token.indexOf('\'') < 0) {
            return token;
        }
        StringBuilder kept = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '.' && c != ',' && c != '\'') {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
