package org.talkfeed.extract;

import org.talkfeed.talk.Speaker;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Speaker, title and host from sentences and the subject line, for announcements written without labels. */
final class ProseClues {
    /** Between the words of a name: one space, or a line break; a run of spaces or a tab separates table columns. */
    private static final String GAP = "(?: {1,2}(?![ \\t])|\\n[ \\t]*)";
    private static final String NAME = "((?:(?:Prof(?:essor)?|Dr|Mr|Ms|Mrs)\\.?\\s+)?\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|der|da|di|del|la|le)){1,4})";
    /** "Jane Doe's talk", "Rebecca Parker's Defense". */
    private static final Pattern POSSESSIVE = Pattern.compile(NAME + "['’]s\\s+(?:[\\p{L}-]+\\s+){0,3}(?i:talk|lecture|seminar|"
            + "defen[cs]e|presentation|colloquium|keynote|thesis|dissertation|webinar)\\b");
    private static final Pattern SPEAKER_OPENS = Pattern.compile(
            NAME + "\\s+(?:at\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]*\\s+(?i:seminar|colloquium|lunch|lecture)|talking|talks|speaks|speaking|to speak|will speak|"
                    + "lectures|presents|on\\s+\\p{Lu})\\b");
    /** "Physic Colloquium, Monday, Feb. 27, Steve Granick, University of Illinois": a person, then an institution. */
    private static final Pattern COMMA_SEGMENTS = Pattern.compile("\\s*,\\s*");

