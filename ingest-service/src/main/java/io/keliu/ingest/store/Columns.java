package io.keliu.ingest.store;

import io.keliu.ingest.records.Decimals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Null-preserving readers for the column types the tables use. */
public final class Columns {
    private Columns() {
    }

    public static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static Integer integer(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static BigDecimal decimal(ResultSet row, int column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : Decimals.canonical(value);
    }

    public static <E extends Enum<E>> E word(ResultSet row, int column, Class<E> type) throws SQLException {
        String name = row.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
