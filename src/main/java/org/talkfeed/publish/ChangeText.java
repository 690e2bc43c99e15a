package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Talk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What changed in a talk since an earlier state of it, in a few words for readers (the digest's and the talk's page). */
public final class ChangeText {
    private ChangeText() {
    }

    /** @param before the talk as it was, null when unknown */
    public static String describe(Talk before, StoredTalk now) {
        if (now.cancelled()) {
            return "cancelled";
        }
        if (before == null) {
            return "updated";
        }
        Talk after = now.talk();
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(before.date(), after.date()) || !Objects.equals(before.start(), after.start())
                || !Objects.equals(before.timezone(), after.timezone())) {
            parts.add("moved from " + WhenText.of(before) + " to " + WhenText.of(after));
        } else if (!Objects.equals(before.end(), after.end())) {
            parts.add("now " + WhenText.of(after));
        }
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(before.title(), after.title())) {
            fields.add("title");
        }
        if (!before.speakers().equals(after.speakers())) {
            fields.add("speakers");
        }
        if (!Objects.equals(before.location(), after.location()) || before.online() != after.online()) {
            fields.add("place" + (after.location() == null ? "" : " (now " + after.location() + ")"));
        }
        if (!Objects.equals(before.url(), after.url())) {
            fields.add("link");
        }
        if (!Objects.equals(before.host(), after.host())) {
            fields.add("host");
        }
        if (!Objects.equals(before.series(), after.series())) {
            fields.add("series");
        }
        if (!Objects.equals(before.abstractText(), after.abstractText())) {
            fields.add("abstract");
        }
        if (!Objects.equals(before.bio(), after.bio())) {
            fields.add("bio");
        }
        if (!fields.isEmpty()) {
            parts.add("changed: " + String.join(", ", fields));
        }
        return parts.isEmpty() ? "updated" : String.join("; ", parts);
    }
}
