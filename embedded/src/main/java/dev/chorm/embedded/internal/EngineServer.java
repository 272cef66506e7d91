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

    /** Open the engine on {@code dataDir} with {@code library} and serve it on {@code port}. */
    public static EngineServer start(Path library, Path dataDir, int port, String user, String password,
            Duration engineWait) throws IOException {
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
            Engine engine = Engine.open(library, dataDir);
            Path scratch = dataDir.resolve("tmp_http");
            HttpProtocolServer server = HttpProtocolServer.start(engine,
                    new HttpProtocolServer.Options(user, password, engineWait, scratch), port);
            return new EngineServer(channel, lock, engine, server);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
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
