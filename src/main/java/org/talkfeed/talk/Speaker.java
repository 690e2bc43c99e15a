package org.talkfeed.talk;

/** A person giving a talk; the affiliation is null when the announcement names none. */
public record Speaker(String name, String affiliation) {
}