    /** "Richard Littauer's Thesis Colloquium" before a colon in a subject: whatever the event is called. */
    private static final Pattern OWNER = Pattern.compile(NAME + "['’]s\\s+\\p{Lu}");
    /** A line announcing that the title comes next: "The title and abstract of his talk follow." */
    private static final Pattern TITLE_FOLLOWS = Pattern.compile(
            "(?i)\\btitle\\b[^\\n]{0,60}\\b(?:follows?|below|is|was)\\b[\\s:.]*$");
    private static final Pattern STATEMENT = Pattern.compile(
            "(?i).*\\b(?:is|are|was|were|will|we|our|you|your|please|has|have)\\b.*[,;]$|^(?:please|thanks|thank you)\\b.*");
    private static final Pattern WILL_VERB = Pattern.compile(
            "\\s(?:will|is going to|is scheduled to|shall|is to|is slated to)\\s+(?:also\\s+)?(?:be\\s+)?(?:speak|talk|present|giv|lectur|deliver|"
                    + "visit|discuss|describ|address|explor|examin|shar|review|report|outlin|argu|show|lead|introduc|focus|consider|here|"
                    + "in town|on campus|with us|joining)");
    /** Words after which a speaker's name follows: "lecture by", "the speaker is", "presents", "welcome". */
    private static final Pattern NAME_FOLLOWS = Pattern.compile(
            "\\b(?:(?:talk|lecture|seminar|presentation|colloquium|keynote|address|session|discussion|webinar|workshop|defen[cs]e|"
                    + "reading|remarks|speech)\\s+(?:will\\s+be\\s+)?(?:given\\s+|delivered\\s+|presented\\s+|led\\s+)?by|"
                    + "(?:the\\s+)?(?:guest\\s+|featured\\s+|invited\\s+|keynote\\s+)?speakers?\\s+(?:is|will\\s+be|are)|presents|"
                    + "(?:will\\s+)?welcomes?|featuring|announces|introduces|hosts|"
                    + "(?:meeting|conversation|discussion|evening|session|lunch|chat|q&a|dialogue|interview)\\s+with|"
                    + "a\\s+(?:talk|lecture|seminar)\\s+(?:from|with)|"
                    + "(?:vortrag|vorträge|lesung|referat|gespräch|gastvortrag)\\s+von|spricht|sprechen|conférence\\s+de|exposé\\s+de)\\s+",
            Pattern.CASE_INSENSITIVE);
    /** "Hirokazu Fukawa Lecture", "Jane Doe Seminar": a name that names its event. */
    private static final Pattern NAME_THEN_EVENT = Pattern.compile(
            "(?:^|[:\\n]\\s*)" + "((?:\\p{Lu}[\\p{L}'’.-]+\\s+){1,3}\\p{Lu}[\\p{L}'’.-]+)\\s+(?:Lecture|Seminar|Talk|Colloquium|Presentation|Reading)\\b");
    /** A title of address before a name is strong evidence of a person: "Dr. Werner Koepf". */
    private static final Pattern ADDRESSED = Pattern.compile(
            "\\b(?:Prof(?:essor)?|Dr|Mr|Ms|Mrs|PROF(?:ESSOR)?|DR|MR|MS|MRS)\\.?\\s+\\p{Lu}[\\p{L}'’.-]*(?:" + GAP + "(?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|der|da|di|del|la|le)){0,3}");
    /** "Jeannine Amber, an African American writer, ...": a sentence that opens on a person described. */
    private static final Pattern APPOSITION = Pattern.compile(
            "(?:^|[.!?]\\s+|\\n)((?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,3}\\p{Lu}[\\p{L}'’.-]+),\\s+(?:(?i:an?|the)\\s+\\p{L}|"
                    + "(?i:department|dept|professor|assistant|associate|director|chair|head|dean|founder|president|senior|chief|"
                    + "lecturer|research|postdoc|graduate|phd|ph\\.d)\\b)");
    /** The end of a clause: a full stop that does not follow a title or an initial, a semicolon, a colon, a line break. */
    private static final Pattern CLAUSE_END = Pattern.compile(
            "(?<!\\b(?:Prof|Dr|Mr|Ms|Mrs|St|Jr|Sr|PROF|DR|MR|MS|MRS|\\p{Lu}))[.;:](?:\\s|$)|\\n");
    private static final Pattern NAME_RUN = Pattern.compile(
            "(?:(?:Prof(?:essor)?|Dr|Mr|Ms|Mrs|PROF(?:ESSOR)?|DR|MR|MS|MRS)\\.?\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:" + GAP + "(?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|der|da|di|del|la|le)){1,4}");
    private static final Pattern QUOTED_TITLE = Pattern.compile(
            "(?:on|entitled|titled|title|topic|talk|about|thema|titel|sujet|intitulé)[:\\s]+[\"“”‘'„«]([^\"“”«»]{4,250}?)[\"“”’'»]");
    private static final Pattern ANY_QUOTED = Pattern.compile(
            "(?:[\"“„«]|(?<![\\p{L}])[`‘‚'])([^\"“”„«»\\n]{8,250}?)(?:[\"”“»]|[’'](?![\\p{L}]))");
    /** `A title, with "quotes" and apostrophes inside,' closed at the end of its line (an old typewriter convention). */
    private static final Pattern BACKTICK_QUOTE = Pattern.compile("`([^`\\n]{8,250})'[.,;]?[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern TIME_PREFIX = Pattern.compile(
            "^(?:\\d{1,2}(?:[:.h]\\d{2})?\\s*(?:[ap]\\.?\\s?m\\.?|uhr)?\\s*(?:[-–]\\s*\\d{1,2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?\\s?m\\.?|uhr)?)?\\s*|noon\\.?\\s*)",
            Pattern.CASE_INSENSITIVE);
    /** A headline line: "Jane Doe (MIT), Title of the Talk" or "Jane Doe (MIT): Title". */
    private static final Pattern HEADLINE = Pattern.compile(
            "(?m)^\\s*" + NAME + "\\s*\\(([^)]{2,120})\\)\\s*[,:|–—-]\\s*(\\p{Lu}[^\\n]*(?:\\n(?!\\s*\\n)(?![^\\n]*\\p{Lu}\\p{L}+\\s\\p{Lu}\\p{L}+\\s*\\()[^\\n]+){0,2})");
    private static final String SP = "[ \\t]*\\n?[ \\t]*";
    private static final String CAP = "\\p{Lu}[\\p{L}'’.&-]*";
    private static final String BUILDING = "(?:(?i:hall|building|bldg\\.?|auditorium|room|center|centre|theat(?:er|re)|ballroom|lounge|"
            + "library|chapel|gallery|museum|lab|laboratory|wing|tower|house|forum|pavilion|atrium|suite|annex|conference room|"
            + "seminar room|lecture room|lecture hall|classroom|dining room|saal|festsaal|hörsaal|aula|gebäude|seminarraum|"
            + "rathaus|rathauses|salle|amphithéâtre|amphi))";
    private static final String ROOM_NO = "(?:\\d{1,4}[A-Za-z]?(?:[-.]\\d{1,3}[A-Za-z]?)?|[A-Z]\\d{2,4}[A-Za-z]?)";
    /** A place in running text: a named building or room, or a room number next to a building's name. */
    private static final Pattern PLACE_IN_PROSE = Pattern.compile(
            "(?<lead>\\b(?:in|at|by|inside|location|venue|place|where|im|in der|in den|ort|raum)[ \\t]*:?" + SP + "(?:the" + SP + ")?|[,;—–(*|\\t][ \\t]*|[ \\t]-[ \\t]|\\.[ \\t]+|^[ \\t]*"
                    + "|(?<=\\s)(?=(?i:room|rm\\.?)\\s))(?<place>"
                    + "(?i:room|rm\\.?)" + SP + ROOM_NO + "(?:,?" + SP + "(?:in|of|at)?" + SP + "(?:the" + SP + ")?" + CAP + "(?:" + SP + CAP + "){0,3})?"
                    + "|(?:" + CAP + SP + "){1,4}(?:(?i:main|large|small|new|old)" + SP + ")?" + BUILDING + "(?:" + SP + "(?i:room" + SP + ")?" + ROOM_NO + ")?"
                    + "(?:," + SP + "(?i:room" + SP + ")?" + ROOM_NO + ")?"
                    + "(?:,[ \\t]*the[ \\t]+" + CAP + "(?:[ \\t]+(?:of[ \\t]+|and[ \\t]+)?" + CAP + "){0,5})?"
                    + "(?:,[ \\t]*\\d{1,2}(?:st|nd|rd|th)[ \\t]+(?i:floor)(?:,?[ \\t]*(?:of[ \\t]+)?(?:the[ \\t]+)?" + CAP
                    + "(?:[ \\t]+(?:of[ \\t]+)?" + CAP + "){0,4})?)?"
                    + "(?:,[ \\t]*" + CAP + "(?:[ \\t]+" + CAP + "){0,2}[ \\t]+" + BUILDING + "(?:[ \\t]+" + ROOM_NO + ")?)?"
                    + "|" + ROOM_NO + SP + CAP + "(?:[ \\t]+" + CAP + "){0,2}(?:" + SP + BUILDING + ")?"
                    + "|" + CAP + "(?:[ \\t]+" + CAP + ")?" + SP + ROOM_NO
                    + "|" + BUILDING + "[ \\t]+(?:des|der|im|am|de|du|de la)[ \\t]+" + CAP + "(?:[ \\t]+" + CAP + "){0,3}"
                    + "|\\p{Lu}\\p{L}{0,3}\\d{3,4}[A-Za-z]?|\\d{3,4}\\p{Lu}{2,4}"
                    + "|\\d{3,4}[A-Za-z]?(?=[ \\t]*[.,;)\\n]))(?![\\p{L}\\d])",
            Pattern.MULTILINE);
    private static final Pattern CALENDAR_WORD = Pattern.compile(
            "(?i)\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|"
                    + "october|november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
                    + "saturday|sunday|date|time|speaker|title|topic|noon|am|pm|uhr|article|page|section|chapter|volume|vol|issue|"
                    + "figure|fig|table|version|step|level|grade|phone|fax|tel|ext|route|bus|gev|mev|kev|ev|km|mb|gb|or|and)s?\\b|\\d{1,2}:\\d{2}|\\b(?:19|20)\\d\\d\\b");
    private static final Pattern AFTER_IS_MONTH = Pattern.compile(
            "^[ \\t.,]*(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b");

