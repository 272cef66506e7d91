package dev.chorm.testing;

import com.clickhouse.client.api.Client;
import dev.chorm.embedded.EmbeddedClickHouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Share one embedded ClickHouse per test JVM: started on first use in a temporary directory,
 * stopped (and the directory removed) by a shutdown hook.
 *
 * <pre>{@code
 * String db = TestEngine.freshDatabase("types");
 * try (Connection c = TestEngine.connect(db)) { ... }
 * }</pre>
 */
public final class TestEngine {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedClickHouse engine;

    private TestEngine() {
    }

    /** Return the shared engine, starting it on first use. */
    public static synchronized EmbeddedClickHouse shared() {
        if (engine == null) {
            try {
                Path dir = Files.createTempDirectory("chorm-test-engine");
                EmbeddedClickHouse started = EmbeddedClickHouse.start(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteTree(dir);
                }, "chorm-test-engine-stop"));
                engine = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return engine;
    }

    /** Open a JDBC connection to the {@code default} database of the shared engine. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(shared().jdbcUrl(), shared().jdbcProperties());
    }

    /** Open a JDBC connection to {@code database} of the shared engine. */
    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(shared().jdbcUrl(database), shared().jdbcProperties());
    }

    /** Build a client-v2 {@link Client} for {@code database} of the shared engine (for RowBinary inserts); close it. */
    public static Client client(String database) {
        EmbeddedClickHouse e = shared();
        return new Client.Builder()
                .addEndpoint(e.httpUrl())
                .setUsername(e.jdbcProperties().getProperty("user"))
                .setPassword(e.jdbcProperties().getProperty("password"))
                .setDefaultDatabase(database)
                .compressClientRequest(false)
                .build();
    }

    /** Create a database named {@code prefix_<pid>_<n>}, unique within the engine, and return its name. */
    public static String freshDatabase(String prefix) {
        String name = "%s_%d_%d".formatted(prefix, ProcessHandle.current().pid(), COUNTER.incrementAndGet());
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name, e);
        }
        return name;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is temporary
        }
    }
}
