package org.talkfeed.extract;

import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkIdentity;

import java.util.ArrayList;
import java.util.List;

/**
 * One talk described twice in a message (a header block and the body, or a summary and the details)
 * becomes one: same day, compatible times, and no speaker or title that disagrees.
 */
final class SameTalk {
    private SameTalk() {
    }

    static List<Talk> merge(List<Talk> talks) {
        List<Talk> merged = new ArrayList<>();
        for (Talk talk : talks) {
            int same = -1;
            for (int i = 0; i < merged.size(); i++) {
                if (describeTheSame(merged.get(i), talk)) {
                    same = i;
                    break;
                }
            }
            if (same < 0) {
                merged.add(talk);
            } else {
                merged.set(same, combine(merged.get(same), talk));
            }
        }
        return merged;
    }

    private static boolean describeTheSame(Talk a, Talk b) {
        if (a.date() == null || !a.date().equals(b.date())) {
            return false;
        }
        if (a.start() != null && b.start() != null && !a.start().equals(b.start())) {
            return false;
        }
        boolean titlesAgree = a.title() == null || b.title() == null || TalkIdentity.titleSimilarity(a.title(), b.title()) >= 0.6;
        boolean speakersAgree = a.speakers().isEmpty() || b.speakers().isEmpty()
                || TalkIdentity.normalize(a.speakers().get(0).name()).equals(TalkIdentity.normalize(b.speakers().get(0).name()));
        return titlesAgree && speakersAgree;
    }

    private static Talk combine(Talk a, Talk b) {
        List<String> warnings = new ArrayList<>(a.warnings());
        b.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        return new Talk(first(a.title(), b.title()), a.speakers().isEmpty() ? b.speakers() : a.speakers(), a.date(),
                first(a.start(), b.start()), first(a.end(), b.end()), a.start() != null ? a.timezone() : b.timezone(),
                first(a.location(), b.location()), a.online() || b.online(), first(a.url(), b.url()), first(a.host(), b.host()),
                first(a.series(), b.series()), first(a.abstractText(), b.abstractText()), first(a.bio(), b.bio()),
                Math.max(a.confidence(), b.confidence()), warnings);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
