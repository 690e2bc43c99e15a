package org.talkfeed.eval;

import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Scores the talks of one email against its labels, as corpus/SCHEMA.md says: greedy pairing by
 * similarity, then each field right or wrong; an unpaired labeled talk is wrong on every field it is scored on.
 */
final class TalkScorer {
    private static final String TRIM = "<>()[].,; \t";

    /** A field verdict: the field, whether it is scored for this labeled talk, and whether it was right. */
    record Verdict(Field field, boolean right, String expected, String got) {
    }

    record Pairing(Talk labeled, Talk predicted) {
    }

    static List<Pairing> pair(List<Talk> labeled, List<Talk> predicted) {
        record Candidate(int l, int p, double score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int l = 0; l < labeled.size(); l++) {
            for (int p = 0; p < predicted.size(); p++) {
                candidates.add(new Candidate(l, p, similarity(labeled.get(l), predicted.get(p))));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Talk[] pairedWith = new Talk[labeled.size()];
        boolean[] used = new boolean[predicted.size()];
        for (Candidate c : candidates) {
            if (c.score() <= 0 || pairedWith[c.l()] != null || used[c.p()]) {
                continue;
            }
            pairedWith[c.l()] = predicted.get(c.p());
            used[c.p()] = true;
        }
        List<Pairing> pairs = new ArrayList<>();
        for (int l = 0; l < labeled.size(); l++) {
            pairs.add(new Pairing(labeled.get(l), pairedWith[l]));
        }
        return pairs;
    }

    private static double similarity(Talk a, Talk b) {
        double score = 0;
        score += Objects.equals(a.date(), b.date()) && a.date() != null ? 1 : 0;
        score += Objects.equals(a.start(), b.start()) && a.start() != null ? 1 : 0;
        score += TextNorm.tokenF1(a.title(), b.title());
        score += speakerOverlap(a, b);
        return score;
    }

    private static double speakerOverlap(Talk a, Talk b) {
        var x = TextNorm.personNames(a.speakers().stream().map(Speaker::name).toList());
        var y = TextNorm.personNames(b.speakers().stream().map(Speaker::name).toList());
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        long common = x.stream().filter(y::contains).count();
        return (double) common / Math.max(x.size(), y.size());
    }

    static List<Verdict> score(Talk label, Talk got) {
        List<Verdict> verdicts = new ArrayList<>();
        BiConsumer<Field, Boolean> add = (field, right) -> verdicts.add(new Verdict(field, right,
                show(field, label), got == null ? "(no talk)" : show(field, got)));
        Optional<Talk> g = Optional.ofNullable(got);
        add.accept(Field.DATE, g.map(t -> Objects.equals(t.date(), label.date())).orElse(false));
        add.accept(Field.START, g.map(t -> Objects.equals(t.start(), label.start())).orElse(false));
        add.accept(Field.END, g.map(t -> Objects.equals(t.end(), label.end())).orElse(false));
        if (label.timezone() != null) {
            add.accept(Field.TIMEZONE, g.map(t -> sameOffset(label, t)).orElse(false));
        }
        add.accept(Field.SPEAKER, g.map(t -> TextNorm.personNames(names(t)).equals(TextNorm.personNames(names(label))))
                .orElse(false));
        String labelAffiliation = label.speakers().isEmpty() ? null : label.speakers().get(0).affiliation();
        if (labelAffiliation != null) {
            add.accept(Field.AFFILIATION, g.map(t -> !t.speakers().isEmpty()
                    && TextNorm.tokenF1(labelAffiliation, t.speakers().get(0).affiliation()) >= 0.6).orElse(false));
        }
        add.accept(Field.TITLE, g.map(t -> bothNullOr(label.title(), t.title(), 0.9)).orElse(false));
        add.accept(Field.LOCATION, g.map(t -> bothNullOr(label.location(), t.location(), 0.6)).orElse(false));
        if (label.host() != null) {
            add.accept(Field.HOST, g.map(t -> TextNorm.tokenF1(label.host(), t.host()) >= 0.67).orElse(false));
        }
        add.accept(Field.ONLINE, g.map(t -> t.online() == label.online()).orElse(false));
        if (label.url() != null) {
            add.accept(Field.URL, g.map(t -> trim(label.url()).equals(trim(t.url()))).orElse(false));
        }
        return verdicts;
    }

    private static List<String> names(Talk t) {
        return t.speakers().stream().map(Speaker::name).toList();
    }

    private static boolean bothNullOr(String label, String got, double threshold) {
        if (label == null || got == null) {
            return label == null && got == null;
        }
        return TextNorm.tokenF1(label, got) >= threshold;
    }

    private static boolean sameOffset(Talk label, Talk got) {
        if (got.timezone() == null || label.date() == null) {
            return false;
        }
        LocalTime at = label.start() != null ? label.start() : LocalTime.NOON;
        try {
            return ZonedDateTime.of(label.date(), at, ZoneId.of(label.timezone())).getOffset()
                    .equals(ZonedDateTime.of(label.date(), at, ZoneId.of(got.timezone())).getOffset());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String trim(String url) {
        if (url == null) {
            return "";
        }
        int start = 0;
        int end = url.length();
        while (start < end && TRIM.indexOf(url.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRIM.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(start, end);
    }

    private static String show(Field field, Talk t) {
        Object value = switch (field) {
            case DATE -> t.date();
            case START -> t.start();
            case END -> t.end();
            case TIMEZONE -> t.timezone();
            case SPEAKER -> names(t);
            case AFFILIATION -> t.speakers().isEmpty() ? null : t.speakers().get(0).affiliation();
            case TITLE -> t.title();
            case LOCATION -> t.location();
            case HOST -> t.host();
            case ONLINE -> t.online();
            case URL -> t.url();
        };
        return String.valueOf(value);
    }
}
