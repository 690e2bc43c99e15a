package org.talkfeed.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** A statement is prepared once per SQL text and kept; past the limit the least recently used one is closed. */
class StatementsTest {

    private static int one(PreparedStatement st, int parameter) throws Exception {
        st.setInt(1, parameter);
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void theSameSqlGetsTheSameStatementAndTheLeastRecentlyUsedIsClosedPastTheLimit(@TempDir Path dir) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
            Statements statements = new Statements(db, 2);
            PreparedStatement plusOne = statements.get("SELECT ? + 1");
            PreparedStatement plusTwo = statements.get("SELECT ? + 2");
            assertThat(one(plusOne, 1)).isEqualTo(2);
            assertThat(statements.get("SELECT ? + 1")).isSameAs(plusOne);
            assertThat(one(statements.get("SELECT ? + 1"), 5)).as("used again with new parameters").isEqualTo(6);

            PreparedStatement plusThree = statements.get("SELECT ? + 3");
            assertThat(statements.size()).isEqualTo(2);
            assertThat(plusTwo.isClosed()).as("the least recently used").isTrue();
            assertThat(plusOne.isClosed()).isFalse();
            assertThat(one(plusThree, 1)).isEqualTo(4);
            assertThat(one(statements.get("SELECT ? + 2"), 1)).as("prepared again when asked for again").isEqualTo(3);

            statements.close();
            assertThat(statements.size()).isZero();
            assertThat(plusThree.isClosed()).isTrue();
            assertThat(db.isClosed()).as("the connection is the store's to close").isFalse();
        }
    }
}
