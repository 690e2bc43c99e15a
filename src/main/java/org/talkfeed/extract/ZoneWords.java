package org.talkfeed.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the ways people write a time zone ("CT", "EDT", "Central Time", "Chicago time", "UTC+2") to
 * IANA zone ids. Abbreviations name a region, not a fixed offset: "EST" written in July means New York time.
 */
final class ZoneWords {
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("CT", "America/Chicago"), Map.entry("CST", "America/Chicago"), Map.entry("CDT", "America/Chicago"),
            Map.entry("ET", "America/New_York"), Map.entry("EST", "America/New_York"), Map.entry("EDT", "America/New_York"),
            Map.entry("PT", "America/Los_Angeles"), Map.entry("PST", "America/Los_Angeles"), Map.entry("PDT", "America/Los_Angeles"),
            Map.entry("MT", "America/Denver"), Map.entry("MST", "America/Denver"), Map.entry("MDT", "America/Denver"),
            Map.entry("AKST", "America/Anchorage"), Map.entry("AKDT", "America/Anchorage"), Map.entry("HST", "Pacific/Honolulu"),
            Map.entry("GMT", "UTC"), Map.entry("UTC", "UTC"), Map.entry("UT", "UTC"), Map.entry("Z", "UTC"),
            Map.entry("BST", "Europe/London"), Map.entry("WET", "Europe/Lisbon"), Map.entry("WEST", "Europe/Lisbon"),
            Map.entry("CET", "Europe/Berlin"), Map.entry("CEST", "Europe/Berlin"), Map.entry("MEZ", "Europe/Berlin"),
            Map.entry("MESZ", "Europe/Berlin"), Map.entry("EET", "Europe/Athens"), Map.entry("EEST", "Europe/Athens"),
            Map.entry("MSK", "Europe/Moscow"), Map.entry("IST", "Asia/Kolkata"), Map.entry("JST", "Asia/Tokyo"),
            Map.entry("KST", "Asia/Seoul"), Map.entry("HKT", "Asia/Hong_Kong"), Map.entry("SGT", "Asia/Singapore"),
            Map.entry("AEST", "Australia/Sydney"), Map.entry("AEDT", "Australia/Sydney"), Map.entry("ACST", "Australia/Adelaide"),
            Map.entry("AWST", "Australia/Perth"), Map.entry("NZST", "Pacific/Auckland"), Map.entry("NZDT", "Pacific/Auckland"),
            Map.entry("BRT", "America/Sao_Paulo"));
    private static final Map<String, String> REGIONS = Map.ofEntries(
            Map.entry("central", "America/Chicago"), Map.entry("eastern", "America/New_York"),
            Map.entry("pacific", "America/Los_Angeles"), Map.entry("mountain", "America/Denver"),
            Map.entry("central european", "Europe/Berlin"), Map.entry("eastern european", "Europe/Athens"),
            Map.entry("western european", "Europe/Lisbon"), Map.entry("british", "Europe/London"),
            Map.entry("uk", "Europe/London"), Map.entry("indian", "Asia/Kolkata"), Map.entry("japan", "Asia/Tokyo"),
            Map.entry("korea", "Asia/Seoul"), Map.entry("china", "Asia/Shanghai"), Map.entry("beijing", "Asia/Shanghai"),
            Map.entry("greenwich mean", "UTC"), Map.entry("coordinated universal", "UTC"), Map.entry("universal", "UTC"),
            Map.entry("israel", "Asia/Jerusalem"), Map.entry("swiss", "Europe/Zurich"), Map.entry("german", "Europe/Berlin"),
            Map.entry("paris", "Europe/Paris"), Map.entry("french", "Europe/Paris"), Map.entry("atlantic", "America/Halifax"),
            Map.entry("hawaii", "Pacific/Honolulu"), Map.entry("alaska", "America/Anchorage"), Map.entry("bay area", "America/Los_Angeles"),
            Map.entry("boston", "America/New_York"), Map.entry("pittsburgh", "America/New_York"), Map.entry("seattle", "America/Los_Angeles"),
            Map.entry("san francisco", "America/Los_Angeles"), Map.entry("california", "America/Los_Angeles"),
            Map.entry("beijing/shanghai", "Asia/Shanghai"));
    private static final Map<String, String> CITIES = cities();
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?<![A-Za-z])(" + String.join("|", ABBREVIATIONS.keySet().stream()
                    .sorted((x, y) -> y.length() - x.length()).toList()) + ")(?![A-Za-z])(?:\\s*(?<sign>[+-])\\s*(?<h>\\d{1,2})(?::?(?<m>\\d{2}))?)?");
    private static final Pattern NAMED = Pattern.compile(
            "\\b([A-Z][A-Za-z.]+(?:[ /][A-Z][A-Za-z.]+){0,2})\\s+(?:standard\\s+|daylight\\s+|summer\\s+)?time\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String ABBREVIATION_FIRST_LETTERS = ABBREVIATIONS.keySet().stream().map(a -> a.substring(0, 1))
            .distinct().collect(java.util.stream.Collectors.joining());
    private static final Literals NAMED_WORD = Literals.of("time");
    /** Zones in the order they are tried when only a UTC offset is known, each resolved once with its rules. */
    private static final List<ZoneId> LIKELY_BY_OFFSET = java.util.stream.Stream.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Europe/Athens", "Asia/Kolkata", "Asia/Shanghai",
            "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo", "Asia/Jerusalem", "Europe/Moscow", "Asia/Dubai",
            "Asia/Singapore", "Pacific/Auckland", "America/Anchorage", "Pacific/Honolulu", "America/Phoenix",
            "Atlantic/Reykjavik", "America/Halifax", "Asia/Seoul", "Asia/Tehran", "Australia/Adelaide", "Asia/Kathmandu")
            .map(ZoneId::of).toList();

    private ZoneWords() {
    }

    /** A zone stated in the text, as an IANA id, or null. */
    static String find(String text) {
        PatternScan scan = new PatternScan(ABBREVIATION, text, (t, i) -> ABBREVIATION_FIRST_LETTERS.indexOf(t.charAt(i)) >= 0);
        Matcher a = scan.matcher();
        while (scan.find()) {
            String word = a.group(1);
            if (a.group("sign") != null && (word.equals("UTC") || word.equals("GMT"))) {
                return fixedOffset(a.group("sign"), a.group("h"), a.group("m"));
            }
            if (word.length() >= 3 || textHasTimeBefore(text, a.start())) {
                return ABBREVIATIONS.get(word);
            }
        }
        if (!NAMED_WORD.inAnyCase(text)) {
            return null;
        }
        Matcher n = NAMED.matcher(text);
        while (n.find()) {
            String zone = named(n.group(1));
            if (zone != null) {
                return zone;
            }
        }
        return null;
    }

    private static final Pattern TIME_BEFORE = Pattern.compile("(\\d|[ap]\\.?m\\.?|noon)\\s*\\(?\\s*$", Pattern.CASE_INSENSITIVE);

    /** Short abbreviations ("ET", "CT") count only right after a time: "ET" alone is too often something else. */
    private static boolean textHasTimeBefore(String text, int at) {
        return TIME_BEFORE.matcher(text.substring(Math.max(0, at - 10), at)).find();
    }

    private static final Pattern SEASON_WORD = Pattern.compile("\\s+(?:standard|daylight|summer)$");

    private static String named(String words) {
        String w = words.toLowerCase(Locale.ROOT).replace('.', ' ').strip();
        w = SEASON_WORD.matcher(w).replaceFirst(""); // "UK Summer Time": the greedy words took "Summer"
        for (int drop = 0; drop < 3; drop++) {
            if (REGIONS.containsKey(w)) {
                return REGIONS.get(w);
            }
            if (CITIES.containsKey(w)) {
                return CITIES.get(w);
            }
            int space = w.indexOf(' ');
            if (space < 0) {
                break;
            }
            w = w.substring(space + 1);
        }
        return null;
    }

    private static String fixedOffset(String sign, String hours, String minutes) {
        int h = Integer.parseInt(hours);
        if (h > 14) {
            return null;
        }
        if (minutes != null && Integer.parseInt(minutes) > 59) {
            return null;
        }
        if (minutes != null && !minutes.equals("00")) {
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign.equals("-") ? -h : h,
                    (sign.equals("-") ? -1 : 1) * Integer.parseInt(minutes));
            return byOffset(offset, Instant.now());
        }
        if (h == 0) {
            return "UTC";
        }
        // IANA's Etc zones count west-positive: UTC+2 is Etc/GMT-2. They span UTC-12 to UTC+14 only.
        String id = "Etc/GMT" + (sign.equals("+") ? "-" : "+") + h;
        return ZoneId.getAvailableZoneIds().contains(id) ? id : null;
    }

    /** The named zones, most likely first, that have this offset at this instant. */
    static List<ZoneId> zonesWithOffset(ZoneOffset offset, Instant at) {
        return LIKELY_BY_OFFSET.stream().filter(zone -> zone.getRules().getOffset(at).equals(offset)).toList();
    }

    /** The most likely named zone that has this offset at this instant, or null. */
    static String byOffset(ZoneOffset offset, Instant at) {
        List<ZoneId> named = zonesWithOffset(offset, at);
        if (!named.isEmpty()) {
            return named.get(0).getId();
        }
        if (offset.getTotalSeconds() % 3600 == 0) {
            int h = offset.getTotalSeconds() / 3600;
            return h == 0 ? "UTC" : "Etc/GMT" + (h > 0 ? "-" : "+") + Math.abs(h);
        }
        return null;
    }

    private static Map<String, String> cities() {
        Map<String, String> byCity = new HashMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            int slash = id.lastIndexOf('/');
            if (slash < 0 || id.startsWith("Etc/") || id.startsWith("SystemV/")) {
                continue;
            }
            String city = id.substring(slash + 1).replace('_', ' ').toLowerCase(Locale.ROOT);
            byCity.putIfAbsent(city, id);
        }
        return byCity;
    }
}
