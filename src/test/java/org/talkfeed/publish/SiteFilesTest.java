package org.talkfeed.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SiteFilesTest {
    private static final Instant NOW = Instant.parse("2026-11-02T15:00:00Z");

    private static StoredTalk talk() {
        Talk talk = new Talk("Graph minors and tree-width", List.of(new Speaker("Ada Moreno", null)),
                LocalDate.of(2026, 11, 12), LocalTime.of(16, 0), null, "America/Chicago", "Room 2405", false,
                null, null, null, "An abstract.", null, 1.0, List.of());
        return new StoredTalk(1, "uid-1@talkfeed", "graph-minors", false, 0, talk, NOW, NOW);
    }

    private static SitePublisher publisher(Path site) {
        return new SitePublisher(site, "Test talks", Duration.ofHours(1), null, "America/Chicago",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void publishedFilesAndFoldersAreReadableByOtherUsers(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectory(dir.resolve("site"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        publisher(site).publish(List.of(talk()));

        assertThat(mode(site)).isEqualTo("rwxr-xr-x");
        assertThat(mode(site.resolve("talks"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(site.resolve("calendar.ics"))).isEqualTo("rw-r--r--");
        assertThat(mode(site.resolve("talks/graph-minors.html"))).isEqualTo("rw-r--r--");
        try (Stream<Path> files = Files.walk(site)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    /** A file is rendered again when the last publish left no fingerprints (an earlier version, or a publish cut short). */
    @Test
    void anUnchangedFileKeepsItsTimeAndGetsTheFileMode(@TempDir Path site) throws Exception {
        publisher(site).publish(List.of(talk()));
        Files.delete(site.resolve(PublishManifest.FILE_NAME));
        Path feed = site.resolve("calendar.ics");
        Files.setPosixFilePermissions(feed, PosixFilePermissions.fromString("rw-------"));
        FileTime modified = FileTime.from(NOW);
        Files.setLastModifiedTime(feed, modified);

        PublishReport again = publisher(site).publish(List.of(talk()));

        assertThat(again.written()).isZero();
        assertThat(mode(feed)).isEqualTo("rw-r--r--");
        assertThat(Files.getLastModifiedTime(feed)).isEqualTo(modified);
    }
}
