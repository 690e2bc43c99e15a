package org.talkfeed.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.TestMail;
import org.talkfeed.bench.EmailGenerator;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.talk.SenderRules;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.mail.Checkpoint;
import org.talkfeed.mail.MboxWriter;
import org.talkfeed.mail.PipermailSamples;
import org.talkfeed.pipeline.ImportListener;
import org.talkfeed.pipeline.ImportSummary;
import org.talkfeed.pipeline.Importer;
import org.talkfeed.pipeline.ProcessResult;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `talkfeed import`: formats, idempotence, resuming, the summary, broken files, and the backfill benchmark. */
class ImportTest {
    private static final String DEPT = "Jane Roe <jane.roe@northfield.example.edu>";
    private static final MailboxConfig TALKS = new MailboxConfig("talks", null, null, "America/Chicago", null, false,
            new SenderRules(List.of("@northfield.example.edu"), List.of(), List.of(), List.of(), List.of()));

    private static final List<byte[]> MAIL = List.of(
            TestMail.plain(DEPT, "<a1@northfield.example.edu>", "Mon, 2 Mar 2026 09:15:00 -0600",
                    "Seminar: Priya Raman (Northfield University), March 12", """
                            Speaker: Priya Raman (Northfield University)
                            Title: Counting Lattice Paths Quickly
                            Date: Thursday, March 12, 2026
                            Time: 3:30 pm
                            Place: Room 210, Halsey Hall

                            From what I hear, the room is large."""),
            TestMail.plain(DEPT, "<n1@northfield.example.edu>", "Wed, 4 Mar 2026 11:00:00 -0600", "Coffee machine",
                    "The coffee machine on the second floor is fixed. Enjoy!"),
            TestMail.plain("Sal Outsider <sal@elsewhere.example.com>", "<x1@elsewhere.example.com>",
                    "Thu, 5 Mar 2026 10:00:00 -0600", "Talk: Sal Outsider on cheap tricks", """
                            Speaker: Sal Outsider (Elsewhere Labs)
                            Title: Cheap Tricks for Expensive Problems
                            Date: Friday, March 27, 2026
                            Time: 2:00 pm
                            Place: Room 12, Halsey Hall"""),
            "this line is no header\nand this is no mail\n".getBytes(StandardCharsets.UTF_8),
            TestMail.plain(DEPT, "<a2@northfield.example.edu>", "Tue, 3 Mar 2026 10:00:00 -0600",
                    "Colloquium: Tomas Lindqvist on sparse solvers, March 19", """
                            Speaker: Tomas Lindqvist (Eastbrook Institute)
                            Title: Sparse Solvers Without Tears
                            Date: Thursday, March 19, 2026
                            Time: 4:00 pm
                            Place: Room 101, Halsey Hall"""),
            TestMail.plain(DEPT, "<r1@northfield.example.edu>", "Thu, 12 Mar 2026 08:00:00 -0500",
                    "Reminder: Seminar today: Priya Raman", """
                            Reminder: this seminar is today.

                            Speaker: Priya Raman (Northfield University)
                            Title: Counting Lattice Paths Quickly
                            Date: Thursday, March 12, 2026
                            Time: 3:30 pm
                            Place: Room 210, Halsey Hall"""));

