package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping, restarting and failing engines. */
class LifecycleTest {

    private static long count(EmbeddedClickHouse engine, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(engine.jdbcUrl(), engine.jdbcProperties());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(EmbeddedClickHouse engine, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(engine.jdbcUrl(), engine.jdbcProperties());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void dataPersistsAcrossRestartsAndTwoEnginesRunAtOnce(@TempDir Path first, @TempDir Path second) throws SQLException {
        try (EmbeddedClickHouse a = EmbeddedClickHouse.start(first); EmbeddedClickHouse b = EmbeddedClickHouse.start(second)) {
            assertThat(a.port()).isNotEqualTo(b.port());
            execute(a, "CREATE TABLE kept (x UInt64) ENGINE = MergeTree ORDER BY x");
            execute(a, "INSERT INTO kept SELECT number FROM numbers(1000)");
            execute(b, "CREATE TABLE other (x UInt8) ENGINE = MergeTree ORDER BY x");
            assertThat(count(b, "SELECT count() FROM system.tables WHERE name = 'kept'")).isZero();
        }
        try (EmbeddedClickHouse again = EmbeddedClickHouse.start(first)) {
            assertThat(count(again, "SELECT sum(x) FROM kept")).isEqualTo(499_500);
        }
    }

    @Test
    void aSecondEngineOnTheSameDirectoryIsRefusedWithItsReason(@TempDir Path dir) {
        try (EmbeddedClickHouse a = EmbeddedClickHouse.start(dir)) {
            assertThatThrownBy(() -> EmbeddedClickHouse.builder(dir).childProcess().start())
                    .isInstanceOf(EmbeddedEngineException.class)
                    .hasMessageContaining("is in use by another embedded engine");
        }
    }

    @Test
    void aConfiguredPasswordIsEnforced(@TempDir Path dir) throws SQLException {
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.builder(dir).password("s3cret").start()) {
            assertThat(count(engine, "SELECT 7")).isEqualTo(7);
            Properties wrong = engine.jdbcProperties();
            wrong.setProperty("password", "guess");
            assertThatThrownBy(() -> {
                try (Connection c = DriverManager.getConnection(engine.jdbcUrl(), wrong); Statement s = c.createStatement()) {
                    s.executeQuery("SELECT 1");
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("Authentication failed");
        }
    }

    @Test
    void anEngineThatCannotStartIsReportedWithItsLog(@TempDir Path dir) throws Exception {
        Path bogus = Files.writeString(dir.resolve("libchdb.so"), "not a library");
        assertThatThrownBy(() -> EmbeddedClickHouse.builder(dir.resolve("data")).library(bogus).start())
                .isInstanceOf(EmbeddedEngineException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("chorm-embedded.log")
                .hasMessageContaining(bogus.toString());
    }

    @Test
    void mainPrintsReadyServesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        List<String> command = new java.util.ArrayList<>(ChildJvm.javaCommand());
        command.addAll(List.of(Main.class.getName(), "--path", dir.toString(), "--port", "0"));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.contains("ready")) {
                line = out.readLine();
            }
            assertThat(line).matches("chorm-embedded ready http://127\\.0\\.0\\.1:\\d+ .*");
            String url = line.replaceAll(".*(http://127\\.0\\.0\\.1:\\d+).*", "$1");
            try (Connection c = DriverManager.getConnection(url.replace("http://", "jdbc:clickhouse://") + "/default", "default", "");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        } finally {
            server.destroyForcibly();
        }
        // the engine released its directory: a new one starts on it
        try (EmbeddedClickHouse again = EmbeddedClickHouse.start(dir)) {
            assertThat(count(again, "SELECT 1")).isEqualTo(1);
        }
    }
}
