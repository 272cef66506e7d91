package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.chorm.embedded.internal.NpmTarball;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class EngineLibraryTest {

    private static final String MISSING_NPM = "npm-that-does-not-exist";
    private static final byte[] LIBRARY_BYTES = "not really an ELF file\n\n\0 but close enough".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    @Test
    void explicitPropertyWinsOverEnvironmentAndCache() throws IOException {
        Path fromProperty = Files.writeString(temp.resolve("property.so"), "x");
        Path fromEnv = Files.writeString(temp.resolve("env.so"), "x");

        Path resolved = EngineLibrary.resolve(Map.of(EngineLibrary.PATH_ENV, fromEnv.toString()),
                properties(EngineLibrary.PATH_PROPERTY, fromProperty.toString()), "Linux", "amd64", MISSING_NPM);

        assertThat(resolved).isEqualTo(fromProperty);
    }

    @Test
    void explicitEnvironmentVariableWinsOverCacheEvenOnUnsupportedPlatforms() throws IOException {
        Path fromEnv = Files.writeString(temp.resolve("env.so"), "x");

        Path resolved = EngineLibrary.resolve(Map.of(EngineLibrary.PATH_ENV, fromEnv.toString()),
                properties(), "Windows 11", "amd64", MISSING_NPM);

        assertThat(resolved).isEqualTo(fromEnv);
    }

    @Test
    void missingExplicitPathNamesTheSettingAndThePath() {
        String missing = temp.resolve("nowhere/libchdb.so").toString();

        assertThatThrownBy(() -> EngineLibrary.resolve(Map.of(),
                properties(EngineLibrary.PATH_PROPERTY, missing), "Linux", "amd64", MISSING_NPM))
                .isInstanceOf(EngineLibraryException.class)
                .hasMessage("System property chorm.chdb.library names '%s', but no such file exists. "
                        + "Point it at libchdb.so, or unset it to let chorm fetch the engine into its cache.", missing);
        assertThatThrownBy(() -> EngineLibrary.resolve(Map.of(EngineLibrary.PATH_ENV, missing),
                properties(), "Linux", "amd64", MISSING_NPM))
                .hasMessageStartingWith("Environment variable CHORM_CHDB_LIBRARY names '%s', but no such file exists.", missing);
    }

    @Test
    void cacheHitReturnsTheCachedFileWithoutRunningNpm() throws IOException {
        Path cached = temp.resolve("chdb/lib-linux-arm64-gnu-26.5.3/libchdb.so");
        Files.createDirectories(cached.getParent());
        Files.write(cached, LIBRARY_BYTES);

        Path resolved = EngineLibrary.resolve(Map.of(), properties(EngineLibrary.CACHE_PROPERTY, temp.toString()),
                "Linux", "aarch64", MISSING_NPM);

        assertThat(resolved).isEqualTo(cached);
    }

    @Test
    void cacheRootFollowsPropertyThenEnvironmentThenXdgThenHome() {
        Path home = temp.resolve("home");
        Properties withHome = properties("user.home", home.toString());

        assertThat(EngineLibrary.cacheRoot(Map.of(EngineLibrary.CACHE_ENV, "/env", "XDG_CACHE_HOME", "/xdg"),
                properties(EngineLibrary.CACHE_PROPERTY, "/prop"))).isEqualTo(Path.of("/prop"));
        assertThat(EngineLibrary.cacheRoot(Map.of(EngineLibrary.CACHE_ENV, "/env", "XDG_CACHE_HOME", "/xdg"), withHome))
                .isEqualTo(Path.of("/env"));
        assertThat(EngineLibrary.cacheRoot(Map.of("XDG_CACHE_HOME", "/xdg"), withHome)).isEqualTo(Path.of("/xdg/chorm"));
        assertThat(EngineLibrary.cacheRoot(Map.of(), withHome)).isEqualTo(home.resolve(".cache/chorm"));
        assertThat(EngineLibrary.cachedLibrary(home.resolve(".cache/chorm"), "lib-linux-x64-gnu"))
                .isEqualTo(home.resolve(".cache/chorm/chdb/lib-linux-x64-gnu-26.5.3/libchdb.so"));
    }

    @Test
    void platformPackagesFollowOsNameAndArch() {
        assertThat(EngineLibrary.platformPackage("Linux", "amd64")).isEqualTo("lib-linux-x64-gnu");
        assertThat(EngineLibrary.platformPackage("Linux", "x86_64")).isEqualTo("lib-linux-x64-gnu");
        assertThat(EngineLibrary.platformPackage("Linux", "aarch64")).isEqualTo("lib-linux-arm64-gnu");
        assertThat(EngineLibrary.platformPackage("Mac OS X", "x86_64")).isEqualTo("lib-darwin-x64");
        assertThat(EngineLibrary.platformPackage("Mac OS X", "aarch64")).isEqualTo("lib-darwin-arm64");
    }

    @Test
    void unsupportedPlatformSaysWhichBuildsExist() {
        assertThatThrownBy(() -> EngineLibrary.resolve(Map.of(), properties(EngineLibrary.CACHE_PROPERTY, temp.toString()),
                "Windows 11", "amd64", MISSING_NPM))
                .isInstanceOf(EngineLibraryException.class)
                .hasMessage("chDB has no engine library for os.name 'Windows 11', os.arch 'amd64': "
                        + "@chdb/lib-* packages exist for linux-x64-gnu, linux-arm64-gnu, darwin-x64 and darwin-arm64. "
                        + "Build libchdb.so for this platform and set -Dchorm.chdb.library=/path/to/libchdb.so or CHORM_CHDB_LIBRARY.");
        assertThatThrownBy(() -> EngineLibrary.platformPackage("Linux", "ppc64le"))
                .hasMessageContaining("os.arch 'ppc64le'");
    }

    @Test
    void missingNpmGivesOneMessageWithWhatWasTriedAndTheFix() {
        Path library = temp.resolve("chdb/lib-linux-x64-gnu-26.5.3/libchdb.so");

        assertThatThrownBy(() -> EngineLibrary.resolve(Map.of(), properties(EngineLibrary.CACHE_PROPERTY, temp.toString()),
                "Linux", "amd64", MISSING_NPM))
                .isInstanceOf(EngineLibraryException.class)
                .hasMessage("""
                        Cannot find libchdb.so, the chDB engine library. Tried:
                          - system property chorm.chdb.library: not set
                          - environment variable CHORM_CHDB_LIBRARY: not set
                          - the cache: %s does not exist
                          - fetching it with npm (`npm-that-does-not-exist view @chdb/lib-linux-x64-gnu@26.5.3 dist --json`, \
                        then the tarball): npm-that-does-not-exist not found on PATH
                        Install Node.js with npm (https://nodejs.org) so that chorm can fetch it, or download \
                        @chdb/lib-linux-x64-gnu@26.5.3 yourself (`npm pack @chdb/lib-linux-x64-gnu@26.5.3`, then \
                        `tar xzf` the .tgz) and set -Dchorm.chdb.library=/path/to/libchdb.so \
                        or CHORM_CHDB_LIBRARY=/path/to/libchdb.so.""", library);
        assertThat(temp.resolve("chdb")).isDirectoryNotContaining("glob:**/.fetch-*");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void failingNpmReportsItsExitCodeAndOutput() throws IOException {
        Path npm = script("fake-npm", "echo 'npm error code E404' >&2", "exit 1");

        assertThatThrownBy(() -> EngineLibrary.resolve(Map.of(), properties(EngineLibrary.CACHE_PROPERTY, temp.toString()),
                "Linux", "amd64", npm.toString()))
                .isInstanceOf(EngineLibraryException.class)
                .hasMessageContaining("`%s view @chdb/lib-linux-x64-gnu@26.5.3 dist --json` exited with code 1, output:\n"
                        + "npm error code E404", npm);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void fetchDownloadsWithProgressVerifiesAndExtractsOnceForConcurrentCallers() throws Exception {
        byte[] library = new byte[2_000_000];
        new Random(7).nextBytes(library); // incompressible, so the tarball is about as large
        Path tarball = tarGz(temp.resolve("fixture.tgz"), "package/libchdb.so", library);
        HttpServer registry = serve(tarball);
        try {
            URI url = URI.create("http://127.0.0.1:%d/@chdb/lib-linux-x64-gnu/-/lib-linux-x64-gnu-26.5.3.tgz"
                    .formatted(registry.getAddress().getPort()));
            Path calls = temp.resolve("calls.txt");
            Path npm = fakeNpm(calls, url, integrity(Files.readAllBytes(tarball)), tarball);
            Path cache = temp.resolve("cache");
            Properties properties = properties(EngineLibrary.CACHE_PROPERTY, cache.toString());
            List<String> report = Collections.synchronizedList(new ArrayList<>());

            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> EngineLibrary.resolve(Map.of(), properties, "Linux", "amd64",
                        npm.toString(), report::add)));
            }
            pool.shutdown();

            Path expected = cache.resolve("chdb/lib-linux-x64-gnu-26.5.3/libchdb.so");
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
            assertThat(expected).hasBinaryContent(library).isExecutable();
            assertThat(Files.readAllLines(calls)).containsExactly("view @chdb/lib-linux-x64-gnu@26.5.3 dist --json");
            String size = String.format(Locale.ROOT, "%.1f MB", Files.size(tarball) / 1e6);
            assertThat(report.get(0)).isEqualTo(("chorm: fetching the ClickHouse engine, npm package @chdb/lib-linux-x64-gnu@26.5.3 "
                    + "(%s download) from %s into %s; once per machine and version").formatted(size, url, expected.getParent()));
            List<String> progress = report.subList(1, report.size() - 1);
            assertThat(progress).hasSizeBetween(1, 10)
                    .allMatch(line -> line.matches("chorm: \\d+\\.\\d MB of " + size.replace(".", "\\.") + " \\(\\d0%\\), \\d+\\.\\d s"));
            assertThat(report.get(report.size() - 1)).matches("chorm: fetched @chdb/lib-linux-x64-gnu@26\\.5\\.3 in \\d+\\.\\d s, "
                    + "checked against npm's sha512; the engine library is " + Pattern.quote(expected.toString()));
            try (Stream<Path> leftovers = Files.walk(cache)) {
                assertThat(leftovers.map(p -> cache.relativize(p).toString()))
                        .containsExactlyInAnyOrder("", "chdb", "chdb/.lock", "chdb/lib-linux-x64-gnu-26.5.3",
                                "chdb/lib-linux-x64-gnu-26.5.3/libchdb.so");
            }
        } finally {
            registry.stop(0);
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFailedDirectDownloadFallsBackToNpmPackAndSaysSo() throws Exception {
        Path tarball = tarGz(temp.resolve("fixture.tgz"), "package/libchdb.so", LIBRARY_BYTES);
        URI nowhere = URI.create("http://127.0.0.1:%d/lib.tgz".formatted(closedPort()));
        Path calls = temp.resolve("calls.txt");
        Path npm = fakeNpm(calls, nowhere, integrity(Files.readAllBytes(tarball)), tarball);
        Path cache = temp.resolve("cache");
        List<String> report = new ArrayList<>();

        Path resolved = EngineLibrary.resolve(Map.of(), properties(EngineLibrary.CACHE_PROPERTY, cache.toString()),
                "Linux", "amd64", npm.toString(), report::add);

        assertThat(resolved).hasBinaryContent(LIBRARY_BYTES);
        assertThat(Files.readAllLines(calls)).hasSize(2).last().asString()
                .startsWith("pack @chdb/lib-linux-x64-gnu@26.5.3 --json --pack-destination " + cache.resolve("chdb/.fetch-"));
        assertThat(report.get(0)).startsWith("chorm: direct download of @chdb/lib-linux-x64-gnu@26.5.3 failed (cannot download "
                + nowhere + ": ConnectException").endsWith("); running `npm pack` instead, which reports no progress");
        assertThat(report).hasSize(2);
    }

    /** A fake npm: {@code view} points at {@code url}; {@code pack} copies the tarball into its destination ($5). */
    private Path fakeNpm(Path calls, URI url, String integrity, Path tarball) throws IOException {
        return script("fake-npm",
                "echo \"$@\" >> '%s'".formatted(calls),
                "sleep 0.3",
                "if [ \"$1\" = view ]; then",
                "  echo '{\"integrity\": \"%s\", \"tarball\": \"%s\", \"unpackedSize\": 123}'".formatted(integrity, url),
                "  exit 0",
                "fi",
                "cp '%s' \"$5/chdb-lib-linux-x64-gnu-26.5.3.tgz\"".formatted(tarball),
                "echo '[{\"integrity\": \"%s\", \"filename\": \"chdb-lib-linux-x64-gnu-26.5.3.tgz\"}]'".formatted(integrity));
    }

    /** Serve {@code file} at every path, in 64 KiB writes so that the client sees it arrive in parts. */
    private static HttpServer serve(Path file) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < bytes.length; i += 1 << 16) {
                    out.write(bytes, i, Math.min(1 << 16, bytes.length - i));
                    out.flush();
                }
            }
        });
        server.start();
        return server;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void verifyIntegrityAcceptsTheRightHashAndNamesBothOnAMismatch() throws IOException {
        Path tarball = tarGz(temp.resolve("t.tgz"), "package/libchdb.so", LIBRARY_BYTES);
        String right = integrity(Files.readAllBytes(tarball));
        String wrong = integrity("something else".getBytes(StandardCharsets.UTF_8));

        NpmTarball.verifyIntegrity(tarball, right);
        NpmTarball.verifyIntegrity(tarball, "sha1-ignored " + right);
        assertThatThrownBy(() -> NpmTarball.verifyIntegrity(tarball, wrong))
                .isInstanceOf(IOException.class)
                .hasMessage("%s has integrity %s, but npm reported %s: the download is corrupt or was tampered with",
                        tarball, right, wrong);
        assertThatThrownBy(() -> NpmTarball.verifyIntegrity(tarball, "sha1-abc"))
                .hasMessageContaining("which has no sha512 hash");
    }

    @Test
    void extractEntryWritesOnlyTheLibraryAndMakesItExecutable() throws IOException {
        Path tarball = tarGz(temp.resolve("t.tgz"), "package/libchdb.so", LIBRARY_BYTES);
        Path target = temp.resolve("out/lib/libchdb.so");

        NpmTarball.extractEntry(tarball, "package/libchdb.so", target);

        assertThat(target).hasBinaryContent(LIBRARY_BYTES).isReadable().isExecutable();
        assertThat(target.getParent()).isDirectoryContaining(p -> p.equals(target))
                .isDirectoryNotContaining(p -> !p.equals(target));
    }

    @Test
    void extractEntryFailsWhenTheTarballHasNoLibrary() throws IOException {
        Path tarball = tarGz(temp.resolve("t.tgz"), "package/README.md", LIBRARY_BYTES);
        Path target = temp.resolve("out/libchdb.so");

        assertThatThrownBy(() -> NpmTarball.extractEntry(tarball, "package/libchdb.so", target))
                .hasMessage("%s has no entry package/libchdb.so", tarball);
        assertThat(target.getParent()).isEmptyDirectory();
    }

    @Test
    void resolveOnThisMachineReturnsTheRealLibrary() {
        // Never trigger a real 166 MB download from a test: run only where the library is already at hand.
        Map<String, String> env = System.getenv();
        Properties system = System.getProperties();
        boolean explicit = EngineLibrary.explicitPath(env, system) != null;
        Path cached = EngineLibrary.cachedLibrary(EngineLibrary.cacheRoot(env, system),
                EngineLibrary.platformPackage(System.getProperty("os.name"), System.getProperty("os.arch")));
        assumeThat(explicit || Files.isRegularFile(cached)).as("libchdb.so is configured or cached").isTrue();

        Path library = EngineLibrary.resolve();

        assertThat(library).isRegularFile().isReadable();
        assertThat(library.toFile().length()).isGreaterThan(100_000_000L);
        if (!explicit) {
            assertThat(library).isEqualTo(cached);
        }
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        properties.setProperty("user.home", "/nonexistent-home");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private Path script(String name, String... lines) throws IOException {
        Path script = temp.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return script;
    }

    private static Path tarGz(Path file, String entryName, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            TarArchiveEntry packageJson = new TarArchiveEntry("package/package.json");
            byte[] json = "{\"name\": \"@chdb/lib-test\"}".getBytes(StandardCharsets.UTF_8);
            packageJson.setSize(json.length);
            tar.putArchiveEntry(packageJson);
            tar.write(json);
            tar.closeArchiveEntry();
            TarArchiveEntry entry = new TarArchiveEntry(entryName);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return file;
    }

    private static String integrity(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
