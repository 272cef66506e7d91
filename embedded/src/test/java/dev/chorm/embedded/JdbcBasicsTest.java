package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The official driver against the embedded engine: queries, DDL, batches, mutations, errors. */
class JdbcBasicsTest {

    @Test
    void selectsThroughTheDriver() throws SQLException {
        try (Connection c = SharedEngine.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT number, toString(number) AS s FROM numbers(5) ORDER BY number")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getLong(1) + ":" + rs.getString("s"));
            }
            assertThat(rows).containsExactly("0:0", "1:1", "2:2", "3:3", "4:4");
        }
    }

    @Test
    void zeroRowSelectStillHasAResultSetWithColumns() throws SQLException {
        String db = SharedEngine.freshDatabase("zero");
        try (Connection c = SharedEngine.connect(db, new Properties()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x Int32, s String) ENGINE = MergeTree ORDER BY x");
            try (ResultSet rs = s.executeQuery("SELECT * FROM t")) {
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
                assertThat(rs.getMetaData().getColumnName(2)).isEqualTo("s");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void executeBatchInsertsEveryRowAndReportsCounts() throws SQLException {
        String db = SharedEngine.freshDatabase("batch");
        try (Connection c = SharedEngine.connect(db, new Properties()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, name) VALUES (?, ?)")) {
                for (int i = 0; i < 1000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "name '\\\n\n" + i);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                assertThat(counts).hasSize(1000);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(), countIf(name = concat('name ''\\\\\n\n', toString(id))) FROM t")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1000);
                assertThat(rs.getLong(2)).isEqualTo(1000);
            }
        }
    }

    @Test
    void updateCountComesFromWrittenRows() throws SQLException {
        String db = SharedEngine.freshDatabase("count");
        try (Connection c = SharedEngine.connect(db, new Properties()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x UInt64) ENGINE = MergeTree ORDER BY x");
            int n = s.executeUpdate("INSERT INTO t SELECT number FROM numbers(1234)");
            assertThat(n).isEqualTo(1234);
        }
    }

    @Test
    void mutationsAndLightweightDeleteApplyWithMutationsSync() throws SQLException {
        String db = SharedEngine.freshDatabase("mut");
        Properties p = new Properties();
        p.setProperty("clickhouse_setting_mutations_sync", "2");
        try (Connection c = SharedEngine.connect(db, p); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x UInt64, s String) ENGINE = MergeTree ORDER BY x");
            s.execute("INSERT INTO t SELECT number, 'a' FROM numbers(100)");
            s.execute("ALTER TABLE t UPDATE s = 'where' WHERE x < 10");
            s.execute("ALTER TABLE t DELETE WHERE x >= 90");
            s.execute("DELETE FROM t WHERE x = 50");
            try (ResultSet rs = s.executeQuery("SELECT count(), countIf(s = 'where') FROM t")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(89);
                assertThat(rs.getLong(2)).isEqualTo(10);
            }
        }
    }

    @Test
    void dropSyncDoesNotStallTheEngine() throws SQLException {
        String db = SharedEngine.freshDatabase("dropsync");
        try (Connection c = SharedEngine.connect(db, new Properties()); Statement s = c.createStatement()) {
            for (int i = 0; i < 3; i++) {
                s.execute("CREATE TABLE t (x UInt8) ENGINE = MergeTree ORDER BY x");
                s.execute("INSERT INTO t VALUES (1)");
                s.execute("DROP TABLE t SYNC");
            }
            s.execute("CREATE TABLE t (x UInt8) ENGINE = MergeTree ORDER BY x");
            s.execute("DROP TABLE IF EXISTS t SYNC;");
            try (ResultSet rs = s.executeQuery("SELECT count() FROM system.tables WHERE database = currentDatabase()")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        try (Connection c = SharedEngine.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + db + " SYNC");
        }
    }

    @Test
    void unknownTableBecomesSqlExceptionWithCode60() throws SQLException {
        try (Connection c = SharedEngine.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(60))
                    .hasMessageContaining("no_such_table");
            // the connection stays usable, and the failed query leaves nothing behind
            try (ResultSet rs = s.executeQuery("SELECT 1 + 1")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void syntaxErrorsAreRealSyntaxErrors() throws SQLException {
        try (Connection c = SharedEngine.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELEC broken"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(62));
        }
    }

    @Test
    void multiStatementTextIsRejectedAsOnAServer() throws SQLException {
        try (Connection c = SharedEngine.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT 1; SELECT 2"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(62));
        }
    }

    @Test
    void serverSideParametersBindValues() throws SQLException {
        try (Connection c = SharedEngine.connect();
             PreparedStatement ps = c.prepareStatement("SELECT ? AS a, ? AS b")) {
            ps.setString(1, "it's \\ {x} ?");
            ps.setLong(2, Long.MIN_VALUE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("it's \\ {x} ?");
                assertThat(rs.getLong(2)).isEqualTo(Long.MIN_VALUE);
            }
        }
    }
}
