package org.talkfeed.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Picks the reader for a path given on the command line: Maildir, mbox, pipermail archive (monthly .txt or .txt.gz
 * file, HTML month folder), a single message file, or a folder of these.
 */
public final class MessageSources {
    private static final Pattern MONTH_NAME = Pattern.compile("^(\\d{4})-([A-Za-z]+)(\\.|$)");
    /** Mailman's months ("2026-March", "2026-March.txt.gz") in calendar order, before everything else by name. */
    private static final Comparator<Path> ARCHIVE_ORDER = Comparator
            .comparing(MessageSources::archiveMonth, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.naturalOrder());
    private MessageSources() {
    }

    /** Everything under the path as one source. */
    public static MessageSource forPath(Path path) throws IOException {
        List<PathSource> units = units(path);
        if (units.size() == 1) {
            return units.get(0).source();
        }
        return new MessageSource() {
            @Override
            public Stream<RawMessage> messages() {
                return units.stream().flatMap(unit -> {
                    try {
                        return unit.source().messages();
                    } catch (IOException e) {
                        throw new UncheckedIOException(unit.path() + ": " + e.getMessage(), e);
                    }
                });
            }

            @Override
            public long count() throws IOException {
                long total = 0;
                for (PathSource unit : units) {
                    total += unit.source().count();
                }
                return total;
            }
        };
    }

    /**
     * The units an import reads under the path, in a stable order: a folder's own message files first (one unit),
     * then its mbox files and sub-folders by name. A pipermail month folder next to its month's text archive is left
     * out, as the text archive holds the same messages with their full headers. Files a folder holds that cannot
     * be opened become units that fail when read, so the rest can still be read.
     */
    public static List<PathSource> units(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        if (Files.isDirectory(p)) {
            if (MaildirFolder.isMaildir(p)) {
                return List.of(new PathSource(p, new MaildirFolder(p)));
            }
            if (PipermailFolder.isMonthFolder(p)) {
                return List.of(new PathSource(p, new PipermailFolder(p)));
            }
            return folder(p);
        }
        if (!Files.isRegularFile(p)) {
            throw new IOException("no such file or folder");
        }
        return List.of(new PathSource(p, fileSource(p)));
    }

    private static List<PathSource> folder(Path dir) throws IOException {
        List<Path> children;
        try (Stream<Path> listing = Files.list(dir)) {
            children = listing.filter(c -> !c.getFileName().toString().startsWith(".")).sorted(ARCHIVE_ORDER).toList();
        }
        List<Path> messageFiles = new ArrayList<>();
        List<PathSource> units = new ArrayList<>();
        for (Path child : children) {
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                if (!hasTextArchive(child)) {
                    units.addAll(units(child));
                }
            } else if (Files.isRegularFile(child) && !isHtml(child)) {
                MessageSource source = openOrFail(child);
                if (source instanceof EmlFile) {
                    messageFiles.add(child);
                } else {
                    units.add(new PathSource(child, source));
                }
            }
        }
        if (!messageFiles.isEmpty()) {
            units.add(0, new PathSource(dir, new MessageFiles(messageFiles)));
        }
        return units;
    }

    private static MessageSource fileSource(Path file) throws IOException {
        String first = MboxFile.firstLine(file);
        if (PipermailText.isPipermailText(file, first)) {
            return new PipermailText(file);
        }
        return first.startsWith("From ") ? new MboxFile(file) : new EmlFile(file);
    }

    private static MessageSource openOrFail(Path file) {
        try {
            return fileSource(file);
        } catch (IOException e) {
            return () -> {
                throw e;
            };
        }
    }

    private static boolean hasTextArchive(Path dir) {
        if (!PipermailFolder.isMonthFolder(dir)) {
            return false;
        }
        String month = dir.getFileName().toString();
        return Files.isRegularFile(dir.resolveSibling(month + ".txt")) || Files.isRegularFile(dir.resolveSibling(month + ".txt.gz"));
    }

    /** Archive index and table-of-contents pages, never messages. */
    private static boolean isHtml(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    private static YearMonth archiveMonth(Path path) {
        Matcher m = MONTH_NAME.matcher(path.getFileName().toString());
        if (!m.find()) {
            return null;
        }
        try {
            return YearMonth.of(Integer.parseInt(m.group(1)), Month.valueOf(m.group(2).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | DateTimeException e) {
            return null;
        }
    }
}
