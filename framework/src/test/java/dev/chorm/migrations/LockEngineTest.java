package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.MigrationException;
import dev.chorm.db.Database;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.RunSql;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two migrate runs against one database, each on its own connection pool and thread: one applies, the other waits or fails. */
class LockEngineTest {
    private static final Migration INITIAL = Migration.of(new MigrationKey("shop", "0001_initial"), List.of(), List.of(
            new CreateModel("Item", States.table("item").build()),
            new RunSql(List.of("INSERT INTO item (id, port) VALUES (1, 1)"), List.of()),
            new RunSql(List.of("INSERT INTO item (id, port) VALUES (2, 2)"), List.of())), true);
    private static final MigrationGraph GRAPH = new MigrationGraph(List.of(INITIAL));

    private static MigrationExecutor executor(Database db, Duration wait, BoundaryHook hook) {
        return MigrationExecutor.builder(db.executor(), GRAPH).lockWait(wait).lockStaleAfter(Duration.ofMinutes(1))
                .boundaryHook(hook).build();
    }

    /** Return a hook that, at the first boundary, says so and then waits until {@code release} opens. */
    private static BoundaryHook pauseAtFirstBoundary(CountDownLatch holding, CountDownLatch release) {
        return (m, backwards, ops, stmts) -> {
            if (ops == 1 && stmts == 0) {
                holding.countDown();
                await(release);
            }
        };
    }

    @Test
    void concurrentRunsApplyOnceWithoutInterleaving() throws Exception {
        String name = TestDatabases.fresh("lock");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        try (Database a = TestDatabases.open(name); Database b = TestDatabases.open(name)) {
            CompletableFuture<MigrateResult> first = CompletableFuture.supplyAsync(() -> executor(a, Duration.ofSeconds(30),
                    pauseAtFirstBoundary(holding, release)).migrate(MigrateOptions.latest().withListener(recording("A", events))));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<MigrateResult> second = CompletableFuture.supplyAsync(() -> executor(b, Duration.ofSeconds(30),
                    BoundaryHook.NONE).migrate(MigrateOptions.latest().withListener(recording("B", events))));
            waitFor(() -> events.contains("B waits"));
            release.countDown();

            assertThat(first.get(60, TimeUnit.SECONDS).applied()).containsExactly(INITIAL.key());
            assertThat(second.get(60, TimeUnit.SECONDS).isEmpty()).isTrue();
            assertThat(events).containsExactly("A op 1", "B waits", "A op 2", "A op 3");
            assertThat(TestDatabases.count(a, "SELECT count() FROM item")).isEqualTo(2);
        }
    }

