package org.talkfeed.extract;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The fields announcements label, each with the words people use for it. */
enum Label {
    WHEN("when", "termin", "wann", "quand", "date and time", "date & time", "date/time", "date / time", "time and date", "time & date",
            "datetime", "time/date"),
    DATE("date", "day", "dates", "datum", "tag"),
    TIME("time", "times", "hour", "zeit", "uhrzeit", "heure", "horaire"),
    WHERE("where", "place", "location", "room", "venue", "loc", "building", "in person", "in-person",
            "location/zoom", "where/zoom", "address", "ort", "raum", "veranstaltungsort", "wo", "lieu", "salle"),
    SPEAKER("who", "speaker", "speakers", "speaker(s)", "presenter", "presenters", "presenter(s)", "lecturer",
            "guest speaker", "invited speaker", "keynote speaker", "talk by", "by", "candidate", "phd candidate", "student",
            "lecture by", "presented by", "given by", "keynote", "name", "author", "lecturer(s)", "panelists", "panelist", "referent", "referentin", "referenten", "referentinnen",
            "referierende", "vortragende", "vortragender", "sprecher", "sprecherin", "redner", "rednerin", "gast",
            "orateur", "oratrice", "conférencier", "conférencière", "intervenant", "intervenante"),
    AFFILIATION("affiliation", "institution", "institute", "university", "organization", "organisation"),
    TITLE("title", "what", "topic", "talk title", "talk", "lecture title", "seminar title", "presentation title",
            "title of talk", "title of the talk", "subject", "titel", "thema", "vortragstitel", "titre", "sujet"),
    ABSTRACT("abstract", "summary", "description", "synopsis", "talk abstract", "overview", "zusammenfassung", "kurzfassung",
            "inhalt", "résumé", "resume"),
    BIO("bio", "biography", "speaker bio", "bio sketch", "biosketch", "short bio", "about the speaker",
            "speaker biography", "biographical sketch", "about"),
    HOST("host", "hosts", "host(s)", "hosted by", "faculty host", "organizer", "organizers", "organiser",
            "organisers", "organized by", "organised by", "contact", "moderator", "chair", "coordinator", "gastgeber",
            "veranstalter", "moderation", "kontakt"),
    LINK("zoom", "zoom link", "link", "join", "join link", "url", "webinar", "meeting link", "registration",
            "register", "teams", "teams link", "livestream", "live stream", "stream", "webex", "meeting id",
            "online", "virtual", "remote", "zoom meeting", "zoom webinar", "zoom info", "join zoom meeting", "join online",
            "online link", "zoom url", "attend online", "virtual link", "livestream link", "watch online", "join us online",
            "remote access", "video link", "meeting url", "webinar link", "registration link", "teilnahme", "anmeldung",
            "inscription"),
    SERIES("series", "seminar series", "event", "seminar", "colloquium");

    private final List<String> words;

    Label(String... words) {
        this.words = List.of(words);
    }

    private static final Map<String, Label> BY_WORD = Arrays.stream(values())
            .flatMap(l -> l.words.stream().map(w -> Map.entry(w, l)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    /** Every label word, longest first, so that a regex alternation prefers "date and time" over "date". */
    static List<String> allWords() {
        return BY_WORD.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static Label of(String word) {
        return BY_WORD.get(Spaces.collapse(word.toLowerCase(Locale.ROOT)).strip());
    }
}
