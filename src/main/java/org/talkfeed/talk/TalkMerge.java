package org.talkfeed.talk;

import java.util.ArrayList;
import java.util.List;

/** Folds what a later message says about a known talk into it. */
public final class TalkMerge {
    private TalkMerge() {
    }

    /**
     * An update's stated fields replace the known ones; a reminder or re-post only fills gaps, since it
     * repeats the original and a typo in it should not move a talk; a cancellation changes nothing but the status.
     */
    public static Talk merge(Talk known, Talk incoming, Kind kind) {
        if (kind == Kind.CANCELLATION) {
            return known;
        }
        boolean override = kind == Kind.UPDATE;
        List<String> warnings = new ArrayList<>(override ? incoming.warnings() : known.warnings());
        return new Talk(
                pick(known.title(), incoming.title(), override),
                override && !incoming.speakers().isEmpty() || known.speakers().isEmpty() ? incoming.speakers() : known.speakers(),
                pick(known.date(), incoming.date(), override),
                pick(known.start(), incoming.start(), override),
                pick(known.end(), incoming.end(), override),
                pick(known.timezone(), incoming.timezone(), override && incoming.start() != null),
                pick(known.location(), incoming.location(), override),
                override ? incoming.online() || (known.online() && incoming.url() == null && incoming.location() == null)
                        : known.online() || incoming.online(),
                pick(known.url(), incoming.url(), override),
                pick(known.host(), incoming.host(), false),
                pick(known.series(), incoming.series(), false),
                pick(known.abstractText(), incoming.abstractText(), false),
                pick(known.bio(), incoming.bio(), false),
                override ? incoming.confidence() : Math.max(known.confidence(), incoming.confidence()),
                warnings);
    }

    private static <T> T pick(T known, T incoming, boolean override) {
        if (incoming == null) {
            return known;
        }
        if (known == null || override) {
            return incoming;
        }
        return known;
    }
}