    @Test
    void runThatCannotGetTheLockInTimeFailsNamingTheHolder() throws Exception {
        String name = TestDatabases.fresh("lock");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database a = TestDatabases.open(name); Database b = TestDatabases.open(name)) {
            CompletableFuture<MigrateResult> first = CompletableFuture.supplyAsync(() -> executor(a, Duration.ofSeconds(30),
                    pauseAtFirstBoundary(holding, release)).migrate(MigrateOptions.latest()));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            try {
                assertThatThrownBy(() -> executor(b, Duration.ofMillis(600), BoundaryHook.NONE).migrate(MigrateOptions.latest()))
                        .isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("Another migrate run holds the migration lock of the database: host ")
                        .hasMessageContaining(", pid " + ProcessHandle.current().pid() + ", since ")
                        .hasMessageEndingWith("Wait for it to finish and run migrate again; if that run died, its lock"
                                + " goes stale 60s after its last heartbeat, or at once on the host it ran on"
                                + " (or drop table `chorm_migrations_lock`).");
            } finally {
                release.countDown();
            }
            assertThat(first.get(60, TimeUnit.SECONDS).applied()).containsExactly(INITIAL.key());
        }
    }

    @Test
    void lockLeftByADeadRunIsBrokenOnceStale() {
        try (Database db = TestDatabases.open(TestDatabases.fresh("lock"))) {
            db.execute("CREATE TABLE chorm_migrations_lock (token String, host String, pid UInt64,"
                    + " claimed_at DateTime64(6, 'UTC'), heartbeat_at DateTime64(6, 'UTC')) ENGINE = MergeTree ORDER BY tuple()");
            db.execute("INSERT INTO chorm_migrations_lock VALUES ('dead', 'gone', 1, now64(6) - 3600, now64(6) - 3600)");
            MigrationExecutor executor = MigrationExecutor.builder(db.executor(), GRAPH).lockWait(Duration.ofSeconds(5))
                    .lockStaleAfter(Duration.ofSeconds(30)).build();

            assertThat(executor.migrate(MigrateOptions.latest()).applied()).containsExactly(INITIAL.key());
            assertThat(db.query("SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE 'chorm_migrations_lock%'"))
                    .isEmpty();
        }
    }

    @Test
    void lockOfADeadProcessOnThisHostIsTakenAtOnceThoughItsHeartbeatIsFresh() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        try (Database db = TestDatabases.open(TestDatabases.fresh("lock"))) {
            db.execute(new MigrationLock(null, "", "", Duration.ofMinutes(10)).createTableSql());
            db.execute("INSERT INTO chorm_migrations_lock VALUES ('dead', '%s', %d, now64(6), now64(6))"
                    .formatted(host, gone.pid()));
            List<String> waits = new CopyOnWriteArrayList<>();
            MigrationExecutor executor = MigrationExecutor.builder(db.executor(), GRAPH).lockWait(Duration.ofSeconds(20))
                    .lockStaleAfter(Duration.ofMinutes(10)).build();

            long started = System.nanoTime();
            MigrateResult result = executor.migrate(MigrateOptions.latest().withListener(recording("A", waits)));

            assertThat(result.applied()).containsExactly(INITIAL.key());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(waits).doesNotContain("A waits");
        }
    }

    @Test
    void lockOfALiveProcessOnAnotherHostIsWaitedFor() {
        try (Database db = TestDatabases.open(TestDatabases.fresh("lock"))) {
            db.execute(new MigrationLock(null, "", "", Duration.ofMinutes(10)).createTableSql());
            db.execute("INSERT INTO chorm_migrations_lock VALUES ('other', 'another-host', 1, now64(6), now64(6))");
            MigrationExecutor executor = MigrationExecutor.builder(db.executor(), GRAPH).lockWait(Duration.ofMillis(600))
                    .lockStaleAfter(Duration.ofMinutes(10)).build();

            assertThatThrownBy(() -> executor.migrate(MigrateOptions.latest())).isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("Another migrate run holds the migration lock of the database: host another-host, pid 1,");
        }
    }

    @Test
    void runThatLosesItsLockStopsBeforeTheNextOperation() {
        try (Database db = TestDatabases.open(TestDatabases.fresh("lock"))) {
            BoundaryHook stealLock = (m, backwards, ops, stmts) -> {
                if (ops == 1 && stmts == 0) {
                    db.execute("DROP TABLE chorm_migrations_lock");
                }
            };
            assertThatThrownBy(() -> executor(db, Duration.ofSeconds(5), stealLock).migrate(MigrateOptions.latest()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("This run lost the migration lock");
            assertThat(TestDatabases.count(db, "SELECT count() FROM item")).isZero();
        }
    }

    @Test
    void lockOnAMigrationClusterIsAReplicatedTableCreatedOnTheCluster() {
        assertThat(new MigrationLock(null, "", "cluster", Duration.ofMinutes(1)).createTableSql()).isEqualTo(
                "CREATE TABLE `chorm_migrations_lock` ON CLUSTER `cluster` (token String, host String, pid UInt64,"
                        + " claimed_at DateTime64(6, 'UTC'), heartbeat_at DateTime64(6, 'UTC')) ENGINE ="
                        + " ReplicatedMergeTree('/clickhouse/chorm/{database}/chorm_migrations_lock', '{replica}') ORDER BY tuple()");
    }

    private static ProgressListener recording(String run, List<String> events) {
        return new ProgressListener() {
            @Override
            public void operationStarting(MigrationKey migration, int index, int count, String description) {
                events.add(run + " op " + (index + 1));
            }

            @Override
            public void waiting(String message) {
                events.add(run + " waits");
            }
        };
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
