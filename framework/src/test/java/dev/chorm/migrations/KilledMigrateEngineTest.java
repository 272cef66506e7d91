package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.embedded.EmbeddedClickHouse;
import dev.chorm.migrations.operations.AddConstraint;
import dev.chorm.migrations.operations.AddField;
import dev.chorm.migrations.operations.AddIndex;
import dev.chorm.migrations.operations.AddProjection;
import dev.chorm.migrations.operations.AlterField;
import dev.chorm.migrations.operations.AlterModelComment;
import dev.chorm.migrations.operations.AlterModelOrderBy;
import dev.chorm.migrations.operations.AlterModelSettings;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.RemoveField;
import dev.chorm.migrations.operations.RenameField;
import dev.chorm.migrations.operations.RunSql;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.testing.TestEngine;
import dev.chorm.types.DataType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kill a real migrate process with SIGKILL at random moments of a 12-operation migration (inside
 * statements, between a statement and its record, inside mutations), again and again; each time the
 * next run must finish it without help, reach the schema of an uninterrupted run and record it applied.
 */
class KilledMigrateEngineTest {
    static final String READY = "migrating";
    static final String DONE = "migrated";
    private static final int RUNS = 10;
    private static final long ROWS = 200_000;

    static final TableSpec ITEM = TableSpec.builder("item")
            .column(ColumnSpec.builder("id", DataType.int64()).build())
            .column(ColumnSpec.builder("name", DataType.string()).build())
            .column(ColumnSpec.builder("legacy", DataType.string()).build())
            .column(ColumnSpec.builder("price", DataType.uint32()).build())
            .engine(EngineSpec.of("MergeTree")).orderBy("id").build();
    static final Migration INITIAL = Migration.of(new MigrationKey("shop", "0001_initial"), List.of(), List.of(
            new CreateModel("Item", ITEM),
            new RunSql(List.of("INSERT INTO item SELECT number, toString(number), 'old', number % 1000 FROM numbers(" + ROWS + ")"),
                    List.of())), true);
    private static final ColumnSpec NOTE = ColumnSpec.builder("note", DataType.string()).defaultExpression(DefaultKind.DEFAULT, "'-'").build();
    static final Migration CHANGES = Migration.of(new MigrationKey("shop", "0002_many"), List.of(INITIAL.key()), List.of(
            new AddField("Item", NOTE, "price"),
            new RemoveField("Item", "legacy"),
            new RenameField("Item", "name", "title"),
            new AddIndex("Item", IndexSpec.of("title_idx", "title", "bloom_filter(0.01)", 1)),
            new AddConstraint("Item", ConstraintSpec.check("price_known", "price >= 0")),
            new AddProjection("Item", ProjectionSpec.of("by_price", "SELECT id, price ORDER BY price")),
            new AlterField("Item", ColumnSpec.builder("price", DataType.uint64()).build()),
            new AlterModelSettings("Item", Map.of("merge_with_ttl_timeout", "100")),
            new AlterModelComment("Item", "items"),
            new AlterModelOrderBy("Item", List.of("id", "region"),
                    List.of(new AddField("Item", ColumnSpec.builder("region", DataType.string()).build(), "id"))),
            new AlterField("Item", NOTE.toBuilder().defaultExpression(DefaultKind.NONE, "").build()),
            new AddField("Item", ColumnSpec.builder("flag", DataType.uint8()).build(), null)), false);
    static final MigrationGraph GRAPH = new MigrationGraph(List.of(INITIAL, CHANGES));
    private static TableSpec uninterrupted;
    private static long migrateMillis;

    /** Run migrate in this process, printing {@value #READY} as the first operation starts: args are the JDBC URL, the user and the password. */
    public static void main(String[] args) {
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", args.length > 2 ? args[2] : "");
        ProgressListener startOfFirstOperation = new ProgressListener() {
            @Override
            public void operationStarting(MigrationKey migration, int index, int count, String description) {
                if (index == 0) {
                    System.out.println(READY);
                    System.out.flush();
                }
            }
        };
        try (Database db = Database.open("test", args[0], p, Map.of())) {
            MigrationExecutor.builder(db.executor(), GRAPH).build().migrate(MigrateOptions.latest().withListener(startOfFirstOperation));
            System.out.println(DONE);
            System.out.flush();
        }
    }

    @BeforeAll
    static void runOnceUninterrupted() throws Exception {
        String name = TestDatabases.fresh("killed_ref");
        try (Database db = TestDatabases.open(name)) {
            applyInitial(db);
            Process child = startChild(name);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            awaitLine(out, READY);
            long started = System.nanoTime();
            awaitLine(out, DONE);
            migrateMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();
            uninterrupted = TestDatabases.live(db, ITEM);
        }
        assertThat(uninterrupted.column("title")).isPresent();
    }

    private static void applyInitial(Database db) {
        MigrationExecutor.builder(db.executor(), new MigrationGraph(List.of(INITIAL))).build().migrate(MigrateOptions.latest());
    }

    private static Process startChild(String database) throws IOException {
        EmbeddedClickHouse engine = TestEngine.shared();
        Properties p = engine.jdbcProperties();
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledMigrateEngineTest.class.getName(),
                engine.jdbcUrl(database), p.getProperty("user"), p.getProperty("password"))
                .redirectErrorStream(true).start();
    }

    private static void awaitLine(BufferedReader out, String wanted) throws IOException {
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(wanted)) {
                return;
            }
            seen.add(line);
        }
        throw new AssertionError("the child ended before printing '" + wanted + "': " + String.join("\n", seen));
    }

    @Test
    void migrateKilledAtRandomMomentsIsFinishedByTheNextRun() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> killedAt = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            String name = TestDatabases.fresh("killed");
            try (Database db = TestDatabases.open(name)) {
                applyInitial(db);
                Process child = startChild(name);
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                awaitLine(out, READY);
                long delay = (long) (random.nextDouble() * migrateMillis);
                CompletableFuture<Void> drain = CompletableFuture.runAsync(() -> out.lines().forEach(l -> { }));
                Thread.sleep(delay);
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                drain.get(30, TimeUnit.SECONDS);
                MigrationRecord left = MigrationExecutor.builder(db.executor(), GRAPH).build().recorder().records().get(CHANGES.key());
                killedAt.add("%dms: %s".formatted(delay, left == null ? "no record" : left.applied() ? "applied"
                        : "operation " + (left.progress() + 1) + ", statements done " + left.step()));

                MigrateResult result = MigrationExecutor.builder(db.executor(), GRAPH).build().migrate(MigrateOptions.latest());

                String where = "run %d (seed %d), killed after %s".formatted(run, seed, killedAt.get(run));
                assertThat(TestDatabases.live(db, ITEM)).as(where).isEqualTo(uninterrupted);
                MigrationRecord record = MigrationExecutor.builder(db.executor(), GRAPH).build().recorder().records().get(CHANGES.key());
                assertThat(record.applied()).as(where).isTrue();
                assertThat(record.checksum()).as(where).isEqualTo(CHANGES.checksum());
                assertThat(result.applied().isEmpty() || result.applied().equals(List.of(CHANGES.key()))).as(where).isTrue();
                assertThat(TestDatabases.count(db, "SELECT count() FROM item")).as(where).isEqualTo(ROWS);
                assertThat(TestDatabases.count(db, "SELECT countIf(price = id % 1000) FROM item")).as(where).isEqualTo(ROWS);
            }
        }
        System.out.println("KilledMigrateEngineTest: uninterrupted migrate took " + migrateMillis + " ms; killed at " + killedAt);
    }
}
