package dev.chorm.query.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turn the current row of a result set into a value.
 *
 * @param <R> the row type
 */
@FunctionalInterface
public interface RowMapper<R> {
    /** Return the value of the current row of {@code rs}. */
    R map(ResultSet rs) throws SQLException;
}
