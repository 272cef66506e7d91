package dev.chorm.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.it.project.MavenRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A project generated from the archetype, pointed at the compose.yaml cluster with the keys of its
 * commented cluster example (given as {@code -D}, as a user would try them first): migrate records
 * its history on the cluster, so every replica of the first shard sees it, and the project's
 * {@code @ClickhouseTest} runs in a test database created ON CLUSTER. Skipped, with the reason, when
 * the cluster is not running (the failsafe report counts it).
 */
@ExtendWith(RequiresComposeCluster.class)
class GeneratedProjectClusterIT {
    private static final List<String> CLUSTER_KEYS = List.of(
            "-Dchorm.databases.default.url=" + ComposeCluster.jdbcUrl(8123),
            "-Dchorm.databases.default.migration-cluster=" + ComposeCluster.CLUSTER,
            "-Dchorm.databases.default.test.cluster=" + ComposeCluster.CLUSTER,
            "-Dchorm.databases.default.settings.insert_distributed_sync=1");

    @Test
    void migratesAndTestsOnTheCluster() throws Exception {
        Path work = Path.of(MavenRunner.property("chorm.it.work"), "cluster");
        MavenRunner.deleteRecursively(work);
        MavenRunner mvn = MavenRunner.in(work);
        Path project = mvn.generate(work, "fleet", "org.acme.fleet");
        dropOnCluster("event", "chorm_migrations", "chorm_migrations_lock");
        try {
            MavenRunner.Result migrate = mvn.run(project, args("clickhouse:migrate", "clickhouse:showmigrations"));
            assertThat(migrate.exitCode()).as("migrate on the cluster failed, see %s", migrate.log()).isZero();
            assertThat(migrate.stdout()).contains("Storage profile: cluster (cluster 'cluster' is configured",
                    "Applying events/0001_initial", "events\n [X] 0001_initial\n");
            // The history table is on the cluster: the other replica of the first shard has the row.
            assertThat(count(8124, "SELECT count() FROM chorm_migrations WHERE app = 'events'")).isPositive();

            MavenRunner.Result test = mvn.run(project, args("test"));
            assertThat(test.exitCode()).as("the generated test failed on the cluster, see %s", test.log()).isZero();
            assertThat(test.stdout()).contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");
        } finally {
            dropOnCluster("event", "chorm_migrations", "chorm_migrations_lock");
        }
    }

    private static String[] args(String... goals) {
        return java.util.stream.Stream.concat(CLUSTER_KEYS.stream(), java.util.Arrays.stream(goals)).toArray(String[]::new);
    }

    private static long count(int port, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ComposeCluster.jdbcUrl(port), new Properties());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void dropOnCluster(String... tables) throws SQLException {
        try (Connection c = DriverManager.getConnection(ComposeCluster.jdbcUrl(8123), new Properties());
             Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS `" + table + "` ON CLUSTER `" + ComposeCluster.CLUSTER + "` SYNC");
            }
        }
    }
}
