package org.talkfeed.store;

import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkIdentity;

import java.util.ArrayList;
import java.util.List;

/** Readable, file-safe names for talk pages: date, speaker's surname, first words of the title. */
final class Slugs {
    private static final int MAX_LENGTH = 60;

    private Slugs() {
    }

    static String of(Talk talk) {
        List<String> parts = new ArrayList<>();
        if (talk.date() != null) {
            parts.add(talk.date().toString());
        }
        if (!talk.speakers().isEmpty()) {
            String[] names = TalkIdentity.normalize(talk.speakers().get(0).name()).split(" ");
            parts.add(names[names.length - 1]);
        }
        if (talk.title() != null) {
            String[] words = TalkIdentity.normalize(talk.title()).split(" ");
            parts.add(String.join("-", java.util.Arrays.asList(words).subList(0, Math.min(5, words.length))));
        }
        String slug = String.join("-", parts).replaceAll("[^a-z0-9-]", "").replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "talk" : slug;
    }
}
