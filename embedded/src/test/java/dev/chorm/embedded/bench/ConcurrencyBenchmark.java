package dev.chorm.embedded.bench;

import dev.chorm.embedded.EmbeddedClickHouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many clients at once on one embedded engine (a benchmark, not a test): 8, 32 and 64 concurrent
 * clickhouse-jdbc connections, each in its own session, mix inserts into their own table, selects
 * that check its row count, DDL (drop and re-create the own table) and session SETs that they read
 * back. Per level: operations, errors, wrong answers (a count or a setting that is not the
 * client's own), p50/p99 latency; and the engine child's RSS before and after.
 * Run: {@code mvn -q -pl embedded test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.chorm.embedded.bench.ConcurrencyBenchmark [-Dchorm.bench.seconds=20]
 * [-Dchorm.bench.levels=8,32,64]}
 */
public final class ConcurrencyBenchmark {
    private static final int SECONDS = Integer.getInteger("chorm.bench.seconds", 20);
    private static final String LEVELS = System.getProperty("chorm.bench.levels", "8,32,64");
    private static final int ROWS_PER_INSERT = 100;

    private ConcurrencyBenchmark() {
    }

    /** One client's tally. */
    private static final class Tally {
        final List<Long> latencies = new ArrayList<>();
        long errors;
        long wrong;
        String firstProblem;

        void problem(String what, boolean wrongAnswer) {
            if (wrongAnswer) {
                wrong++;
            } else {
                errors++;
            }
            if (firstProblem == null) {
                firstProblem = what;
            }
        }
    }

    /** Run every level and print its figures. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("chorm-concurrency-bench");
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.builder(dir).childProcess().start()) {
            long child = enginePid().orElse(-1L);
            System.out.printf("engine child pid %d, %d s per level%n", child, SECONDS);
            System.out.printf("%-8s %8s %8s %7s %7s %9s %9s %12s %12s%n", "clients", "ops", "ops/s", "errors", "wrong",
                    "p50 ms", "p99 ms", "RSS before", "RSS after");
            for (String level : LEVELS.split(",")) {
                int clients = Integer.parseInt(level.strip());
                long rssBefore = rssKib(child);
                List<Tally> tallies = runLevel(engine, clients);
                long rssAfter = rssKib(child);
                long[] all = tallies.stream().flatMap(t -> t.latencies.stream()).mapToLong(Long::longValue).sorted().toArray();
                long errors = tallies.stream().mapToLong(t -> t.errors).sum();
                long wrong = tallies.stream().mapToLong(t -> t.wrong).sum();
                System.out.printf("%-8d %8d %8.0f %7d %7d %9.1f %9.1f %9d MiB %9d MiB%n", clients, all.length,
                        all.length / (double) SECONDS, errors, wrong, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                        rssBefore / 1024, rssAfter / 1024);
                tallies.stream().filter(t -> t.firstProblem != null).limit(3)
                        .forEach(t -> System.out.println("    e.g. " + t.firstProblem));
            }
        }
    }

    private static List<Tally> runLevel(EmbeddedClickHouse engine, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        AtomicLong runId = new AtomicLong(System.nanoTime());
        List<Future<Tally>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            futures.add(pool.submit(() -> client(engine, clients, id, runId.get(), deadline)));
        }
        List<Tally> tallies = new ArrayList<>();
        for (Future<Tally> f : futures) {
            tallies.add(f.get());
        }
        pool.shutdown();
        return tallies;
    }

    /** One client: its own session and table; it checks every answer against what it did itself. */
    private static Tally client(EmbeddedClickHouse engine, int level, int id, long run, long deadline) {
        Tally tally = new Tally();
        Random random = new Random(run + id);
        String table = "bench_" + level + "_" + id;
        Properties p = engine.jdbcProperties();
        p.setProperty("clickhouse_setting_session_id", "bench-" + run + "-" + id);
        try (Connection c = DriverManager.getConnection(engine.jdbcUrl(), p); Statement s = c.createStatement()) {
            long expectedRows = 0;
            long blockSize = 0; // 0: no SET yet, the engine's default applies
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (client UInt32, n UInt64) ENGINE = MergeTree ORDER BY n");
            while (System.nanoTime() < deadline) {
                int op = random.nextInt(10);
                long t0 = System.nanoTime();
                try {
                    if (op < 4) {
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (client, n) VALUES (?, ?)")) {
                            for (int r = 0; r < ROWS_PER_INSERT; r++) {
                                ps.setInt(1, id);
                                ps.setLong(2, expectedRows + r);
                                ps.addBatch();
                            }
                            ps.executeBatch();
                        }
                        expectedRows += ROWS_PER_INSERT;
                    } else if (op < 8) {
                        try (ResultSet rs = s.executeQuery("SELECT count(), countIf(client != " + id + "), getSetting('max_block_size') FROM " + table)) {
                            rs.next();
                            if (rs.getLong(1) != expectedRows || rs.getLong(2) != 0) {
                                tally.problem("client " + id + " counted " + rs.getLong(1) + " rows (" + rs.getLong(2)
                                        + " of others) instead of " + expectedRows, true);
                            }
                            if (blockSize != 0 && rs.getLong(3) != blockSize) {
                                tally.problem("client " + id + " saw max_block_size " + rs.getLong(3) + " instead of its own " + blockSize, true);
                            }
                        }
                    } else if (op == 8) {
                        s.execute("DROP TABLE " + table);
                        s.execute("CREATE TABLE " + table + " (client UInt32, n UInt64) ENGINE = MergeTree ORDER BY n");
                        expectedRows = 0;
                    } else {
                        blockSize = 1000 + level * 100 + id;
                        s.execute("SET max_block_size = " + blockSize);
                    }
                } catch (SQLException e) {
                    tally.problem("client " + id + ": " + e.getMessage().lines().findFirst().orElse(""), false);
                }
                tally.latencies.add(System.nanoTime() - t0);
            }
            s.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            tally.problem("client " + id + " could not connect or clean up: " + e.getMessage(), false);
        }
        return tally;
    }

    /** The engine's child JVM: the descendant that runs {@code dev.chorm.embedded.Main}. */
    private static Optional<Long> enginePid() {
        return ProcessHandle.current().descendants()
                .filter(h -> h.info().commandLine().map(cmd -> cmd.contains("dev.chorm.embedded.Main")).orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }

    /** VmRSS of {@code pid} in KiB, from /proc; -1 where there is no /proc. */
    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the child is gone
        }
        return -1;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }
}
