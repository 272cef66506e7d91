package dev.chorm.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar embedded/target/chorm-embedded.jar --path DIR --port N}, as a user runs it. */
class RunnableJarTest {

    /** A running server process and the JDBC URL it printed. */
    private record Server(Process process, String jdbcUrl) {
    }

    private static Server start(Path dataDir) throws Exception {
        Path jar = Path.of(System.getProperty("chorm.embedded.jar"));
        assertThat(jar).as("the runnable jar is built by the embedded module").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--path", dataDir.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.contains("ready")) {
                assertThat(line).matches("chorm-embedded ready http://127\\.0\\.0\\.1:\\d+ \\(ClickHouse .*, data .*\\)");
                String port = line.replaceAll(".*http://127\\.0\\.0\\.1:(\\d+).*", "$1");
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new Server(p, "jdbc:clickhouse://127.0.0.1:" + port + "/default");
            }
        }
        throw new AssertionError("the server ended without a ready line, exit code " + p.waitFor());
    }

    private static void stop(Server server) throws InterruptedException {
        server.process().destroy(); // SIGTERM
        assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
    }

    private static long scalar(Server server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "default", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void servesQueriesStopsOnSigtermAndKeepsItsData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Server first = start(data);
        try {
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(), "default", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (x UInt64) ENGINE = MergeTree ORDER BY x");
                s.execute("INSERT INTO kept SELECT number FROM numbers(100)");
            }
        } finally {
            stop(first);
        }
        assertThat(Files.exists(data.resolve(".chorm-embedded.lock"))).isTrue();
        Server second = start(data);
        try {
            assertThat(scalar(second, "SELECT sum(x) FROM kept")).isEqualTo(4950);
        } finally {
            stop(second);
        }
    }
}
