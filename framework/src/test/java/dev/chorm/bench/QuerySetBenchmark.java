package dev.chorm.bench;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.data.ClickHouseFormat;
import dev.chorm.db.Database;
import dev.chorm.embedded.EmbeddedClickHouse;
import dev.chorm.query.QuerySet;
import dev.chorm.testing.TestEngine;
import dev.chorm.types.RowBinaryWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Measure the QuerySet against hand-written code on one embedded engine, in one run, and print ratios:
 * <ol>
 * <li>{@code bulkCreate} of 1,000,000 ten-column rows vs a hand-written client-v2 RowBinary insert of the
 *     same rows (target at least 1.6x), vs the same rows pre-encoded as Native and posted by a plain HTTP
 *     client (the ingest ceiling, target at least 0.8x), and vs the engine's own {@code INSERT ... SELECT};
 *     the same pre-encoded bytes through client-v2's insert show what chorm's transport costs;</li>
 * <li>{@code stream()} of 1,000,000 rows into objects vs a raw JDBC {@code ResultSet} loop building the
 *     same objects (target at least 2x), and vs reading the same result as Native bytes into a sink by a
 *     plain HTTP client (the delivery ceiling, target at least 0.5x);</li>
 * <li>10,000,000 rows through {@code bulkCreate} and {@code stream()} in a child JVM with {@code -Xmx256m},
 *     with the peak heap ({@link BigRunMain}; skip with {@code -Dbench.bigRows=0});</li>
 * <li>building and compiling a typical five-step QuerySet to SQL (target under 20 µs, after warm-up).</li>
 * </ol>
 * Each figure is the median of several runs after a warm-up; in each run the two contenders go in
 * alternating order, so neither always runs first (after a TRUNCATE or a GC of the other's garbage).
 * Run it (not a test) with:
 * <pre>
 * mvn -q -pl framework exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.chorm.bench.QuerySetBenchmark
 * </pre>
 * exec:java does not compile: run {@code mvn -q -pl framework test-compile} first (or put
 * {@code test-compile} before {@code exec:java} in the same command). The engine runs in a child
 * process on the same machine, so on few cores the figures vary by about 10% from run to run.
 * Optional system properties: {@code bench.rows} (default 1,000,000), {@code bench.runs} (default 7),
 * {@code bench.bigRows} (default 10,000,000) and {@code bench.parts} (default {@code insert,read,big,compile}:
 * the measurements to run, for example {@code insert} alone when profiling the insert).
 */
public final class QuerySetBenchmark {
    static final String SELECT_CEILING = "INSERT INTO bench_row SELECT number, toInt32(number % 65536),"
            + " toInt64(number * 1000), number / 7, concat('name-', toString(number)),"
            + " ['Paris', 'Zürich', 'Lisbon', 'Tokyo', 'Lagos', 'Lima', 'Oslo', 'Pune'][number % 8 + 1],"
            + " fromUnixTimestamp64Micro(toInt64(1704067200000000 + number * 1000), 'UTC'),"
            + " toDate32('2024-01-01') + toInt32(number % 365), number % 2 = 0, toUInt32(number % 4000000000)"
            + " FROM numbers({rows})";
    private static final List<String> COLUMNS = List.of("id", "port", "bytes", "ratio", "name", "city", "at", "day",
            "active", "code");

    private final Database db;
    private final String database;
    private final int rows;
    private final int runs;

    private QuerySetBenchmark(Database db, String database, int rows, int runs) {
        this.db = db;
        this.database = database;
        this.rows = rows;
        this.runs = runs;
    }

    /** Run the three measurements and print their figures. */
    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int runs = Integer.getInteger("bench.runs", 7);
        EmbeddedClickHouse engine = TestEngine.shared();
        String database = TestEngine.freshDatabase("bench");
        try (Database db = Database.open("bench", engine.jdbcUrl(database), engine.jdbcProperties(), Map.of())) {
            db.createTables(BenchRow.class);
            QuerySetBenchmark bench = new QuerySetBenchmark(db, database, rows, runs);
            // bench.parts picks the measurements to run (comma-separated), for profiling one of them.
            List<String> parts = List.of(System.getProperty("bench.parts", "insert,read,big,compile").split(","));
            if (parts.contains("insert")) {
                bench.inserts();
            }
            if (parts.contains("read")) {
                bench.reads();
            }
            if (parts.contains("big")) {
                bench.bigRun(engine, Integer.getInteger("bench.bigRows", 10_000_000));
            }
            if (parts.contains("compile")) {
                bench.compiles();
            }
        }
        System.exit(0);
    }

    private void inserts() throws Exception {
        List<BenchRow> data = LongStream.range(0, rows).mapToObj(BenchRow::of).toList();
        QuerySet<BenchRow> objects = db.objects(BenchRow.class);
        try (Client client = TestEngine.client(database)) {
            objects.bulkCreate(data.subList(0, Math.min(rows, 100_000)));
            handWritten(client, data.subList(0, Math.min(rows, 100_000)));
            double[] chorms = new double[runs];
            double[] hands = new double[runs];
            double[] ceilings = new double[runs];
            double[] natives = new double[runs];
            double[] transports = new double[runs];
            double[] perRun = new double[runs];
            byte[] nativeBody = NativeHttp.encode(data);
            timed(() -> NativeHttp.insert(database, nativeBody));
            timed(() -> preEncoded(db.client(), nativeBody));
            for (int run = 0; run < runs; run++) {
                // bulkCreate and the ingest ceiling run next to each other, in alternating order, so that
                // their ratio compares two runs under the same load of the (shared) machine.
                if (run % 2 == 0) {
                    chorms[run] = timed(() -> objects.bulkCreate(data));
                    natives[run] = timed(() -> NativeHttp.insert(database, nativeBody));
                    hands[run] = timed(() -> handWritten(client, data));
                    transports[run] = timed(() -> preEncoded(db.client(), nativeBody));
                } else {
                    transports[run] = timed(() -> preEncoded(db.client(), nativeBody));
                    hands[run] = timed(() -> handWritten(client, data));
                    natives[run] = timed(() -> NativeHttp.insert(database, nativeBody));
                    chorms[run] = timed(() -> objects.bulkCreate(data));
                }
                perRun[run] = natives[run] / chorms[run];
                ceilings[run] = timed(() -> db.execute(ceilingSql()));
            }
            double chorm = median(chorms);
            double hand = median(hands);
            double ceiling = median(ceilings);
            double nativeCeiling = median(natives);
            double transport = median(transports);
            System.out.printf("insert %,d rows (median of %d runs): bulkCreate %.3f s (%.2f M rows/s), client-v2"
                    + " RowBinary by hand %.3f s (%.2f M rows/s), pre-encoded Native over plain HTTP %.3f s"
                    + " (%.2f M rows/s), INSERT ... SELECT %.3f s (%.2f M rows/s)%n", rows, runs, chorm,
                    rows / chorm / 1e6, hand, rows / hand / 1e6, nativeCeiling, rows / nativeCeiling / 1e6, ceiling,
                    rows / ceiling / 1e6);
            System.out.printf("  bulkCreate / client-v2 RowBinary = %.2fx (target >= 1.6x); bulkCreate / Native"
                    + " ingest ceiling = %.2fx (target >= 0.8x; per run %s); bulkCreate / INSERT SELECT = %.2fx%n",
                    hand / chorm, nativeCeiling / chorm, ratios(perRun), ceiling / chorm);
            System.out.printf("  the same pre-encoded bytes through client-v2's insert (chorm's transport): %.3f s,"
                    + " %.2fx the plain HTTP post%n", transport, nativeCeiling / transport);
        }
        db.execute("TRUNCATE TABLE bench_row");
        db.execute(ceilingSql());
    }

    /** Post the pre-encoded Native body through chorm's client-v2 client and streaming insert, as bulkCreate sends its blocks. */
    private static void preEncoded(Client client, byte[] body) {
        try {
            client.insert("bench_row", COLUMNS, out -> {
                for (int off = 0; off < body.length; off += 1 << 17) {
                    out.write(body, off, Math.min(1 << 17, body.length - off));
                }
            }, ClickHouseFormat.Native, new InsertSettings()).get(10, TimeUnit.MINUTES).close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ratios(double[] values) {
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("%.2f", v));
        }
        return out.toString();
    }

    private String ceilingSql() {
        return SELECT_CEILING.replace("{rows}", String.valueOf(rows));
    }

    /** Time {@code work} once, truncating the table before, and check the row count after. */
    private double timed(Runnable work) {
        db.execute("TRUNCATE TABLE bench_row");
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        Object count = db.query("SELECT count() AS n FROM bench_row").get(0).get("n");
        if (((Number) count).longValue() != rows) {
            throw new IllegalStateException("expected " + rows + " rows, found " + count);
        }
        return seconds;
    }

    /** Insert {@code data} as a careful engineer would by hand: typed RowBinary writes, no reflection. */
    private static void handWritten(Client client, List<BenchRow> data) {
        try {
            client.insert("bench_row", COLUMNS, out -> {
                RowBinaryWriter w = new RowBinaryWriter(out, 1 << 17);
                for (BenchRow r : data) {
                    w.writeInt64(r.id);
                    w.writeInt32(r.port);
                    w.writeInt64(r.bytes);
                    w.writeFloat64(r.ratio);
                    w.writeString(r.name);
                    w.writeString(r.city);
                    w.writeInt64(r.at.getEpochSecond() * 1_000_000 + r.at.getNano() / 1_000);
                    w.writeInt32((int) r.day.toEpochDay());
                    w.writeInt8(r.active ? 1 : 0);
                    w.writeInt32((int) r.code);
                }
                w.flush();
            }, ClickHouseFormat.RowBinary, new InsertSettings()).get(10, TimeUnit.MINUTES).close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void reads() throws Exception {
        if (((Number) db.query("SELECT count() AS n FROM bench_row").get(0).get("n")).longValue() != rows) {
            db.execute("TRUNCATE TABLE bench_row"); // -Dbench.parts=read alone: the rows the insert part leaves
            db.execute(ceilingSql());
        }
        streamAll();
        jdbcLoop();
        NativeHttp.readInto(database, NativeHttp.SELECT);
        double[] chorms = new double[runs];
        double[] jdbcs = new double[runs];
        double[] sinks = new double[runs];
        for (int run = 0; run < runs; run++) {
            if (run % 2 == 0) {
                chorms[run] = seconds(this::streamAll);
                jdbcs[run] = seconds(this::jdbcLoop);
                sinks[run] = sinkSeconds();
            } else {
                sinks[run] = sinkSeconds();
                jdbcs[run] = seconds(this::jdbcLoop);
                chorms[run] = seconds(this::streamAll);
            }
        }
        double chorm = median(chorms);
        double jdbc = median(jdbcs);
        double sink = median(sinks);
        System.out.printf("read %,d rows (median of %d runs): QuerySet.stream() into objects %.3f s (%.2f M rows/s),"
                + " raw JDBC loop %.3f s (%.2f M rows/s), Native bytes into a sink %.3f s (%.2f M rows/s)%n", rows,
                runs, chorm, rows / chorm / 1e6, jdbc, rows / jdbc / 1e6, sink, rows / sink / 1e6);
        System.out.printf("  stream / JDBC = %.2fx (target >= 2x); stream / Native delivery ceiling = %.2fx"
                + " (target >= 0.5x)%n", jdbc / chorm, sink / chorm);
    }

    private double sinkSeconds() throws Exception {
        long start = System.nanoTime();
        long bytes = NativeHttp.readInto(database, NativeHttp.SELECT);
        if (bytes < rows) {
            throw new IllegalStateException("only " + bytes + " bytes of Native for " + rows + " rows");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Insert and stream {@code bigRows} rows in a child JVM with a 256 MB heap, and print what it measured. */
    private void bigRun(EmbeddedClickHouse engine, int bigRows) throws Exception {
        if (bigRows <= 0) {
            return;
        }
        db.execute("TRUNCATE TABLE bench_row");
        String classpath = System.getProperty("java.class.path");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", classpath,
                BigRunMain.class.getName(), engine.jdbcUrl(database), engine.jdbcProperties().getProperty("user"),
                engine.jdbcProperties().getProperty("password"), String.valueOf(bigRows)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the -Xmx256m run failed:\n" + out);
        }
        System.out.print(out.lines().filter(l -> l.startsWith("big:")).map(l -> l.substring(4) + "\n")
                .reduce("", String::concat));
        db.execute("TRUNCATE TABLE bench_row");
        db.execute(ceilingSql());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private double seconds(Task task) throws Exception {
        long start = System.nanoTime();
        long checksum = task.run();
        if (checksum != (long) rows * (rows - 1) / 2) {
            throw new IllegalStateException("wrong checksum " + checksum);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private long streamAll() {
        try (Stream<BenchRow> s = db.objects(BenchRow.class).stream()) {
            return s.mapToLong(r -> r.id).sum();
        }
    }

    private long jdbcLoop() throws Exception {
        long sum = 0;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, port, bytes, ratio, name, city, at, day, active, code"
                     + " FROM bench_row")) {
            while (rs.next()) {
                BenchRow r = new BenchRow();
                r.id = rs.getLong(1);
                r.port = rs.getInt(2);
                r.bytes = rs.getLong(3);
                r.ratio = rs.getDouble(4);
                r.name = rs.getString(5);
                r.city = rs.getString(6);
                r.at = rs.getObject(7, Instant.class);
                r.day = rs.getObject(8, LocalDate.class);
                r.active = rs.getBoolean(9);
                r.code = rs.getLong(10);
                sum += r.id;
            }
        }
        return sum;
    }

    private void compiles() {
        long sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += fiveSteps(i).length();
        }
        int n = 500_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += fiveSteps(i).length();
        }
        double micros = (System.nanoTime() - start) / 1e3 / n;
        System.out.printf("compile a five-step QuerySet: %.2f µs per build + toSql() (target < 20 µs) [%d]%n%n  %s%n",
                micros, sink % 10, fiveSteps(42));
    }

    /** Build a typical QuerySet in five steps and compile it. */
    private String fiveSteps(int i) {
        return db.objects(BenchRow.class)
                .filter("port__gte", 1024 + (i & 7))
                .exclude("city__in", List.of("Paris", "Lima"))
                .filter("at__date", LocalDate.of(2024, 1, 1))
                .orderBy("-at", "id")
                .limit(100)
                .toSql();
    }

    @FunctionalInterface
    private interface Task {
        long run() throws Exception;
    }
}
