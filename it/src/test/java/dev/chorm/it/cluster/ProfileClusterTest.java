package dev.chorm.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.migrations.AppModels;
import dev.chorm.migrations.MakeMigrationsOptions;
import dev.chorm.migrations.MigrateOptions;
import dev.chorm.migrations.Migrations;
import dev.chorm.migrations.fixtures.cluster.ClusterModels;
import dev.chorm.migrations.fixtures.cluster.DistributedStudent;
import dev.chorm.migrations.fixtures.cluster.Replacing;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster-shaped models that the framework's engine tests run on one node under
 * {@code single-node} ({@code SingleNodeProfileEngineTest}), migrated from the same migration file
 * onto the compose.yaml cluster under {@code cluster}: every Replicated engine ON CLUSTER, the
 * history table replicated, DistributedStudent spreading rows over both shards, and back to zero.
 * Skipped, with the reason, when the cluster is not reachable.
 */
class ProfileClusterTest {
    private static final List<String> TABLES = List.of("student", "distributed_student", "replacing", "summing",
            "aggregating", "collapsing", "versioned_collapsing");

    @TempDir
    Path dir;

    private Migrations migrations(Database db) {
        return Migrations.builder().models(AppModels.of(Map.of("cluster", ClusterModels.ALL))).directory(dir)
                .classLoader(null).sql(db.executor()).profiles(db.profiles()).cluster(ComposeCluster.CLUSTER).build();
    }

    @Test
    void theSameMigrationAppliesOnTheClusterAsDeclared() throws SQLException {
        ComposeCluster.assumeRunning();
        try (Database db = Database.open("cluster", ComposeCluster.jdbcUrl(8123), new Properties(),
                Map.of("insert_distributed_sync", "1", "mutations_sync", "2", "alter_sync", "2"), ComposeCluster.PROFILE)) {
            migrations(db).makeMigrations(MakeMigrationsOptions.defaults());
            for (String table : TABLES) {
                db.execute("DROP TABLE IF EXISTS `" + table + "` ON CLUSTER `cluster` SYNC");
            }
            db.execute("DROP TABLE IF EXISTS `chorm_migrations` ON CLUSTER `cluster` SYNC");
            List<String> sql = migrations(db).sqlMigrate("cluster", "0001", false);
            assertThat(sql).contains("""
                    CREATE TABLE `replacing` ON CLUSTER `cluster`
                    (
                        `id` Int64,
                        `name` String,
                        `version` UInt32
                    )
                    ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}', version)
                    ORDER BY id""");

            migrations(db).migrate(MigrateOptions.latest());
            for (int port : ComposeCluster.PORTS) {
                for (String table : TABLES) {
                    assertThat(count(port, "SELECT count() FROM system.tables WHERE database = currentDatabase()"
                            + " AND name = '" + table + "'")).as(table + " on port " + port).isEqualTo(1);
                }
                assertThat(count(port, "SELECT count() FROM system.tables WHERE database = currentDatabase()"
                        + " AND name = 'replacing' AND engine = 'ReplicatedReplacingMergeTree'")).isEqualTo(1);
            }
            db.objects(DistributedStudent.class).bulkCreate(IntStream.range(0, 100).mapToObj(i -> {
                DistributedStudent s = new DistributedStudent();
                s.name = "Student" + i;
                return s;
            }).toList());
            assertThat(db.objects(DistributedStudent.class).count()).isEqualTo(100);
            assertThat(count(8123, "SELECT count() FROM student") + count(8125, "SELECT count() FROM student"))
                    .as("each row lives on exactly one shard").isEqualTo(100);

            Replacing r = new Replacing();
            r.name = "replicated";
            db.objects(Replacing.class).bulkCreate(List.of(r));
            execute(8124, "SYSTEM SYNC REPLICA replacing");
            assertThat(count(8124, "SELECT count() FROM replacing")).as("the replica of shard 1 has the row").isEqualTo(1);

            migrations(db).migrate(MigrateOptions.to("cluster/zero"));
            for (int port : ComposeCluster.PORTS) {
                assertThat(count(port, "SELECT count() FROM system.tables WHERE database = currentDatabase()"
                        + " AND name IN ('student', 'distributed_student', 'replacing')")).isZero();
            }
        }
    }

    private static void execute(int port, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ComposeCluster.jdbcUrl(port), "default", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(int port, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ComposeCluster.jdbcUrl(port), "default", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
