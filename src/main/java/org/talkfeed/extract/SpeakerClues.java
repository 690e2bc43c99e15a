package org.talkfeed.extract;

import org.talkfeed.talk.Speaker;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Speakers and hosts named in prose, for announcements written without labels. */
final class SpeakerClues {
    /** Between the words of a name: one space, or a line break; a run of spaces or a tab separates table columns. */
    private static final String GAP = "(?: {1,2}(?![ \\t])|\\n[ \\t]*)";
    /** A person's name, after an optional title of address, as group 1 (also read by {@link SubjectLine}). */
    static final String NAME = "((?:(?:Prof(?:essor)?|Dr|Mr|Ms|Mrs)\\.?\\s+)?\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|der|da|di|del|la|le)){1,4})";
    /** "Jane Doe's talk", "Rebecca Parker's Defense". */
    private static final Pattern POSSESSIVE = Pattern.compile(NAME + "['’]s\\s+(?:[\\p{L}-]+\\s+){0,3}(?i:talk|lecture|seminar|"
            + "defen[cs]e|presentation|colloquium|keynote|thesis|dissertation|webinar)\\b");
    /** "Physic Colloquium, Monday, Feb. 27, Steve Granick, University of Illinois": a person, then an institution. */
    private static final Pattern COMMA_SEGMENTS = Pattern.compile("\\s*,\\s*");
    private static final Pattern WILL_VERB = Pattern.compile(
            "\\s(?:will|is going to|(?:is|was) scheduled to|shall|is to|is slated to)\\s+(?:also\\s+)?(?:be\\s+)?(?:speak|talk|present|giv|lectur|deliver|come|"
                    + "visit|discuss|describ|address|explor|examin|shar|review|report|outlin|argu|show|lead|introduc|focus|consider|moderat|here|"
                    + "in town|on campus|with us|joining)");
    /** Words after which a speaker's name follows: "lecture by", "the speaker is", "presents", "welcome". */
    private static final Pattern NAME_FOLLOWS = Pattern.compile(
            "\\b(?:(?:talk|lecture|seminar|presentation|colloquium|keynote|address|session|discussion|webinar|workshop|defen[cs]e|"
                    + "reading|remarks|speech)\\s+(?:will\\s+be\\s+)?(?:given\\s+|delivered\\s+|presented\\s+|led\\s+)?by|"
                    + "(?:the\\s+)?(?:guest\\s+|featured\\s+|invited\\s+|keynote\\s+)?speakers?\\s+(?:is|will\\s+be|are)|presents|"
                    + "(?:will\\s+)?welcomes?|featuring|announces|introduces|hosts|(?:first|next|second|then)\\s+up\\s+is|"
                    + "(?:meeting|conversation|discussion|evening|session|lunch|chat|q&a|dialogue|interview)\\s+with|"
                    + "a\\s+(?:talk|lecture|seminar)\\s+(?:from|with)|[”\"]\\s+with|"
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
    /**
     * The end of a clause: a full stop that does not follow a title or an initial, a semicolon, a colon, a line break.
     * The mark comes first and the look-behind after it, so that the look-behind runs only at a mark.
     */
    private static final Pattern CLAUSE_END = Pattern.compile(
            "[.;:](?<!\\b(?:Prof|Dr|Mr|Ms|Mrs|St|Jr|Sr|PROF|DR|MR|MS|MRS|\\p{Lu})[.;:])(?:\\s|$)|\\n");
    private static final Pattern WRITER_TOO = Pattern.compile("\\s+(?:and|&)\\s+(?:I|me|myself)\\b");
    private static final Pattern NAME_RUN = Pattern.compile(
            "(?:(?:Prof(?:essor)?|Dr|Mr|Ms|Mrs|PROF(?:ESSOR)?|DR|MR|MS|MRS)\\.?\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:" + GAP + "(?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|der|da|di|del|la|le)){1,4}");
    private static final Pattern TIME_PREFIX = Pattern.compile(
            "^(?:\\d{1,2}(?:[:.h]\\d{2})?\\s*(?:[ap]\\.?\\s?m\\.?|uhr)?\\s*(?:[-–]\\s*\\d{1,2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?\\s?m\\.?|uhr)?)?\\s*|noon\\.?\\s*)",
            Pattern.CASE_INSENSITIVE);
    /** A headline line: "Jane Doe (MIT), Title of the Talk" or "Jane Doe (MIT): Title". */
    private static final Pattern HEADLINE = Pattern.compile(
            "(?m)^\\s*(?:[^\\n:(]{3,60}:\\s+)?" + NAME + "\\s*\\(([^)]{2,120})\\)\\s*[,:|–—-]\\s*(\\p{Lu}[^\\n]*(?:\\n(?!\\s*\\n)(?![^\\n]*\\p{Lu}\\p{L}+\\s\\p{Lu}\\p{L}+\\s*\\()[^\\n]+){0,2})");
    private static final Pattern HOSTED_BY = Pattern.compile(
            "\\b(?:hosted|organi[sz]ed|invited|sponsored|introduced|moderated|chaired)\\s+by\\s+" + NAME
                    + "|at the invitation of\\s+" + NAME);

    private static final Pattern ADDRESS_OR_LINK = Pattern.compile("<?[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+>?|<?https?://\\S+>?");
    private static final Pattern LINE_DECORATION = Pattern.compile("^[|*#=+\\s-]+|[|*#=+\\s-]+$");
    private static final Pattern SPACES_2 = Pattern.compile("\\s{2,}");
    private static final Pattern BRACKETED = Pattern.compile(".*\\(.*\\).*");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("\\s*#.*$");
    private static final Pattern SERIES_REMARK_IN_BRACKETS = Pattern.compile(
            "(?i)\\s*\\([^)]*(?:seminar|kolloquium|colloquium|lecture|series|reihe)[^)]*\\)\\s*\\.?$");
    private static final Pattern SERIES_SENTENCE = Pattern.compile(
            "(?i)(?<=\\.)\\s+\\S*(?:seminar|kolloquium|colloquium)\\S*(?:\\s+\\S+){0,3}\\.?$");
    private static final Pattern TRAILING_DOT = Pattern.compile("[.]$");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s.,;:–—-]+");
    private static final Pattern LEADING_BULLET = Pattern.compile("^\\s*[-•*·#>]+\\s*");
    private static final Pattern QUOTE_BRACKET_OR_DIGIT = Pattern.compile(".*[\"“„|()\\d].*");
    private static final Pattern OPENER = Pattern.compile(
            "(?i)(save the date|reminder|notice|announcement|update|news|hello|dear|join us|welcome)\\b.*");
    private static final Pattern LEADING_SEPARATOR = Pattern.compile("^\\s*[:–—-]\\s*");
    private static final Pattern SPACED_DASH = Pattern.compile("\\s+[-–—]\\s+");
    private static final Pattern STARTS_WITH_SEPARATOR = Pattern.compile("^\\s*[:–—-].*");
    private static final Pattern LEADING_NUMBERS = Pattern.compile("^[\\s\\d/.:-]*");
    private static final Pattern TRAILING_TIMES = Pattern.compile(
            "[\\s,:;|–—-]+(?:\\d{1,2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?[\\s,–—-]*)*$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,.;\\s]+$");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s,:|–—-]+$");

    // Where each pattern can start (see PatternScan): a name starts with a capital letter.
    private static final PatternScan.Start NAME_FOLLOWS_START = PatternScan.wordStartingWith("talk", "lecture", "seminar",
            "presentation", "colloquium", "keynote", "address", "session", "discussion", "webinar", "workshop", "defen", "reading",
            "remarks", "speech", "the", "guest", "featured", "invited", "speaker", "presents", "will", "welcome", "featuring",
            "announces", "introduces", "hosts", "meeting", "conversation", "evening", "lunch", "chat", "q&a", "dialogue",
            "interview", "a", "vortrag", "vorträge", "lesung", "referat", "gespräch", "gastvortrag", "spricht", "sprechen",
            "conférence", "exposé", "first", "next", "second", "then");
    /** NAME_FOLLOWS at one of its words, or at the closing quote of '“Title” with Name'. */
    private static final PatternScan.Start NAME_FOLLOWS_AT = (t, i) -> t.charAt(i) == '”' || t.charAt(i) == '"'
            || NAME_FOLLOWS_START.at(t, i);
    private static final PatternScan.Start AFTER_LINE_OR_COLON = (t, i) -> i == 0 || t.charAt(i) == ':' || t.charAt(i) == '\n';
    private static final PatternScan.Start SENTENCE_START = (t, i) -> i == 0 || ".!?\n".indexOf(t.charAt(i)) >= 0;
    private static final PatternScan.Start TITLE_OF_ADDRESS = PatternScan.wordStartingWith("prof", "dr", "mr", "ms");
    /** A space, then "will", "is ..." or "shall". */
    private static final PatternScan.Start BEFORE_WILL = (t, i) -> Spaces.isSpace(t.charAt(i)) && i + 1 < t.length()
            && "wis".indexOf(t.charAt(i + 1)) >= 0;
    private static final PatternScan.Start HOSTED_VERB = PatternScan.wordStartingWith("hosted", "organi", "invited", "sponsored",
            "introduced", "moderated", "chaired");
    private static final PatternScan.Start HOSTED_BY_START = (t, i) -> t.startsWith("at the invitation of", i) || HOSTED_VERB.at(t, i);
    private static final PatternScan.Start FIRST_PERSON_START = PatternScan.wordStartingWith("i'll", "i will", "i am going to",
            "i shall", "my ", "talk", "hour", "seminar", "session", "lecture");

    /** A full stop after a word of three or more letters (not "Prof."), and the next sentence's first word. */
    private static final Pattern SENTENCE_AFTER_NAME = Pattern.compile("(?<!Prof)(?<=\\p{Ll}{3})\\.\\s+\\p{Lu}.*$");

    /** Every match of {@link #HOSTED_BY} holds one of these. */
    private static final Literals HOSTED_BY_WORDS = Literals.of("hosted", "organized", "organised", "invited", "sponsored",
            "introduced", "moderated", "chaired", "at the invitation of");

    private SpeakerClues() {
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

    /** "Chris Kennedy will present: "Title"", "Radu Craioveanu will be presenting "Title"": a person and their title. */
    private static final Pattern PRESENTS = Pattern.compile(
            NAME + "\\s+(?:will\\s+(?:be\\s+)?(?:present(?:ing)?|talk(?:ing)?(?:\\s+about)?|speak(?:ing)?(?:\\s+on)?|giv(?:e|ing)\\s+(?:a\\s+)?talk(?:\\s+(?:on|entitled))?)"
                    + "|presents|is presenting)\\s*:?\\s*[\"“„]([^\"“”\\n]{4,250})[\"”“]");

    /** The opening quotes of {@link #PRESENTS}. */
    private static final Literals QUOTE_MARKS = Literals.of("\"", "“", "„");

    /** Every "person will present "title"" pair in the text, in order; one message can announce several talks this way. */
    static List<SubjectLine.SubjectParts> presentations(String text) {
        List<SubjectLine.SubjectParts> found = new java.util.ArrayList<>();
        if (!text.contains(" will ") && !text.contains("presents") && !text.contains("presenting")
                || !QUOTE_MARKS.in(text)) {
            return found;
        }
        PatternScan scan = new PatternScan(PRESENTS, text, PatternScan.UPPER_CASE);
        Matcher m = scan.matcher();
        while (scan.find()) {
            Speaker speaker = SpeakerParser.parseOne(m.group(1));
            if (speaker != null && NameCheck.plausible(speaker.name(), text)
                    && found.stream().noneMatch(p -> p.speaker().name().equals(speaker.name()))) {
                found.add(new SubjectLine.SubjectParts(speaker, m.group(2).strip(), null));
            }
        }
        return found;
    }

    /** The speaker the prose names, trying the strongest cues first. */
    static List<Speaker> speakersFromProse(String text) {
        Speaker speaker = firstPerson(new PatternScan(POSSESSIVE, text, PatternScan.UPPER_CASE), text, s -> true);
        if (speaker == null) {
            speaker = nameBeforeVerb(text);
        }
        PatternScan trigger = new PatternScan(NAME_FOLLOWS, text, NAME_FOLLOWS_AT);
        while (speaker == null && trigger.find()) {
            int end = trigger.matcher().end();
            speaker = leadingName(text.substring(end, Math.min(text.length(), end + 200)), text);
        }
        if (speaker == null) {
            speaker = firstPerson(new PatternScan(NAME_THEN_EVENT, text, AFTER_LINE_OR_COLON), text,
                    s -> NameCheck.usedAlone(s.name(), text));
        }
        if (speaker == null) {
            speaker = firstPerson(new PatternScan(APPOSITION, text, SENTENCE_START), text, s -> true);
        }
        if (speaker == null) {
            speaker = nameOnItsOwnLine(text);
        }
        if (speaker == null) {
            speaker = firstPerson(new PatternScan(ADDRESSED, text, TITLE_OF_ADDRESS), text, s -> s.name().contains(" "));
        }
        return speaker == null ? List.of() : withPartner(speaker, text);
    }

    private static final Pattern AND_NAME = Pattern.compile("^\\s+(?:and|&)\\s+(" + NAME_RUN.pattern() + ")(?=\\s+(?:will|are|talk|present|speak|give)|\\s*[(,])");

    private static final Pattern AND_NAME_AFTER_APPOSITION = Pattern.compile(
            "^,[^.;:\\n]{3,200}?\\s(?:and|&|und|et)\\s+(?:(?:Prof|Dr|Mr|Ms|Mrs)\\.?\\s+)*(" + NAME_RUN.pattern() + ")(?=\\s*[(,])");

    /** "Cindy Bryce and Steve Roehrig will be moderating": the person named together with the speaker speaks too. */
    private static List<Speaker> withPartner(Speaker speaker, String text) {
        int at = text.indexOf(speaker.name());
        if (at < 0) {
            return List.of(speaker);
        }
        String after = text.substring(at + speaker.name().length(), Math.min(text.length(), at + speaker.name().length() + 240));
        Matcher partner = AND_NAME.matcher(after);
        Speaker second = partner.find() ? fullPerson(partner.group(1), text) : null;
        Matcher later = AND_NAME_AFTER_APPOSITION.matcher(after);
        if (second == null && later.find() && SpeakerParser.depth(after, later.start(1)) == 0
                && !SpeakerParser.looksLikeInstitution(later.group(1))) {
            second = fullPerson(later.group(1), text); // "mit Dr. A, Berater für X (Y), und B, Korrespondentin"
        }
        return second == null ? List.of(speaker) : List.of(speaker, second);
    }

    /** The words as a person with a first name and a surname that the text makes plausible, or null. */
    private static Speaker fullPerson(String words, String text) {
        Speaker person = SpeakerParser.parseOne(Spaces.collapse(words));
        return person != null && person.name().contains(" ") && NameCheck.plausible(person.name(), text) ? person : null;
    }

    /** Two or more people, each with a first name and a surname that the text makes plausible. */
    private static boolean severalPeople(List<Speaker> people, String text) {
        return people.size() >= 2 && people.stream().allMatch(s -> s.name().contains(" ") && NameCheck.plausible(s.name(), text));
    }

    /** The first match of the pattern (group 1, else the whole match) that reads as a plausible person. */
    private static Speaker firstPerson(PatternScan scan, String text, java.util.function.Predicate<Speaker> also) {
        Matcher m = scan.matcher();
        while (scan.find()) {
            Speaker speaker = SpeakerParser.parseOne(m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group());
            if (speaker != null && NameCheck.plausible(speaker.name(), text) && also.test(speaker)) {
                return speaker;
            }
        }
        return null;
    }

    /** "Dr. Jane Doe, Director of X at Y, will discuss ...": the first person in the sentence before the verb. */
    private static Speaker nameBeforeVerb(String text) {
        PatternScan verbScan = new PatternScan(WILL_VERB, text, BEFORE_WILL);
        Matcher verb = verbScan.matcher();
        while (verbScan.find()) {
            int sentenceStart = Math.max(Math.max(lastSentenceEnd(text, verb.start()), text.lastIndexOf(".\n", verb.start())),
                    text.lastIndexOf("\n\n", verb.start()));
            String wide = text.substring(sentenceStart < 0 ? 0 : sentenceStart + 1, verb.start());
            Matcher addressed = ADDRESSED.matcher(outsideQuotes(wide)); // "Dr. Jane Doe, ... will" before any other name
            while (addressed.find()) {
                Speaker speaker = SpeakerParser.parseOne(Spaces.collapse(wide.substring(addressed.start())));
                if (speaker == null) {
                    speaker = SpeakerParser.parseOne(Spaces.collapse(addressed.group()));
                }
                if (speaker != null && speaker.name().contains(" ") && NameCheck.plausible(speaker.name(), text)) {
                    return speaker;
                }
            }
            int colon = wide.lastIndexOf(": ");
            String sentence = outsideQuotes(colon < 0 ? wide : wide.substring(colon + 1));
            PatternScan runScan = new PatternScan(NAME_RUN, sentence, PatternScan.UPPER_CASE);
            Matcher run = runScan.matcher();
            while (runScan.find()) {
                Speaker speaker = SpeakerParser.parseOne(Spaces.collapse(sentence.substring(run.start())));
                if (speaker == null) {
                    speaker = SpeakerParser.parseOne(Spaces.collapse(run.group()));
                }
                if (speaker != null && NameCheck.plausible(speaker.name(), text)) {
                    return speaker;
                }
            }
        }
        return null;
    }

    /** The text with quoted runs blanked out: a quoted title's capitalized words are nobody's name. */
    private static String outsideQuotes(String text) {
        if (text.indexOf('"') < 0 && text.indexOf('“') < 0) {
            return text;
        }
        return QUOTED_RUN.matcher(text).replaceAll(m -> " ".repeat(m.group().length()));
    }

    private static final Pattern QUOTED_RUN = Pattern.compile("\"[^\"]*(?:\"|$)|“[^”]*(?:”|$)");

    private static Speaker leadingName(String after, String text) {
        Matcher run = NAME_RUN.matcher(after);
        if (!run.lookingAt()) {
            return null;
        }
        String clause = Spaces.collapse(CLAUSE_END.split(after, 2)[0]);
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
            String line = ADDRESS_OR_LINK.matcher(lines[i]).replaceAll(" ").strip();
            line = SPACES_2.matcher(LINE_DECORATION.matcher(line).replaceAll("")).replaceAll(" ");
            if (line.isEmpty() || line.length() > 60 || line.contains(":")) {
                continue;
            }
            List<Speaker> several = line.contains(" and ") || line.contains(" & ") ? SpeakerParser.parse(line) : List.of();
            if (several.size() > 1 && several.stream().allMatch(s -> NameCheck.plausible(s.name(), text))) {
                return several.get(0);
            }
            Speaker speaker = SpeakerParser.parseOne(line);
            boolean placed = speaker != null && (speaker.affiliation() == null
                    || SpeakerParser.looksLikeInstitution(speaker.affiliation()) || BRACKETED.matcher(line).matches());
            if (placed && Spaces.words(speaker.name()).length >= 2 && NameCheck.plausible(speaker.name(), text)) {
                return speaker;
            }
        }
        return null;
    }

    /** Speaker and title from a headline line, or null. */
    static SubjectLine.SubjectParts headline(String text) {
        if (text.indexOf('(') < 0) {
            return null; // a headline names the speaker's place in brackets
        }
        PatternScan scan = new PatternScan(HEADLINE, text, PatternScan::lineStart);
        Matcher m = scan.matcher();
        while (scan.find()) {
            Speaker speaker = SpeakerParser.parseOne(m.group(1) + " (" + m.group(2) + ")");
            if (speaker != null) {
                String title = Spaces.collapse(m.group(3)).strip();
                title = MARKDOWN_HEADING.matcher(title).replaceFirst(""); // a markdown heading starts the next part
                title = SERIES_REMARK_IN_BRACKETS.matcher(title).replaceFirst("");
                title = SERIES_SENTENCE.matcher(title).replaceFirst("");
                title = TRAILING_DOT.matcher(title).replaceAll("");
                return new SubjectLine.SubjectParts(speaker, title.contains(" ") ? title : null, null); // one word: cut off
            }
        }
        return null;
    }

    /** The person named right after a quoted title ("“Title.” Jane Doe, MIT.") or right before it ("Jane Doe (MIT) “Title”"). */
    static List<Speaker> speakersAroundQuote(String text) {
        PatternScan quoted = new PatternScan(TitleClues.ANY_QUOTED, text, TitleClues.QUOTE);
        Matcher q = quoted.matcher();
        if (!quoted.find() || Spaces.words(q.group(1)).length < 2 && !TitleClues.wholeSentence(q.group(1))) {
            return List.of();
        }
        String after = CLAUSE_END.split(LEADING_PUNCTUATION.matcher(text.substring(q.end())).replaceFirst(""), 2)[0];
        Speaker speaker = after.isBlank() ? null : SpeakerParser.parseOne(after);
        if (speaker != null && NameCheck.plausible(speaker.name(), text)) {
            return List.of(speaker);
        }
        List<Speaker> following = after.isBlank() ? List.of() : SpeakerParser.parse(after); // "“Title.” A and B, Place."
        if (severalPeople(following, text)) {
            return following;
        }
        String before = text.substring(0, q.start());
        int colon = Math.max(before.lastIndexOf(": "), Math.max(lastSentenceEnd(before, before.length()), before.lastIndexOf('\n')));
        before = TRAILING_SEPARATORS.matcher(TIME_PREFIX.matcher(before.substring(colon + 1).strip()).replaceFirst("")).replaceAll("");
        if (before.isBlank()) {
            return List.of();
        }
        List<Speaker> several = SpeakerParser.parse(before); // "A, B and C (Place) “Title”"
        if (severalPeople(several, text)) {
            return several;
        }
        speaker = SpeakerParser.parseOne(before);
        return speaker != null && NameCheck.plausible(speaker.name(), text) ? List.of(speaker) : List.of();
    }

    /** Where the last sentence before a point ends: a ". " that follows no single initial ("U. Mass", "J. Doe"). */
    private static int lastSentenceEnd(String text, int end) {
        int at = text.lastIndexOf(". ", end - 2);
        while (at > 0 && Character.isUpperCase(text.charAt(at - 1)) && (at < 2 || !Character.isLetter(text.charAt(at - 2)))) {
            at = text.lastIndexOf(". ", at - 1);
        }
        return at;
    }

    static String hostFromProse(String text) {
        if (!text.contains(" by ") && !text.contains("invitation") || !HOSTED_BY_WORDS.in(text)) {
            return null;
        }
        PatternScan scan = new PatternScan(HOSTED_BY, text, HOSTED_BY_START);
        Matcher m = scan.matcher();
        while (scan.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            name = SENTENCE_AFTER_NAME.matcher(name).replaceFirst(""); // "… of Daniel Okafor. If you would like …"
            Speaker host = SpeakerParser.parseOne(name);
            if (host != null) {
                return host.name();
            }
        }
        return null;
    }

    /** "Stochastic Spatial Processes: Ted Cox, Syracuse University" on a line near the top: title, then speaker. */
    static SubjectLine.SubjectParts titleThenSpeakerLine(String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i < Math.min(lines.length, 8); i++) {
            String line = LEADING_BULLET.matcher(lines[i]).replaceFirst("").strip();
            int colon = line.lastIndexOf(": ");
            if (colon < 8 || line.length() > 200) {
                continue;
            }
            String head = line.substring(0, colon).strip();
            Speaker speaker = SpeakerParser.parseOne(line.substring(colon + 2));
            if (speaker != null && speaker.affiliation() != null && speaker.name().contains(" ")
                    && NameCheck.plausible(speaker.name(), text) && Spaces.words(head).length >= 2
                    && Spaces.words(head).length <= 15 && !QUOTE_BRACKET_OR_DIGIT.matcher(head).matches() && Label.of(head) == null
                    && !OPENER.matcher(head).matches()) {
                return new SubjectLine.SubjectParts(speaker, head, null);
            }
        }
        return null;
    }

    /** In a schedule, the line that gives the talk's own date, led by a person: "Jim Peters - 3:30 pm, Tuesday, April 20". */
    static Speaker speakerOnDateLine(String text, java.time.LocalDate date, DateFinder dates) {
        for (DateLines.DatedLine dated : DateLines.naming(date, text, dates)) {
            String line = dated.line();
            DateMention mention = dated.mention();
            String after = LEADING_SEPARATOR.matcher(line.substring(mention.end())).replaceFirst("");
            Speaker following = after.isBlank() ? null : SpeakerParser.parseOne(SPACED_DASH.split(after)[0]);
            if (following != null && following.name().contains(" ") && STARTS_WITH_SEPARATOR.matcher(line.substring(mention.end())).matches()
                    && NameCheck.plausible(following.name(), text)) {
                return following; // "Tuesday, May 16: Cindy Bryce - Thesis Proposal"
            }
            String lead = LEADING_NUMBERS.matcher(line.substring(0, mention.start())).replaceFirst("");
            lead = TIME_PREFIX.matcher(lead).replaceFirst("");
            lead = TRAILING_TIMES.matcher(lead).replaceAll("").strip();
            Speaker speaker = lead.isEmpty() || mention.start() < 3 ? null : SpeakerParser.parseOne(lead);
            if (speaker != null && speaker.name().contains(" ") && NameCheck.plausible(speaker.name(), text)) {
                return speaker;
            }
        }
        return null;
    }

    /** A talk announced in the first person: "my talk", "I will present", "is about my emerging tool". */
    private static final Pattern FIRST_PERSON = Pattern.compile(
            "(?i)\\b(?:I(?:'ll| will| am going to| shall)\\s+(?:be\\s+)?(?:talk|present|speak|discuss|giv|show|describ|introduc)|"
                    + "my (?:talk|presentation|lecture|seminar|defen[cs]e)|\\b(?:talk|hour|seminar|session|lecture)\\b[^.]{0,80}?\\bis about my)");

    /** "Ken Nakayama and I will present", "with Ken Nakayama and me": the writer speaks together with the person named. */
    static boolean withTheWriter(String name, String text) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            String after = text.substring(at + name.length(), Math.min(text.length(), at + name.length() + 12));
            if (WRITER_TOO.matcher(after).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    static boolean firstPersonTalk(String text) {
        return new PatternScan(FIRST_PERSON, text, FIRST_PERSON_START).find();
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
                    return new Speaker(speaker.name(), TRAILING_PUNCTUATION.matcher(rest).replaceAll(""));
                }
            }
        }
        return null;
    }

    /** "Rebecca Parker's Defense" in a subject or a line: the speaker. */
    static Speaker possessiveSpeaker(String text) {
        PatternScan scan = new PatternScan(POSSESSIVE, text, PatternScan.UPPER_CASE);
        Matcher m = scan.matcher();
        while (scan.find()) {
            Speaker speaker = SpeakerParser.parseOne(m.group(1));
            if (speaker != null) {
                return speaker;
            }
        }
        return null;
    }
}
