package dev.chorm.query.internal;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Choose how rows of a compiled query become values: model objects, maps, lists, one value, records.
 *
 * @param <R> the row type
 */
@FunctionalInterface
public interface RowShape<R> {
    /** Return the mapper for the rows of {@code compiled}, whose result set has {@code metadata}. */
    RowMapper<R> mapper(Query query, SqlCompiler.Compiled compiled, ResultSetMetaData metadata) throws SQLException;
}
