package org.talkfeed.extract;

import org.talkfeed.talk.Kind;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Decides from the subject and the opening of the body whether a message announces, reminds, updates or cancels. */
final class KindClassifier {
    private static final Pattern CANCELLED = Pattern.compile(
            "\\b(cancel(?:s|ed|led|ing|lation|ation)?\\b|postpon(?:e|es|ed|ing|ement)\\b|will not take place|won'?t take place|"
                    + "called off|is off\\b|not be held|abgesagt|entfällt|fällt aus|verschoben|annulé|reporté|goes dark|go dark|"
                    + "will not meet|won'?t meet|no (?:talk|seminar|colloquium|lecture|meeting|session) (?:this|next|on|today|tomorrow))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATED = Pattern.compile(
            "\\b((room|venue|location|time|date|place) change|change of (room|venue|location|time|date|place)|"
                    + "new (room|venue|location|time|date)|"
                    + "updated?\\b|rescheduled|moved to|^correction\\b|correction:|\\(correction\\)|\\bcorrected\\b|"
                    + "change in (room|venue|location|time))",
            Pattern.CASE_INSENSITIVE);
    /** The opening of a body that moves its talk, whatever the subject says. */
    private static final Pattern MOVED = Pattern.compile(
            "\\b((has|have|had|is|are|was|were) been (moved|rescheduled)|(is|are|was|were) (moved|rescheduled) to|"
                    + "rescheduled (to|for))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REMINDER = Pattern.compile(
            "\\b(reminder|remind|today|tomorrow|tonight|this (afternoon|morning|evening)|starting (soon|now)|in (one|an|1) hour|"
                    + "happening (now|today))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_TALK = Pattern.compile(
            "\\b(calls? for (papers|participation|submissions|abstracts|proposals|nominations|posters|presentations|talks|speakers|"
                    + "contributions|workshops|tutorials)|cfp|submission deadline|"
                    + "paper submission|postdoc(toral)? (position|fellowship|opening)s?|(faculty|phd|research|tenure[- ]track) positions?|"
                    + "job (opening|posting|offer)|we are hiring|applications? (are|is) (now )?(invited|open)|apply (now|by|online)|"
                    + "application deadline|course registration|enrol+ment|curriculum vitae|\\bcv\\b|position available|"
                    + "open positions?|summer school|registration (is )?(now )?open|hackathon|internships?|prerequisites?|"
                    + "\\d credits|credit hours|elective|syllabus|first class|office hours|enrol+ in|course (number|code)|"
                    + "tuition|scholarships?|deadline for applications|job (ad|advert)|salary|nominations?|call for nominations|"
                    + "deadline is|deadline:|nominees?)\\b",
            Pattern.CASE_INSENSITIVE);

    // Every alternative of each pattern holds one of these words: a text without them is not scanned.
    private static final Literals CANCELLED_WORDS = Literals.of("cancel", "postpon", "take place", "called off", "is off",
            "not be held", "abgesagt", "entfällt", "fällt aus", "verschoben", "annulé", "reporté", "dark", "meet", "no ");
    private static final Literals UPDATED_WORDS = Literals.of("change", "new ", "update", "rescheduled", "moved to", "correct");
    private static final Literals MOVED_WORDS = Literals.of("moved", "rescheduled");
    private static final Literals REMINDER_WORDS = Literals.of("remind", "today", "tomorrow", "tonight", "this ", "starting ",
            "hour", "happening ");
    private static final Literals NOT_TALK_WORDS = Literals.of("call", "cfp", "submission", "postdoc", "position", "job",
            "hiring", "appl", "course", "enrol", "curriculum", "cv", "summer school", "registration", "hackathon", "internship",
            "prerequisite", "credit", "elective", "syllabus", "first class", "office hours", "tuition", "scholarship", "salary",
            "nomin", "deadline");
    /** Where a match of NOT_TALK can start: the first letters of its alternatives (see PatternScan). */
    private static final PatternScan.Start NOT_TALK_START = PatternScan.wordStartingWith("call", "cfp", "submission", "paper",
            "postdoc", "faculty", "phd", "research", "tenure", "job", "we ", "appl", "course", "enrol", "curriculum", "cv", "position",
            "open", "summer", "registration", "hackathon", "internship", "prerequisite", "credit", "elective", "syllabus", "first",
            "office", "tuition", "scholarship", "deadline", "salary", "nomin", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private KindClassifier() {
    }

    static Kind classify(String subject, List<String> lines) {
        String opening = String.join("\n", lines.subList(0, Math.min(lines.size(), 12)));
        String s = subject.toLowerCase(Locale.ROOT);
        if (CANCELLED_WORDS.in(s) && CANCELLED.matcher(s).find()) {
            return Kind.CANCELLATION;
        }
        String sentences = firstSentences(opening);
        if (CANCELLED_WORDS.inAnyCase(sentences) && CANCELLED.matcher(sentences).find()) {
            return Kind.CANCELLATION;
        }
        if (UPDATED_WORDS.in(s) && UPDATED.matcher(s).find()
                || MOVED_WORDS.inAnyCase(sentences) && MOVED.matcher(sentences).find()) {
            return Kind.UPDATE;
        }
        if (REMINDER_WORDS.in(s) && REMINDER.matcher(s).find()) {
            return Kind.REMINDER;
        }
        return Kind.ANNOUNCEMENT;
    }

    /** Whether the text reads as list traffic that is not a talk (calls for papers, job ads, courses, CVs). */
    static boolean looksLikeOtherTraffic(String subject, String body) {
        if (NOT_TALK_WORDS.inAnyCase(subject) && NOT_TALK.matcher(subject).find()) {
            return true;
        }
        String opening = body.length() > 3000 ? body.substring(0, 3000) : body;
        if (!NOT_TALK_WORDS.inAnyCase(opening)) {
            return false;
        }
        PatternScan signs = new PatternScan(NOT_TALK, opening, NOT_TALK_START);
        return signs.find() && signs.find(); // two signs in the body

    }

    private static String firstSentences(String text) {
        return Spaces.collapse(text, 300);
    }
}
