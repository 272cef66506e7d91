package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official Python and JS clients against the embedded server: inserts and queries in every
 * compression mode each offers, bound parameters and sessions. Each client runs a script from
 * src/test/resources/official-clients that prints what it saw; this test compares it and
 * cross-checks the tables through plain HTTP.
 *
 * <p>Setup (once per machine; the test says why it skips when a client is missing):
 * <ul>
 *   <li>JS: nothing; the test installs {@code @clickhouse/client@1.23.1} with npm into
 *       {@code ~/.cache/chorm/node} (override with {@code -Dchorm.test.node-cache=DIR}).</li>
 *   <li>Python: clickhouse-connect 1.5.0 (pure Python) from its source repository, for example
 *       {@code git clone --branch v1.5.0 https://github.com/ClickHouse/clickhouse-connect
 *       ~/.cache/chorm/python/clickhouse-connect-1.5.0} (override with
 *       {@code -Dchorm.test.clickhouse-connect=DIR}), and its dependencies, on Debian:
 *       {@code apt-get install python3-lz4 python3-zstandard python3-urllib3 python3-certifi python3-brotli}.</li>
 * </ul>
 */
class OfficialClientsTest {
    private static final String JS_CLIENT = "@clickhouse/client@1.23.1";
    private static final Path HOME = Path.of(System.getProperty("user.home"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void pythonClientInEveryCompressionMode() throws Exception {
        Path checkout = Path.of(System.getProperty("chorm.test.clickhouse-connect",
                HOME.resolve(".cache/chorm/python/clickhouse-connect-1.5.0").toString()));
        String python = null;
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            if (run(List.of(candidate, "-c", "import clickhouse_connect, lz4, zstandard, brotli"),
                    Map.of("PYTHONPATH", checkout.toString()), 60).exitCode == 0) {
                python = candidate;
                break;
            }
        }
        assumeTrue(python != null, "python3 cannot import clickhouse_connect (with lz4, zstandard, brotli) from "
                + checkout + "; see this class's comment for the setup");
        String db = SharedEngine.freshDatabase("py_client");
        Result r = run(List.of(python, script("clickhouse_connect_check.py").toString(),
                Integer.toString(SharedEngine.get().port()), db), Map.of("PYTHONPATH", checkout.toString()), 600);
        assertThat(r.exitCode).as(r.output).isZero();
        List<String> expected = new ArrayList<>();
        for (String mode : List.of("none", "default", "lz4", "zstd", "gzip", "br")) {
            expected.add(mode + " insert 5000");
            expected.add(mode + " count 5000 12497500");
            expected.add(mode + " params [(0, 'v0'), (1, 'a\\n\\nb'), (2, 'v2')]");
            expected.add(mode + " big 100000 99999 99999");
            expected.add(mode + " session 15 3");
            expected.add(mode + " zone 2024-01-01T13:00:00+01:00");
            assertThat(http("SELECT count(), countIf(s = 'a\\n\\nb') FROM " + db + ".t_" + mode)).isEqualTo("5000\t2500\n");
        }
        assertThat(lines(r.output)).isEqualTo(expected);
    }

    @Test
    void jsClientWithEveryCompressionSetting() throws Exception {
        assumeTrue(run(List.of("node", "--version"), Map.of(), 60).exitCode == 0, "node is not installed");
        Path cache = Path.of(System.getProperty("chorm.test.node-cache", HOME.resolve(".cache/chorm/node").toString()));
        Path installed = cache.resolve("node_modules/@clickhouse/client/package.json");
        if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"1.23.1\"")) {
            Files.createDirectories(cache);
            Result npm = run(List.of("npm", "install", "--prefix", cache.toString(), "--no-audit", "--no-fund", JS_CLIENT), Map.of(), 600);
            assumeTrue(npm.exitCode == 0, "npm could not install " + JS_CLIENT + " into " + cache + ": " + npm.output);
        }
        String db = SharedEngine.freshDatabase("js_client");
        Result r = run(List.of("node", script("clickhouse_js_check.cjs").toString(), Integer.toString(SharedEngine.get().port()), db),
                Map.of("NODE_PATH", cache.resolve("node_modules").toString()), 600);
        assertThat(r.exitCode).as(r.output).isZero();
        List<String> expected = new ArrayList<>();
        for (String mode : List.of("none", "request", "response", "both")) {
            expected.add(mode + " insert 5000");
            expected.add(mode + " count 5000 12497500");
            expected.add(mode + " params [[0,\"v0\"],[1,\"a\\n\\nb\"],[2,\"v2\"]]");
            expected.add(mode + " big 100000 99999");
            expected.add(mode + " session 15 3");
            assertThat(http("SELECT count(), countIf(s = 'a\\n\\nb') FROM " + db + ".t_" + mode)).isEqualTo("5000\t2500\n");
        }
        assertThat(lines(r.output)).isEqualTo(expected);
    }

    private static List<String> lines(String output) {
        // Only the script's report: the Python client may warn that its C extensions are absent.
        return output.lines().filter(l -> l.matches("^[a-z0-9]+ (insert|count|params|big|session|zone) .*")).toList();
    }

    private static String http(String sql) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedEngine.get().httpUrl() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Path script(String name) throws IOException {
        Path file = Files.createTempDirectory("chorm-official-client").resolve(name);
        try (InputStream in = OfficialClientsTest.class.getResourceAsStream("/official-clients/" + name)) {
            Files.copy(in, file);
        }
        file.toFile().deleteOnExit();
        file.getParent().toFile().deleteOnExit();
        return file;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws InterruptedException {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process p = builder.start();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            });
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                reader.join(5000);
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + command);
            }
            reader.join();
            return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        }
    }
}
