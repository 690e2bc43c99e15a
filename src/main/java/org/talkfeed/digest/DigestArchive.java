package org.talkfeed.digest;

import org.talkfeed.publish.PageSite;
import org.talkfeed.store.DigestRecord;
import org.talkfeed.templates.Templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The digests kept in the archive: {@code site/digest/2026-W08.html}, one page per week built or sent, and
 * {@code site/digest/index.html} listing them, the latest week first, with when each was sent. Written atomically
 * (a temporary file, then a rename), world-readable like the rest of the site.
 */
final class DigestArchive {
    static final String FOLDER = "digest";
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    /** One line of the index. */
    public record Listed(String week, String file, String sent) {
    }

    private final Path folder;
    static final String INDEX_TEMPLATE = "digest-index.html.mustache";
    private final Templates templates;

    DigestArchive(Path site, Templates templates) {
        this.folder = site.resolve(FOLDER);
        this.templates = templates;
    }

    Path page(IsoWeek week) {
        return folder.resolve(week + ".html");
    }

    void writePage(IsoWeek week, String html) throws IOException {
        write(page(week), html);
    }

    void writeIndex(PageSite site, List<DigestRecord> records, ZoneId zone) throws IOException {
        Map<String, DigestRecord> sent = records.stream().filter(r -> r.sentAt() != null && r.messageId() != null)
                .collect(Collectors.toMap(DigestRecord::week, Function.identity()));
        List<Listed> listed = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.matches("\\d{4}-W\\d{2}\\.html")) {
                    String week = fileName.substring(0, fileName.length() - ".html".length());
                    DigestRecord record = sent.get(week);
                    listed.add(new Listed(week, fileName, record == null ? null : SENT.format(record.sentAt().atZone(zone))));
                }
            }
        }
        write(folder.resolve("index.html"), templates.render(INDEX_TEMPLATE, Map.of("root", DigestPage.ROOT,
                "site", site, "title", "Weekly digests · " + site.name(), "digests", listed)));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            readable(temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void readable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }
}
