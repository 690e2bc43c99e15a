package org.talkfeed.eval;

/** The fields the corpus scoring rates, in report order. */
enum Field {
    DATE, START, END, TIMEZONE, SPEAKER, AFFILIATION, TITLE, LOCATION, HOST, ONLINE, URL;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
