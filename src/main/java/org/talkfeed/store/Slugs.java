package org.talkfeed.store;

import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkIdentity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Readable, file-safe names for talk pages: date, speaker's surname, first words of the title. */
final class Slugs {
    private static final int MAX_LENGTH = 60;
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9-]");
    private static final Pattern DASHES = Pattern.compile("-{2,}");
    private static final Pattern DASH_AT_END = Pattern.compile("^-|-$");
    private static final Pattern LAST_WORD = Pattern.compile("-[^-]*$");

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
        String slug = NOT_SLUG.matcher(String.join("-", parts)).replaceAll("");
        slug = DASH_AT_END.matcher(DASHES.matcher(slug).replaceAll("-")).replaceAll("");
        if (slug.length() > MAX_LENGTH) {
            slug = LAST_WORD.matcher(slug.substring(0, MAX_LENGTH)).replaceAll("");
        }
        return slug.isEmpty() ? "talk" : slug;
    }
}
