package org.talkfeed.extract;

/**
 * How the extractor's warnings about a talk begin, for readers that sort them (talkfeed check): each is written from
 * these, and {@link #about(String)} says which matter a warning is about.
 */
public final class ExtractionWarnings {
    public static final String NO_TITLE = "no title found";
    public static final String NO_SPEAKER = "no speaker found";
    public static final String NO_START = "no start time found";
    public static final String ZONE_ASSUMED = "zone assumed from ";
    public static final String NO_ZONE = "no time zone stated, configured or found from the place";
    public static final String WEEKDAY_MISMATCH = "the text says ";
    public static final String HELD_BACK = " held back: ";

    /** What a warning is about. */
    public enum Matter { TITLE, SPEAKER, START, ZONE, WEEKDAY, OTHER }

    private ExtractionWarnings() {
    }

    public static Matter about(String warning) {
        if (warning.equals(NO_TITLE) || warning.startsWith("title" + HELD_BACK)) {
            return Matter.TITLE;
        }
        if (warning.equals(NO_SPEAKER) || warning.startsWith("speaker" + HELD_BACK)) {
            return Matter.SPEAKER;
        }
        if (warning.equals(NO_START)) {
            return Matter.START;
        }
        if (warning.startsWith(ZONE_ASSUMED) || warning.equals(NO_ZONE)) {
            return Matter.ZONE;
        }
        return warning.startsWith(WEEKDAY_MISMATCH) ? Matter.WEEKDAY : Matter.OTHER;
    }
}
