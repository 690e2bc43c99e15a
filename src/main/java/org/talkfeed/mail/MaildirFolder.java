package org.talkfeed.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A Maildir folder (cur/, new/, tmp/), read without changing it; tmp/ holds unfinished deliveries. */
public final class MaildirFolder implements MessageSource {
    private final Path root;

    public MaildirFolder(Path root) {
        this.root = root;
    }

    public static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) && Files.isDirectory(dir.resolve("new"));
    }

    @Override
    public Stream<RawMessage> messages() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("cur", "new")) {
            try (Stream<Path> listing = Files.list(root.resolve(sub))) {
                listing.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .forEach(files::add);
            }
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files.stream().map(MaildirFolder::read);
    }

    private static RawMessage read(Path file) {
        try {
            return new RawMessage(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
