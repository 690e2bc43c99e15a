package org.talkfeed.text;

import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a Date header leniently (RFC 5322 and the common ways mailers bend it), keeping its UTC offset. */
public final class MailDates {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*"
                    + "([+-]\\d{4}|[A-Za-z]{1,5})?");
    private static final Map<String, Integer> OBSOLETE_ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7));
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private MailDates() {
    }

    /** The header's date and offset, or null when it cannot be read. */
    public static ZonedDateTime parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = DATE.matcher(header);
        if (!m.find()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT));
        if (month < 0 || month % 3 != 0) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (year < 50) {
            year += 2000;
        } else if (year < 1000) {
            year += 1900;
        }
        try {
            return ZonedDateTime.of(year, month / 3 + 1, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), 0, offset(m.group(7)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The offset of a Date header's zone: "+0100", "-0500", or an RFC 822 name ("CST"); UTC when unknown. */
    public static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        if (zone.startsWith("+") || zone.startsWith("-")) {
            int sign = zone.charAt(0) == '-' ? -1 : 1;
            int hours = Integer.parseInt(zone.substring(1, 3));
            int minutes = Integer.parseInt(zone.substring(3, 5));
            if (hours > 18 || minutes > 59) {
                return ZoneOffset.UTC;
            }
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        return ZoneOffset.ofHours(OBSOLETE_ZONES.getOrDefault(zone.toUpperCase(Locale.ROOT), 0));
    }
}
