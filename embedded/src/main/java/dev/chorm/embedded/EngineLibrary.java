package dev.chorm.embedded;

import dev.chorm.embedded.internal.FetchReport;
import dev.chorm.embedded.internal.NpmTarball;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Find libchdb.so, the chDB engine library, fetching it from npm into a local cache on first use.
 *
 * <p>Resolution order:
 * <ol>
 *   <li>an explicit path: system property {@value #PATH_PROPERTY}, then environment variable
 *       {@value #PATH_ENV}; a setting that names a missing file is an error;</li>
 *   <li>the cache: {@code <cacheRoot>/chdb/lib-<platform>-<version>/libchdb.so}, where the cache root is
 *       {@value #CACHE_PROPERTY}, else {@value #CACHE_ENV}, else {@code $XDG_CACHE_HOME/chorm}, else
 *       {@code ~/.cache/chorm};</li>
 *   <li>a fetch: {@code npm view @chdb/lib-<platform>@}{@value #NPM_VERSION}{@code  dist} names the
 *       tarball, which is downloaded with progress on standard error ({@code npm pack} if that fails),
 *       checked against npm's SHA-512 integrity, with {@code package/libchdb.so} extracted into the cache.</li>
 * </ol>
 * Several JVMs may resolve at once (parallel test forks): they take turns on {@code <cacheRoot>/chdb/.lock}
 * and only the first one fetches.
 */
public final class EngineLibrary {

    /** The pinned version of the {@code @chdb/lib-<platform>} npm packages. */
    public static final String NPM_VERSION = "26.5.3";
    /** The system property that names libchdb.so explicitly. */
    public static final String PATH_PROPERTY = "chorm.chdb.library";
    /** The environment variable that names libchdb.so explicitly. */
    public static final String PATH_ENV = "CHORM_CHDB_LIBRARY";
    /** The system property that sets the cache root. */
    public static final String CACHE_PROPERTY = "chorm.cache.dir";
    /** The environment variable that sets the cache root. */
    public static final String CACHE_ENV = "CHORM_CACHE_DIR";

    /** The tarball is 166 MB: allow for a slow network, but do not hang a build forever. */
    static final Duration FETCH_TIMEOUT = Duration.ofMinutes(15);
    /** Asking npm where the tarball is takes a second or two; allow for a slow registry. */
    static final Duration VIEW_TIMEOUT = Duration.ofMinutes(2);
    private static final String LIBRARY_FILE = "libchdb.so";
    private static final String STAGING_PREFIX = ".fetch-";
    /** File locks belong to the whole JVM, so threads of one JVM take turns here first. */
    private static final Object JVM_LOCK = new Object();

    private EngineLibrary() {}

    /**
     * Return the path of libchdb.so, fetching it into the cache on first use.
     *
     * <pre>{@code
     * ChdbLibrary chdb = Native.load(EngineLibrary.resolve().toString(), ChdbLibrary.class);
     * }</pre>
     *
     * @throws EngineLibraryException if an explicit setting names a missing file, the platform has no
     *     engine build, or the library is not cached and cannot be fetched
     */
    public static Path resolve() {
        return resolve(System.getenv(), System.getProperties(),
                System.getProperty("os.name", ""), System.getProperty("os.arch", ""), "npm", EngineLibrary::report);
    }

    /**
     * Show a fetch report line where a user sees it: standard error, not a logger, because a first run
     * under {@code mvn -q} must still say what it downloads; inside a Surefire test fork, whose output
     * goes to report files, the terminal ({@code /dev/tty}) when there is one.
     */
    private static void report(String line) {
        if (System.getProperty("surefire.test.class.path") != null) {
            try (java.io.FileWriter tty = new java.io.FileWriter("/dev/tty", java.nio.charset.StandardCharsets.UTF_8)) {
                tty.write(line + System.lineSeparator());
                return;
            } catch (IOException | RuntimeException e) {
                // no terminal (CI): the report file gets it
            }
        }
        System.err.println(line);
    }

    /** Resolve against the given environment, system properties, platform and npm command, reporting nothing. */
    static Path resolve(Map<String, String> env, Properties properties, String osName, String osArch, String npm) {
        return resolve(env, properties, osName, osArch, npm, line -> { });
    }

    /** Resolve as {@link #resolve()} does, with a fetch's report lines going to {@code report}. */
    static Path resolve(Map<String, String> env, Properties properties, String osName, String osArch, String npm,
                        Consumer<String> report) {
        Path explicit = explicitPath(env, properties);
        if (explicit != null) {
            return explicit;
        }
        String pkg = platformPackage(osName, osArch);
        Path library = cachedLibrary(cacheRoot(env, properties), pkg);
        // Files appear under the final name only by an atomic move, so an existing one is complete.
        if (Files.isRegularFile(library)) {
            return library;
        }
        try {
            fetchLocked(pkg, library, npm, report);
            return library;
        } catch (IOException e) {
            throw new EngineLibraryException(notFoundMessage(pkg, library, npm, e), e);
        }
    }

    /** Return the explicitly configured library, null if none is set; fail if it names a missing file. */
    static Path explicitPath(Map<String, String> env, Properties properties) {
        String fromProperty = blankToNull(properties.getProperty(PATH_PROPERTY));
        if (fromProperty != null) {
            return existingFile("System property " + PATH_PROPERTY, fromProperty);
        }
        String fromEnv = blankToNull(env.get(PATH_ENV));
        if (fromEnv != null) {
            return existingFile("Environment variable " + PATH_ENV, fromEnv);
        }
        return null;
    }

    /** Return the npm package name without scope for a platform, e.g. {@code lib-linux-x64-gnu}. */
    static String platformPackage(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String cpu = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
        if (cpu != null && os.startsWith("linux")) {
            return "lib-linux-" + cpu + "-gnu";
        }
        if (cpu != null && (os.startsWith("mac") || os.startsWith("darwin"))) {
            return "lib-darwin-" + cpu;
        }
        throw new EngineLibraryException(("chDB has no engine library for os.name '%s', os.arch '%s': "
                + "@chdb/lib-* packages exist for linux-x64-gnu, linux-arm64-gnu, darwin-x64 and darwin-arm64. "
                + "Build libchdb.so for this platform and set -D%s=/path/to/libchdb.so or %s.")
                .formatted(osName, osArch, PATH_PROPERTY, PATH_ENV));
    }

    /** Return the cache root: system property, environment variable, XDG cache home, or ~/.cache/chorm. */
    static Path cacheRoot(Map<String, String> env, Properties properties) {
        String root = blankToNull(properties.getProperty(CACHE_PROPERTY));
        if (root == null) {
            root = blankToNull(env.get(CACHE_ENV));
        }
        if (root != null) {
            return Path.of(root).toAbsolutePath();
        }
        String xdg = blankToNull(env.get("XDG_CACHE_HOME"));
        if (xdg != null && Path.of(xdg).isAbsolute()) { // the XDG spec says to ignore relative paths
            return Path.of(xdg, "chorm");
        }
        String home = properties.getProperty("user.home", System.getProperty("user.home"));
        return Path.of(home, ".cache", "chorm");
    }

    /** Return where the cache keeps libchdb.so of one platform package at {@link #NPM_VERSION}. */
    static Path cachedLibrary(Path cacheRoot, String pkg) {
        return cacheRoot.resolve("chdb").resolve(pkg + "-" + NPM_VERSION).resolve(LIBRARY_FILE);
    }

    private static void fetchLocked(String pkg, Path library, String npm, Consumer<String> report) throws IOException {
        Path chdbDir = library.getParent().getParent();
        Files.createDirectories(chdbDir);
        synchronized (JVM_LOCK) {
            try (FileChannel channel = FileChannel.open(chdbDir.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.lock(); // released when the channel closes
                if (Files.isRegularFile(library)) {
                    return; // another JVM fetched it while this one waited
                }
                // Holding the lock, any staging left here is from a fetch that died midway.
                deleteStale(chdbDir, STAGING_PREFIX);
                deleteStale(library.getParent(), "." + LIBRARY_FILE + "-");
                fetch(pkg, library, npm, report);
            }
        }
    }

    private static void fetch(String pkg, Path library, String npm, Consumer<String> report) throws IOException {
        Path staging = Files.createTempDirectory(library.getParent().getParent(), STAGING_PREFIX);
        String spec = npmSpec(pkg);
        FetchReport progress = new FetchReport(report, System::nanoTime, spec, library);
        try {
            // npm says where the tarball is (its registry configuration applies); if downloading it
            // here fails (credentials or a proxy only npm knows), npm fetches it itself.
            NpmTarball.Dist dist = NpmTarball.view(npm, spec, staging, VIEW_TIMEOUT);
            Path tarball = staging.resolve(pkg + "-" + NPM_VERSION + ".tgz");
            String integrity = dist.integrity();
            try {
                NpmTarball.download(dist.tarball(), tarball, FETCH_TIMEOUT, progress);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                progress.fallingBack(e.getMessage());
                Files.deleteIfExists(tarball);
                NpmTarball.Packed packed = NpmTarball.pack(npm, spec, staging, FETCH_TIMEOUT);
                tarball = packed.tarball();
                integrity = packed.integrity();
            }
            NpmTarball.verifyIntegrity(tarball, integrity);
            NpmTarball.extractEntry(tarball, "package/" + LIBRARY_FILE, library);
            progress.finished();
        } finally {
            try {
                NpmTarball.deleteTree(staging);
            } catch (IOException e) {
                // Not worth failing for: the next fetch removes stale staging directories.
            }
        }
    }

    private static void deleteStale(Path directory, String prefix) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory, prefix + "*")) {
            for (Path path : stale) {
                NpmTarball.deleteTree(path);
            }
        }
    }

    private static String notFoundMessage(String pkg, Path library, String npm, IOException failure) {
        String spec = npmSpec(pkg);
        return """
                Cannot find libchdb.so, the chDB engine library. Tried:
                  - system property %s: not set
                  - environment variable %s: not set
                  - the cache: %s does not exist
                  - fetching it with npm (`%s view %s dist --json`, then the tarball): %s
                Install Node.js with npm (https://nodejs.org) so that chorm can fetch it, or download %s \
                yourself (`npm pack %s`, then `tar xzf` the .tgz) and set -D%s=/path/to/libchdb.so \
                or %s=/path/to/libchdb.so."""
                .formatted(PATH_PROPERTY, PATH_ENV, library, npm, spec, describe(failure),
                        spec, spec, PATH_PROPERTY, PATH_ENV);
    }

    private static String describe(IOException failure) {
        // Our own failures read as sentences; the JDK's (AccessDeniedException: /path) need their type.
        Class<?> type = failure.getClass();
        return type == IOException.class || type == InterruptedIOException.class
                ? failure.getMessage()
                : type.getSimpleName() + ": " + failure.getMessage();
    }

    private static String npmSpec(String pkg) {
        return "@chdb/" + pkg + "@" + NPM_VERSION;
    }

    private static Path existingFile(String setting, String value) {
        Path path = Path.of(value).toAbsolutePath();
        if (Files.isRegularFile(path)) {
            return path;
        }
        throw new EngineLibraryException("%s names '%s', but %s. Point it at libchdb.so, or unset it to let chorm fetch the engine into its cache."
                .formatted(setting, value, Files.isDirectory(path) ? "that is a directory" : "no such file exists"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
