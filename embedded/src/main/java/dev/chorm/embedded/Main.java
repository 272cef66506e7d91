package dev.chorm.embedded;

import dev.chorm.embedded.internal.EngineServer;
import dev.chorm.embedded.internal.JvmSignals;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar chorm-embedded.jar --path DIR [--port N]}: serve a local ClickHouse on
 * 127.0.0.1 until SIGTERM. Prints one line with {@code ready} and the URL once queries are
 * accepted. When this JVM was not started with libjsig preloaded, it starts a child JVM that is,
 * and passes signals and the exit code through.
 */
public final class Main {
    static final String READY = "chorm-embedded ready";
    /** The environment variable that carries the password to the server process. */
    static final String PASSWORD_VARIABLE = "CHORM_EMBEDDED_PASSWORD";
    private static final String USAGE = """
            Usage: java -jar chorm-embedded.jar --path DIR [--port N] [--user NAME] [--password SECRET]
                                               [--library /path/to/libchdb.so] [--engine-wait-seconds N]
                                               [--file-access DIR] [--max-query-seconds N]
                                               [--shutdown-grace-seconds N]
              --path DIR      data directory (created if missing; data persists across restarts)
              --port N        HTTP port on 127.0.0.1 (default 8123; 0 picks a free port)
              --user NAME     user name the server accepts (default: default)
              --password S    password the server requires (default: empty). Prefer the environment
                              variable CHORM_EMBEDDED_PASSWORD: a command line is visible to every
                              local user
              --library PATH  libchdb.so to load (default: -Dchorm.chdb.library, CHORM_CHDB_LIBRARY,
                              the cache, or npm pack @chdb/lib-<platform>)
              --file-access DIR   let file() read and write files in DIR (default: no host files)
              --max-query-seconds N   stop any query that runs longer (default: no limit)
              --shutdown-grace-seconds N   on SIGTERM, let running statements finish this long
                              and answer their clients (default 30)
            """;

    private Main() {
    }

    /** Run the server. */
    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(USAGE);
            return;
        }
        if (!JvmSignals.hasLibjsig()) {
            System.exit(relaunchWithLibjsig(args));
        }
        serve(options);
    }

    private static void serve(Options options) throws IOException, InterruptedException {
        Path library = options.library != null ? Path.of(options.library) : EngineLibrary.resolve();
        EngineServer server = EngineServer.start(library, options.path, new EngineServer.Options(options.port,
                options.user, options.password, Duration.ofSeconds(options.engineWaitSeconds), options.fileAccess,
                Duration.ofSeconds(options.maxQuerySeconds), Duration.ofSeconds(options.shutdownGraceSeconds)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "chorm-embedded-shutdown"));
        System.out.println(READY + " http://127.0.0.1:" + server.port() + " (ClickHouse " + server.version()
                + ", data " + options.path.toAbsolutePath() + ")");
        System.out.flush();
        if (options.exitOnStdinEof) {
            // The parent JVM holds our stdin open; when it dies, so do we.
            while (System.in.read() >= 0) {
                // keep reading until end of stream
            }
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    /**
     * Run the server in a child JVM with libjsig, in its own session (so that nothing the engine
     * does can signal this process's group), with the password in its environment rather than on
     * its command line. Return the child's exit code; a child that died on its own is reported.
     */
    private static int relaunchWithLibjsig(String[] args) throws IOException, InterruptedException {
        Options options = Options.parse(args);
        List<String> command = ChildJvm.detached(ChildJvm.javaCommand());
        command.add(Main.class.getName());
        command.addAll(options.childArguments());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        if (options.fileAccess != null) {
            builder.directory(options.fileAccess.toFile()); // file() resolves relative paths here
        }
        builder.environment().put(JvmSignals.preloadVariable(), JvmSignals.libjsig().toString());
        builder.environment().put(PASSWORD_VARIABLE, options.password);
        Process child = builder.start();
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            ChildJvm.stop(child, null);
        }, "chorm-embedded-stop-child"));
        int code = child.waitFor();
        if (!stopping.get() && code != 0) {
            System.err.println("chorm-embedded: the engine process (pid " + child.pid() + ") " + ChildJvm.describeExit(code)
                    + "; its output is above. The data in " + options.path.toAbsolutePath()
                    + " is kept: run the same command to start again.");
        }
        return code == 0 && !stopping.get() ? 0 : code;
    }

    /** Command-line options. */
    static final class Options {
        Path path;
        int port = 8123;
        String user = "default";
        String password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
        String library;
        long engineWaitSeconds = 300;
        Path fileAccess;
        long maxQuerySeconds;
        long shutdownGraceSeconds = 30;
        boolean exitOnStdinEof;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--path" -> o.path = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
                    case "--port" -> o.port = Integer.parseInt(value(args, ++i, arg));
                    case "--user" -> o.user = value(args, ++i, arg);
                    case "--password" -> o.password = value(args, ++i, arg);
                    case "--library" -> o.library = value(args, ++i, arg);
                    case "--engine-wait-seconds" -> o.engineWaitSeconds = Long.parseLong(value(args, ++i, arg));
                    case "--file-access" -> o.fileAccess = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
                    case "--max-query-seconds" -> o.maxQuerySeconds = Long.parseLong(value(args, ++i, arg));
                    case "--shutdown-grace-seconds" -> o.shutdownGraceSeconds = Long.parseLong(value(args, ++i, arg));
                    case "--exit-on-stdin-eof" -> o.exitOnStdinEof = true;
                    case "--help", "-h" -> o.help = true;
                    default -> throw new IllegalArgumentException("Unknown option '" + arg + "'.");
                }
            }
            if (o.path == null && !o.help) {
                throw new IllegalArgumentException("Missing --path DIR: the directory that holds the data.");
            }
            return o;
        }

        /** Return these options as the child's arguments: absolute paths, and no password. */
        List<String> childArguments() {
            List<String> args = new ArrayList<>(List.of("--path", path.toString(), "--port", Integer.toString(port),
                    "--user", user, "--engine-wait-seconds", Long.toString(engineWaitSeconds),
                    "--max-query-seconds", Long.toString(maxQuerySeconds),
                    "--shutdown-grace-seconds", Long.toString(shutdownGraceSeconds)));
            if (library != null) {
                args.addAll(List.of("--library", Path.of(library).toAbsolutePath().toString()));
            }
            if (fileAccess != null) {
                args.addAll(List.of("--file-access", fileAccess.toString()));
            }
            if (exitOnStdinEof) {
                args.add("--exit-on-stdin-eof");
            }
            return args;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value.");
            }
            return args[i];
        }
    }
}
