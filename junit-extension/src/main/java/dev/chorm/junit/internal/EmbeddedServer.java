package dev.chorm.junit.internal;

import dev.chorm.embedded.EmbeddedClickHouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The embedded engine shared by every test class of the JVM: started in a temporary directory on
 * first use, stopped when the last test run that uses it ends (a run inside a run, as JUnit's
 * EngineTestKit makes, shares it too: the engine library can be open only once per process); the
 * directory is removed unless a kept database lives in it.
 */
final class EmbeddedServer implements Server {
    private static EmbeddedServer shared;
    private static int users;

    private final Path dataDir;
    private final EmbeddedClickHouse engine;
    private volatile boolean keepData;

    private EmbeddedServer(Path dataDir, EmbeddedClickHouse engine) {
        this.dataDir = dataDir;
        this.engine = engine;
    }

    /** Return the JVM's engine, starting it if no run uses it; give it back with {@link #release}. */
    static synchronized EmbeddedServer acquire() {
        if (shared == null) {
            shared = start();
        }
        users++;
        return shared;
    }

    /** Give back the engine; the last user stops it. */
    static synchronized void release() {
        if (--users == 0) {
            shared.stop();
            shared = null;
        }
    }

    private static EmbeddedServer start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("chorm-junit-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the embedded engine", e);
        }
        return new EmbeddedServer(dir, EmbeddedClickHouse.start(dir));
    }

    @Override
    public String jdbcUrl(String database) {
        return engine.jdbcUrl(database);
    }

    @Override
    public Properties credentials() {
        return engine.jdbcProperties();
    }

    @Override
    public String identity() {
        return "embedded";
    }

    /** Keep the data directory when the engine stops, because a kept database lives in it. */
    void keepData() {
        keepData = true;
    }

    @Override
    public String connectHint(String database) {
        keepData();
        return ("the embedded engine stops with the tests, its data stays in %s: open it with"
                + " Database.embedded(Path.of(\"%s\")) and query %s.<table>, or run"
                + " java -jar chorm-embedded.jar --path %s and connect to jdbc:clickhouse://127.0.0.1:8123/%s")
                .formatted(dataDir, dataDir, database, dataDir, database);
    }

    private void stop() {
        engine.close();
        if (!keepData) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // Best effort: a temporary directory left behind is harmless.
            }
        }
    }
}
