package org.talkfeed.browser;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.digest.DigestConfig;
import org.talkfeed.templates.Templates;
import org.talkfeed.digest.IsoWeek;
import org.talkfeed.digest.WeeklyDigest;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.mail.MaildirFolder;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.pipeline.MessageProcessor;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Talk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample mailbox (samples/, Chicago, talks from October to December 2026) read into a store by the real pipeline,
 * published as a site on 2026-11-23, with the weekly digest of the week of {@link #featured}, the first upcoming talk
 * that has everything a page shows (speakers, time, host, abstract).
 */
record SampleArchive(Path site, List<StoredTalk> talks, StoredTalk featured, IsoWeek digestWeek) {
    static final String NAME = "Samples";
    private static final Path SAMPLES = Path.of("samples", "maildir");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final Duration DEFAULT_DURATION = Duration.ofHours(1);

    static SampleArchive build(Path dir) throws IOException {
        Path site = dir.resolve("site");
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"), NOW)) {
            MessageProcessor processor = new MessageProcessor(store);
            MailboxConfig mailbox = MailboxConfig.of("samples", new ExtractionDefaults(CHICAGO.getId(), null, false));
            try (Stream<RawMessage> messages = new MaildirFolder(SAMPLES).messages()) {
                messages.forEach(m -> processor.process(m, mailbox));
            }
            List<StoredTalk> talks = store.talks();
            new SitePublisher(site, NAME, DEFAULT_DURATION, null, CHICAGO.getId(), NOW).publish(talks);
            StoredTalk featured = featured(talks, LocalDate.now(NOW));
            IsoWeek week = IsoWeek.containing(featured.talk().date());
            new WeeklyDigest(store, DigestConfig.OFF, CHICAGO, new WeeklyDigest.Site(site, NAME, null, DEFAULT_DURATION),
                    new Templates(dir.resolve("templates")), null, NOW).build(week);
            return new SampleArchive(site, talks, featured, week);
        }
    }

    private static StoredTalk featured(List<StoredTalk> talks, LocalDate today) {
        return talks.stream()
                .filter(t -> !t.cancelled())
                .filter(t -> {
                    Talk talk = t.talk();
                    return talk.title() != null && !talk.speakers().isEmpty() && talk.startsAt().isPresent()
                            && talk.host() != null && talk.abstractText() != null && !talk.date().isBefore(today);
                })
                .min(Comparator.comparing((StoredTalk t) -> t.talk().startsAt().orElseThrow().toInstant()))
                .orElseThrow(() -> new IllegalStateException("no upcoming sample talk with speakers, time, host and abstract"));
    }

    /** The slug of {@code name}'s page and feed in {@code folder} (speakers, series, hosts), as publish gave it. */
    String slug(String folder, String name) throws IOException {
        Map<String, Map<String, String>> slugs = new ObjectMapper().readValue(site.resolve(".feed-slugs.json").toFile(),
                new TypeReference<Map<String, Map<String, String>>>() { });
        String slug = slugs.getOrDefault(folder, Map.of()).get(name.strip().toLowerCase(Locale.ROOT));
        if (slug == null) {
            throw new IllegalStateException("publish gave " + name + " no slug in " + folder + ": " + slugs.get(folder));
        }
        return slug;
    }
}
