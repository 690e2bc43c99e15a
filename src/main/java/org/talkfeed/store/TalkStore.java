package org.talkfeed.store;

import org.sqlite.SQLiteConfig;
import org.talkfeed.mail.Checkpoint;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.KnownTalks;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkIdentity;
import org.talkfeed.talk.TalkJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The talk store, a SQLite file: every message seen and what it became, every talk, and each talk's
 * revisions, and how far each message source has been read. A message, the talks it yields and its
 * source's checkpoint are committed in one transaction; a {@link #write} may enclose the recording of several messages,
 * which then commit together. One connection, used by one thread at a time, each statement prepared once on it.
 */
public final class TalkStore implements AutoCloseable {
    /**
     * Where every read that feeds publishing (the feeds, pages, talks.json, atom, the digest) takes its talks from: the
     * talks whose status is published, never those pending or rejected by moderation.
     */
    private static final String PUBLISHED = "published_talks ";
    /** The columns {@link #storedTalk} reads, in its order. */
    private static final String TALK_COLUMNS = "SELECT id, uid, slug, cancelled, sequence, data, created_at, updated_at FROM ";
    private static final String SELECT_TALKS = TALK_COLUMNS + PUBLISHED;
    /** The columns {@link #messageRecord} reads, in its order. */
    /** The order every list of talks comes in: by start, talks without a start time last, then by day. */
    private static final String IN_TALK_ORDER = "ORDER BY starts_at IS NULL, starts_at, date, id";
    private static final String SELECT_MESSAGES = "SELECT message_key, mailbox, origin, subject, sender, sent_at, outcome, reason, "
            + "message_id, content_hash FROM messages ";
    /** The columns {@link #current} reads: those of {@link #SELECT_TALKS}, then the announcer and whether it was vouched for. */
    private static final String SELECT_CURRENT = "SELECT id, uid, slug, cancelled, sequence, data, created_at, updated_at, "
            + "announcer, announcer_vouched FROM talks WHERE id = ?";
    /** How many prepared statements are kept: the fixed ones, and the shapes of the queries of variable length. */
    private static final int STATEMENTS_KEPT = 64;
    private final Connection db;
    private final Statements statements;
    private final Clock clock;
    private final Writer writer = new Writer();
    /** How many writes are open: 0 none, 1 a transaction, more the savepoints of writes within it. */
    private int openWrites;
    /** The talks read through {@link Writer#current} in the open write, for {@link #revise} not to read them again. */
    private final Map<Long, StoredTalk> readInWrite = new HashMap<>();

    private TalkStore(Connection db, Clock clock) {
        this.db = db;
        this.statements = new Statements(db, STATEMENTS_KEPT);
        this.clock = clock;
    }

    public static TalkStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static TalkStore open(Path file, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SQLiteConfig config = new SQLiteConfig();
            // the driver would otherwise prepare a statement for last_insert_rowid() after every INSERT; ids are had by RETURNING
            config.setGetGeneratedKeys(false);
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA busy_timeout = 10000");
            }
            Migrations.apply(db);
            TalkStore store = new TalkStore(db, clock);
            store.fillMatchKeys();
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records a message that yields no talk and moves its source's checkpoint past it, in one transaction. */
    public synchronized void recordMessage(MessageRecord message, Checkpoint checkpoint) {
        inTransaction(() -> {
            insertMessage(message);
            saveCheckpoint(checkpoint);
            return null;
        });
    }

    /** Moves a source's checkpoint past a message that was already recorded (seen through another source). */
    public synchronized void advance(Checkpoint checkpoint) {
        inTransaction(() -> {
            saveCheckpoint(checkpoint);
            return null;
        });
    }

