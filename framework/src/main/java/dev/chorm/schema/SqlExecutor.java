package dev.chorm.schema;

import java.util.List;
import java.util.Map;

/**
 * Run SQL against ClickHouse: the narrow seam between DDL rendering and a connection.
 *
 * <p>{@link JdbcSqlExecutor} runs it through a JDBC {@link javax.sql.DataSource}; tests of SQL
 * behaviour use the real engine, never a fake executor.
 */
public interface SqlExecutor {
    /** Run one statement that returns no rows (DDL, INSERT ... SELECT, SET). */
    void execute(String sql);

    /** Run one query and return its rows, each a map from column label to value, in column order. */
    List<Map<String, Object>> query(String sql);
}
