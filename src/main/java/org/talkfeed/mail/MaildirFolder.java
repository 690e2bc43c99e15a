package org.talkfeed.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Maildir folder (cur/, new/, tmp/), read without changing it; tmp/ holds unfinished deliveries. A message file larger
 * than the limit is not read: it comes as a message too large to read.
 */
public final class MaildirFolder implements MessageSource {
    private final Path root;
    private final long maxBytes;

    public MaildirFolder(Path root) {
        this(root, RawMessage.MAX_BYTES);
    }

    public MaildirFolder(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    public static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) && Files.isDirectory(dir.resolve("new"));
    }

    @Override
    public Stream<RawMessage> messages() throws IOException {
        return messagesAfter(0);
    }

    @Override
    public Stream<RawMessage> messagesAfter(long done) throws IOException {
        return new MessageFiles(files(), maxBytes).messagesAfter(done);
    }

    /**
     * The messages whose {@link #uniqueName} is not among {@code known}: those delivered since a watcher last looked.
     * The names of messages no longer in the folder are taken out of {@code known}.
     */
    public Stream<RawMessage> messagesExcept(Set<String> known) throws IOException {
        List<Path> files = files();
        known.retainAll(files.stream().map(MaildirFolder::uniqueName).collect(Collectors.toSet()));
        return new MessageFiles(files.stream().filter(file -> !known.contains(uniqueName(file))).toList(), maxBytes).messages();
    }

    /** A message file's name without the ":2,flags" a mail reader appends when it moves the file to cur/ or marks it. */
    public static String uniqueName(Path file) {
        String name = file.getFileName().toString();
        int info = name.indexOf(':');
        return info < 0 ? name : name.substring(0, info);
    }

    @Override
    public long count() throws IOException {
        return files().size();
    }

    /** The delivered messages, cur/ and new/ together, by file name (which starts with the delivery time). */
    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("cur", "new")) {
            try (Stream<Path> listing = Files.list(root.resolve(sub))) {
                listing.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .forEach(files::add);
            }
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    @Override
    public boolean resumesByPosition() {
        return false;
    }
}
