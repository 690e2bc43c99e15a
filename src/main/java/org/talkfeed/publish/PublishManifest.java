package org.talkfeed.publish;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The fingerprint of each file as the last publish left it, kept in the site as {@link #FILE_NAME} (a dot-file, which
 * the server never serves), so that it travels with the files it describes. It is written after the files; before a
 * publish writes any file it drops that file's entry, so a publish cut short leaves no entry that vouches for a file
 * it may have half changed. A file with no entry, or a manifest that is missing, of another format or damaged in any
 * way, is rendered again: the manifest can make a publish do less, never leave a file stale.
 */
final class PublishManifest {
    static final String FILE_NAME = ".publish-manifest";
    /** Raise it when rendering changes, so that every file is rendered again by the new code. */
    private static final String HEADER = "talkfeed publish manifest 2";
    private static final String END = "end ";

    private final Map<String, String> fingerprints;

    private PublishManifest(Map<String, String> fingerprints) {
        this.fingerprints = fingerprints;
    }

    static PublishManifest empty() {
        return new PublishManifest(new HashMap<>());
    }

    /** The manifest in {@code site}; empty when there is none or it cannot be trusted. */
    static PublishManifest read(Path site) throws IOException {
        Map<String, String> read = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(site.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            if (!HEADER.equals(in.readLine())) {
                return empty();
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(END)) {
                    return line.equals(END + read.size()) && in.readLine() == null ? new PublishManifest(read) : empty();
                }
                int space = line.indexOf(' ');
                if (space <= 0 || space == line.length() - 1) {
                    return empty();
                }
                read.put(line.substring(space + 1), line.substring(0, space));
            }
            return empty(); // cut short
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            if (e instanceof java.nio.charset.CharacterCodingException) {
                return empty();
            }
            throw e;
        }
    }

    /** True when the last publish made {@code path} from inputs with this fingerprint. */
    boolean matches(String path, String fingerprint) {
        return fingerprint.equals(fingerprints.get(path));
    }

    /** This manifest without the entries of files about to be rewritten. */
    PublishManifest without(Collection<String> paths) {
        Map<String, String> kept = new HashMap<>(fingerprints);
        paths.forEach(kept::remove);
        return new PublishManifest(kept);
    }

    static PublishManifest of(Map<String, String> fingerprints) {
        return new PublishManifest(new HashMap<>(fingerprints));
    }

    int size() {
        return fingerprints.size();
    }

    void write(Path site, SiteFiles files) throws IOException {
        files.replace(site.resolve(FILE_NAME), stream -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            out.write(HEADER);
            out.write('\n');
            for (Map.Entry<String, String> entry : fingerprints.entrySet()) {
                out.write(entry.getValue());
                out.write(' ');
                out.write(entry.getKey());
                out.write('\n');
            }
            out.write(END + fingerprints.size() + "\n");
            out.flush();
        });
    }
}
