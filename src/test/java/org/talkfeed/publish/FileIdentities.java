package org.talkfeed.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Which published files a publish rewrote: each file's identity on disk, which an atomic rewrite changes. */
final class FileIdentities {
    private FileIdentities() {
    }

    /** Each published file (dot-files aside) and its identity on disk. */
    static Map<String, Object> of(Path site) throws Exception {
        Map<String, Object> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().startsWith(".")) {
                    files.put(site.relativize(file).toString(), Files.readAttributes(file, BasicFileAttributes.class).fileKey());
                }
            }
        }
        return files;
    }

    /** The files of {@code after} that are new or rewritten since {@code before}, sorted. */
    static Set<String> rewritten(Map<String, Object> before, Map<String, Object> after) {
        Set<String> changed = new TreeSet<>();
        after.forEach((path, key) -> {
            if (!key.equals(before.get(path))) {
                changed.add(path);
            }
        });
        return changed;
    }
}
