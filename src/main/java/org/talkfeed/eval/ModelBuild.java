package org.talkfeed.eval;

import org.talkfeed.extract.Decisions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What `talkfeed train` does: the decisions trained on every case of the given corpus folders, with their provenance. */
public final class ModelBuild {
    private ModelBuild() {
    }

    public static Decisions train(List<Path> corpora) throws IOException {
        List<LabeledCase> cases = new ArrayList<>();
        Map<String, String> digests = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (Path dir : corpora) {
            cases.addAll(LabeledCase.read(dir));
            digests.put(dir.getFileName().toString(), digest(dir));
            names.add("corpus/" + dir.getFileName());
        }
        return new Training().train(cases, new Decisions.Provenance("talkfeed train " + String.join(" ", names), digests));
    }

    /** A SHA-256 over the names and bytes of a corpus folder's files, in name order: which version of it trained a model. */
    static String digest(Path dir) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> listing = Files.list(dir)) {
                files = listing.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