    public synchronized Optional<Checkpoint> checkpoint(String source) {
        try {
            PreparedStatement st = statements.get("SELECT uidvalidity, position FROM checkpoints WHERE source = ?");
            st.setString(1, source);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Checkpoint(source, rs.getLong(1), rs.getLong(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    public synchronized List<Checkpoint> checkpoints() {
        return query("SELECT source, uidvalidity, position FROM checkpoints ORDER BY source",
                rs -> new Checkpoint(rs.getString(1), rs.getLong(2), rs.getLong(3)));
    }

    public synchronized void saveStatus(String mailbox, String state, String detail, boolean checked) {
        inTransaction(() -> {
            PreparedStatement st = statements.get("INSERT INTO mailbox_status (mailbox, state, detail, last_check, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(mailbox) DO UPDATE SET state = excluded.state, "
                    + "detail = excluded.detail, last_check = COALESCE(excluded.last_check, mailbox_status.last_check), "
                    + "updated_at = excluded.updated_at");
            String now = now().toString();
            st.setString(1, mailbox);
            st.setString(2, state);
            st.setString(3, detail);
            st.setString(4, checked ? now : null);
            st.setString(5, now);
            st.executeUpdate();
            return null;
        });
    }

    public synchronized List<MailboxStatus> statuses() {
        return query("SELECT mailbox, state, detail, last_check, updated_at FROM mailbox_status ORDER BY mailbox",
                rs -> new MailboxStatus(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : Instant.parse(rs.getString(4)), Instant.parse(rs.getString(5))));
    }

    /** How many messages of each outcome came through a mailbox (or import). */
    public synchronized Map<Outcome, Integer> outcomeCounts(String mailbox) {
        return outcomeCounts("SELECT outcome, COUNT(*) FROM messages WHERE mailbox = ? GROUP BY outcome", mailbox);
    }

    /** Every outcome with its count (0 when none) from a query of (outcome, count) rows, with one optional parameter. */
    private Map<Outcome, Integer> outcomeCounts(String sql, String parameter) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        try {
            PreparedStatement st = statements.get(sql);
            if (parameter != null) {
                st.setString(1, parameter);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(Outcome.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)), rs.getInt(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one transaction: what it records, with the checkpoint it saves, commits or rolls back together.
     * The {@link Writer} it is given also answers what is known of the talks, as of the transaction. A write (or
     * {@link #recordMessage}, {@link #advance}, {@link #saveStatus}) called within {@code work} joins its transaction as
     * a savepoint: when it fails, what it did is undone and the exception goes on to the enclosing work, which may
     * still commit what it did before.
     */
    public synchronized <T> T write(Function<Writer, T> work) {
        return inTransaction(() -> work.apply(writer));
    }

    /** What a message recorded earlier is: its outcome and content hash; empty when no message has this key. */
    public synchronized Optional<MessageRecord> message(String messageKey) {
        try {
            PreparedStatement st = statements.get(SELECT_MESSAGES + "WHERE message_key = ?");
            st.setString(1, messageKey);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(messageRecord(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** The Message-IDs of the messages that made or changed a talk, oldest first. */
    public synchronized List<String> messageIds(long talkId) {
        try {
            PreparedStatement st = statements.get("SELECT m.message_id FROM revisions r JOIN messages m ON m.id = r.message_id "
                    + "WHERE r.talk_id = ? AND m.message_id IS NOT NULL ORDER BY r.id");
            st.setLong(1, talkId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /**
     * The messages that made or changed each of these talks, oldest first, with the text kept of each (none for a
     * message recorded before texts were kept); talks without any are left out.
     */
    public synchronized Map<Long, List<TalkMessage>> talkMessages(Collection<Long> talkIds) {
        Map<Long, List<TalkMessage>> messages = new HashMap<>();
        inBatches(talkIds, in -> query("SELECT r.talk_id, r.kind, m.subject, m.sender, m.sent_at, x.text, x.archived_at "
                + "FROM revisions r JOIN messages m ON m.id = r.message_id LEFT JOIN message_texts x ON x.message_id = m.id "
                + "WHERE r.talk_id IN " + in + " ORDER BY r.id", rs -> {
            messages.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new TalkMessage(
                    Kind.fromLabel(rs.getString(2)), rs.getString(3), rs.getString(4),
                    rs.getString(5) == null ? null : ZonedDateTime.parse(rs.getString(5)), rs.getString(6), rs.getString(7)));
            return null;
        }));
        return messages;
    }

    /** How many messages made or changed each talk ({@link #talkMessages}); talks without any are left out. */
    public synchronized Map<Long, Integer> talkMessageCounts() {
        Map<Long, Integer> counts = new HashMap<>();
        query("SELECT talk_id, count(*) FROM revisions GROUP BY talk_id", rs -> counts.put(rs.getLong(1), rs.getInt(2)));
        return counts;
    }

    /** The published talks (see {@link #PUBLISHED}), by start. */
    public synchronized List<StoredTalk> talks() {
        return query(SELECT_TALKS
                + IN_TALK_ORDER, TalkStore::storedTalk);
    }

    /** The columns of a talk's outline: what places it in the feeds and lists it (see {@link #talkOutlines()}). */
    private static final String SELECT_OUTLINES = "SELECT id, uid, slug, cancelled, sequence, json_extract(data, '$.title', "
            + "'$.speakers', '$.date', '$.start', '$.end', '$.timezone', '$.location', '$.online', '$.url', '$.host', "
            + "'$.series'), created_at, updated_at FROM " + PUBLISHED;

    /**
     * Every talk as {@link #talks()} orders them, without its abstract, bio, confidence and warnings: what places a
     * talk in the feeds and lists it, read by SQLite's JSON functions without decoding the whole talk.
     */
    public synchronized List<StoredTalk> talkOutlines() {
        // one json_extract with many paths parses each talk's JSON once and answers a short JSON array
        return query(SELECT_OUTLINES + IN_TALK_ORDER, TalkStore::outline);
    }

    /** The outlines ({@link #talkOutlines()}) of these talks, in no particular order; ids that are not known are left out. */
    public synchronized List<StoredTalk> talkOutlines(Collection<Long> ids) {
        return inBatches(ids, in -> query(SELECT_OUTLINES + "WHERE id IN " + in, TalkStore::outline));
    }

    private static StoredTalk outline(ResultSet rs) throws SQLException {
        Talk outline = TalkJson.readOutline(rs.getString(6));
        return new StoredTalk(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0, rs.getInt(5),
                outline, Instant.parse(rs.getString(7)), Instant.parse(rs.getString(8)));
    }

    /** Which talk, at which change: a talk's sequence is raised with every change of its fields or its cancellation. */
    public record TalkVersion(long id, String uid, int sequence, boolean cancelled) {
    }

    /**
     * The version of every talk, in the order of {@link #talks()}: a narrow read (the columns before the talk's JSON),
     * for a reader that keeps talks to learn which of them changed.
     */
    public synchronized List<TalkVersion> talkVersions() {
        return query("SELECT id, uid, sequence, cancelled FROM " + PUBLISHED + IN_TALK_ORDER,
                rs -> new TalkVersion(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4) != 0));
    }

    /** These talks, whole, in no particular order; ids that are not known are left out. */
    public synchronized List<StoredTalk> talks(Collection<Long> ids) {
        return inBatches(ids, in -> query(SELECT_TALKS + "WHERE id IN " + in, TalkStore::storedTalk));
    }

    /** What {@code read} answers for each batch of a few hundred ids, given as an SQL list: {@code (1,2,3)}. */
    private static <T> List<T> inBatches(Collection<Long> ids, Function<String, List<T>> read) {
        List<T> found = new ArrayList<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            StringJoiner in = new StringJoiner(",", "(", ")");
            all.subList(from, Math.min(all.size(), from + 500)).forEach(id -> in.add(Long.toString(id)));
            found.addAll(read.apply(in.toString()));
        }
        return found;
    }

    /** Each talk's published identity and its stored JSON as is, in the order of {@link #talks()}, one at a time. */
    public synchronized void forEachTalkJson(TalkJsonRow row) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT uid, slug, cancelled, sequence, created_at, updated_at, data FROM " + PUBLISHED
                        + IN_TALK_ORDER)) {
            while (rs.next()) {
                row.accept(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, rs.getInt(4), Instant.parse(rs.getString(5)),
                        Instant.parse(rs.getString(6)), rs.getString(7));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** One row of {@link #forEachTalkJson}. */
    public interface TalkJsonRow {
        void accept(String uid, String slug, boolean cancelled, int sequence, Instant createdAt, Instant updatedAt, String talkJson);
    }

    /** The talks moderation holds back with this status (pending or rejected), in the order of {@link #talks()}, each with why. */
    public synchronized List<HeldTalk> heldTalks(TalkStatus status) {
        try {
            PreparedStatement st = statements.get("SELECT t.id, t.uid, t.slug, t.cancelled, t.sequence, t.data, t.created_at, "
                    + "t.updated_at, (SELECT d.reason FROM decisions d WHERE d.talk_id = t.id AND d.decision = 'held' "
                    + "ORDER BY d.id DESC LIMIT 1), (SELECT d.decided_at FROM decisions d WHERE d.talk_id = t.id "
                    + "AND d.decision = 'held' ORDER BY d.id DESC LIMIT 1) FROM talks t WHERE t.status = ? "
                    + "ORDER BY t.starts_at IS NULL, t.starts_at, t.date, t.id");
            st.setString(1, status.label());
            List<HeldTalk> held = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    held.add(new HeldTalk(storedTalk(rs), status, rs.getString(9),
                            rs.getString(10) == null ? null : Instant.parse(rs.getString(10))));
                }
            }
            return held;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /**
     * Publishes pending (or rejected) talk {@code id} as {@code correct} leaves it, and keeps the decision: who made it,
     * now, and the {@code corrections} as written. Its SEQUENCE rises when the corrections changed it. Throws
     * {@link IllegalStateException} when the talk is not held, and what {@code correct} throws when it refuses a
     * correction; nothing is changed then.
     */
    public synchronized StoredTalk approve(long id, UnaryOperator<Talk> correct, String corrections, String by) {
        return inTransaction(() -> {
            // the write comes first, so that this transaction holds the write lock before it reads the talk
            PreparedStatement publish = statements.get("UPDATE talks SET status = 'published' WHERE id = ? AND status <> 'published'");
            publish.setLong(1, id);
            if (publish.executeUpdate() != 1) {
                throw new IllegalStateException(notHeld(id, "held"));
            }
            StoredTalk known = talk(id);
            Talk corrected = correct.apply(known.talk());
            boolean changed = !corrected.showsAs(known.talk());
            Instant now = now();
            int sequence = changed ? known.sequence() + 1 : known.sequence();
            PreparedStatement st = statements.get("UPDATE talks SET sequence = ?, date = ?, starts_at = ?, data = ?, "
                    + "updated_at = ? WHERE id = ?");
            st.setInt(1, sequence);
            st.setString(2, corrected.date() == null ? null : corrected.date().toString());
            st.setString(3, startsAt(corrected));
            st.setString(4, TalkJson.write(corrected));
            st.setString(5, now.toString());
            st.setLong(6, id);
            st.executeUpdate();
            if (changed) {
                saveMatchKeys(id, corrected, true);
            }
            insertDecision(id, Decision.Kind.APPROVED, by, null, corrections, now);
            return new StoredTalk(id, known.uid(), known.slug(), known.cancelled(), sequence, corrected, known.createdAt(), now);
        });
    }

    /**
     * Rejects pending talk {@code id}: it is never published; the decision is kept with who made it and when. Throws
     * {@link IllegalStateException} when the talk is not pending.
     */
    public synchronized void reject(long id, String by) {
        inTransaction(() -> {
            PreparedStatement st = statements.get("UPDATE talks SET status = 'rejected', updated_at = ? WHERE id = ? AND status = 'pending'");
            Instant now = now();
            st.setString(1, now.toString());
            st.setLong(2, id);
            if (st.executeUpdate() != 1) {
                throw new IllegalStateException(notHeld(id, "pending"));
            }
            insertDecision(id, Decision.Kind.REJECTED, by, null, null, now);
            return null;
        });
    }

    /** Why talk {@code id} cannot be approved or rejected: there is none, or it is published already. */
    private String notHeld(long id, String state) throws SQLException {
        PreparedStatement st = statements.get("SELECT status FROM talks WHERE id = ?");
        st.setLong(1, id);
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? "talk " + id + " is not " + state + ": it is " + rs.getString(1) : "there is no talk " + id;
        }
    }

    /** Every decision about talk {@code id}, oldest first. */
    public synchronized List<Decision> decisions(long id) {
        try {
            PreparedStatement st = statements.get("SELECT talk_id, decision, by_whom, decided_at, reason, corrections FROM decisions "
                    + "WHERE talk_id = ? ORDER BY id");
            st.setLong(1, id);
            List<Decision> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(decision(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** Every decision about each of these talks, oldest first; talks without any are left out. */
    public synchronized Map<Long, List<Decision>> decisions(Collection<Long> ids) {
        Map<Long, List<Decision>> found = new HashMap<>();
        inBatches(ids, in -> query("SELECT talk_id, decision, by_whom, decided_at, reason, corrections FROM decisions WHERE talk_id IN "
                + in + " ORDER BY id", rs -> found.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(decision(rs))));
        return found;
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        return new Decision(rs.getLong(1), Decision.Kind.fromLabel(rs.getString(2)),
                rs.getString(3), Instant.parse(rs.getString(4)), rs.getString(5), rs.getString(6));
    }

    /**
     * A number that grows with every approval and rejection, whichever process made it: a reader that publishes keeps
     * the last it saw, and publishes again when it grew.
     */
    public synchronized long lastModerationDecision() {
        return query("SELECT COALESCE(MAX(id), 0) FROM decisions WHERE decision <> 'held'", rs -> rs.getLong(1)).get(0);
    }

    private TalkStatus status(long id) throws SQLException {
        PreparedStatement st = statements.get("SELECT status FROM talks WHERE id = ?");
        st.setLong(1, id);
        try (ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no talk " + id);
            }
            return TalkStatus.fromLabel(rs.getString(1));
        }
    }

    /** Why talk {@code id} was last held for review, as recorded then; null when it never was. */
    private String heldReason(long id) throws SQLException {
        PreparedStatement st = statements.get("SELECT reason FROM decisions WHERE talk_id = ? AND decision = 'held' ORDER BY id DESC LIMIT 1");
        st.setLong(1, id);
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void insertDecision(long talkId, Decision.Kind kind, String by, String reason, String corrections, Instant at)
            throws SQLException {
        PreparedStatement st = statements.get("INSERT INTO decisions (talk_id, decision, by_whom, decided_at, reason, corrections) "
                + "VALUES (?, ?, ?, ?, ?, ?)");
        st.setLong(1, talkId);
        st.setString(2, kind.label());
        st.setString(3, by);
        st.setString(4, at.toString());
        st.setString(5, reason);
        st.setString(6, corrections);
        st.executeUpdate();
    }

    private boolean claimReceipt(Receipt r) throws SQLException {
        PreparedStatement st = statements.get("INSERT INTO receipts (message_key, mailbox, recipient, sender, message_id, in_reply_to, "
                + "refs, subject, body, claimed_at, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT(message_key) DO NOTHING");
        st.setString(1, r.messageKey());
        st.setString(2, r.mailbox());
        st.setString(3, r.recipient());
        st.setString(4, r.from());
        st.setString(5, r.messageId());
        st.setString(6, r.inReplyTo());
        st.setString(7, r.references());
        st.setString(8, r.subject());
        st.setString(9, r.body());
        st.setString(10, now().toString());
        st.setString(11, r.skipped());
        return st.executeUpdate() == 1;
    }

    private int receiptsClaimedSince(String recipient, Instant since) throws SQLException {
        PreparedStatement st = statements.get("SELECT COUNT(*) FROM receipts WHERE recipient = ? AND claimed_at >= ? AND skipped IS NULL");
        st.setString(1, recipient);
        st.setString(2, since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The columns {@link #receipt} reads, in its order. */
    private static final String SELECT_RECEIPTS = "SELECT message_key, mailbox, recipient, sender, message_id, in_reply_to, refs, "
            + "subject, body, claimed_at, skipped, sent_at, attempts FROM receipts ";

    /** The receipts to send now: claimed, not sent, not skipped, and not waiting for a retry later than {@code now}; oldest first. */
    public synchronized List<Receipt> dueReceipts(Instant now, int limit) {
        try {
            PreparedStatement st = statements.get(SELECT_RECEIPTS + "WHERE sent_at IS NULL AND skipped IS NULL "
                    + "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY claimed_at, message_key LIMIT ?");
            st.setString(1, now.toString());
            st.setInt(2, limit);
            List<Receipt> due = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    due.add(receipt(rs));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** Every receipt claimed, oldest first. */
    public synchronized List<Receipt> receipts() {
        return query(SELECT_RECEIPTS + "ORDER BY claimed_at, message_key", TalkStore::receipt);
    }

    public synchronized void markReceiptSent(String messageKey) {
        inTransaction(() -> {
            PreparedStatement st = statements.get("UPDATE receipts SET sent_at = ?, attempts = attempts + 1, last_error = NULL, "
                    + "next_attempt_at = NULL WHERE message_key = ?");
            st.setString(1, now().toString());
            st.setString(2, messageKey);
            return st.executeUpdate();
        });
    }

    /**
     * Records a failed attempt to send a receipt: it is tried again at {@code retryAt}; with {@code retryAt} null it is
     * given up, skipped with the error as the reason.
     */
    public synchronized void markReceiptFailed(String messageKey, String error, Instant retryAt) {
        inTransaction(() -> {
            PreparedStatement st = statements.get("UPDATE receipts SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
                    + "skipped = CASE WHEN ? IS NULL THEN 'not sent: ' || ? ELSE skipped END WHERE message_key = ?");
            String retry = retryAt == null ? null : retryAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            st.setString(1, error);
            st.setString(2, retry);
            st.setString(3, retry);
            st.setString(4, error);
            st.setString(5, messageKey);
            return st.executeUpdate();
        });
    }

    private static Receipt receipt(ResultSet rs) throws SQLException {
        return new Receipt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), Instant.parse(rs.getString(10)), rs.getString(11),
                rs.getString(12) == null ? null : Instant.parse(rs.getString(12)), rs.getInt(13));
    }

    public synchronized Map<Outcome, Integer> outcomeCounts() {
        return outcomeCounts("SELECT outcome, COUNT(*) FROM messages GROUP BY outcome", null);
    }

    public synchronized List<MessageRecord> messages() {
        return query(SELECT_MESSAGES + "ORDER BY id", TalkStore::messageRecord);
    }

    /**
     * Claims {@code week}'s digest before it is sent: records it with this Message-ID unless the week has a record
     * already. Returns the week's record as it stands, the new claim or the one found (whose Message-ID a send again
     * after a crash reuses).
     */
    public synchronized DigestRecord claimDigest(String week, String messageId, int talks) {
        return inTransaction(() -> {
            PreparedStatement st = statements.get("INSERT INTO digests (week, claimed_at, message_id, talks) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT(week) DO NOTHING");
            st.setString(1, week);
            st.setString(2, now().toString());
            st.setString(3, messageId);
            st.setInt(4, talks);
            st.executeUpdate();
            return digestRow(week).orElseThrow();
        });
    }

    /** Marks {@code week}'s claimed digest as sent, now. */
    public synchronized void markDigestSent(String week) {
        inTransaction(() -> {
            PreparedStatement st = statements.get("UPDATE digests SET sent_at = ? WHERE week = ?");
            st.setString(1, now().toString());
            st.setString(2, week);
            if (st.executeUpdate() != 1) {
                throw new SQLException("no digest claimed for " + week);
            }
            return null;
        });
    }

    /** Settles {@code week} without a message (it had no talks), unless it has a record already. */
    public synchronized DigestRecord skipDigest(String week) {
        return inTransaction(() -> {
            PreparedStatement st = statements.get("INSERT INTO digests (week, claimed_at, sent_at, message_id, talks) "
                    + "VALUES (?, ?, ?, NULL, 0) ON CONFLICT(week) DO NOTHING");
            String now = now().toString();
            st.setString(1, week);
            st.setString(2, now);
            st.setString(3, now);
            st.executeUpdate();
            return digestRow(week).orElseThrow();
        });
    }

    public synchronized Optional<DigestRecord> digest(String week) {
        try {
            return digestRow(week);
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** Every week's digest record, the latest week first. */
    public synchronized List<DigestRecord> digests() {
        return query("SELECT week, claimed_at, sent_at, message_id, talks FROM digests ORDER BY week DESC", TalkStore::digestRecord);
    }

    /**
     * Talk {@code talkId} as its revisions stood at {@code at} (the latest made then or before); empty when it had none.
     */
    public synchronized Optional<Talk> talkAsOf(long talkId, Instant at) {
        try {
            PreparedStatement st = statements.get("SELECT data FROM revisions WHERE talk_id = ? AND created_at <= ? "
                    + "ORDER BY created_at DESC, id DESC LIMIT 1");
            st.setLong(1, talkId);
            st.setString(2, at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(TalkJson.readTalk(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    private Optional<DigestRecord> digestRow(String week) throws SQLException {
        PreparedStatement st = statements.get("SELECT week, claimed_at, sent_at, message_id, talks FROM digests WHERE week = ?");
        st.setString(1, week);
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(digestRecord(rs)) : Optional.empty();
        }
    }

    private static DigestRecord digestRecord(ResultSet rs) throws SQLException {
        return new DigestRecord(rs.getString(1), Instant.parse(rs.getString(2)),
                rs.getString(3) == null ? null : Instant.parse(rs.getString(3)), rs.getString(4), rs.getInt(5));
    }

    private static MessageRecord messageRecord(ResultSet rs) throws SQLException {
        return new MessageRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6) == null ? null : ZonedDateTime.parse(rs.getString(6)),
                Outcome.valueOf(rs.getString(7).toUpperCase(java.util.Locale.ROOT)), rs.getString(8), rs.getString(9),
                rs.getString(10));
    }

    /**
     * The known talks within {@code reach}: on its date those that share a surname or name no speaker (all of them when
     * it names none), and in its span those that share a surname. Chosen through indexes from the narrow match keys,
     * so a large store is not read for every message.
     */
    private List<KnownTalks.Candidate> candidates(TalkIdentity.Reach reach) throws SQLException {
        if (reach.date() == null) {
            return List.of();
        }
        List<String> surnames = List.copyOf(reach.surnames());
        String columns = "SELECT talk_id, date, start_time, surnames, title_words FROM talk_match ";
        // the two parts cannot share a talk: one names no speaker, the other shares a surname
        String sql = surnames.isEmpty() ? columns + "WHERE date = ?"
                : columns + "WHERE date = ? AND surnames = '' UNION ALL " + columns + "WHERE talk_id IN (SELECT talk_id FROM "
                + "talk_surnames WHERE surname IN (" + String.join(", ", Collections.nCopies(surnames.size(), "?"))
                + ") AND date BETWEEN ? AND ?)";
        PreparedStatement st = statements.get(sql);
        int i = 1;
        st.setString(i++, reach.date().toString());
        if (!surnames.isEmpty()) {
            for (String surname : surnames) {
                st.setString(i++, surname);
            }
            st.setString(i++, reach.from().toString());
            st.setString(i++, reach.to().toString());
        }
        return candidateRows(st);
    }

    /** The talks that the messages with these Message-IDs made or changed (through their revisions). */
    private List<KnownTalks.Candidate> threaded(List<String> messageIds) throws SQLException {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        PreparedStatement st = statements.get("SELECT DISTINCT tm.talk_id, tm.date, tm.start_time, tm.surnames, "
                + "tm.title_words FROM messages m JOIN revisions r ON r.message_id = m.id JOIN talk_match tm ON tm.talk_id = r.talk_id "
                + "WHERE m.message_key IN (" + String.join(", ", Collections.nCopies(messageIds.size(), "?")) + ") ORDER BY tm.talk_id");
        for (int i = 0; i < messageIds.size(); i++) {
            st.setString(i + 1, messageIds.get(i));
        }
        return candidateRows(st);
    }

    /** Candidates from rows of (talk_id, date, start_time, surnames, title_words). */
    private static List<KnownTalks.Candidate> candidateRows(PreparedStatement st) throws SQLException {
        List<KnownTalks.Candidate> result = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String date = rs.getString(2);
                String start = rs.getString(3);
                result.add(new KnownTalks.Candidate(rs.getLong(1), TalkIdentity.Traits.of(date == null ? null : LocalDate.parse(date),
                        start == null ? null : LocalTime.parse(start), rs.getString(4), rs.getString(5))));
            }
        }
        return result;
    }

    /** Talk {@code id} as it stands, kept until the write ends for {@link #revise}, which needs the whole row. */
    private KnownTalks.Current current(long id) throws SQLException {
        PreparedStatement st = statements.get(SELECT_CURRENT);
        st.setLong(1, id);
        try (ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no talk " + id);
            }
            StoredTalk talk = storedTalk(rs);
            readInWrite.put(id, talk);
            return new KnownTalks.Current(talk.talk(), talk.cancelled(), rs.getString(9), rs.getInt(10) != 0);
        }
    }

    /** Talk {@code id} as it stands: as {@link #current} read it in this write, or read now. */
    private StoredTalk talk(long id) throws SQLException {
        StoredTalk read = readInWrite.remove(id);
        if (read != null) {
            return read;
        }
        PreparedStatement st = statements.get(TALK_COLUMNS + "talks WHERE id = ?");
        st.setLong(1, id);
        try (ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no talk " + id);
            }
            return storedTalk(rs);
        }
    }

    /**
     * What {@link #candidates} reads of a talk: its match keys, and its speakers' surnames with its date, one row each;
     * {@code replacing} those it had.
     */
    private void saveMatchKeys(long talkId, Talk talk, boolean replacing) throws SQLException {
        String date = talk.date() == null ? null : talk.date().toString();
        Set<String> surnames = TalkIdentity.surnames(talk);
        PreparedStatement st = statements.get("INSERT OR REPLACE INTO talk_match (talk_id, date, start_time, "
                + "surnames, title_words) VALUES (?, ?, ?, ?, ?)");
        st.setLong(1, talkId);
        st.setString(2, date);
        st.setString(3, talk.start() == null ? null : talk.start().toString());
        st.setString(4, String.join(" ", surnames));
        st.setString(5, TalkIdentity.matchTitle(talk));
        st.executeUpdate();
        if (replacing) {
            PreparedStatement delete = statements.get("DELETE FROM talk_surnames WHERE talk_id = ?");
            delete.setLong(1, talkId);
            delete.executeUpdate();
        }
        PreparedStatement insert = statements.get("INSERT INTO talk_surnames (talk_id, surname, date) VALUES (?, ?, ?)");
        for (String surname : surnames) {
            insert.setLong(1, talkId);
            insert.setString(2, surname);
            insert.setString(3, date);
            insert.executeUpdate();
        }
    }

    /**
     * Talks stored before their match keys existed get them once, when the store is opened. They are read again under
     * the write lock, so that two processes opening an old store at once cannot write keys from a stale copy.
     */
    private void fillMatchKeys() {
        if (talksWithoutMatchKeys().isEmpty()) {
            return;
        }
        try (Statement st = db.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                for (Map.Entry<Long, Talk> talk : talksWithoutMatchKeys().entrySet()) {
                    saveMatchKeys(talk.getKey(), talk.getValue(), true);
                }
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot write to the store: " + e.getMessage(), e);
        }
    }

    private Map<Long, Talk> talksWithoutMatchKeys() {
        Map<Long, Talk> missing = new java.util.LinkedHashMap<>();
        query("SELECT id, data FROM talks WHERE id NOT IN (SELECT talk_id FROM talk_match)",
                rs -> missing.put(rs.getLong(1), TalkJson.readTalk(rs.getString(2))));
        return missing;
    }

    private void saveCheckpoint(Checkpoint checkpoint) throws SQLException {
        if (checkpoint == null) {
            return;
        }
        PreparedStatement st = statements.get("INSERT INTO checkpoints (source, uidvalidity, position, updated_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET uidvalidity = excluded.uidvalidity, "
                + "position = excluded.position, updated_at = excluded.updated_at");
        st.setString(1, checkpoint.source());
        st.setLong(2, checkpoint.uidValidity());
        st.setLong(3, checkpoint.position());
        st.setString(4, now().toString());
        st.executeUpdate();
    }

    private long insertMessage(MessageRecord m) throws SQLException {
        PreparedStatement st = statements.get("INSERT INTO messages (message_key, mailbox, origin, subject, sender, "
                + "sent_at, outcome, reason, processed_at, message_id, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "RETURNING id");
        st.setString(1, m.messageKey());
        st.setString(2, m.mailbox());
        st.setString(3, m.origin());
        st.setString(4, m.subject());
        st.setString(5, m.sender());
        st.setString(6, m.sentAt() == null ? null : m.sentAt().toString());
        st.setString(7, m.outcome().label());
        st.setString(8, m.reason());
        st.setString(9, now().toString());
        st.setString(10, m.messageId());
        st.setString(11, m.contentHash());
        long id = insertedId(st);
        if (m.original().text() != null) {
            PreparedStatement text = statements.get("INSERT INTO message_texts (message_id, text, archived_at) VALUES (?, ?, ?)");
            text.setLong(1, id);
            text.setString(2, m.original().text());
            text.setString(3, m.original().archivedAt());
            text.executeUpdate();
        }
        return id;
    }

    /** Runs an INSERT ... RETURNING id; returns the id. */
    private static long insertedId(PreparedStatement insert) throws SQLException {
        try (ResultSet rs = insert.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the insert returned no id");
            }
            return rs.getLong(1);
        }
    }

    private StoredTalk create(String messageKey, int index, Talk talk, Kind kind, String announcer, boolean announcerVouched,
                              long messageRow, String heldBecause)
            throws SQLException {
        String uid = uid(messageKey, index);
        String slug = uniqueSlug(Slugs.of(talk));
        Instant now = now();
        boolean cancelled = false;
        String json = TalkJson.write(talk);
        PreparedStatement st = statements.get("INSERT INTO talks (uid, slug, cancelled, sequence, date, starts_at, data, "
                + "created_at, updated_at, announcer, announcer_vouched, status) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        st.setString(1, uid);
        st.setString(2, slug);
        st.setInt(3, cancelled ? 1 : 0);
        st.setString(4, talk.date() == null ? null : talk.date().toString());
        st.setString(5, startsAt(talk));
        st.setString(6, json);
        st.setString(7, now.toString());
        st.setString(8, now.toString());
        st.setString(9, announcer);
        st.setInt(10, announcerVouched ? 1 : 0);
        st.setString(11, (heldBecause == null ? TalkStatus.PUBLISHED : TalkStatus.PENDING).label());
        long id = insertedId(st);
        insertRevision(id, messageRow, kind, json);
        saveMatchKeys(id, talk, false);
        if (heldBecause != null) {
            insertDecision(id, Decision.Kind.HELD, "talkfeed", heldBecause, null, now);
        }
        return new StoredTalk(id, uid, slug, cancelled, 0, talk, now, now);
    }

    private StoredTalk revise(long id, Talk merged, boolean cancelled, Kind kind, long messageRow) throws SQLException {
        StoredTalk known = talk(id);
        boolean changed = !merged.showsAs(known.talk()) || cancelled != known.cancelled();
        if (!changed) {
            merged = known.talk(); // a message that only confirms the talk leaves it as it was read first
        }
        int sequence = changed ? known.sequence() + 1 : known.sequence();
        Instant now = changed ? now() : known.updatedAt();
        String json = TalkJson.write(merged);
        PreparedStatement st = statements.get("UPDATE talks SET cancelled = ?, sequence = ?, date = ?, starts_at = ?, "
                + "data = ?, updated_at = ? WHERE id = ?");
        st.setInt(1, cancelled ? 1 : 0);
        st.setInt(2, sequence);
        st.setString(3, merged.date() == null ? null : merged.date().toString());
        st.setString(4, startsAt(merged));
        st.setString(5, json);
        st.setString(6, now.toString());
        st.setLong(7, known.id());
        st.executeUpdate();
        insertRevision(known.id(), messageRow, kind, json);
        if (!merged.speakers().equals(known.talk().speakers()) || !Objects.equals(merged.title(), known.talk().title())
                || !Objects.equals(merged.date(), known.talk().date()) || !Objects.equals(merged.start(), known.talk().start())) {
            saveMatchKeys(known.id(), merged, true);
        }
        return new StoredTalk(known.id(), known.uid(), known.slug(), cancelled, sequence, merged, known.createdAt(), now);
    }

    private void insertRevision(long talkId, long messageRow, Kind kind, String talkJson) throws SQLException {
        PreparedStatement st = statements.get("INSERT INTO revisions (talk_id, message_id, kind, data, created_at) VALUES (?, ?, ?, ?, ?)");
        st.setLong(1, talkId);
        st.setLong(2, messageRow);
        st.setString(3, kind.label());
        st.setString(4, talkJson);
        st.setString(5, now().toString());
        st.executeUpdate();
    }

    private String uniqueSlug(String base) throws SQLException {
        String slug = base;
        for (int n = 2; ; n++) {
            PreparedStatement st = statements.get("SELECT 1 FROM talks WHERE slug = ?");
            st.setString(1, slug);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return slug;
                }
            }
            slug = base + "-" + n;
        }
    }

    /**
     * The UID of the talk that the {@code index}th talk of a message makes when it is new: stable across rebuilds of the
     * store from the same mail, derived from the message's key (its Message-ID, angle brackets and all).
     */
    public static String uid(String messageKey, int index) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((messageKey + "#" + index).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16) + "@talkfeed";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String startsAt(Talk talk) {
        return talk.startsAt().map(z -> z.withZoneSameInstant(ZoneOffset.UTC).toInstant().toString())
                .orElse(talk.date() == null ? null : talk.date().toString());
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static StoredTalk storedTalk(ResultSet rs) throws SQLException {
        return new StoredTalk(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0, rs.getInt(5),
                TalkJson.readTalk(rs.getString(6)), Instant.parse(rs.getString(7)), Instant.parse(rs.getString(8)));
    }

    /**
     * What one transaction of {@link #write} may do: record messages and their talks, move checkpoints, and read the
     * known talks as they stand in it.
     */
    public final class Writer implements KnownTalks {
        private Writer() {
        }

        /** Records a message; returns its row, which the talks it made or changed refer to. */
        public long insertMessage(MessageRecord message) {
            return sql(() -> TalkStore.this.insertMessage(message));
        }

        /** Moves a source's checkpoint past the messages recorded in this transaction; null does nothing. */
        public void saveCheckpoint(Checkpoint checkpoint) {
            sql(() -> {
                TalkStore.this.saveCheckpoint(checkpoint);
                return null;
            });
        }

        /** Stores a new talk that the {@code index}th talk of message {@code messageKey} announced, published. */
        public StoredTalk create(String messageKey, int index, Talk talk, Kind kind, String announcer, boolean announcerVouched,
                                 long messageRow) {
            return create(messageKey, index, talk, kind, announcer, announcerVouched, messageRow, null);
        }

        /**
         * Stores a new talk that the {@code index}th talk of message {@code messageKey} announced: published, or pending
         * an admin's decision when moderation holds it ({@code heldBecause} says why; null publishes it).
         */
        public StoredTalk create(String messageKey, int index, Talk talk, Kind kind, String announcer, boolean announcerVouched,
                                 long messageRow, String heldBecause) {
            return sql(() -> TalkStore.this.create(messageKey, index, talk, kind, announcer, announcerVouched, messageRow,
                    heldBecause));
        }

        /** Whether talk {@code id} is published, pending or rejected. */
        public TalkStatus status(long id) {
            return sql(() -> TalkStore.this.status(id));
        }

        /** Why talk {@code id} was last held for review, as recorded then; null when it never was. */
        public String heldReason(long id) {
            return sql(() -> TalkStore.this.heldReason(id));
        }

        /** Claims the receipt of a message, unless that message has one already; true when this claim is the new one. */
        public boolean claimReceipt(Receipt receipt) {
            return sql(() -> TalkStore.this.claimReceipt(receipt));
        }

        /** How many receipts to {@code recipient} were claimed to be sent (not skipped) at or after {@code since}. */
        public int receiptsClaimedSince(String recipient, Instant since) {
            return sql(() -> TalkStore.this.receiptsClaimedSince(recipient, since));
        }

        /** Makes {@code talk} talk {@code id}'s current state, a new revision; its SEQUENCE rises when anything changed. */
        public StoredTalk revise(long id, Talk talk, boolean cancelled, Kind kind, long messageRow) {
            return sql(() -> TalkStore.this.revise(id, talk, cancelled, kind, messageRow));
        }

        @Override
        public List<Candidate> near(TalkIdentity.Reach reach) {
            return sql(() -> candidates(reach));
        }

        @Override
        public List<Candidate> threaded(List<String> messageIds) {
            return sql(() -> TalkStore.this.threaded(messageIds));
        }

        @Override
        public Current current(long id) {
            return sql(() -> TalkStore.this.current(id));
        }

        private <T> T sql(Work<T> work) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new StoreException("cannot write to the store: " + e.getMessage(), e);
            }
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs {@code work} in a transaction of its own, or, within an open one, in a savepoint. */
    private synchronized <T> T inTransaction(Work<T> work) {
        try {
            return openWrites > 0 ? inSavepoint(work) : inOwnTransaction(work);
        } catch (SQLException e) {
            throw new StoreException("cannot write to the store: " + e.getMessage(), e);
        }
    }

    private <T> T inOwnTransaction(Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        openWrites++;
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (Throwable e) { // even an Error: setAutoCommit(true) below would commit what is half done
            rollBack(e, db::rollback);
            throw e;
        } finally {
            openWrites--;
            readInWrite.clear();
            db.setAutoCommit(true);
        }
    }

    /** A savepoint by prepared statements: the driver's Savepoint API parses its SQL anew each time. */
    private <T> T inSavepoint(Work<T> work) throws SQLException {
        statements.get("SAVEPOINT inner_write").execute();
        openWrites++;
        try {
            T result = work.run();
            statements.get("RELEASE inner_write").execute();
            return result;
        } catch (Throwable e) {
            rollBack(e, () -> {
                statements.get("ROLLBACK TO inner_write").execute();
                statements.get("RELEASE inner_write").execute();
            });
            throw e;
        } finally {
            openWrites--;
            readInWrite.clear();
        }
    }

    private interface Undo {
        void run() throws SQLException;
    }

    /** Undoes what failed with {@code failure}; a failure to undo is added to it, not thrown over it. */
    private static void rollBack(Throwable failure, Undo undo) {
        try {
            undo.run();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private <T> List<T> query(String sql, Row<T> row) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<T> result = new ArrayList<>();
            while (rs.next()) {
                result.add(row.map(rs));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try (db) {
            statements.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store: " + e.getMessage(), e);
        }
    }
}