    private static final Pattern HOSTED_BY = Pattern.compile(
            "\\b(?:hosted|organi[sz]ed|invited|sponsored|introduced|moderated|chaired)\\s+by\\s+" + NAME
                    + "|at the invitation of\\s+" + NAME);
    private static final Pattern SUBJECT_TAGS = Pattern.compile(
            "^(?:\\s*(?:\\[[^\\]]*\\]|re:|fwd?:|fw:|reminder:?|update[d]?:?|cancel+ed:?|room change:?|today:?|tomorrow:?|"
                    + "new time:?|rescheduled:?))+\\s*",
            Pattern.CASE_INSENSITIVE);

    private ProseClues() {
    }

    /** A surname alone ("Voronkov") becomes the full name the text gives elsewhere ("Andrei Voronkov"). */
    static Speaker fuller(Speaker speaker, String text) {
        if (speaker.name().contains(" ")) {
            return speaker;
        }
        Matcher m = Pattern.compile("\\b(\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}\\.)?)\\s+" + Pattern.quote(speaker.name()) + "\\b").matcher(text);
        while (m.find()) {
            String full = m.group(1) + " " + speaker.name();
            if (SpeakerParser.looksLikeName(full) && NameCheck.plausible(full, text)) {
                return new Speaker(full, speaker.affiliation());
            }
        }
        return speaker;
    }

