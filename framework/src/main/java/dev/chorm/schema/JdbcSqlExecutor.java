package dev.chorm.schema;

import dev.chorm.ChormException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run SQL through a JDBC {@link DataSource}, one pooled connection per statement, turning
 * {@link SQLException}s into {@link ChormException}s that carry ClickHouse's error code.
 */
public final class JdbcSqlExecutor implements SqlExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSqlExecutor.class);

    private final DataSource dataSource;

    /** Create an executor over {@code dataSource}. */
    public JdbcSqlExecutor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void execute(String sql) {
        LOG.debug("execute: {}", sql);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public List<Map<String, Object>> query(String sql) {
        LOG.debug("query: {}", sql);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Return a {@link ChormException} for a failed statement, with the ClickHouse error code when known. */
    static ChormException failure(String sql, SQLException e) {
        return new ChormException(failureMessage(sql, e), errorCode(e), e);
    }

    /** Return "ClickHouse rejected: SQL" and the driver's message, the SQL cut at 2,000 characters. */
    public static String failureMessage(String sql, SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String shown = sql.length() <= 2000 ? sql : sql.substring(0, 2000) + "...";
        return "ClickHouse rejected: " + shown + "\n" + message;
    }

    /** Return the ClickHouse error code of {@code e}, or -1 when the driver gave none. */
    public static int errorCode(SQLException e) {
        return e.getErrorCode() == 0 ? -1 : e.getErrorCode();
    }
}
