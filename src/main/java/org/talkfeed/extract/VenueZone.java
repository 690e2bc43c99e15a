package org.talkfeed.extract;

import org.talkfeed.extract.Gazetteer.Mention;
import org.talkfeed.extract.Gazetteer.Place;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time zone of the place a text names: a city there, settled by a state, province or country named with it; else
 * that region's own zone. A name shared by places in different zones goes to the largest, and the note says so.
 */
final class VenueZone {
    /** @param zone IANA id; @param from the words it was read from; @param note why one of several places was taken, or null */
    record Found(String zone, String from, String note) {
    }

    /** Words after a place's name that make it an institution there ("Boston University", "Tokyo Institute of ..."). */
    private static final Set<String> INSTITUTION = Set.of("university", "universität", "universitat", "université",
            "institute", "college", "polytechnic", "state", "tech", "school", "hospital", "campus", "city", "metropolitan");
    /** A room number or code after a name: "Tyler 101", "Mesa B12". */
    private static final Pattern ROOM = Pattern.compile("[ \\t]+\\p{L}?\\d{1,4}\\p{L}?\\b");
    /** How far after a name its next word is looked for. */
    private static final int AFTER = 40;
    /** Running text: the words and marks before a name, read backwards to what introduces it. */
    private static final Pattern WORD_OR_MARK = Pattern.compile("[\\p{L}\\p{N}.']+|\\S");
    /** Words that may stand inside an institution's or a place's name: "University of", "École des". */
    private static final Set<String> NAME_JOINERS = Set.of("of", "the", "de", "du", "des", "di", "der", "la", "le", "für", "&",
            ",", "-", "–");
    /** What introduces a place in running text: "at the University of Tokyo", "in Paris", "4pm, ETH Zürich". */
    private static final Set<String> PLACE_INTRODUCERS = Set.of("at", "in", "near", "am", "pm", "a.m.", "p.m.");

    private VenueZone() {
    }

    /**
     * The zone of the place the text names, or null.
     *
     * @param prose true for running text, where a name counts only where something introduces a place ("in Paris",
     *              "at the University of Tokyo"); false for a location, which names nothing else
     */
    static Found in(String text, boolean prose) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Mention> mentions = new ArrayList<>();
        for (Mention m : Gazetteer.shared().find(text)) {
            if (isPlaceHere(m, text, prose)) {
                mentions.add(m);
            }
        }
        if (mentions.isEmpty()) {
            return null;
        }
        List<Place> regions = mentions.stream().flatMap(m -> m.places().stream()).filter(p -> !p.city()).toList();
        Mention city = null;
        List<Place> within = List.of();
        for (Mention m : mentions) {
            List<Place> cities = m.places().stream().filter(Place::city).toList();
            List<Place> settled = regions.isEmpty() ? cities
                    : cities.stream().filter(c -> regions.stream().anyMatch(r -> lies(c, r))).toList();
            if (!settled.isEmpty()) {
                city = m;
                within = settled;
                break;
            }
        }
        if (city != null) {
            return largest(city, within, mentions, text);
        }
        Mention region = null;
        for (Mention m : mentions) {
            if (m.places().stream().anyMatch(p -> !p.city() && p.zone() != null)) {
                region = m; // "Washington, DC": the later, narrower name
            }
        }
        if (region == null) {
            return null;
        }
        Place place = region.places().stream().filter(p -> !p.city() && p.zone() != null).findFirst().orElseThrow();
        return new Found(place.zone(), region.text(), null);
    }

    private static Found largest(Mention city, List<Place> candidates, List<Mention> mentions, String text) {
        Place biggest = candidates.stream().max(Comparator.comparingLong(Place::population)).orElseThrow();
        boolean otherZones = candidates.stream().anyMatch(p -> !sameRules(p.zone(), biggest.zone()));
        String note = null;
        if (otherZones) {
            String where = biggest.state().isEmpty() ? biggest.country() : biggest.state() + ", " + biggest.country();
            note = "'" + city.text() + "' names places in more than one zone; took the largest, in " + where;
        }
        return new Found(biggest.zone(), withRegion(city, mentions, text), note);
    }

    /** The city's name with a region named right after it ("Portland, Maine"), as the words the zone came from. */
    private static String withRegion(Mention city, List<Mention> mentions, String text) {
        int end = city.end();
        for (Mention m : mentions) {
            if (m.start() >= end && m.start() - end <= 3 && m.places().stream().anyMatch(p -> !p.city())) {
                end = m.end();
            }
        }
        return text.substring(city.start(), end);
    }

    private static boolean lies(Place city, Place region) {
        return city.country().equals(region.country())
                && (region.state().isEmpty() || Gazetteer.spelled(region.state()).equals(Gazetteer.spelled(city.state())));
    }

    private static boolean sameRules(String a, String b) {
        return a.equals(b) || ZoneId.of(a).getRules().equals(ZoneId.of(b).getRules());
    }

    private static boolean isPlaceHere(Mention m, String text, boolean prose) {
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + AFTER));
        String next = nextWord(after);
        boolean institution = INSTITUTION.contains(next.toLowerCase(Locale.ROOT));
        if (ROOM.matcher(after).lookingAt()) {
            return false;
        }
        if (!institution && next.length() > 1 && Character.isUpperCase(next.charAt(0))
                && next.substring(1).equals(next.substring(1).toLowerCase(Locale.ROOT)) && startsWithSpaceOnly(after)) {
            return false; // "Lincoln Hall", "Nancy Lynch", "Van Vleck": a building or a person named after a place
        }
        return !prose || introducedAsPlace(text, m.start());
    }

    /**
     * In running text a name counts where something introduces it as a place: "at" or "in", or a date or time
     * before it, with only the words of a name between ("at the University of Tokyo", "4pm, ETH Zürich"); not
     * after a person's name ("Ada Byron, University of Tokyo") or in brackets.
     */
    private static boolean introducedAsPlace(String text, int start) {
        int line = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        List<String> before = new ArrayList<>();
        Matcher words = WORD_OR_MARK.matcher(text.substring(Math.max(line, start - 80), start));
        while (words.find()) {
            before.add(words.group());
        }
        for (int i = before.size() - 1; i >= 0; i--) {
            String word = before.get(i);
            String lower = word.toLowerCase(Locale.ROOT);
            if (PLACE_INTRODUCERS.contains(lower) || Character.isDigit(word.charAt(0))) {
                return true;
            }
            if (!NAME_JOINERS.contains(lower) && !Character.isUpperCase(word.charAt(0))) {
                return false;
            }
        }
        return false;
    }

    private static boolean startsWithSpaceOnly(String after) {
        return !after.isEmpty() && (after.charAt(0) == ' ' || after.charAt(0) == '\t');
    }

    private static String nextWord(String after) {
        int i = 0;
        while (i < after.length() && (after.charAt(i) == ' ' || after.charAt(i) == '\t')) {
            i++;
        }
        int start = i;
        while (i < after.length() && Character.isLetter(after.charAt(i))) {
            i++;
        }
        return after.substring(start, i);
    }
}
