package org.talkfeed.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The invented vocabulary {@link EmailGenerator} writes with: people, places, titles, abstracts, and the
 * many ways a talk list writes a date, a time and a zone. Every choice comes from the given {@link Random}.
 */
final class TalkWords {
    private static final List<String> FIRST = List.of("Ada", "Bilal", "Chiara", "Dmitri", "Esther", "Farid", "Greta",
            "Hiroshi", "Imani", "Jonas", "Kavya", "Lorenzo", "Maren", "Nkechi", "Oskar", "Priya", "Quentin", "Rosalind",
            "Sanjay", "Tamsin", "Umberto", "Vesna", "Wen", "Ximena", "Yusuf", "Zofia", "Amara", "Benedikt", "Coralie",
            "Desmond", "Elif", "Fergus", "Halima", "Ingrid", "Jae-won", "Kofi", "Leilani", "Mattias", "Noor", "Orla");
    private static final List<String> LAST = List.of("Abernathy", "Bergström", "Castellanos", "Delacroix-Ng", "Eze",
            "Fairweather", "Grünewald", "Haddad", "Ishikawa", "Jovanović", "Kallistratos", "Lindqvist", "Mbeki",
            "Nakagawa", "Oyelaran", "Petrakis", "Quarshie", "Rasmussen", "Szabó", "Thorne", "Underhill", "Valdivia",
            "Whitcombe", "Xu", "Yamamoto", "Zielinski", "Achterberg", "Bhattacharya", "Conroy", "Dunmore", "Okonkwo",
            "Pemberton-Hale", "Ravindran", "Sørensen", "Tremblay", "van der Berg", "Wojcik", "Youssef");
    /** Names that ISO-8859-1 can carry, for the Latin-1 messages. */
    private static final List<String> LATIN1_FIRST = List.of("Joaquín", "Renée", "Søren", "Zoë", "François", "Inês",
            "Björn", "Agnès", "Mónica", "Jürgen", "Håkon", "Begoña", "Ólafur", "Cécile", "Raúl", "Anaïs");
    private static final List<String> LATIN1_LAST = List.of("Ibáñez", "Müller-Thal", "Ødegård", "Gonçalves", "Lefèvre",
            "Brännström", "Ðorðević", "Núñez", "Schäfer", "Désormeaux", "Åkesson", "Peña", "Þórsson", "Lindemüller");
    private static final List<String> TOWNS = List.of("Northbrook", "Carrow", "Elmstead", "Wyvern", "Lakeshore",
            "Harrowgate", "Southport", "Bayview", "Pinecrest", "Aldmere", "Kestrel Bay", "Marlowe", "Ostrava Ridge",
            "Fenwick", "Glenhollow", "Redcliffe");
    private static final List<String> BUILDINGS = List.of("Kellner Hall", "Harlow Building", "Sutherland Center",
            "Ames Laboratory", "Brightwater Hall", "Cobb Science Building", "Delgado Hall", "Engineering Annex");
    private static final List<String> ADJECTIVES = List.of("Scalable", "Robust", "Provable", "Adaptive", "Private",
            "Efficient", "Verified", "Interpretable", "Distributed", "Probabilistic", "Lightweight", "Causal",
            "Fair", "Incremental", "Quantum", "Sparse", "Learned", "Secure", "Energy-Aware", "Approximate");
    private static final List<String> NOUNS = List.of("Inference", "Compilers", "Consensus", "Storage Systems",
            "Graph Algorithms", "Type Systems", "Program Synthesis", "Language Models", "Sketches", "Schedulers",
            "Robot Planning", "Query Optimization", "Error Correction", "Cache Hierarchies", "Proof Assistants",
            "Packet Processing", "Sensor Networks", "Matrix Multiplication", "Code Review", "Garbage Collection");
    private static final List<String> DOMAINS = List.of("the Edge", "Healthcare Data", "Climate Models", "Genomics",
            "Autonomous Vehicles", "Cloud Databases", "Smart Contracts", "Low-Resource Languages", "Satellite Imagery",
            "Exascale Machines", "Online Marketplaces", "Public Transit", "Power Grids", "Wearable Devices");
    private static final List<String> SERIES = List.of("Theory Seminar", "Systems Colloquium", "ML Reading Group",
            "Distinguished Lecture", "PL Lunch", "Robotics Seminar", "HCI Forum", "Security Seminar",
            "Data Science Colloquium", "Graduate Student Seminar");
    private static final List<String> OPENERS = List.of("Modern %s increasingly depend on %s.",
            "Over the past decade, %s have moved from research prototypes to production, yet %s remain poorly understood.",
            "We revisit %s through the lens of %s.", "A central question in the study of %s is how to reason about %s.",
            "Practitioners deploying %s routinely struggle with %s.");
    private static final List<String> MIDDLES = List.of("We show that %s can be reduced to %s with only logarithmic overhead.",
            "Our approach combines %s with a careful analysis of %s.",
            "In experiments on %s, our prototype outperforms prior work on %s by a factor of three.",
            "The key insight is that %s admit a compact representation in terms of %s.",
            "We prove matching lower bounds, showing that %s cannot be improved without assumptions about %s.",
            "This is joint work with colleagues who build %s and study %s.",
            "Along the way we uncover surprising connections between %s and %s.");
    private static final List<String> CLOSERS = List.of("I will conclude with open problems and directions for future work.",
            "The talk is self-contained and assumes no background beyond undergraduate coursework.",
            "Time permitting, I will also discuss ongoing deployments.", "Refreshments will be served before the talk.");

