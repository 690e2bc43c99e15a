package org.talkfeed.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The store's schema, one step per version; the file's user_version says which steps it has had. */
final class Migrations {
    private static final List<String> STEPS = List.of(
            """
            CREATE TABLE messages (
                id INTEGER PRIMARY KEY,
                message_key TEXT NOT NULL UNIQUE,
                origin TEXT NOT NULL,
                subject TEXT,
                sender TEXT,
                sent_at TEXT,
                outcome TEXT NOT NULL,
                reason TEXT,
                processed_at TEXT NOT NULL
            );
            CREATE TABLE talks (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                slug TEXT NOT NULL UNIQUE,
                cancelled INTEGER NOT NULL DEFAULT 0,
                sequence INTEGER NOT NULL DEFAULT 0,
                date TEXT,
                starts_at TEXT,
                data TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX talks_by_date ON talks(date);
            CREATE TABLE revisions (
                id INTEGER PRIMARY KEY,
                talk_id INTEGER NOT NULL REFERENCES talks(id),
                message_id INTEGER NOT NULL REFERENCES messages(id),
                kind TEXT NOT NULL,
                data TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX revisions_by_talk ON revisions(talk_id);
            """,
            """
            ALTER TABLE messages ADD COLUMN mailbox TEXT;
            CREATE INDEX messages_by_mailbox ON messages(mailbox, outcome);
            CREATE TABLE checkpoints (
                source TEXT PRIMARY KEY,
                uidvalidity INTEGER NOT NULL,
                position INTEGER NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE mailbox_status (
                mailbox TEXT PRIMARY KEY,
                state TEXT NOT NULL,
                detail TEXT,
                last_check TEXT,
                updated_at TEXT NOT NULL
            );
            """,
            """
            CREATE TABLE talk_surnames (
                talk_id INTEGER NOT NULL REFERENCES talks(id),
                surname TEXT NOT NULL
            );
            CREATE INDEX talk_surnames_by_name ON talk_surnames(surname, talk_id);
            """,
            """
            CREATE TABLE talk_match (
                talk_id INTEGER PRIMARY KEY REFERENCES talks(id),
                date TEXT,
                start_time TEXT,
                title_words TEXT,
                surnames TEXT NOT NULL
            );
            CREATE INDEX talk_match_by_date ON talk_match(date);
            ALTER TABLE talk_surnames ADD COLUMN date TEXT;
            DROP INDEX talk_surnames_by_name;
            CREATE INDEX talk_surnames_by_name ON talk_surnames(surname, date);
            CREATE INDEX talk_surnames_by_talk ON talk_surnames(talk_id);
            """,
            """
            ALTER TABLE talks ADD COLUMN announcer TEXT;
            ALTER TABLE talks ADD COLUMN announcer_vouched INTEGER;
            UPDATE talks SET announcer = (SELECT lower(m.sender) FROM revisions r JOIN messages m ON m.id = r.message_id
                WHERE r.talk_id = talks.id ORDER BY r.id LIMIT 1);
            CREATE INDEX revisions_by_message ON revisions(message_id);
            ALTER TABLE messages ADD COLUMN message_id TEXT;
            ALTER TABLE messages ADD COLUMN content_hash TEXT;
            UPDATE messages SET message_id = message_key WHERE message_key NOT LIKE 'sha256:%';
            UPDATE messages SET message_key = 'legacy:' || id || ':' || message_key
                WHERE outcome IN ('ignored', 'failed') AND message_key NOT LIKE 'sha256:%';
            """,
            """
            CREATE TABLE digests (
                week TEXT PRIMARY KEY,
                claimed_at TEXT NOT NULL,
                sent_at TEXT,
                message_id TEXT,
                talks INTEGER NOT NULL
            );
            """,
            """
            CREATE TABLE message_texts (
                message_id INTEGER PRIMARY KEY REFERENCES messages(id),
                text TEXT NOT NULL,
                archived_at TEXT
            );
            """,
            """
            ALTER TABLE talks ADD COLUMN status TEXT NOT NULL DEFAULT 'published';
            CREATE INDEX talks_by_status ON talks(status) WHERE status <> 'published';
            CREATE VIEW published_talks AS SELECT * FROM talks WHERE status = 'published';
            CREATE TABLE decisions (
                id INTEGER PRIMARY KEY,
                talk_id INTEGER NOT NULL REFERENCES talks(id),
                decision TEXT NOT NULL,
                by_whom TEXT NOT NULL,
                decided_at TEXT NOT NULL,
                reason TEXT,
                corrections TEXT
            );
            CREATE INDEX decisions_by_talk ON decisions(talk_id);
            CREATE TABLE receipts (
                message_key TEXT PRIMARY KEY,
                mailbox TEXT NOT NULL,
                recipient TEXT NOT NULL,
                sender TEXT NOT NULL,
                message_id TEXT NOT NULL,
                in_reply_to TEXT,
                refs TEXT,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                claimed_at TEXT NOT NULL,
                skipped TEXT,
                sent_at TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT,
                last_error TEXT
            );
            CREATE INDEX receipts_by_recipient ON receipts(recipient, claimed_at);
            CREATE INDEX receipts_unsent ON receipts(next_attempt_at) WHERE sent_at IS NULL AND skipped IS NULL;
            """);

    private Migrations() {
    }

    static void apply(Connection db) throws SQLException {
        apply(db, STEPS.size());
    }

    /** Brings the store to schema version {@code target} (tests build older stores with it). */
    static void apply(Connection db, int target) throws SQLException {
        int version;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > STEPS.size()) {
            throw new SQLException("the store has schema version " + version + ", newer than this talkfeed knows ("
                    + STEPS.size() + ")");
        }
        for (int step = version; step < target; step++) {
            boolean auto = db.getAutoCommit();
            db.setAutoCommit(false);
            try (Statement st = db.createStatement()) {
                for (String sql : STEPS.get(step).split(";\\s*\\n")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
                st.execute("PRAGMA user_version = " + (step + 1));
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(auto);
            }
        }
    }
}
