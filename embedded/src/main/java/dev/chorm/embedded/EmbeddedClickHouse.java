package dev.chorm.embedded;

import dev.chorm.embedded.internal.EngineServer;
import dev.chorm.embedded.internal.JvmSignals;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local ClickHouse (the chDB engine) served over ClickHouse's HTTP protocol on 127.0.0.1, so
 * that clickhouse-jdbc talks to it exactly as to a server. The engine runs in a child JVM started
 * with libjsig preloaded (the only safe way to host it), or in this JVM when it already has
 * libjsig. Data persists in the data directory.
 *
 * <pre>{@code
 * try (EmbeddedClickHouse clickhouse = EmbeddedClickHouse.start(Path.of("data"))) {
 *     Connection c = DriverManager.getConnection(clickhouse.jdbcUrl(), clickhouse.jdbcProperties());
 * }
 * }</pre>
 */
public final class EmbeddedClickHouse implements AutoCloseable {
    private static final Pattern READY = Pattern.compile(Pattern.quote(Main.READY) + " http://127\\.0\\.0\\.1:(\\d+)");

    private final int port;
    private final String password;
    private final Path dataDir;
    private final Path logFile;
    private final Process child;
    private final OutputStream childStdin;
    private final EngineServer inProcess;
    private volatile boolean closing;

    private EmbeddedClickHouse(Builder b, int port, Path logFile, Process child, EngineServer inProcess) {
        this.port = port;
        this.password = b.password;
        this.dataDir = b.dataDir;
        this.logFile = logFile;
        this.child = child;
        this.childStdin = child == null ? null : child.getOutputStream();
        this.inProcess = inProcess;
        if (child != null) {
            child.onExit().thenAccept(this::reportUnexpectedExit);
        }
    }

    /** Start an engine on {@code dataDir} on a free port and return once it answers queries. */
    public static EmbeddedClickHouse start(Path dataDir) {
        return builder(dataDir).start();
    }

    /** Return a builder for an engine on {@code dataDir}. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Return the port the HTTP interface listens on. */
    public int port() {
        return port;
    }

    /** Return the data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** Return the file that holds the engine process's output. */
    public Path logFile() {
        return logFile;
    }

    /** Return {@code http://127.0.0.1:PORT}. */
    public String httpUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Return a clickhouse-jdbc URL for the {@code default} database. */
    public String jdbcUrl() {
        return jdbcUrl("default");
    }

    /** Return a clickhouse-jdbc URL for {@code database}. */
    public String jdbcUrl(String database) {
        return "jdbc:clickhouse://127.0.0.1:" + port + "/" + database;
    }

    /** Return the driver properties that suit this engine: user and password. */
    public Properties jdbcProperties() {
        Properties p = new Properties();
        p.setProperty("user", "default");
        p.setProperty("password", password);
        return p;
    }

    /** Return true while the engine process (or the in-process server) runs. */
    public boolean isAlive() {
        return child == null ? !closing : child.isAlive();
    }

    /** Stop the engine; its data stays in the data directory. */
    @Override
    public void close() {
        closing = true;
        if (inProcess != null) {
            inProcess.close();
        } else {
            ChildJvm.stop(child, childStdin);
        }
    }