    /** The speaker the prose names, trying the strongest cues first. */
    static List<Speaker> speakersFromProse(String text) {
        Speaker speaker = firstPerson(POSSESSIVE, text, s -> true);
        if (speaker == null) {
            speaker = nameBeforeVerb(text);
        }
        Matcher trigger = NAME_FOLLOWS.matcher(text);
        while (speaker == null && trigger.find()) {
            speaker = leadingName(text.substring(trigger.end(), Math.min(text.length(), trigger.end() + 200)), text);
        }
        if (speaker == null) {
            speaker = firstPerson(NAME_THEN_EVENT, text, s -> NameCheck.usedAlone(s.name(), text));
        }
        if (speaker == null) {
            speaker = firstPerson(APPOSITION, text, s -> true);
        }
        if (speaker == null) {
            speaker = nameOnItsOwnLine(text);
        }
        if (speaker == null) {
            speaker = firstPerson(ADDRESSED, text, s -> s.name().contains(" "));
        }
        return speaker == null ? List.of() : List.of(speaker);
    }

    /** The first match of the pattern (group 1, else the whole match) that reads as a plausible person. */
    private static Speaker firstPerson(Pattern pattern, String text, java.util.function.Predicate<Speaker> also) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            Speaker speaker = SpeakerParser.parseOne(m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group());
            if (speaker != null && NameCheck.plausible(speaker.name(), text) && also.test(speaker)) {
                return speaker;
            }
        }
        return null;
    }

    /** "Dr. Jane Doe, Director of X at Y, will discuss ...": the first person in the sentence before the verb. */
    private static Speaker nameBeforeVerb(String text) {
        Matcher verb = WILL_VERB.matcher(text);
        while (verb.find()) {
            int sentenceStart = Math.max(Math.max(text.lastIndexOf(". ", verb.start()), text.lastIndexOf(".\n", verb.start())),
                    Math.max(text.lastIndexOf("\n\n", verb.start()), text.lastIndexOf(": ", verb.start())));
            String sentence = text.substring(sentenceStart < 0 ? 0 : sentenceStart + 1, verb.start());
            Matcher run = NAME_RUN.matcher(sentence);
            while (run.find()) {
                Speaker speaker = SpeakerParser.parseOne(sentence.substring(run.start()).replaceAll("\\s+", " "));
                if (speaker == null) {
                    speaker = SpeakerParser.parseOne(run.group().replaceAll("\\s+", " "));
                }
                if (speaker != null && NameCheck.plausible(speaker.name(), text)) {
                    return speaker;
                }
            }
        }
        return null;
    }

    private static Speaker leadingName(String after, String text) {
        Matcher run = NAME_RUN.matcher(after);
        if (!run.lookingAt()) {
            return null;
        }
        String clause = CLAUSE_END.split(after, 2)[0].replaceAll("\\s+", " ");
        Speaker speaker = SpeakerParser.parseOne(clause);
        if (speaker == null || !NameCheck.shaped(speaker.name())) {
            speaker = SpeakerParser.parseOne(run.group().strip());
        }
        return speaker != null && NameCheck.shaped(speaker.name()) ? speaker : null; // "a lecture by": a person follows
    }

    /** A line that is nothing but a person's name (often centered or in capitals), near the top of the text. */
    private static Speaker nameOnItsOwnLine(String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i < Math.min(lines.length, 60); i++) {
            if (lines[i].contains("@") && (lines[i].contains(";") || lines[i].contains(","))) {
                continue; // a list of addresses (a forwarded Cc: line), not a speaker's line
            }
            String line = lines[i].replaceAll("<?[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+>?|<?https?://\\S+>?", " ")
                    .strip().replaceAll("^[|*#=+\\s-]+|[|*#=+\\s-]+$", "").replaceAll("\\s{2,}", " ");
            if (line.isEmpty() || line.length() > 60 || line.contains(":")) {
                continue;
            }
            List<Speaker> several = line.contains(" and ") || line.contains(" & ") ? SpeakerParser.parse(line) : List.of();
            if (several.size() > 1 && several.stream().allMatch(s -> NameCheck.plausible(s.name(), text))) {
                return several.get(0);
            }
            Speaker speaker = SpeakerParser.parseOne(line);
            boolean placed = speaker != null && (speaker.affiliation() == null
                    || SpeakerParser.looksLikeInstitution(speaker.affiliation()) || line.matches(".*\\(.*\\).*"));
            if (placed && speaker.name().split("\\s+").length >= 2 && line.length() <= 90
                    && NameCheck.plausible(speaker.name(), text)) {
                return speaker;
            }
        }
        return null;
    }

    /** Speaker and title from a headline line, or null. */
    static SubjectParts headline(String text) {
        Matcher m = HEADLINE.matcher(text);
        while (m.find()) {
            Speaker speaker = SpeakerParser.parseOne(m.group(1) + " (" + m.group(2) + ")");
            if (speaker != null) {
                String title = m.group(3).replaceAll("\\s+", " ").strip().replaceAll("[.]$", "");
                return new SubjectParts(speaker, title, null);
            }
        }
        return null;
    }

    /** The person named right after a quoted title ("“Title.” Jane Doe, MIT.") or right before it ("Jane Doe (MIT) “Title”"). */
    static Speaker speakerAroundQuote(String text) {
        Matcher q = ANY_QUOTED.matcher(text);
        if (!q.find() || q.group(1).split("\\s+").length < 2) {
            return null;
        }
        String after = CLAUSE_END.split(text.substring(q.end()).replaceFirst("^[\\s.,;:–—-]+", ""), 2)[0];
        Speaker speaker = after.isBlank() ? null : SpeakerParser.parseOne(after);
        if (speaker != null && NameCheck.plausible(speaker.name(), text)) {
            return speaker;
        }
        String before = text.substring(0, q.start());
        int colon = Math.max(before.lastIndexOf(": "), Math.max(before.lastIndexOf(". "), before.lastIndexOf('\n')));
        before = TIME_PREFIX.matcher(before.substring(colon + 1).strip()).replaceFirst("").replaceAll("[\\s,:|–—-]+$", "");
        speaker = before.isBlank() ? null : SpeakerParser.parseOne(before);
        return speaker != null && NameCheck.plausible(speaker.name(), text) ? speaker : null;
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
                int words = candidate.isEmpty() ? 0 : candidate.split("\\s+").length;
                if (words >= 3 && words <= 20 && !candidate.endsWith(":") && dates.find(candidate).isEmpty()
                        && new TimeFinder(true).find(candidate).isEmpty() && !candidate.contains("@")
                        && !candidate.matches("(?i)^(dear|hi|hello|greetings|all|please|thanks|thank you|join us)\\b.*")) {
                    return candidate.replaceAll("^[\"“„]|[\"”“]$", "");
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
                int words = candidate.isEmpty() ? 0 : candidate.split("\\s+").length;
                if (words >= 2 && words <= 25) {
                    return candidate.replaceAll("^[\"“„]|[\"”“]$", "");
                }
                if (!candidate.isEmpty()) {
                    break;
                }
            }
        }
        return null;
    }

    static String titleFromProse(String text) {
        Matcher backtick = BACKTICK_QUOTE.matcher(text);
        if (backtick.find()) {
            return backtick.group(1).replaceAll("\\s+", " ").strip();
        }
        Matcher m = QUOTED_TITLE.matcher(text);
        if (m.find()) {
            return m.group(1).replaceAll("\\s+", " ").strip();
        }
        Matcher any = ANY_QUOTED.matcher(text);
        while (any.find()) {
            String candidate = any.group(1).strip();
            if (candidate.split("\\s+").length >= 3 && !STATEMENT.matcher(candidate).matches()) {
                return candidate.replaceAll("\\s+", " ");
            }
        }
        return null;
    }

    /** "in Room 101 of the Science Center", "in Wean Hall 7500", "1001 Hamburg Hall": the most place-like mention. */
    static String locationFromProse(String text) {
        List<TimeRange> times = null;
        Matcher m = PLACE_IN_PROSE.matcher(text);
        String best = null;
        int bestScore = 0;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.start("place") + 1; // a rejected mention may hide a real one that starts inside it
            String place = m.group("place").replaceAll("\\s+", " ").strip();
            if (CALENDAR_WORD.matcher(place).find() || AFTER_IS_MONTH.matcher(text.substring(m.end())).find()
                    || place.split(" ").length > 9 || place.length() < 3 || place.matches("(?i).*\\d\\s*[ap]\\.?m\\b.*")) {
                continue;
            }
            boolean digit = place.matches(".*\\d.*");
            boolean bareNumber = place.matches("\\d{3,4}[A-Za-z]?");
            boolean building = place.matches("(?s).*\\b" + BUILDING + "\\b.*");
            if (!digit && !building) {
                continue;
            }
            String lead = m.group("lead").toLowerCase(java.util.Locale.ROOT).strip();
            if (bareNumber && (!(lead.startsWith("in") || lead.startsWith("room")) || place.matches("(?:1[5-9]|20)\\d\\d"))) {
                continue; // a number alone is a room only after "in"
            }
            int score = (lead.startsWith("in") || lead.startsWith("at") || lead.startsWith("by") || lead.startsWith("loc")
                    || lead.startsWith("venue") || lead.startsWith("place") || lead.startsWith("where") ? 3 : 1)
                    + (digit ? 2 : 0) + (building ? 1 : 0);
            if (!building && NameCheck.hasCommonWord(place.replaceAll("[\\d.-]+[A-Za-z]?\\b", " ").strip(), text)) {
                continue; // "Over 20", "Die 14": a common word and a number
            }
            if (place.matches("(?i)^the\\b.*") && !digit) {
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
            return null;
        }
        best = best.replaceFirst(",?\\s+(?:of|in|at)\\s+(?:the\\s+)?", ", ");
        return best.replaceFirst("\\.\\s.*$", "").replaceAll("[.,]$", "").strip();
    }

    static String hostFromProse(String text) {
        if (!text.contains(" by ") && !text.contains("invitation")) {
            return null;
        }
        Matcher m = HOSTED_BY.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            Speaker host = SpeakerParser.parseOne(name);
            if (host != null) {
                return host.name();
            }
        }
        return null;
    }

    /** The subject without list tags and "Re:"/"Reminder:" prefixes. */
    static String cleanSubject(String subject) {
        String s = subject;
        String before;
        do {
            before = s;
            s = SUBJECT_TAGS.matcher(s).replaceFirst("");
        } while (!s.equals(before));
        return s.strip();
    }

    /** "Series: Speaker, Affiliation" or "Speaker: Title" in a subject line. */
    static SubjectParts subjectParts(String subject) {
        String s = cleanSubject(subject);
        String[] segments = s.split(":\\s+");
        if (segments.length >= 3) {
            // "Thu 13 Apr: TeX Hour: unlatex; Fermi estimate: 6:30 to 7:30 BST": the one part that is not when or a series
            List<String> rest = new java.util.ArrayList<>();
            String series = null;
            for (String segment : segments) {
                if (WHEN_FIRST.matcher(segment).lookingAt() || !new TimeFinder(true).find(segment).isEmpty()
                        && segment.split("\\s+").length <= 6) {
                    continue;
                }
                if (series == null && seriesName(segment) != null || segment.split("\\s+").length <= 2 && series == null) {
                    series = segment;
                    continue;
                }
                rest.add(segment);
            }
            if (rest.size() == 1 && rest.get(0).split("\\s+").length >= 2) {
                Speaker speaker = SpeakerParser.parseOne(rest.get(0));
                return speaker != null && speaker.affiliation() != null ? new SubjectParts(speaker, null, series)
                        : new SubjectParts(null, rest.get(0), series);
            }
        }
        Matcher opening = SPEAKER_OPENS.matcher(s);
        if (opening.lookingAt()) {
            Speaker speaker = SpeakerParser.parseOne(opening.group(1));
            if (speaker != null && speaker.name().contains(" ")) {
                return new SubjectParts(speaker, null, null); // "Steve Shafer at IUS seminar", "Stuart Friedberg talking Friday"
            }
        }
        String[] slashed = s.split("\\s*/\\s*");
        if (slashed.length >= 3) {
            // "HCI Seminar/Robert Stevens/Friday, September 10": the part that is a person
            for (String part : slashed) {
                Speaker speaker = SpeakerParser.parseOne(part);
                if (speaker != null && speaker.name().contains(" ") && !WHEN_FIRST.matcher(part).lookingAt()) {
                    return new SubjectParts(speaker, null, seriesName(slashed[0]));
                }
            }
        }
        int colon = s.lastIndexOf(": ");
        if (colon < 0) {
            colon = s.indexOf(" - ");
        }
        if (colon < 0) {
            return new SubjectParts(null, null, null);
        }
        String head = s.substring(0, colon).strip();
        String tail = s.substring(colon + (s.startsWith(": ", colon) ? 2 : 3)).strip();
        if (WHEN_FIRST.matcher(tail).lookingAt() && head.split("\\s+").length <= 12) {
            return new SubjectParts(null, head, null); // "Functions: Wed, Oct. 30": the title, then when
        }
        Speaker tailSpeaker = SpeakerParser.parseOne(tail);
        if (tailSpeaker != null && (tailSpeaker.affiliation() != null || tail.split("\\s+").length <= 4)) {
            return new SubjectParts(tailSpeaker, null, seriesName(head));
        }
        Matcher possessive = OWNER.matcher(head);
        if (possessive.lookingAt()) {
            Speaker owner = SpeakerParser.parseOne(possessive.group(1));
            if (owner != null) {
                return new SubjectParts(owner, tail, null);
            }
        }
        Speaker headSpeaker = SpeakerParser.parseOne(stripLeadingDate(head));
        if (headSpeaker != null) {
            return new SubjectParts(headSpeaker, tail, null);
        }
        return new SubjectParts(null, null, seriesName(head));
    }

    record SubjectParts(Speaker speaker, String title, String series) {
    }

    private static final Pattern WHEN_FIRST = Pattern.compile(
            "(?i)(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d|"
                    + "\\d{1,2}[/.]\\d{1,2}\\b|today\\b|tomorrow\\b");

    /** "Stochastic Spatial Processes: Ted Cox, Syracuse University" on a line near the top: title, then speaker. */
    static SubjectParts titleThenSpeakerLine(String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i < Math.min(lines.length, 8); i++) {
            String line = lines[i].replaceFirst("^\\s*[-•*·#>]+\\s*", "").strip();
            int colon = line.lastIndexOf(": ");
            if (colon < 8 || line.length() > 200) {
                continue;
            }
            String head = line.substring(0, colon).strip();
            Speaker speaker = SpeakerParser.parseOne(line.substring(colon + 2));
            if (speaker != null && speaker.affiliation() != null && speaker.name().contains(" ")
                    && NameCheck.plausible(speaker.name(), text) && head.split("\\s+").length >= 2
                    && head.split("\\s+").length <= 15 && !head.matches(".*[\"“„|()\\d].*") && Label.of(head) == null) {
                return new SubjectParts(speaker, head, null);
            }
        }
        return null;
    }

    /** In a schedule, the line that gives the talk's own date, led by a person: "Jim Peters - 3:30 pm, Tuesday, April 20". */
    static Speaker speakerOnDateLine(String text, java.time.LocalDate date, DateFinder dates) {
        if (date == null) {
            return null;
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < Math.min(lines.length, 120); i++) {
            String line = lines[i];
            if (line.contains(":") && Label.of(line.substring(0, line.indexOf(':')).replaceAll("[^\\p{L} ]", "").strip()) != null) {
                continue; // a labeled field, read elsewhere
            }
            if (line.length() > 300 || line.chars().noneMatch(Character::isDigit)) {
                continue; // not a schedule line with a date
            }
            DateMention ours = dates.find(line).stream().filter(d -> d.date().equals(date)).findFirst().orElse(null);
            for (DateMention mention : ours == null ? List.<DateMention>of() : List.of(ours)) {
                String after = line.substring(mention.end()).replaceFirst("^\\s*[:–—-]\\s*", "");
                Speaker following = after.isBlank() ? null : SpeakerParser.parseOne(after.split("\\s+[-–—]\\s+")[0]);
                if (following != null && following.name().contains(" ") && line.substring(mention.end()).matches("^\\s*[:–—-].*")
                        && NameCheck.plausible(following.name(), text)) {
                    return following; // "Tuesday, May 16: Cindy Bryce - Thesis Proposal"
                }
                String lead = line.substring(0, mention.start()).replaceFirst("^[\\s\\d/.:-]*", "");
                lead = TIME_PREFIX.matcher(lead).replaceFirst("");
                lead = lead.replaceAll("[\\s,:;|–—-]+(?:\\d{1,2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?[\\s,–—-]*)*$", "").strip();
                Speaker speaker = lead.isEmpty() || mention.start() < 3 ? null : SpeakerParser.parseOne(lead);
                if (speaker != null && speaker.name().contains(" ") && NameCheck.plausible(speaker.name(), text)) {
                    return speaker;
                }
            }
        }
        return null;
    }

    /** A talk announced in the first person: "my talk", "I will present", "is about my emerging tool". */
    private static final Pattern FIRST_PERSON = Pattern.compile(
            "(?i)\\b(?:I(?:'ll| will| am going to| shall)\\s+(?:be\\s+)?(?:talk|present|speak|discuss|giv|show|describ|introduc)|"
                    + "my (?:talk|presentation|lecture|seminar|defen[cs]e)|\\b(?:talk|hour|seminar|session|lecture)\\b[^.]{0,80}?\\bis about my)");

    static boolean firstPersonTalk(String text) {
        return FIRST_PERSON.matcher(text).find();
    }

    /** In a line of comma-separated parts, a person's name followed by an institution. */
    static Speaker personBeforeInstitution(String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i < Math.min(lines.length, 40); i++) {
            if (lines[i].contains("@") || lines[i].length() > 300) {
                continue;
            }
            String[] parts = COMMA_SEGMENTS.split(lines[i].strip());
            for (int k = 0; k + 1 < parts.length; k++) {
                if (!SpeakerParser.looksLikeInstitution(parts[k + 1])) {
                    continue;
                }
                Speaker speaker = SpeakerParser.parseOne(parts[k]);
                if (speaker != null && speaker.affiliation() == null && speaker.name().contains(" ")
                        && NameCheck.plausible(speaker.name(), text)) {
                    String rest = String.join(", ", java.util.Arrays.asList(parts).subList(k + 1, parts.length));
                    return new Speaker(speaker.name(), rest.replaceAll("[,.;\\s]+$", ""));
                }
            }
        }
        return null;
    }

    /** In a listing, the place given on the line (or the line after) that carries the talk's own date. */
    static String locationOnDateLine(String text, java.time.LocalDate date, DateFinder dates) {
        if (date == null) {
            return null;
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < Math.min(lines.length, 200); i++) {
            String line = lines[i];
            if (line.contains(":") && Label.of(line.substring(0, line.indexOf(':')).replaceAll("[^\\p{L} ]", "").strip()) != null) {
                continue;
            }
            boolean ours = line.length() <= 300 && line.chars().anyMatch(Character::isDigit)
                    && dates.find(line).stream().anyMatch(d -> d.date().equals(date) && !d.relative());
            if (ours) {
                String near = line + (i + 1 < lines.length ? "\n" + lines[i + 1] : "");
                String place = locationFromProse(near);
                if (place != null) {
                    return place;
                }
            }
        }
        return null;
    }

    /** "Rebecca Parker's Defense" in a subject or a line: the speaker. */
    static Speaker possessiveSpeaker(String text) {
        Matcher m = POSSESSIVE.matcher(text);
        while (m.find()) {
            Speaker speaker = SpeakerParser.parseOne(m.group(1));
            if (speaker != null) {
                return speaker;
            }
        }
        return null;
    }

    private static String stripLeadingDate(String text) {
        return text.replaceFirst("^\\d{1,2}/\\d{1,2}\\s+", "");
    }

    private static String seriesName(String head) {
        String h = stripLeadingDate(head).replaceAll("(?i)\\s+(this week|today|tomorrow|tonight|next week|reminder)$", "").strip();
        if (h.matches("(?i).*\\b(seminar|colloqui(um|a)|talks?|lectures?|lunch|series|forum|workshop|symposium|reading group|meetup)\\b.*")
                && h.length() <= 80) {
            return h;
        }
        return null;
    }
}
