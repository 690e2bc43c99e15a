package org.talkfeed.announce;

import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Talks for the round-trip test, from a seed: names and affiliations in several scripts, one to three speakers,
 * in person, hybrid or online only, with and without an end, host, series and abstract, on days around a daylight
 * saving change of their zone (and in zones without one).
 */
final class GeneratedTalks {
    static final List<String> ZONES = List.of("America/Chicago", "America/New_York", "America/Los_Angeles", "Europe/Berlin",
            "Europe/London", "Australia/Sydney", "America/Sao_Paulo", "Asia/Tokyo", "Asia/Kolkata", "UTC");
    private static final List<String> GIVEN = List.of("Ana", "José", "Zoë", "Łukasz", "Søren", "Ngozi", "Chloé", "Dmitri", "Siobhán",
            "Mei", "Haruki", "Élodie", "Mikael", "Ayşe", "Björn", "Priya", "Ruairí", "Tomás", "Žofie", "Kwame");
    private static final List<String> FAMILY = List.of("Ruiz", "Núñez", "Kowalczyk", "Østergaard", "Okafor", "Dubois", "Ó Briain",
            "Lindqvist", "Yılmaz", "Van der Berg", "Nakamura", "Müller", "García-López", "Mensah", "Novák", "O'Neill", "Iyer");
    /** Whole names written in scripts without letter case or outside Latin. */
    private static final List<String> OTHER_SCRIPTS = List.of("Иван Петров", "Ευάγγελος Παπαδόπουλος", "山田 太郎", "김 민준",
            "محمد العلي", "דוד לוי", "अनन्या शर्मा", "Олена Коваленко", "王 芳", "Νίκος Κάρρας");
    private static final List<String> AFFILIATIONS = List.of("University of Chicago", "ETH Zürich", "Université Paris-Saclay",
            "Københavns Universitet", "Technische Universität München", "Universidad de São Paulo", "Kyoto University",
            "МГУ имени М. В. Ломоносова", "東京大学", "Indian Institute of Science", "Google Research", "Tel Aviv University",
            "Πανεπιστήμιο Αθηνών", "Max Planck Institute for Informatics");
    private static final List<String> TOPIC = List.of("Sparse graphs", "Quantum error correction", "Learning-augmented algorithms",
            "Type inference", "Differential privacy", "Proof assemblies", "Streaming lower bounds", "Neural scaling",
            "Verified compilers", "Random walks", "Cryptographic agility", "Mechanism design", "Graph minors");
    private static final List<String> TAIL = List.of("and their minors", "at scale", "in practice", "revisited",
            "for the rest of us", "without tears", "beyond worst case", "under uncertainty", "über alles?", "— a survey");
    private static final List<String> ROOMS = List.of("Room 3105, Siebel Center", "Gates Hall 122", "Hörsaal 1, Hauptgebäude",
            "Salle 2.14, Bâtiment Turing", "Auditorium B", "Lecture Theatre 3, Kings Building", "Seminarraum 0.01");
    private static final List<String> SERIES = List.of("Theory Seminar", "Colloquium Informatique", "PL Lunch", "Kolloquium");
    private static final List<String> ABSTRACTS = List.of(
            "We show that every sparse graph excludes a minor of bounded size, and what follows for algorithms.",
            "Wir zeigen, wie man Fehler korrigiert.\n\nA second paragraph, in English, with a formula: x² + y² = z².",
            "Nous présentons une méthode nouvelle. The talk is self-contained.");

    private final Random random;
    private int made;

    GeneratedTalks(long seed) {
        this.random = new Random(seed);
    }

    /** A talk, and the instant it is announced: a few days to three weeks before. */
    record Generated(Talk talk, Instant announced) {
    }

    Generated next() {
        made++;
        String zone = pick(ZONES);
        LocalDate date = aroundTransition(ZoneId.of(zone));
        LocalTime start = LocalTime.of(9 + random.nextInt(10), 15 * random.nextInt(4));
        LocalTime end = random.nextBoolean() ? start.plusMinutes(45 + 15 * random.nextInt(5)) : null;
        if (end != null && end.isBefore(start)) {
            end = null;
        }
        List<Speaker> speakers = new ArrayList<>();
        int count = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            String name = random.nextInt(4) == 0 ? pick(OTHER_SCRIPTS) : pick(GIVEN) + " " + pick(FAMILY);
            if (speakers.stream().anyMatch(s -> s.name().equals(name))) {
                continue;
            }
            speakers.add(new Speaker(name, random.nextInt(5) == 0 ? null : pick(AFFILIATIONS)));
        }
        int where = random.nextInt(3); // 0 in person, 1 hybrid, 2 online only
        String location = where == 2 ? null : pick(ROOMS);
        boolean online = where > 0;
        String url = online ? "https://meet.example.org/j/" + (100000 + made) : null;
        String title = pick(TOPIC) + " " + pick(TAIL);
        Talk talk = new Talk(title, speakers, date, start, end, zone, location, online, url,
                random.nextBoolean() ? pick(GIVEN) + " " + pick(FAMILY) : null, random.nextBoolean() ? pick(SERIES) : null,
                random.nextInt(10) < 7 ? pick(ABSTRACTS) : null, null, 1.0, List.of());
        Instant announced = date.minusDays(2 + random.nextInt(20)).atTime(9, 30).atZone(ZoneId.of(zone)).toInstant();
        return new Generated(talk, announced);
    }

    /** A day within a week of one of the zone's daylight saving changes in 2026 or 2027, or any day without one. */
    private LocalDate aroundTransition(ZoneId zone) {
        Instant from = LocalDate.of(2026, 1, 1 + random.nextInt(28)).plusMonths(random.nextInt(18)).atStartOfDay(zone).toInstant();
        ZoneOffsetTransition next = zone.getRules().nextTransition(from);
        LocalDate base = next == null ? LocalDate.ofInstant(from, zone) : next.getDateTimeAfter().toLocalDate();
        return base.plusDays(random.nextInt(15) - 7);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
