package org.talkfeed.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Time-zone names as calendar programs write them in TZID, to IANA zone ids: IANA ids themselves, the Windows
 * names of Outlook and Exchange ("Eastern Standard Time", from the table in {@code windows-zones.txt}), and the
 * path-prefixed ids of older Lightning and other programs ("/mozilla.org/20050126_1/America/New_York").
 */
final class CalendarZones {
    private static final Map<String, String> WINDOWS = load("windows-zones.txt");

    private CalendarZones() {
    }

    /** The IANA id the name stands for, or null when it names no zone talkfeed knows. */
    static String iana(String tzid) {
        if (tzid == null) {
            return null;
        }
        String name = tzid.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        if (name.isEmpty() || name.length() > 100) {
            return null;
        }
        String windows = WINDOWS.get(name.toLowerCase(Locale.ROOT));
        if (windows != null) {
            return windows;
        }
        String region = region(name);
        if (region != null) {
            return region;
        }
        // a path whose last segments are an IANA id: try "Area/City", then "Area/Sub/City"
        String[] segments = name.split("/");
        for (int take = 2; take <= 3 && take < segments.length; take++) {
            String tail = String.join("/", java.util.Arrays.copyOfRange(segments, segments.length - take, segments.length));
            region = region(tail);
            if (region != null) {
                return region;
            }
        }
        return null;
    }

    /** Whether the id is an IANA zone a talk can carry. */
    static boolean isIana(String id) {
        return id != null && region(id) != null;
    }

    /** A named zone (not a bare offset), as Java knows it, or null. */
    private static String region(String name) {
        if (!name.contains("/") && !name.equals("UTC") && !name.equals("GMT")) {
            return null; // "EST", "CET" and the like are ambiguous abbreviations, not ids
        }
        try {
            ZoneId zone = ZoneId.of(name);
            return zone instanceof ZoneOffset ? null : zone.getId();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = CalendarZones.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int eq = line.lastIndexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                table.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
