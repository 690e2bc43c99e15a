package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.talkfeed.SharedData;
import org.talkfeed.mail.ArchivedPost;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's founding example, as the list archive shows it, read field by field. */
class SeedAnnouncementTest {

    private static Talk seedTalk(ExtractionDefaults defaults) throws Exception {
        Path seed;
        try (Stream<Path> files = Files.list(SharedData.dir("seeds"))) {
            seed = files.filter(p -> p.getFileName().toString().startsWith("004_")).findFirst().orElseThrow();
        }
        byte[] message = ArchivedPost.toMessage(Files.readString(seed));
        assertThat(message).as("the seed reads as an archived post").isNotNull();
        Announcement announcement = new Extractor().extract(new MessageReader().read(message), defaults);
        assertThat(announcement.kind()).isEqualTo(Kind.ANNOUNCEMENT);
        assertThat(announcement.talks()).hasSize(1);
        return announcement.talks().get(0);
    }

    @Test
    void everyFieldOfTheSeed() throws Exception {
        Talk talk = seedTalk(ExtractionDefaults.NONE);
        assertThat(talk.title()).isEqualTo("Toward Mathematical Understanding of Real-life Deep Learning");
        assertThat(talk.speakers()).containsExactly(new Speaker("Zhiyuan Li", "Princeton University"));
        assertThat(talk.date()).isEqualTo(LocalDate.of(2022, 2, 22));
        assertThat(talk.start()).isEqualTo(LocalTime.of(11, 0));
        assertThat(talk.end()).isNull();
        assertThat(talk.timezone()).isEqualTo("America/Chicago");
        assertThat(talk.location()).isEqualTo("TTIC, 6045 S. Kenwood Avenue, 5th Floor, Room 530");
        assertThat(talk.online()).isTrue();
        assertThat(talk.url()).isEqualTo("https://uchicagogroup.zoom.us/webinar/register/WN_kfIOOoD0RLCENJB7OSyIeg");
        assertThat(talk.host()).isEqualTo("David McAllester");
        assertThat(talk.series()).isEqualTo("Talks at TTIC");
        assertThat(talk.abstractText()).startsWith("There is great interest").endsWith("trainable with vanilla SGD.");
        assertThat(talk.bio()).startsWith("Zhiyuan Li is a PhD candidate").doesNotContain("Mary C. Marre");
        assertThat(talk.warnings()).as("CT is stated, nothing is assumed").isEmpty();
    }

    @Test
    void statedZoneWinsOverTheConfiguredDefault() throws Exception {
        Talk talk = seedTalk(new ExtractionDefaults("Europe/Berlin", null, true));
        assertThat(talk.timezone()).isEqualTo("America/Chicago");
        assertThat(talk.startsAt().orElseThrow().toInstant().toString()).isEqualTo("2022-02-22T17:00:00Z");
    }

    @Test
    void footerAndSignatureDoNotLeakIntoFields() throws Exception {
        Talk talk = seedTalk(ExtractionDefaults.NONE);
        List<String> texts = Stream.of(talk.title(), talk.location(), talk.host(), talk.bio())
                .map(String::valueOf).toList();
        assertThat(texts).noneMatch(t -> t.contains("mailing list") || t.contains("next part") || t.contains("Marre"));
    }
}
