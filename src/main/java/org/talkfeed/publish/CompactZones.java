package org.talkfeed.publish;

import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * VTIMEZONEs that hold only what a feed's events need: the offset change in force at the feed's first event and
 * every change up to its last one, from the Java runtime's time-zone rules (the rules that placed the events), each
 * kind of change (standard or daylight, from and to offsets, abbreviation) one observance with its onsets as RDATEs.
 * The rules that cover the span are the same as in the full history, so a reader places each event at the same instant.
 * A zone's full history back to the 1880s is some 140 lines; this is a few.
 */
final class CompactZones {
    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final LocalDateTime NO_CHANGE_SINCE = LocalDateTime.of(1970, 1, 1, 0, 0);

    /** VTIMEZONEs made, kept for feeds whose events span the same changes; past this many, the keeping starts again. */
    private static final int KEPT = 1_000;
    private final Map<List<Object>, String> rendered = new HashMap<>();

    /** Whether events in this zone are written with its TZID and a VTIMEZONE; otherwise they are written in UTC. */
    static boolean hasVTimeZone(String zone) {
        if (zone == null || zone.equals("UTC") || zone.startsWith("Etc/")) {
            return false;
        }
        try {
            return !(ZoneId.of(zone).normalized() instanceof ZoneOffset);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The VTIMEZONE, as content lines, of {@code zone} for events from {@code first} to {@code last}. */
    String vtimezone(String zone, Instant first, Instant last) {
        ZoneRules rules = ZoneId.of(zone).getRules();
        List<ZoneOffsetTransition> changes = new ArrayList<>();
        ZoneOffsetTransition inForce = rules.previousTransition(first.plusNanos(1));
        if (inForce != null) {
            changes.add(inForce);
        }
        // a change within a day after the last event still decides how a reader takes a local time near it (an end
        // in the repeated hour): keep it, as the full history would
        Instant until = last.plus(Duration.ofDays(1));
        for (ZoneOffsetTransition next = rules.nextTransition(inForce != null ? inForce.getInstant() : first);
             next != null && !next.getInstant().isAfter(until); next = rules.nextTransition(next.getInstant())) {
            changes.add(next);
        }
        ZoneOffset offsetAtFirst = rules.getOffset(first);
        LocalDateTime firstDay = LocalDateTime.ofInstant(first, offsetAtFirst).toLocalDate().atStartOfDay();
        LocalDateTime unchangedSince = changes.isEmpty() && firstDay.isBefore(NO_CHANGE_SINCE) ? firstDay : NO_CHANGE_SINCE;
        if (rendered.size() >= KEPT) {
            rendered.clear(); // a publisher lives as long as the daemon, and the feeds' spans move with the days
        }
        return rendered.computeIfAbsent(List.of(zone, changes, offsetAtFirst, unchangedSince),
                key -> FoldedLines.fold(build(zone, rules, changes, offsetAtFirst, unchangedSince, first).toString()));
    }

    private static VTimeZone build(String zone, ZoneRules rules, List<ZoneOffsetTransition> changes, ZoneOffset offsetAtFirst,
                                   LocalDateTime unchangedSince, Instant first) {
        VTimeZone vtz = new VTimeZone();
        vtz.add(new TzId(zone));
        if (changes.isEmpty()) {
            // the zone has kept one offset since before the first event
            Standard standard = new Standard();
            standard.add(new TzName(abbreviation(zone, first)));
            standard.add(new TzOffsetFrom(offsetAtFirst));
            standard.add(new TzOffsetTo(offsetAtFirst));
            standard.add(new DtStart<>(unchangedSince));
            vtz.add(standard);
            return vtz;
        }
        Map<List<Object>, List<LocalDateTime>> onsetsByKind = new LinkedHashMap<>();
        for (ZoneOffsetTransition change : changes) {
            List<Object> kind = List.of(rules.isDaylightSavings(change.getInstant()), change.getOffsetBefore(),
                    change.getOffsetAfter(), abbreviation(zone, change.getInstant()));
            onsetsByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(change.getDateTimeBefore());
        }
        onsetsByKind.forEach((kind, onsets) -> {
            Observance observance = (Boolean) kind.get(0) ? new Daylight() : new Standard();
            observance.add(new TzName((String) kind.get(3)));
            observance.add(new TzOffsetFrom((ZoneOffset) kind.get(1)));
            observance.add(new TzOffsetTo((ZoneOffset) kind.get(2)));
            observance.add(new DtStart<>(onsets.get(0)));
            if (onsets.size() > 1) {
                // the first onset is an RDATE too: ical.js takes DTSTART as an onset only when there is no RDATE or RRULE
                for (LocalDateTime onset : onsets) {
                    observance.add(new RDate<>(new DateList<>(onset)));
                }
            }
            vtz.add(observance);
        });
        return vtz;
    }

    private static String abbreviation(String zone, Instant at) {
        return ABBREVIATION.format(ZonedDateTime.ofInstant(at, ZoneId.of(zone)));
    }
}
