package dev.chorm.embedded.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * An engine on a data directory plus the HTTP server in front of it, in this JVM. The JVM must
 * have libjsig preloaded (see {@link JvmSignals}). A lock file keeps a second engine off the
 * same directory.
 */
public final class EngineServer implements AutoCloseable {
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Engine engine;
    private final HttpProtocolServer server;

    private EngineServer(FileChannel lockChannel, FileLock lock, Engine engine, HttpProtocolServer server) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.engine = engine;
        this.server = server;
    }

    /**
     * How to run the server: port (0: any free one), the user and password it accepts, how long a
     * request waits for the engine, the directory {@code file()} may use (null: no host files),
     * a time limit for every query (zero: none) and the grace a shutdown gives running statements.
     */
    public record Options(int port, String user, String password, Duration engineWait, Path fileDirectory,
            Duration maxQueryTime, Duration shutdownGrace) {
    }

    /** Open the engine on {@code dataDir} with {@code library} and serve it as {@code options} say. */
    public static EngineServer start(Path library, Path dataDir, Options options) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(".chorm-embedded.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The data directory " + dataDir.toAbsolutePath()
                    + " is in use by another embedded engine. Stop it, or choose another directory.");
        }
        try {
            Path scratch = dataDir.resolve("tmp_http");
            removeLeftovers(scratch);
            Path config = EngineConfig.write(dataDir, options.fileDirectory(), options.maxQueryTime());
            Engine engine = Engine.open(library, dataDir, config);
            try {
                HttpProtocolServer server = HttpProtocolServer.start(engine, new HttpProtocolServer.Options(options.user(),
                        options.password(), options.engineWait(), scratch, options.fileDirectory(), options.shutdownGrace()),
                        options.port());
                return new EngineServer(channel, lock, engine, server);
            } catch (IOException | RuntimeException e) {
                engine.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    /**
     * Remove what a previous run left in the scratch folder (spooled inserts and parked tables of
     * a process that was killed): nothing there outlives the request or session that made it.
     */
    private static void removeLeftovers(Path scratch) throws IOException {
        if (Files.isDirectory(scratch)) {
            try (var files = Files.list(scratch)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Return the HTTP port. */
    public int port() {
        return server.port();
    }

    /** Return the engine's version. */
    public String version() {
        return server.version();
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // The process is going away; the OS releases the lock anyway.
        }
    }
}
