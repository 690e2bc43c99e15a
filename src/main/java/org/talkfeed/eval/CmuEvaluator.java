package org.talkfeed.eval;

import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.extract.Extractor;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scores start, end, speaker and location on CMU-tagged posts. A post's first predicted talk is right on a
 * field when it matches any tagged value of it (the corpus tags every mention); a field with no tag
 * is right when talkfeed also finds none.
 */
public final class CmuEvaluator {
    private final Extractor extractor = new Extractor();

    public EvalReport evaluate(Path dir) throws IOException {
        List<Path> posts = CorpusFiles.list(dir, ".txt", "no .txt posts");
        EvalReport report = new EvalReport();
        for (Path file : posts) {
            CmuPost post = CmuPost.parse(Files.readString(file, StandardCharsets.ISO_8859_1));
            Announcement got = extractor.extractMessage(post.message(), ExtractionDefaults.NONE);
            Talk talk = got.talks().isEmpty() ? null : got.talks().get(0);
            String name = file.getFileName().toString();
            report.countEmail(talk != null);
            verdict(report, name, Field.START, post.starts().isEmpty() ? talk != null && talk.start() == null
                    : talk != null && post.starts().contains(talk.start()), post.starts(), talk == null ? null : talk.start());
            verdict(report, name, Field.END, post.ends().isEmpty() ? talk == null || talk.end() == null
                    : talk != null && post.ends().contains(talk.end()), post.ends(), talk == null ? null : talk.end());
            String speaker = talk == null || talk.speakers().isEmpty() ? null : talk.speakers().get(0).name();
            verdict(report, name, Field.SPEAKER, post.speakers().isEmpty() ? speaker == null
                    : speaker != null && post.speakers().stream().anyMatch(s -> TextNorm.personName(s).equals(TextNorm.personName(speaker))),
                    post.speakers(), talk == null ? null : talk.speakers().stream().map(Speaker::name).toList());
            String location = talk == null ? null : talk.location();
            verdict(report, name, Field.LOCATION, post.locations().isEmpty() ? location == null
                    : location != null && post.locations().stream().anyMatch(l -> TextNorm.tokenF1(l, location) >= 0.6),
                    post.locations(), location);
        }
        return report;
    }

    private static void verdict(EvalReport report, String file, Field field, boolean right, Object expected, Object got) {
        report.count(file, new TalkScorer.Verdict(field, right, String.valueOf(expected), String.valueOf(got)));
    }
}
