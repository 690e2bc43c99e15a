package org.talkfeed.announce;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.talkfeed.smtp.CalendarEmail;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.extract.Extractor;
import org.talkfeed.publish.FeedSettings;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageReader;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: a composed announcement, read back through talkfeed's reader and extractor (with no configured zone or
 * series), gives the talk it was made from, field for field, over many generated talks.
 */
class AnnouncementRoundTripTest {
    /** Bounded so the test takes seconds: every kind of talk the generator makes comes up many times in this many. */
    private static final int TALKS = 300;
    private static final long SEED = 20260305L;

    @Test
    void everyComposedAnnouncementReadsBackAsItsTalk() throws Exception {
        AnnouncementComposer composer = new AnnouncementComposer(FeedSettings.withDefaults("talkfeed", Duration.ofMinutes(60), null));
        Extractor extractor = new Extractor();
        MessageReader reader = new MessageReader();
        Session session = Session.getInstance(new Properties());
        GeneratedTalks generator = new GeneratedTalks(SEED);
        List<String> misread = new ArrayList<>();
        for (int i = 0; i < TALKS; i++) {
            GeneratedTalks.Generated generated = generator.next();
            Talk talk = generated.talk();
            AnnouncementComposer.Composed composed = composer.compose(talk, null, "Talks <talks@dept.example>", generated.announced());
            MimeMessage message = CalendarEmail.build(session, composed.content(), "Talks <talks@dept.example>", "list@dept.example",
                    composed.messageId(), generated.announced());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            Announcement read = extractor.extract(reader.read(bytes.toByteArray()), ExtractionDefaults.NONE);
            Talk back = read.talks().size() == 1 ? read.talks().get(0) : null;
            String difference = back == null ? read.talks().size() + " talks (" + read.reason() + ")" : difference(talk, back);
            if (difference != null) {
                misread.add("talk " + i + ": " + difference + "\n" + composed.content().text());
            }
        }
        assertThat(misread).as(misread.size() + " of " + TALKS + " misread").isEmpty();
    }

    /** The fields that differ, as "field: written → read", or null when the talk came back whole. */
    static String difference(Talk written, Talk read) {
        List<String> differ = new ArrayList<>();
        compare(differ, "title", written.title(), read.title());
        compare(differ, "speakers", written.speakers(), read.speakers());
        compare(differ, "date", written.date(), read.date());
        compare(differ, "start", written.start(), read.start());
        compare(differ, "end", written.end(), read.end());
        compare(differ, "timezone", written.timezone(), read.timezone());
        compare(differ, "location", written.location(), read.location());
        compare(differ, "online", written.online(), read.online());
        compare(differ, "url", written.url(), read.url());
        compare(differ, "host", written.host(), read.host());
        compare(differ, "series", written.series(), read.series());
        return differ.isEmpty() ? null : String.join("; ", differ);
    }

    private static void compare(List<String> differ, String field, Object written, Object read) {
        if (!Objects.equals(written, read)) {
            differ.add(field + ": " + written + " → " + read);
        }
    }
}
