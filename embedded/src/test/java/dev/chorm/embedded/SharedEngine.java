package dev.chorm.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** One engine for all tests of this JVM, started on first use and stopped at exit. */
final class SharedEngine {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedClickHouse engine;

    private SharedEngine() {
    }

    static synchronized EmbeddedClickHouse get() {
        if (engine == null) {
            try {
                Path dir = Files.createTempDirectory("chorm-embedded-test");
                engine = EmbeddedClickHouse.start(dir);
                EmbeddedClickHouse started = engine;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteTree(dir);
                }, "chorm-embedded-test-stop"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return engine;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temp directory left behind is harmless.
        }
    }

    static Connection connect() throws SQLException {
        return connect("default", new Properties());
    }

    static Connection connect(String database, Properties extra) throws SQLException {
        Properties p = get().jdbcProperties();
        p.putAll(extra);
        return DriverManager.getConnection(get().jdbcUrl(database), p);
    }

    /** Create a database no other test uses and return its name. */
    static String freshDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }
}
