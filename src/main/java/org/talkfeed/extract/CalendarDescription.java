package org.talkfeed.extract;

import org.talkfeed.text.HtmlText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An event description as calendar programs send it, reduced to what its author wrote: HTML turned into lines,
 * and the blocks the program adds to join a meeting left out (Google Calendar's {@code -::~:~::~:} block,
 * Microsoft Teams' block between lines of underscores, Zoom's "Join Zoom Meeting" block with its dial-in numbers).
 */
final class CalendarDescription {
    private static final int MAX_CHARS = 20_000;
    private static final int MAX_BOILERPLATE_LINE = 300;
    private static final Pattern HTML = Pattern.compile("(?i)<(?:br|p|div|b|i|a|span|ul|li|strong|em|html)\\b[^>]*>");
    private static final Pattern GOOGLE_MARKER = Pattern.compile("^\\s*-::~[:~]*::-\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern MEETING_WORDS = Pattern.compile(
            "(?i)microsoft teams|teams\\.microsoft|join (?:the |this )?(?:meeting|call|on your computer)|meeting id|passcode|dial[- ]in|"
                    + "google meet|meet\\.google|zoom\\.us|webex");
    private static final Pattern ZOOM_START = Pattern.compile(
            "(?i)^\\s*(?:.*\\binviting you to a scheduled zoom (?:meeting|webinar)\\.?|join zoom (?:meeting|webinar)|"
                    + "please click the link below to join the webinar:?)\\s*$");
    /** The lines of Zoom's block: its headings, numbers to dial (bulleted or not), addresses and rules. */
    private static final Pattern ZOOM_LINE = Pattern.compile(
            "(?i)^[\\s•·*]*(?:|.*zoom\\.(?:us|com).*|.*zoomgov.*|.*zoomcrc.*|-{3,}\\s*|"
                    + "(?:join zoom (?:meeting|webinar)|topic|time|meeting id|webinar id|passcode|password|one tap mobile|"
                    + "dial by your location|find your local number|join by (?:sip|h\\.?323|skype)|or an h\\.323|"
                    + "or ios/android|international numbers|meeting url)\\b.*|"
                    + "[+(]?\\d[\\d\\s(),#*.\\-]{5,}.*|\\d{1,3}(?:\\.\\d{1,3}){3}.*|"
                    + "(?:every|weekly|monthly|daily)\\b.*occurrence.*|please download and import.*)$");
    private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");

    private CalendarDescription() {
    }

    /** The author's text of the description, or null when nothing of it is left. */
    static String clean(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String text = description.length() > MAX_CHARS ? description.substring(0, MAX_CHARS) : description;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (HTML.matcher(text).find()) {
            text = HtmlText.toText(text);
        }
        List<String> lines = withoutMeetingBlocks(List.of(text.split("\n", -1)));
        String kept = BLANK_RUNS.matcher(String.join("\n", lines).strip()).replaceAll("\n\n");
        return kept.isBlank() ? null : kept;
    }

    private static List<String> withoutMeetingBlocks(List<String> lines) {
        List<String> kept = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (isLine(GOOGLE_MARKER, line)) {
                i = closing(lines, i, GOOGLE_MARKER) + 1; // a marker without its pair runs to the end
            } else if (isLine(RULE, line) && blockMentionsMeeting(lines, i)) {
                i = closing(lines, i, RULE) + 1;
            } else if (isLine(ZOOM_START, line)) {
                i++;
                while (i < lines.size() && isLine(ZOOM_LINE, lines.get(i))) {
                    i++;
                }
            } else {
                kept.add(line);
                i++;
            }
        }
        return kept;
    }

    /** Whether the line is one of the pattern's; a line longer than any of theirs is not tried. */
    private static boolean isLine(Pattern pattern, String line) {
        return line.length() <= MAX_BOILERPLATE_LINE && pattern.matcher(line).matches();
    }

    /** The line that closes the block opened at {@code open}, or the last line when none does. */
    private static int closing(List<String> lines, int open, Pattern marker) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (isLine(marker, lines.get(j))) {
                return j;
            }
        }
        return lines.size() - 1;
    }

    private static boolean blockMentionsMeeting(List<String> lines, int open) {
        int end = closing(lines, open, RULE);
        String block = String.join("\n", lines.subList(open + 1, end + 1));
        return MEETING_WORDS.matcher(block.toLowerCase(Locale.ROOT)).find();
    }
}