    /** A configuration whose mailbox accepts only the department's senders. */
    private static Path config(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("maildir/cur"));
        Files.createDirectories(dir.resolve("maildir/new"));
        return Files.writeString(dir.resolve("talkfeed.yaml"), """
                store: data/t.db
                site: site
                mailboxes:
                  - name: talks
                    maildir: maildir
                    timezone: America/Chicago
                    allowed-senders: "@northfield.example.edu"
                """);
    }

    private static byte[] mbox(List<byte[]> messages) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] message : messages) {
            MboxWriter.append(out, message);
        }
        return out.toByteArray();
    }

    private static TalkStore store(Path dir) {
        return TalkStore.open(dir.resolve("data/t.db"));
    }

    private static List<String> talkRows(TalkStore store) {
        return store.talks().stream().map(t -> t.uid() + " " + t.talk().title() + " seq " + t.sequence()).toList();
    }

    @Test
    void importingTwiceRecordsNothingTwice(@TempDir Path dir) throws Exception {
        Path config = config(dir);
        Path mbox = Files.write(dir.resolve("talks.mbox"), mbox(MAIL));

        CliRun first = CliRun.of("import", "--config", config.toString(), mbox.toString());
        assertThat(first.exit()).as("the message that is no mail failed").isEqualTo(1);
        assertThat(first.out()).contains("failed: 1");
        List<MessageRecord> messages;
        List<String> talks;
        try (TalkStore store = store(dir)) {
            messages = store.messages();
            talks = talkRows(store);
        }
        assertThat(messages).hasSize(6);
        assertThat(talks).hasSize(2);
        assertThat(dir.resolve("site/calendar.ics")).exists();

        CliRun again = CliRun.of("import", "--config", config.toString(), mbox.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains(mbox.toAbsolutePath() + ": all 6 messages were imported before")
                .contains("imported 0 messages");

        Path copy = Files.copy(mbox, dir.resolve("copy-of-talks.mbox"));
        CliRun copied = CliRun.of("import", "--config", config.toString(), copy.toString());
        assertThat(copied.exit()).isZero();
        assertThat(copied.out()).contains("skipped: 6 already seen, 0 not a talk, 0 ignored");

        try (TalkStore store = store(dir)) {
            assertThat(store.messages()).extracting(MessageRecord::messageKey)
                    .containsExactlyElementsOf(messages.stream().map(MessageRecord::messageKey).toList());
            assertThat(talkRows(store)).isEqualTo(talks);
        }
    }

    @Test
    void theSummaryCountsTalksSkippedAndFailedMessagesWithTheirReasons(@TempDir Path dir) throws Exception {
        Path mbox = Files.write(dir.resolve("talks.mbox"), mbox(MAIL));
        ImportSummary summary;
        try (TalkStore store = store(dir)) {
            summary = new Importer(store, TALKS, ImportListener.NONE).run(List.of(mbox));
        }

        assertThat(summary.processed()).isEqualTo(6);
        assertThat(summary.newTalks()).isEqualTo(2);
        assertThat(summary.updatedTalks()).isEqualTo(1);
        assertThat(summary.count(Outcome.ANNOUNCEMENT)).isEqualTo(2);
        assertThat(summary.count(Outcome.REMINDER)).isEqualTo(1);
        assertThat(summary.topReasons(Outcome.NOT_TALK)).containsExactly(Map.entry("no date found", 1L));
        assertThat(summary.topReasons(Outcome.IGNORED)).singleElement().satisfies(reason -> {
            assertThat(reason.getKey()).startsWith("sender … is not an allowed sender").doesNotContain("sal@");
            assertThat(reason.getValue()).isEqualTo(1L);
        });
        assertThat(summary.topReasons(Outcome.FAILED)).singleElement()
                .satisfies(reason -> assertThat(reason.getKey()).startsWith("not an email"));
        assertThat(summary.sourceFailures()).isEmpty();
        assertThat(summary.interrupted()).isFalse();
        assertThat(summary.lines()).contains("talks: 2 new, 1 updated (from 2 announcements, 1 reminder)",
                        "skipped: 0 already seen, 1 not a talk, 1 ignored by the sender rules", "failed: 1")
                .anySatisfy(line -> assertThat(line).contains("1  not a talk: no date found"));
    }

    @Test
    void aFolderOfMessageFilesIsReadAgainWholeSoAFileThatSortsFirstIsNotMissed(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("saved"));
        Files.write(folder.resolve("b.eml"), MAIL.get(0));
        Files.write(folder.resolve("c.eml"), MAIL.get(1));
        try (TalkStore store = store(dir)) {
            assertThat(new Importer(store, TALKS, ImportListener.NONE).run(List.of(folder)).processed()).isEqualTo(2);
            Files.write(folder.resolve("a.eml"), MAIL.get(2));
            ImportSummary again = new Importer(store, TALKS, ImportListener.NONE).run(List.of(folder));
            assertThat(again.processed()).isEqualTo(3);
            assertThat(again.alreadySeen()).isEqualTo(2);
            assertThat(store.messages()).hasSize(3);
        }
    }

    @Test
    void aSymbolicLinkBackUpTheTreeIsNotFollowed(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("archive"));
        Files.write(folder.resolve("talks.mbox"), mbox(MAIL.subList(0, 2)));
        Files.createSymbolicLink(folder.resolve("loop"), dir);
        try (TalkStore store = store(dir)) {
            ImportSummary summary = new Importer(store, TALKS, ImportListener.NONE).run(List.of(folder));
            assertThat(summary.processed()).isEqualTo(2);
            assertThat(summary.sourceFailures()).isEmpty();
        }
    }

    @Test
    void anySenderAcceptsWhatTheSenderPolicyIgnores(@TempDir Path dir) throws Exception {
        Path config = config(dir);
        Path mbox = Files.write(dir.resolve("talks.mbox"), mbox(MAIL));

        CliRun run = CliRun.of("import", "--any-sender", "--config", config.toString(), mbox.toString());
        assertThat(run.exit()).as("the message that is no mail failed").isEqualTo(1);
        assertThat(run.out()).contains("talks: 3 new", "0 ignored by the sender rules");
        try (TalkStore store = store(dir)) {
            assertThat(store.talks()).extracting(t -> t.talk().title()).contains("Cheap Tricks for Expensive Problems");
        }
    }

    @Test
    void anInterruptedImportResumesAndEndsWithTheMessagesOfOneCleanRun(@TempDir Path dir) throws Exception {
        Path config = config(dir);
        Path mbox = PipermailSamples.gzip(dir.resolve("talks.mbox.gz"), mbox(MAIL));
        String source = "import:" + mbox.toAbsolutePath().normalize();

        try (TalkStore store = store(dir)) {
            Importer[] importer = new Importer[1];
            ImportListener stopAfterThree = new ImportListener() {
                private int seen;

                @Override
                public void processed(ProcessResult result) {
                    if (++seen == 3) {
                        importer[0].stop();
                    }
                }
            };
            importer[0] = new Importer(store, TALKS, stopAfterThree);
            ImportSummary interrupted = importer[0].run(List.of(mbox));
            assertThat(interrupted.interrupted()).isTrue();
            assertThat(interrupted.lines()).contains("interrupted: run the same command again to resume");
            assertThat(store.messages()).hasSize(3);
            assertThat(store.checkpoint(source)).contains(new Checkpoint(source, 0, 3));
        }

        CliRun resumed = CliRun.of("import", "--config", config.toString(), mbox.toString());
        assertThat(resumed.exit()).as("the message that is no mail, the fourth, failed").isEqualTo(1);
        assertThat(resumed.out()).contains("resuming " + mbox.toAbsolutePath() + " after 3 messages",
                "imported 3 messages from 1 source", "3 done before were passed over");
        assertThat(resumed.out()).as("the first three are passed over unread")
                .doesNotContain("<a1@northfield.example.edu>", "talks.mbox.gz#1:", "talks.mbox.gz#3:")
                .contains("talks.mbox.gz#4:", "talks.mbox.gz#6:");

        Path clean = Files.createDirectory(dir.resolve("clean"));
        try (TalkStore store = store(clean)) {
            new Importer(store, TALKS, ImportListener.NONE).run(List.of(mbox));
        }
        try (TalkStore resumedStore = store(dir); TalkStore cleanStore = store(clean)) {
            assertThat(resumedStore.messages()).extracting(MessageRecord::messageKey, MessageRecord::outcome)
                    .containsExactlyElementsOf(cleanStore.messages().stream()
                            .map(m -> org.assertj.core.groups.Tuple.tuple(m.messageKey(), m.outcome())).toList());
            assertThat(talkRows(resumedStore)).isEqualTo(talkRows(cleanStore)).hasSize(2);
            assertThat(resumedStore.checkpoint(source)).contains(new Checkpoint(source, 0, 6));
        }
    }

    @Test
    void messagesReadAheadOnSeveralThreadsAreRecordedInTheirOrder(@TempDir Path dir) throws Exception {
        Path mbox = Files.write(dir.resolve("generated.mbox"), mbox(new EmailGenerator(7).generate(400)));
        MailboxConfig anySender = MailboxConfig.of("generated", ExtractionDefaults.NONE);
        Path oneThread = Files.createDirectory(dir.resolve("one"));
        Path fourThreads = Files.createDirectory(dir.resolve("four"));
        try (TalkStore store = store(oneThread)) {
            new Importer(store, anySender, ImportListener.NONE, 1).run(List.of(mbox));
        }
        try (TalkStore store = store(fourThreads)) {
            new Importer(store, anySender, ImportListener.NONE, 4).run(List.of(mbox));
        }
        try (TalkStore one = store(oneThread); TalkStore four = store(fourThreads)) {
            assertThat(four.messages()).hasSize(400).isEqualTo(one.messages());
            assertThat(one.messages()).as("follow-ups that depend on an earlier message: refused changes of its talk")
                    .anyMatch(m -> m.outcome() == Outcome.IGNORED);
            assertThat(four.talks()).extracting(StoredTalk::uid, StoredTalk::sequence, StoredTalk::cancelled, StoredTalk::talk)
                    .containsExactlyElementsOf(one.talks().stream()
                            .map(t -> org.assertj.core.groups.Tuple.tuple(t.uid(), t.sequence(), t.cancelled(), t.talk())).toList());
        }
    }

    /** A listener that calls {@code then} once {@code count} messages were processed. */
    private static ImportListener after(int count, Runnable then) {
        return new ImportListener() {
            private int seen;

            @Override
            public void processed(ProcessResult result) {
                if (++seen == count) {
                    then.run();
                }
            }
        };
    }

    /** The messages (key and outcome) and the talks of a store, to compare a resumed import with a clean one. */
    private static List<String> contents(TalkStore store) {
        List<String> rows = new ArrayList<>();
        store.messages().forEach(m -> rows.add(m.messageKey() + " " + m.outcome()));
        store.talks().forEach(t -> rows.add(t.uid() + " " + t.sequence() + " " + t.cancelled() + " " + t.talk()));
        return rows;
    }

    private static List<String> cleanImport(Path dir, Path mbox, MailboxConfig mailbox) {
        try (TalkStore store = TalkStore.open(dir.resolve("clean/t.db"))) {
            new Importer(store, mailbox, ImportListener.NONE).run(List.of(mbox));
            return contents(store);
        }
    }

    @Test
    void aStopInTheMiddleOfABatchCommitsTheMessagesRecordedWithTheirCheckpoint(@TempDir Path dir) throws Exception {
        int stopAt = Importer.BATCH_MESSAGES + Importer.BATCH_MESSAGES / 4;
        Path mbox = Files.write(dir.resolve("generated.mbox"), mbox(new EmailGenerator(11).generate(2 * Importer.BATCH_MESSAGES)));
        String source = "import:" + mbox.toAbsolutePath().normalize();
        MailboxConfig anySender = MailboxConfig.of("generated", ExtractionDefaults.NONE);
        try (TalkStore store = store(dir)) {
            Importer[] importer = new Importer[1];
            importer[0] = new Importer(store, anySender, after(stopAt, () -> importer[0].stop()));
            assertThat(importer[0].run(List.of(mbox)).interrupted()).isTrue();
            assertThat(store.messages()).hasSize(stopAt);
            assertThat(store.checkpoint(source)).contains(new Checkpoint(source, 0, stopAt));

            ImportSummary resumed = new Importer(store, anySender, ImportListener.NONE).run(List.of(mbox));
            assertThat(resumed.processed()).isEqualTo(2 * Importer.BATCH_MESSAGES - stopAt);
            assertThat(resumed.alreadySeen()).as("nothing recorded before is read again").isZero();
            assertThat(contents(store)).isEqualTo(cleanImport(dir, mbox, anySender));
        }
    }

    @Test
    void aFailureInTheMiddleOfABatchCommitsTheMessagesBeforeItWithTheirCheckpoint(@TempDir Path dir) throws Exception {
        int failAt = Importer.BATCH_MESSAGES + Importer.BATCH_MESSAGES / 2;
        Path mbox = Files.write(dir.resolve("generated.mbox"), mbox(new EmailGenerator(13).generate(2 * Importer.BATCH_MESSAGES)));
        String source = "import:" + mbox.toAbsolutePath().normalize();
        MailboxConfig anySender = MailboxConfig.of("generated", ExtractionDefaults.NONE);
        try (TalkStore store = store(dir)) {
            ImportListener failing = after(failAt, () -> {
                throw new IllegalStateException("the display broke");
            });
            ImportSummary stopped = new Importer(store, anySender, failing).run(List.of(mbox));
            assertThat(stopped.stoppedBy()).isEqualTo("IllegalStateException: the display broke");
            assertThat(store.messages()).hasSize(failAt);
            assertThat(store.checkpoint(source)).contains(new Checkpoint(source, 0, failAt));

            new Importer(store, anySender, ImportListener.NONE).run(List.of(mbox));
            assertThat(contents(store)).isEqualTo(cleanImport(dir, mbox, anySender));
        }
    }

    @Test
    void aSourceThatBreaksOffInTheMiddleOfABatchLeavesTheCheckpointAtTheMessagesRecorded(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(PipermailSamples.gzip(dir.resolve("whole.gz"),
                mbox(new EmailGenerator(17).generate(3 * Importer.BATCH_MESSAGES))));
        Path truncated = Files.write(dir.resolve("truncated.mbox.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        String source = "import:" + truncated.toAbsolutePath().normalize();
        try (TalkStore store = store(dir)) {
            ImportSummary summary = new Importer(store, MailboxConfig.of("generated", ExtractionDefaults.NONE), ImportListener.NONE)
                    .run(List.of(truncated));
            assertThat(summary.sourceFailures()).hasSize(1);
            int recorded = store.messages().size();
            assertThat(recorded).as("more than one batch, less than the whole").isBetween(Importer.BATCH_MESSAGES + 1,
                    3 * Importer.BATCH_MESSAGES - 1);
            assertThat(store.checkpoint(source)).contains(new Checkpoint(source, 0, recorded));
        }
    }

    @Test
    void aBrokenFileIsNamedAndTheOtherPathsAreStillImported(@TempDir Path dir) throws Exception {
        Path config = config(dir);
        Path notGzip = Files.writeString(dir.resolve("broken.mbox.gz"), "this was never compressed\n");
        byte[] whole = Files.readAllBytes(PipermailSamples.gzip(dir.resolve("whole.gz"), mbox(MAIL.subList(0, 4))));
        Path truncated = Files.write(dir.resolve("truncated.mbox.gz"), java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        Path missing = dir.resolve("missing.mbox");
        Path good = Files.write(dir.resolve("good.mbox"), mbox(MAIL.subList(4, 6)));

        CliRun run = CliRun.of("import", "--quiet", "--config", config.toString(), notGzip.toString(), missing.toString(),
                truncated.toString(), good.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(notGzip.toAbsolutePath() + ": not a gzip file")
                .contains(missing + ": no such file or folder")
                .contains(truncated.toAbsolutePath() + ": cannot read beyond message");
        assertThat(run.out()).contains("could not read: 3 sources");
        try (TalkStore store = store(dir)) {
            List<String> origins = store.messages().stream().map(MessageRecord::origin).toList();
            assertThat(origins).as("what the truncated file holds before the cut is imported")
                    .anyMatch(o -> o.startsWith(truncated.toAbsolutePath() + "#"));
            assertThat(origins).as("the paths after the broken ones are imported")
                    .anyMatch(o -> o.startsWith(good.toAbsolutePath() + "#"));
        }
    }

    @Test
    void aPageWhoseReplyLinkGivesItsMessageIdIsTheSameMessageAsInTheTextMonth(@TempDir Path dir) throws Exception {
        // of the two sample pages, only the first has the reply link: the second gets a made-up id and is not matched
        Path config = config(dir);
        Path html = PipermailSamples.htmlMonth(Files.createDirectory(dir.resolve("html")));
        Path text = PipermailSamples.gzip(dir.resolve("2026-March.txt.gz"),
                PipermailSamples.TEXT_MONTH);

        CliRun pages = CliRun.of("import", "--config", config.toString(), html.toString());
        assertThat(pages.exit()).isZero();
        assertThat(pages.out()).contains("imported 2 messages", "000001.html: announcement: new talk");

        CliRun months = CliRun.of("import", "--config", config.toString(), text.toString());
        assertThat(months.exit()).isZero();
        // the sample month's copy of that message has another title: the same Message-ID with other content
        assertThat(months.out()).contains("imported 3 messages").contains("1 duplicate Message-IDs with other content")
                .contains("#1: duplicate: Message-ID <a1@northfield.example.edu> was recorded before");
        try (TalkStore store = store(dir)) {
            assertThat(store.messages()).filteredOn(m -> m.messageKey().equals("<a1@northfield.example.edu>"))
                    .singleElement().satisfies(m -> assertThat(m.sender()).isEqualTo("jane.roe@northfield.example.edu"));
        }
    }

    @Test
    void ingestIsStillANameForImportAndQuietLeavesOnlyTheSummary(@TempDir Path dir) throws Exception {
        Path config = config(dir);
        Path one = Files.write(dir.resolve("one.mbox"), mbox(MAIL.subList(0, 2)));
        Path two = Files.write(dir.resolve("two.mbox"), mbox(MAIL.subList(4, 6)));

        CliRun ingest = CliRun.of("ingest", "--config", config.toString(), one.toString());
        assertThat(ingest.exit()).isZero();
        assertThat(ingest.out()).contains("one.mbox#1: announcement: new talk", "one.mbox#2: not a talk: no date found");

        CliRun quiet = CliRun.of("import", "--quiet", "--config", config.toString(), two.toString());
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.out()).doesNotContain("two.mbox#").contains("imported 2 messages", "talks: 1 new, 1 updated");
    }

    @Test
    void theBackfillBenchmarkReportsRateAndHeap() {
        CliRun bench = CliRun.of("bench", "--import", "300");
        assertThat(bench.exit()).isZero();
        List<String> lines = new ArrayList<>(bench.out().lines().toList());
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("import: 300 messages in [\\d.]+ s: [\\d,]+ msg/s.*"))
                .anySatisfy(l -> assertThat(l).matches("heap: peak used \\d+ MB.*max heap \\d+ MB"));
    }
}
