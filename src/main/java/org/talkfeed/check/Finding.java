package org.talkfeed.check;

/**
 * One thing an admin should fix or know before sending.
 *
 * @param rule  a short name of the rule that found it ("no-zone", "ambiguous-date")
 * @param what  what is wrong, in a sentence
 * @param where where in the message ("line 4", "subject"), or null when it is about something missing
 */
public record Finding(String rule, String what, String where) {
    public String line() {
        return where == null ? what : what + " (" + where + ")";
    }
}
