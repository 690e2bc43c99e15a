package org.talkfeed.talk;

/** A person giving a talk; the affiliation is null when the announcement names none. */
public record Speaker(String name, String affiliation) {

    /** "Name (Affiliation)", or the name alone. */
    public String withAffiliation() {
        return affiliation == null ? name : name + " (" + affiliation + ")";
    }
}
