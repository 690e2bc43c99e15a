package org.talkfeed.bench;

import org.junit.jupiter.api.Test;
import org.talkfeed.publish.SearchIndex;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Talk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search index of an archive of 20,000 talks as the publish benchmark generates them: the file (gzip) under 3 MB.
 * Its JSON (slug, date, title, people, place and up to 300 characters of abstract) is about 490 bytes a talk.
 */
class SearchIndexSizeTest {
    private static final int TALKS = 20_000;
    private static final int SLUG_CHARS = 60;

    @Test
    void twentyThousandTalksIndexInUnderThreeMegabytes() throws IOException {
        TalkGenerator generator = new TalkGenerator(14, LocalDate.of(2016, 1, 1), 11 * 365);
        List<StoredTalk> talks = new ArrayList<>();
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < TALKS; i++) {
            TalkGenerator.GeneratedTalk made = generator.next();
            talks.add(new StoredTalk(i + 1, "uid-" + i + "@talkfeed", slug(made.talk()), made.cancelled(), 0, made.talk(),
                    created, created));
        }
        talks.sort(Comparator.comparing((StoredTalk t) -> t.talk().date()).reversed());

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        SearchIndex.write(talks.stream().map(SearchIndex.Row::of).toList(), file);
        long json;
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(file.toByteArray()))) {
            json = unzipped.transferTo(OutputStream.nullOutputStream());
        }

        assertThat(file.size()).isLessThan(3_000_000);
        assertThat(json).as("the JSON inside").isLessThan(TALKS * 550L);
    }

    /** As long as the store's slugs: date, surname and the title's first words, at most 60 characters. */
    private static String slug(Talk talk) {
        String name = talk.speakers().get(0).name();
        String slug = (talk.date() + "-" + name.substring(name.lastIndexOf(' ') + 1) + "-" + talk.title())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.substring(0, Math.min(SLUG_CHARS, slug.length()));
    }
}