    private void reportUnexpectedExit(Process p) {
        if (!closing) {
            System.err.println("chorm-embedded: the engine process for " + dataDir + " " + ChildJvm.describeExit(p.exitValue())
                    + " unexpectedly; queries to port " + port + " now fail. Start a new EmbeddedClickHouse on the same"
                    + " directory to go on (the data is kept). Its log, " + logFile + ", ends with:\n" + tail(logFile, 40));
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** How to start an engine. */
    public static final class Builder {
        private final Path dataDir;
        private int port;
        private String password = "";
        private Path library;
        private Duration startTimeout = Duration.ofSeconds(120);
        private boolean allowInProcess = true;
        private Path fileAccess;
        private Duration maxQueryTime = Duration.ZERO;

        private Builder(Path dataDir) {
            if (dataDir == null) {
                throw new NullPointerException("dataDir == null");
            }
            this.dataDir = dataDir.toAbsolutePath().normalize();
        }

        /** Listen on {@code port} (default 0: any free port). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Require {@code password} from clients (default: empty). */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Load this libchdb.so instead of resolving one (see {@link EngineLibrary}). */
        public Builder library(Path library) {
            this.library = library;
            return this;
        }

        /** Wait at most {@code timeout} for the engine to answer (default 120 s). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Let {@code file()} read and write files in {@code directory} (paths relative to it). By
         * default the engine reaches no host file and no network address.
         */
        public Builder fileAccess(Path directory) {
            this.fileAccess = directory.toAbsolutePath().normalize();
            return this;
        }

        /** Stop any query that runs longer than {@code limit} (default: no limit). */
        public Builder maxQueryTime(Duration limit) {
            this.maxQueryTime = limit;
            return this;
        }

        /** Always use a child JVM, even when this JVM could host the engine. */
        public Builder childProcess() {
            this.allowInProcess = false;
            return this;
        }

        /** Start the engine and return once it answers queries. */
        public EmbeddedClickHouse start() {
            Path lib = library != null ? library : EngineLibrary.resolve();
            try {
                Files.createDirectories(dataDir);
                // file() resolves relative paths against the working directory, so file access
                // needs a child process that starts in the directory the user named.
                if (allowInProcess && JvmSignals.hasLibjsig() && fileAccess == null) {
                    EngineServer server = EngineServer.start(lib, dataDir, new EngineServer.Options(port, "default", password,
                            Duration.ofSeconds(300), fileAccess, maxQueryTime, Duration.ofSeconds(30)));
                    return new EmbeddedClickHouse(this, server.port(), null, null, server);
                }
                return startChild(lib);
            } catch (IOException e) {
                throw new EmbeddedEngineException("Cannot start the embedded engine on " + dataDir + ": " + e, e);
            }
        }

        private EmbeddedClickHouse startChild(Path lib) throws IOException {
            Path log = dataDir.resolve("chorm-embedded.log");
            List<String> command = ChildJvm.detached(ChildJvm.javaCommand());
            command.addAll(List.of(Main.class.getName(), "--path", dataDir.toString(), "--port", Integer.toString(port),
                    "--library", lib.toString(), "--exit-on-stdin-eof", "--max-query-seconds",
                    Long.toString(maxQueryTime.toSeconds())));
            if (fileAccess != null) {
                command.addAll(List.of("--file-access", fileAccess.toString()));
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (fileAccess != null) {
                pb.directory(fileAccess.toFile()); // relative file() paths resolve here
            }
            pb.environment().put(JvmSignals.preloadVariable(), JvmSignals.libjsig().toString());
            pb.environment().put(Main.PASSWORD_VARIABLE, password); // never on a command line
            Process process = pb.start();
            CompletableFuture<Integer> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> pumpOutput(process, log, ready), "chorm-embedded-log");
            pump.setDaemon(true);
            pump.start();
            try {
                int boundPort = ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
                return new EmbeddedClickHouse(this, boundPort, log, process, null);
            } catch (ExecutionException | TimeoutException e) {
                ChildJvm.stop(process, process.getOutputStream());
                String why = e instanceof TimeoutException
                        ? "did not answer within " + startTimeout.toSeconds() + " s"
                        : "exited with code " + exitCode(process) + " before it was ready";
                throw new EmbeddedEngineException("The embedded engine on " + dataDir + " " + why + ". Its log, "
                        + log + ", ends with:\n" + tail(log, 40), e);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new EmbeddedEngineException("Interrupted while starting the embedded engine on " + dataDir, e);
            }
        }

        private static String exitCode(Process process) {
            try {
                return process.waitFor(10, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "(still running)";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "(unknown)";
            }
        }

        /** Copy the child's output to its log file and complete {@code ready} with the port. */
        private static void pumpOutput(Process process, Path log, CompletableFuture<Integer> ready) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                         StandardOpenOption.TRUNCATE_EXISTING)) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the engine process ended"));
        }
    }
}
