package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults and overload: clients that hold connections, queries that run too long, a SIGTERM in
 * the middle of an insert, an engine process that is killed. Each engine here is its own child
 * process, so a fault cannot reach the other tests.
 */
class FaultTest {

    private static ProcessHandle engineProcess(EmbeddedClickHouse engine) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(engine.dataDir().toString()))
                .filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow();
    }

    private static String procField(long pid, int field) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return after[field - 3];
    }

    @Test
    void theEngineRunsInItsOwnSessionAndItsPasswordIsOnNoCommandLine(@TempDir Path dir) throws IOException {
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.builder(dir).password("s3cret-on-no-cmdline").childProcess().start()) {
            ProcessHandle child = engineProcess(engine);
            String cmdline = Files.readString(Path.of("/proc/" + child.pid() + "/cmdline")).replace('\0', ' ');
            assertThat(cmdline).contains(dir.toString()).doesNotContain("s3cret-on-no-cmdline");
            // field 6 of /proc/PID/stat is the session id: a signal to our group cannot reach the engine
            assertThat(procField(child.pid(), 6)).isNotEqualTo(procField(ProcessHandle.current().pid(), 6));
            assertThat(Http.of(engine).post("password=s3cret-on-no-cmdline", "SELECT 1").body()).isEqualTo("1\n");
        }
    }

    @Test
    void aKilledEngineIsReportedAndStartsAgainWithoutItsSpooledFiles(@TempDir Path dir) throws Exception {
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.builder(dir).childProcess().start()) {
            Http http = Http.of(engine);
            assertThat(http.post("", "CREATE TABLE kept (x UInt8) ENGINE = MergeTree ORDER BY x").ok()).isTrue();
            assertThat(http.post("", "INSERT INTO kept VALUES (1), (2)").ok()).isTrue();
            Files.writeString(dir.resolve("tmp_http/insert-left-by-a-dead-process.bin"), "rows");
            ProcessHandle child = engineProcess(engine);
            child.destroyForcibly();
            child.onExit().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (engine.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(engine.isAlive()).isFalse();
        }
        try (EmbeddedClickHouse again = EmbeddedClickHouse.builder(dir).childProcess().start()) {
            assertThat(Http.of(again).post("", "SELECT sum(x) FROM kept").body()).isEqualTo("3\n");
            try (var files = Files.list(dir.resolve("tmp_http"))) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("insert-"))).isEmpty();
            }
        }
    }

    @Test
    void theCommandLineServerReportsADeadEngineAndExitsNonZero(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(ChildJvm.javaCommand());
        command.addAll(List.of(Main.class.getName(), "--path", dir.toString(), "--port", "0"));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.contains("ready"));
            assertThat(line).contains("ready");
            ProcessHandle engine = cli.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst().orElseThrow();
            engine.destroyForcibly();
            StringBuilder rest = new StringBuilder();
            for (String l; (l = out.readLine()) != null; ) {
                rest.append(l).append('\n');
            }
            assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.exitValue()).isEqualTo(137);
            assertThat(rest.toString()).contains("died of SIGKILL (exit code 137)").contains("is kept: run the same command to start again");
        } finally {
            cli.destroyForcibly();
        }
    }

    @Test
    void aSigtermDuringAnInsertAnswersItsClientTruthfully(@TempDir Path dir) throws Exception {
        Http.Answer answer;
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.builder(dir).childProcess().start()) {
            Http http = Http.of(engine);
            assertThat(http.post("", "CREATE TABLE big (x UInt64) ENGINE = MergeTree ORDER BY x").ok()).isTrue();
            CompletableFuture<Http.Answer> insert = CompletableFuture.supplyAsync(
                    () -> http.post("", "INSERT INTO big SELECT number FROM numbers(30000000)"));
            Thread.sleep(300);
            engineProcess(engine).destroy(); // SIGTERM while the statement runs
            answer = insert.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            answer = null; // the connection was closed before an answer
        }
        try (EmbeddedClickHouse again = EmbeddedClickHouse.builder(dir).childProcess().start()) {
            String rows = Http.of(again).post("", "SELECT count() FROM big").body().strip();
            if (answer != null && answer.ok()) {
                assertThat(rows).as("a success means every row").isEqualTo("30000000");
            } else {
                assertThat(rows).as("an error or a closed connection means no rows: " + answer).isEqualTo("0");
            }
        }
    }

    @Test
    void aSigtermAfterTheGraceCancelsTheRunningStatementAndAnswersIt(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(ChildJvm.javaCommand());
        command.addAll(List.of(Main.class.getName(), "--path", dir.toString(), "--port", "0", "--shutdown-grace-seconds", "1"));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.contains("ready"));
            assertThat(line).contains("ready");
            PlainHttp http = new PlainHttp(line.replaceAll(".*(http://127\\.0\\.0\\.1:\\d+).*", "$1"));
            CompletableFuture<PlainHttp.Answer> running = CompletableFuture.supplyAsync(() -> http.post(
                    "SELECT sleepEachRow(0.2) FROM numbers(100000) SETTINGS max_block_size = 1", java.util.Map.of()));
            Thread.sleep(500);
            long term = System.nanoTime();
            cli.destroy(); // SIGTERM: the CLI stops its engine process the same way
            PlainHttp.Answer answer = running.get(30, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - term)).isLessThan(Duration.ofSeconds(10));
            assertThat(answer.exceptionCode()).as(answer.body()).isEqualTo("394");
            assertThat(answer.body()).startsWith("Code: 394. DB::Exception: Query was cancelled: the server is shutting down,"
                    + " and the statement was still running (or waiting) after the shutdown grace of 1 s. (QUERY_WAS_CANCELLED)");
            assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            cli.destroyForcibly();
        }
    }

    @Test
    void clientsHoldingHalfABodyDoNotStopTheServer(@TempDir Path dir) throws Exception {
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.builder(dir).password("pw").childProcess().start()) {
            List<Socket> stuck = new ArrayList<>();
            try {
                for (int i = 0; i < 80; i++) {
                    Socket s = new Socket("127.0.0.1", engine.port());
                    OutputStream out = s.getOutputStream();
                    String auth = i % 2 == 0 ? "" : "Authorization: Basic ZGVmYXVsdDp3cm9uZw==\r\n"; // default:wrong
                    out.write(("POST / HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 1000\r\n\r\nSELECT ").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    stuck.add(s);
                }
                Http http = Http.of(engine);
                assertThat(http.post("password=pw", "SELECT 42").body()).isEqualTo("42\n");
                // A wrong password is answered at once, without waiting for the body.
                Socket wrong = stuck.get(1);
                wrong.setSoTimeout(10_000);
                InputStream in = wrong.getInputStream();
                String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(head).isEqualTo("HTTP/1.1 401");
            } finally {
                for (Socket s : stuck) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aStatementTextOverTheLimitIsRefusedWithTheWayAround() {
        // 16 MiB of SQL is held in memory at most; rows belong in inline data, which has no limit.
        String huge = "SELECT '" + "x".repeat(17 << 20) + "'";
        Http.Answer a = Http.shared().post("", huge);
        assertThat(a.code()).isEqualTo("62");
        assertThat(a.body()).startsWith("Code: 62. DB::Exception: Max query size exceeded: the query text is over 16 MiB."
                + " Send rows as inline data (INSERT INTO t FORMAT fmt, then the rows), which has no such limit. (SYNTAX_ERROR)");
        assertThat(Http.shared().post("", "SELECT 1").body()).isEqualTo("1\n");
    }

    @Test
    void aMaximumQueryTimeStopsRunawayQueries(@TempDir Path dir) {
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.builder(dir).maxQueryTime(Duration.ofSeconds(1)).childProcess().start()) {
            Http http = Http.of(engine);
            Http.Answer a = http.post("", "SELECT count() FROM numbers(100000000000) WHERE NOT ignore(sipHash64(number))");
            assertThat(a.code()).isEqualTo("159");
            assertThat(http.post("", "SELECT 1").body()).isEqualTo("1\n");
        }
    }

    @Test
    void aRetriedInsertWithADeduplicationTokenLandsOnce() {
        Http http = Http.shared();
        String table = "dedup_" + java.util.UUID.randomUUID().toString().replace("-", "");
        assertThat(http.post("", "CREATE TABLE " + table + " (x UInt64) ENGINE = MergeTree ORDER BY x"
                + " SETTINGS non_replicated_deduplication_window = 1000").ok()).isTrue();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(http.post("insert_deduplication_token=batch-0001", "INSERT INTO " + table + " VALUES (1), (2), (3)").ok()).isTrue();
        }
        assertThat(http.post("", "SELECT count() FROM " + table).body()).isEqualTo("3\n");
    }
}
