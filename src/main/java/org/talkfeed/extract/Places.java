package org.talkfeed.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a talk is: the physical place without filler, whether it can be joined online, and the join link. */
final class Places {
    static final Pattern URL = Pattern.compile("(?:https?://|(?<![\\w@/.])www\\.)[^\\s<>\"'()\\[\\]{}|]+[^\\s<>\"'()\\[\\]{}|.,;:!?*]");
    private static final Pattern JOIN_HOST = Pattern.compile(
            "zoom\\.(us|com)|teams\\.microsoft|teams\\.live|meet\\.google|webex\\.com|bluejeans|gotomeeting|youtube\\.com/live|"
                    + "youtu\\.be|twitch\\.tv|meet\\.jit\\.si|whereby\\.com|eventbrite|/webinar|/register|zoomgov|panopto|livestream",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JOIN_PATH = Pattern.compile("/j/|/join|meetup-join|/meeting|/webinar/register|/s/|/w/|\\?pwd=");
    private static final Pattern ONLINE_WORDS = Pattern.compile(
            "\\b(zoom|online|virtual(ly)?|webinar|teams|webex|livestream(ed)?|live[- ]stream(ed)?|remote(ly)?|hybrid|google meet|"
                    + "streamed|broadcast|bluejeans|jitsi)\\b",
            Pattern.CASE_INSENSITIVE);
    /** In running text, only phrases that offer remote attendance; "online" alone is often a topic ("online learning"). */
    private static final Pattern PROSE_ONLINE = Pattern.compile(
            "\\b(zoom|webex|teams meeting|microsoft teams|google meet|livestream(ed)?|live[- ]stream(ed)?|webinar|hybrid (event|talk|seminar|format)|"
                    + "(join|attend|participate|watch)\\s+(us\\s+)?(online|remotely|virtually)|online\\s+(via|on|through|at)|"
                    + "virtual (talk|seminar|event|lecture|colloquium|meeting)|will be (streamed|broadcast|held online|online|recorded and streamed)|"
                    + "held (online|virtually)|(attend|participate|join) virtually|per zoom|über zoom|via teams|"
                    + "online-(veranstaltung(en)?|vortr(ag|äge)|reihe|vorlesung(en)?|ringvorlesung|seminar)|video-?vortrag|"
                    + "(sowie|und|oder|auch) digital|en ligne|à distance)\\b|\\(online\\)",
            Pattern.CASE_INSENSITIVE);
    /**
     * Words before the place that are not part of it ("The talk will be held in", "Seminar:"), each a whole word, and the
     * event's noun only when such words follow it: "Lecture Theatre 3", "Seminarraum 0.01" and "Atrium" keep theirs.
     */
    private static final Pattern FILLER = Pattern.compile(
            "^(?:the\\s+)?(?:(?:talk|seminar|lecture|event|colloquium|meeting)(?=\\s*[,:]|\\s*$|\\s+(?:will|takes|is|live|in|at)\\b))?\\s*(?:will\\s+(?:be\\s+)?(?:given|held|take\\s+place|happen)|"
                    + "takes\\s+place|is\\s+held)?\\s*(?:live\\b,?\\s*)?(?:in[- ]person\\b)?,?\\s*(?:(?:at|in)\\b)?[\\s,:]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ONLINE_ONLY_PART = Pattern.compile(
            "^(?:and\\s+|or\\s+|also\\s+)?(?:(?:join|attend|watch|participate|follow|stream)(?:\\s+us)?\\s+)?(?:via\\s+|on\\s+|over\\s+)?(?:zoom|online|virtual|webinar|teams|webex|microsoft teams|google meet|"
                    + "zoom virtual talk|zoom webinar|zoom meeting|remote|livestream|live stream|hybrid)\\b.*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ANGLE_BRACKET = Pattern.compile("[<>]");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*\\)");
    /** Where a "Where" value turns from one place to another, or to how to attend online. */
    private static final Pattern PART_BREAK = Pattern.compile(
            "\\s*(?:,\\s*(?=(?:and|or)\\s)|;|\\s+(?:and|or|&|\\+|/)\\s+(?=(?:via\\s+|on\\s+)?(?:zoom|online|virtual|teams|webex|livestream)))\\s*");
    private static final Pattern PART_EDGES = Pattern.compile("^[,;:\\-–—\\s]+|[,;:\\-–—\\s]+$");
    private static final Pattern STATUS_NOTE = Pattern.compile(
            "(?i)\\(\\s*(?:in[- ]person|hybrid|new|changed|updated|note new (?:room|location)|new (?:room|location))\\s*!?\\)");
    private static final Pattern SPACE_BEFORE_COMMA = Pattern.compile("\\s+,");
    private static final Pattern COMMAS = Pattern.compile(",{2,}");

    private Places() {
    }

    /** The physical place in a "Where" value, without filler, online parts or placeholders; null when none. */
    static String location(List<String> whereValues) {
        List<String> places = new ArrayList<>();
        for (String value : whereValues) {
            String v = ANGLE_BRACKET.matcher(URL.matcher(value).replaceAll(" ")).replaceAll(" ");
            v = Spaces.collapse(EMPTY_BRACKETS.matcher(v).replaceAll(" ")).strip();
            List<String> parts = new ArrayList<>();
            for (String part : PART_BREAK.split(v)) {
                String p = FILLER.matcher(part.strip()).replaceFirst("").strip();
                p = PART_EDGES.matcher(p).replaceAll("");
                if (p.isEmpty() || SpeakerParser.isPlaceholder(p) || ONLINE_ONLY_PART.matcher(p).matches()) {
                    continue;
                }
                parts.add(p);
            }
            String joined = String.join(", ", parts);
            if (!parts.isEmpty() && places.stream().noneMatch(p -> p.equalsIgnoreCase(joined))) {
                places.add(joined); // a place given twice (header and body) is one place
            }
        }
        if (places.isEmpty()) {
            return null;
        }
        String joined = STATUS_NOTE.matcher(String.join(", ", places)).replaceAll("");
        joined = COMMAS.matcher(SPACE_BEFORE_COMMA.matcher(joined).replaceAll(",")).replaceAll(",").strip();
        return joined.isEmpty() ? null : joined;
    }

    /** The first link to join or register, preferring those of known meeting services. */
    static String joinUrl(String... texts) {
        String fallback = null;
        for (String text : texts) {
            if (text == null || (!text.contains("http") && !text.contains("www."))) {
                continue;
            }
            Matcher m = URL.matcher(text);
            String meeting = null;
            while (m.find()) {
                String url = m.group();
                if (JOIN_HOST.matcher(url).find()) {
                    if (JOIN_PATH.matcher(url).find()) {
                        return url; // a link that joins the meeting itself
                    }
                    meeting = meeting == null ? url : meeting;
                    continue;
                }
                if (fallback == null && mentionsOnline(text.substring(Math.max(0, m.start() - 80), m.start()))) {
                    fallback = url;
                }
            }
            if (meeting != null) {
                return meeting;
            }
        }
        return fallback;
    }

    static boolean mentionsOnline(String text) {
        return text != null && ONLINE_WORDS.matcher(text).find();
    }

    private static final PatternScan.Start PROSE_ONLINE_WORD = PatternScan.wordStartingWith("zoom", "webex", "teams", "microsoft",
            "google", "live", "webinar", "hybrid", "join", "attend", "participate", "watch", "online", "virtual", "will", "held",
            "per", "über", "via", "video", "sowie", "und", "oder", "auch", "en", "à");
    private static final PatternScan.Start PROSE_ONLINE_START = (text, i) -> text.charAt(i) == '(' || PROSE_ONLINE_WORD.at(text, i);
    private static final Literals ONLINE_HINTS = Literals.of("zoom", "webex", "teams", "meet", "stream",
            "webinar", "hybrid", "online", "remote", "virtual", "broadcast", "digital", "video", "ligne", "distance");

    static boolean proseOffersOnline(String text) {
        if (text == null) {
            return false;
        }
        return ONLINE_HINTS.inAnyCase(text) && new PatternScan(PROSE_ONLINE, text, PROSE_ONLINE_START).find();
    }
}
