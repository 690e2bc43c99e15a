package org.talkfeed.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Picks the reader for a path given on the command line: Maildir, mbox, a single file, or a folder of files. */
public final class MessageSources {
    private MessageSources() {
    }

    public static MessageSource forPath(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (MaildirFolder.isMaildir(path)) {
                return new MaildirFolder(path);
            }
            return folderOfFiles(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file or folder: " + path);
        }
        return MboxFile.looksLikeMbox(path) ? new MboxFile(path) : new EmlFile(path);
    }

    private static MessageSource folderOfFiles(Path dir) throws IOException {
        List<MessageSource> parts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (!p.getFileName().toString().startsWith(".")) {
                    parts.add(forPath(p));
                }
            }
        }
        return () -> {
            Stream<RawMessage> all = Stream.empty();
            for (MessageSource part : parts) {
                all = Stream.concat(all, part.messages());
            }
            return all;
        };
    }
}