    private final Random random;

    TalkWords(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    String person(boolean latin1) {
        return latin1 ? pick(LATIN1_FIRST) + " " + pick(LATIN1_LAST) : pick(FIRST) + " " + pick(LAST);
    }

    String affiliation() {
        String town = pick(TOWNS);
        return switch (random.nextInt(5)) {
            case 0 -> "University of " + town;
            case 1 -> town + " University";
            case 2 -> town + " Institute of Technology";
            case 3 -> town + " Research Labs";
            default -> town + " Polytechnic";
        };
    }

    String title() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(ADJECTIVES) + " " + pick(NOUNS) + " for " + pick(DOMAINS);
            case 1 -> pick(NOUNS) + ": " + pick(ADJECTIVES) + " Methods and Their Limits";
            case 2 -> "Towards " + pick(ADJECTIVES) + " " + pick(NOUNS);
            case 3 -> "On the Complexity of " + pick(ADJECTIVES) + " " + pick(NOUNS);
            default -> "What " + pick(NOUNS) + " Can Teach Us About " + pick(DOMAINS);
        };
    }

    /** A research area in running text: "probabilistic schedulers". */
    String topic() {
        return lower(pick(ADJECTIVES) + " " + pick(NOUNS));
    }

    String series() {
        return pick(SERIES);
    }

    String room() {
        return switch (random.nextInt(4)) {
            case 0 -> "Room " + between(100, 499) + ", " + pick(BUILDINGS);
            case 1 -> pick(BUILDINGS) + " " + between(100, 399);
            case 2 -> "Seminar Room " + between(1, 4) + "." + between(10, 40) + ", " + pick(BUILDINGS);
            default -> "Auditorium " + (char) ('A' + random.nextInt(4)) + ", " + pick(BUILDINGS);
        };
    }

    /** An abstract of one short paragraph, or sometimes a few hundred words in several. */
    String abstractText() {
        int paragraphs = chance(0.25) ? between(3, 5) : 1;
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) {
                text.append("\n\n");
            }
            text.append(String.format(pick(OPENERS), lower(pick(NOUNS)), lower(pick(NOUNS) + " for " + pick(DOMAINS))));
            int sentences = between(2, 6);
            for (int s = 0; s < sentences; s++) {
                text.append(' ').append(String.format(pick(MIDDLES), lower(pick(ADJECTIVES) + " " + pick(NOUNS)),
                        lower(pick(NOUNS))));
            }
        }
        return text.append(' ').append(pick(CLOSERS)).toString();
    }

    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n", -1)) {
            int column = 0;
            for (String word : paragraph.split(" ")) {
                if (column > 0 && column + word.length() + 1 > width) {
                    out.append('\n');
                    column = 0;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The date as a talk list writes it: weekday and month names, numeric, ISO, with or without the year. */
    String date(LocalDate d) {
        String day = d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
        String dy = d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
        String month = d.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
        String mon = d.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
        int n = d.getDayOfMonth();
        return switch (random.nextInt(7)) {
            case 0 -> day + ", " + month + " " + n + ", " + d.getYear();
            case 1 -> dy + ", " + mon + " " + n;
            case 2 -> day + ", " + month + " " + n + ordinal(n);
            case 3 -> d.getMonthValue() + "/" + n + "/" + d.getYear();
            case 4 -> d.toString();
            case 5 -> day + " " + n + " " + month + " " + d.getYear();
            default -> dy + " " + d.getMonthValue() + "/" + n;
        };
    }

    private static String ordinal(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** A start (and sometimes end) time: "4pm", "4:00-5:15 PM", "16:00–17:00", "12 noon". */
    String time(LocalTime start, int minutes) {
        LocalTime end = start.plusMinutes(minutes);
        int h = start.getHour() % 12 == 0 ? 12 : start.getHour() % 12;
        int eh = end.getHour() % 12 == 0 ? 12 : end.getHour() % 12;
        String ampm = start.getHour() < 12 ? "am" : "pm";
        String sm = String.format("%02d", start.getMinute());
        String em = String.format("%02d", end.getMinute());
        return switch (random.nextInt(6)) {
            case 0 -> h + (start.getMinute() == 0 ? "" : ":" + sm) + ampm;
            case 1 -> h + ":" + sm + "-" + eh + ":" + em + " " + ampm.toUpperCase(Locale.ROOT);
            case 2 -> String.format("%02d:%s–%02d:%s", start.getHour(), sm, end.getHour(), em);
            case 3 -> h + ":" + sm + " " + (ampm.equals("am") ? "a.m." : "p.m.");
            case 4 -> start.getHour() == 12 && start.getMinute() == 0 ? "12:00 noon" : h + ":" + sm + " " + ampm;
            default -> String.format("%d:%s", start.getHour(), sm);
        };
    }

    /** One of the talk's possible zones: the word written after the time and the Date header's offset. */
    record Zone(String word, String winterOffset, String summerOffset) {
        String offset(LocalDate on) {
            int m = on.getMonthValue();
            return m > 3 && m < 11 ? summerOffset : winterOffset;
        }
    }

    private static final List<Zone> ZONES = List.of(new Zone("CT", "-0600", "-0500"), new Zone("ET", "-0500", "-0400"),
            new Zone("UTC", "+0000", "+0000"), new Zone("PT", "-0800", "-0700"), new Zone("CST", "-0600", "-0600"),
            new Zone("EDT", "-0400", "-0400"), new Zone("Central Time", "-0600", "-0500"),
            new Zone("(Chicago time)", "-0600", "-0500"), new Zone("CET", "+0100", "+0200"), new Zone("GMT", "+0000", "+0100"),
            new Zone("", "-0600", "-0500"), new Zone("", "+0100", "+0200"), new Zone("", "-0500", "-0400"));

    Zone zone() {
        return pick(ZONES);
    }

    /** A weekday-anchored talk date in 2026 or 2027. */
    LocalDate talkDate() {
        LocalDate d = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(700));
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(2) : d;
    }

    LocalTime talkTime() {
        return LocalTime.of(between(9, 17), pick(List.of(0, 0, 0, 15, 30, 30, 45)));
    }
}
