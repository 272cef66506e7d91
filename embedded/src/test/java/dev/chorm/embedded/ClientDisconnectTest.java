package dev.chorm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client that hangs up has its statement cancelled: the engine runs one statement at a time,
 * so a statement nobody will read would otherwise hold every other client until the maximum
 * query time (300 s by default). The engine here is its own child process: the long statements
 * must not hold the shared engine of the other tests.
 */
class ClientDisconnectTest {
    /** Runs for hours unless cancelled: CPU-bound, and one that sleeps in 0.2 s blocks. */
    private static final String COUNT = "SELECT count() FROM numbers(1000000000000) WHERE NOT ignore(sipHash64(number))";
    private static final String SLEEP = "SELECT sleepEachRow(0.2) FROM numbers(100000) SETTINGS max_block_size = 1";

    @TempDir
    static Path dir;
    private static EmbeddedClickHouse engine;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        engine = EmbeddedClickHouse.builder(dir).childProcess().start();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Send {@code sql} as a POST on a socket of its own and return the socket, unread. */
    private static Socket send(String sql) throws IOException {
        Socket s = new Socket("127.0.0.1", engine.port());
        byte[] body = sql.getBytes(StandardCharsets.UTF_8);
        OutputStream out = s.getOutputStream();
        out.write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return s;
    }

    /** POST {@code sql} and return the body; fails when there is no answer within 10 s. */
    private static String answer(String sql) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.httpUrl() + "/"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(sql)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static String log() throws IOException {
        return Files.readString(engine.logFile());
    }

    /** The log's lines about disconnected clients that name {@code sql}. */
    private static List<String> cancellations(String sql) throws IOException {
        return log().lines().filter(l -> l.contains("whose client disconnected") && l.contains(sql)).toList();
    }

    private static long running(String sql) throws Exception {
        String pattern = sql.substring(0, 30).replace("'", "\\'");
        return Long.parseLong(answer("SELECT count() FROM system.processes WHERE query LIKE '" + pattern
                + "%' AND query_id != queryID()").strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {COUNT, SLEEP})
    void aRunningStatementOfAClientThatHungUpIsCancelled(String sql) throws Exception {
        Socket client = send(sql);
        Thread.sleep(700); // the engine is idle: by now the statement runs
        client.close();
        long hungUp = System.nanoTime();
        assertThat(answer("SELECT 1")).isEqualTo("1\n");
        assertThat(Duration.ofNanos(System.nanoTime() - hungUp)).isLessThan(Duration.ofSeconds(3));
        assertThat(cancellations(sql)).singleElement().asString().contains("cancelled a running statement");
        assertThat(running(sql)).isZero();
        // The server stays healthy: the official driver reads through it as before.
        try (Connection c = DriverManager.getConnection(engine.jdbcUrl(), engine.jdbcProperties());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void aQueuedStatementOfAClientThatHungUpNeverRuns() throws Exception {
        String table = "queued_" + System.nanoTime();
        answer("CREATE TABLE " + table + " (x UInt8) ENGINE = MergeTree ORDER BY x");
        String insert = "INSERT INTO " + table + " VALUES (1)";
        String blocker = SLEEP.replace("0.2", "0.25");
        Socket running = send(blocker);
        Thread.sleep(300);
        Socket queued = send(insert);
        Thread.sleep(400); // it waits for the engine, watched
        queued.close();
        Thread.sleep(400); // its client has gone: noticed while it still waits
        running.close();
        assertThat(answer("SELECT count() FROM " + table)).isEqualTo("0\n");
        assertThat(cancellations(insert)).singleElement().asString().contains("cancelled a statement before it started");
        assertThat(cancellations(blocker)).singleElement().asString().contains("cancelled a running statement");
    }

    @Test
    void aDriverThatGivesUpWaitingHasItsStatementCancelled() throws Exception {
        Properties p = engine.jdbcProperties();
        p.setProperty("socket_timeout", "1000");
        String sql = SLEEP.replace("0.2", "0.15");
        try (Connection c = DriverManager.getConnection(engine.jdbcUrl(), p); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery(sql)).isInstanceOf(SQLException.class);
        }
        long gaveUp = System.nanoTime();
        assertThat(answer("SELECT 1")).isEqualTo("1\n");
        assertThat(Duration.ofNanos(System.nanoTime() - gaveUp)).isLessThan(Duration.ofSeconds(3));
        assertThat(cancellations(sql)).singleElement().asString().contains("cancelled a running statement");
    }

    @Test
    void clientsThatWaitForTheirAnswersGetThem() throws Exception {
        String sql = "SELECT sleep(0.3), 'waited'";
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return answer(sql);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<String> a : answers) {
            assertThat(a.get()).isEqualTo("0\twaited\n");
        }
        assertThat(cancellations(sql)).isEmpty();
    }
}
