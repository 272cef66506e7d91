package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code session_id} sessions: a SET or a temporary table lives in its session only; other
 * sessions and session-less queries keep seeing the defaults, even after settings such as
 * {@code compatibility} that change many others at once.
 */
class SessionTest {
    private static final String ALL_SETTINGS =
            "SELECT toString(groupBitXor(cityHash64(name, value))) FROM system.settings";

    private static Connection session(String id) throws SQLException {
        Properties p = new Properties();
        p.setProperty("clickhouse_setting_session_id", id);
        return SharedEngine.connect("default", p);
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void setLivesInItsSessionOnly() throws SQLException {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        try (Connection ca = session(a); Connection cb = session(b); Connection none = SharedEngine.connect();
             Statement sa = ca.createStatement(); Statement sb = cb.createStatement(); Statement sn = none.createStatement()) {
            String defaultThreads = scalar(sn, "SELECT getSetting('max_threads')");
            sa.execute("SET max_threads = 3");
            sb.execute("SET max_threads = 5, max_block_size = 1234");
            assertThat(scalar(sa, "SELECT getSetting('max_threads')")).isEqualTo("3");
            assertThat(scalar(sb, "SELECT getSetting('max_threads')")).isEqualTo("5");
            assertThat(scalar(sn, "SELECT getSetting('max_threads')")).isEqualTo(defaultThreads);
            assertThat(scalar(sa, "SELECT getSetting('max_block_size')")).isEqualTo(scalar(sn, "SELECT getSetting('max_block_size')"));
            assertThat(scalar(sb, "SELECT getSetting('max_block_size')")).isEqualTo("1234");
            assertThat(scalar(sa, "SELECT getSetting('max_threads')")).isEqualTo("3");
        }
    }

    @Test
    void settingsThatChangeOthersAreUndoneForEveryoneElse() throws SQLException {
        try (Connection ca = session(UUID.randomUUID().toString()); Connection none = SharedEngine.connect();
             Statement sa = ca.createStatement(); Statement sn = none.createStatement()) {
            String before = scalar(sn, ALL_SETTINGS);
            sa.execute("SET compatibility = '22.3'");
            assertThat(scalar(sa, "SELECT getSetting('compatibility')")).isEqualTo("22.3");
            String after = scalar(sn, ALL_SETTINGS);
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void urlSettingsApplyToOneRequestOnly() throws SQLException {
        Properties p = new Properties();
        p.setProperty("clickhouse_setting_max_block_size", "4321");
        try (Connection with = SharedEngine.connect("default", p); Connection without = SharedEngine.connect();
             Statement sw = with.createStatement(); Statement so = without.createStatement()) {
            assertThat(scalar(sw, "SELECT getSetting('max_block_size')")).isEqualTo("4321");
            assertThat(scalar(so, "SELECT getSetting('max_block_size')")).isNotEqualTo("4321");
        }
    }

    @Test
    void temporaryTablesBelongToTheirSession() throws SQLException {
        String a = UUID.randomUUID().toString();
        try (Connection ca = session(a); Connection cb = session(UUID.randomUUID().toString()); Connection none = SharedEngine.connect();
             Statement sa = ca.createStatement(); Statement sb = cb.createStatement(); Statement sn = none.createStatement()) {
            sa.execute("CREATE TEMPORARY TABLE scratch (x UInt32, s String DEFAULT 'd')");
            sa.execute("INSERT INTO scratch (x) SELECT number FROM numbers(10)");
            assertThatThrownBy(() -> scalar(sb, "SELECT count() FROM scratch"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(60));
            assertThatThrownBy(() -> scalar(sn, "SELECT count() FROM scratch")).isInstanceOf(SQLException.class);
            // back in session a, the table and its rows are still there
            assertThat(scalar(sa, "SELECT count() FROM scratch")).isEqualTo("10");
            assertThat(scalar(sa, "SELECT any(s) FROM scratch")).isEqualTo("d");
            sb.execute("CREATE TEMPORARY TABLE scratch (y String)");
            assertThat(scalar(sb, "SELECT count() FROM scratch")).isEqualTo("0");
            assertThat(scalar(sa, "SELECT sum(x) FROM scratch")).isEqualTo("45");
        }
    }

    @Test
    void sessionlessTemporaryTablesVanishAfterTheirQuery() throws SQLException {
        try (Connection none = SharedEngine.connect(); Statement sn = none.createStatement()) {
            sn.execute("CREATE TEMPORARY TABLE gone (x UInt8)");
            assertThatThrownBy(() -> scalar(sn, "SELECT count() FROM gone")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void useChangesTheDatabaseOfItsSessionOnly() throws SQLException {
        String db = SharedEngine.freshDatabase("use");
        try (Connection ca = session(UUID.randomUUID().toString()); Connection none = SharedEngine.connect();
             Statement sa = ca.createStatement(); Statement sn = none.createStatement()) {
            sa.execute("USE " + db);
            sa.execute("CREATE TABLE here (x UInt8) ENGINE = Memory");
            assertThat(scalar(sn, "SELECT count() FROM system.tables WHERE database = '" + db + "' AND name = 'here'")).isEqualTo("1");
            assertThat(scalar(sn, "SELECT currentDatabase()")).isEqualTo("default");
        }
    }
}
