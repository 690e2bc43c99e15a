package org.talkfeed.eval;

/** One scored field that was wrong: which file, which field, what the label says and what talkfeed said. */
public record Miss(String file, String field, String expected, String got) {
}
