package org.talkfeed.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statements of one connection, each prepared the first time its SQL is asked for and kept, by its SQL, until the
 * connection closes. A query whose text depends on how many parameters it takes has one statement per shape; past
 * {@code limit} statements the least recently used one is closed. A statement serves one caller at a time: each use
 * binds all its parameters and reads its results to the end or closes them.
 */
final class Statements implements AutoCloseable {
    private final Connection db;
    private final int limit;
    private final Map<String, PreparedStatement> bySql = new LinkedHashMap<>(32, 0.75f, true);

    Statements(Connection db, int limit) {
        this.db = db;
        this.limit = limit;
    }

    /** The statement for {@code sql}, prepared on first use. */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = bySql.get(sql);
        if (statement != null) {
            return statement;
        }
        if (bySql.size() >= limit) {
            Iterator<PreparedStatement> leastRecentlyUsed = bySql.values().iterator();
            PreparedStatement evicted = leastRecentlyUsed.next();
            leastRecentlyUsed.remove();
            evicted.close();
        }
        statement = db.prepareStatement(sql);
        bySql.put(sql, statement);
        return statement;
    }

    /** How many statements are kept. */
    int size() {
        return bySql.size();
    }

    /** Closes every statement; the first failure is thrown once all were tried. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : bySql.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        bySql.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
