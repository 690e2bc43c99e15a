package org.talkfeed.extract;

/** One labeled value of an announcement and the line it starts on. */
record Field(Label label, String value, int line) {
}
