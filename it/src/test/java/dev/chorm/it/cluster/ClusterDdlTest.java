package dev.chorm.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.model.Model;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.Table;
import dev.chorm.model.engine.Distributed;
import dev.chorm.model.engine.ReplicatedMergeTree;
import dev.chorm.types.annotation.Int8;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The reference backend's Student / DistributedStudent on a real cluster: the framework's
 * {@code ON CLUSTER} DDL creates a replicated table on every node and a Distributed table over it,
 * rows inserted through the Distributed table reach both shards and both replicas of each.
 */
class ClusterDdlTest {

    @Table(name = "it_student", cluster = ComposeCluster.CLUSTER)
    @ReplicatedMergeTree(zooPath = "/clickhouse/tables/{uuid}/{shard}", replicaName = "{replica}", orderBy = "id")
    public static class Student extends Model {
        public String name = "";
        @Int8 public byte score;
    }

    @Table(name = "it_distributed_student", cluster = ComposeCluster.CLUSTER)
    @Distributed(cluster = ComposeCluster.CLUSTER, table = "it_student", shardingKey = "rand()")
    public static class DistributedStudent extends Model {
        public String name = "";
        @Int8 public byte score;
    }

    @Test
    void onClusterDdlReplicatesAndDistributes() throws SQLException {
        ComposeCluster.assumeRunning();
        try (Database db = Database.open("cluster", ComposeCluster.jdbcUrl(8123), new Properties(), Map.of(),
                ComposeCluster.PROFILE)) {
            db.schemaEditor().dropTable(ModelMeta.of(DistributedStudent.class).table(), true, true);
            db.schemaEditor().dropTable(ModelMeta.of(Student.class).table(), true, true);
            db.createTables(Student.class, DistributedStudent.class);
            db.execute("INSERT INTO it_distributed_student (id, name, score) SELECT number, toString(number), 1"
                    + " FROM numbers(1000) SETTINGS insert_distributed_sync = 1");
            for (int port : ComposeCluster.PORTS) {
                assertThat(count(port, "SELECT count() FROM it_distributed_student")).isEqualTo(1000);
                assertThat(count(port, "SELECT count() FROM it_student")).isBetween(1L, 999L);
            }
            assertThat(count(8123, "SELECT count() FROM it_student") + count(8125, "SELECT count() FROM it_student"))
                    .as("each row lives on exactly one shard").isEqualTo(1000);
            db.dropTables(DistributedStudent.class, Student.class);
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
