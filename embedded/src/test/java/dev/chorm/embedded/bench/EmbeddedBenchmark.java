package dev.chorm.embedded.bench;

import com.clickhouse.client.api.Client;
import com.clickhouse.data.ClickHouseFormat;
import dev.chorm.embedded.EmbeddedClickHouse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The embedded engine's numbers, in one run on one engine (a benchmark, not a test):
 * <ul>
 *   <li>cold start: {@code EmbeddedClickHouse.start} to the first answered query, library cached;</li>
 *   <li>rows/s of a 1,000,000-row client-v2 RowBinary insert through the HTTP server, against the
 *       engine's own {@code INSERT ... SELECT FROM numbers()} of the same shape;</li>
 *   <li>median {@code SELECT 1} latency through clickhouse-jdbc.</li>
 * </ul>
 * Run: {@code mvn -q -pl embedded test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.chorm.embedded.bench.EmbeddedBenchmark}
 */
public final class EmbeddedBenchmark {
    private static final int ROWS = 1_000_000;
    private static final int RUNS = 5;

    private EmbeddedBenchmark() {
    }

    /** Run the benchmark and print its figures. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("chorm-bench");
        long t0 = System.nanoTime();
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.start(dir);
             Connection c = DriverManager.getConnection(engine.jdbcUrl(), engine.jdbcProperties());
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                System.out.printf("cold start to first answered query: %.2f s (ClickHouse %s)%n",
                        (System.nanoTime() - t0) / 1e9, rs.getString(1));
            }
            s.execute("CREATE TABLE t (id UInt64, s String) ENGINE = MergeTree ORDER BY id");
            byte[] body = rowBinary();
            double[] engineRates = new double[RUNS];
            double[] serverRates = new double[RUNS];
            try (Client client = new Client.Builder().addEndpoint(engine.httpUrl()).setUsername("default")
                    .setPassword("").build()) {
                for (int run = 0; run < RUNS; run++) {
                    s.execute("TRUNCATE TABLE t");
                    long start = System.nanoTime();
                    s.executeUpdate("INSERT INTO t SELECT number, toString(number) FROM numbers(" + ROWS + ")");
                    engineRates[run] = ROWS / ((System.nanoTime() - start) / 1e9);

                    s.execute("TRUNCATE TABLE t");
                    start = System.nanoTime();
                    long written = client.insert("t", new ByteArrayInputStream(body), ClickHouseFormat.RowBinary).get().getWrittenRows();
                    serverRates[run] = ROWS / ((System.nanoTime() - start) / 1e9);
                    if (written != ROWS) {
                        throw new IllegalStateException("wrote " + written + " rows, expected " + ROWS);
                    }
                }
            }
            double engineRate = median(engineRates);
            double serverRate = median(serverRates);
            System.out.printf("engine INSERT ... SELECT FROM numbers(): %.2f M rows/s (median of %d)%n", engineRate / 1e6, RUNS);
            System.out.printf("RowBinary insert through the server:     %.2f M rows/s (median of %d)%n", serverRate / 1e6, RUNS);
            System.out.printf("ratio server/engine:                     %.2f (target >= 0.35)%n", serverRate / engineRate);

            double[] latencies = new double[2000];
            for (int i = 0; i < latencies.length; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery("SELECT 1")) {
                    rs.next();
                }
                latencies[i] = (System.nanoTime() - start) / 1e3;
            }
            System.out.printf("SELECT 1 through clickhouse-jdbc:        median %.0f us, p99 %.0f us%n",
                    median(latencies), percentile(latencies, 0.99));
        }
    }

    /** The rows the engine generates itself: (number, toString(number)). */
    private static byte[] rowBinary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ROWS * 16);
        for (long id = 0; id < ROWS; id++) {
            for (int i = 0; i < 8; i++) {
                out.write((int) (id >>> (8 * i)) & 0xff);
            }
            byte[] s = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
            out.write(s.length);
            out.write(s, 0, s.length);
        }
        return out.toByteArray();
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }
}
