package dev.chorm.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.junit.Alias;
import dev.chorm.junit.ClickhouseTest;
import dev.chorm.junit.Schema;
import dev.chorm.model.Model;
import dev.chorm.model.Table;
import dev.chorm.model.engine.Distributed;
import dev.chorm.model.engine.ReplicatedMergeTree;
import dev.chorm.types.annotation.Int8;
import dev.chorm.query.QuerySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @ClickhouseTest} on the compose.yaml cluster, configured as the reference backend's README
 * configures its four aliases: {@code default} (s1r1) is managed and creates the test database
 * ON CLUSTER; {@code s1r2}, {@code s2r1} and {@code s2r2} are unmanaged replicas that depend on it
 * and only connect. Skipped, with the reason, when the cluster is not running.
 */
@ExtendWith(RequiresComposeCluster.class)
@ClickhouseTest(databases = {"default", "s1r2", "s2r1", "s2r2"}, schema = Schema.MODELS,
        models = {ClusterProvisioningTest.Student.class, ClusterProvisioningTest.DistributedStudent.class},
        properties = {
                "chorm.databases.default.url=jdbc:clickhouse://127.0.0.1:8123/app",
                "chorm.databases.default.test.cluster=cluster",
                "chorm.databases.s1r2.url=jdbc:clickhouse://127.0.0.1:8124/app",
                "chorm.databases.s1r2.test.cluster=cluster",
                "chorm.databases.s1r2.test.managed=false",
                "chorm.databases.s1r2.test.dependencies=default",
                "chorm.databases.s2r1.url=jdbc:clickhouse://127.0.0.1:8125/app",
                "chorm.databases.s2r1.test.cluster=cluster",
                "chorm.databases.s2r1.test.managed=false",
                "chorm.databases.s2r1.test.dependencies=default",
                "chorm.databases.s2r2.url=jdbc:clickhouse://127.0.0.1:8126/app",
                "chorm.databases.s2r2.test.cluster=cluster",
                "chorm.databases.s2r2.test.managed=false",
                "chorm.databases.s2r2.test.dependencies=s1r2"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterProvisioningTest {

    @Table(name = "junit_student", cluster = ComposeCluster.CLUSTER)
    @ReplicatedMergeTree(zooPath = "/clickhouse/tables/{uuid}/{shard}", replicaName = "{replica}", orderBy = "id")
    public static class Student extends Model {
        public String name = "";
        @Int8 public byte score;
    }

    @Table(name = "junit_distributed_student", cluster = ComposeCluster.CLUSTER)
    @Distributed(cluster = ComposeCluster.CLUSTER, table = "junit_student", shardingKey = "rand()")
    public static class DistributedStudent extends Model {
        public String name = "";
        @Int8 public byte score;
    }

    @Test
    @Order(1)
    void createsOneTestDatabaseOnEveryNodeThatEveryAliasUses(Database db, @Alias("s1r2") Database s1r2,
                                                            @Alias("s2r1") Database s2r1, @Alias("s2r2") Database s2r2) {
        String name = one(db, "SELECT currentDatabase()");
        assertThat(name).matches("test_app_[a-z0-9]{6}_\\d+");
        for (Database replica : List.of(s1r2, s2r1, s2r2)) {
            assertThat(one(replica, "SELECT currentDatabase()")).isEqualTo(name);
            assertThat(one(replica, "SELECT count() FROM system.tables WHERE database = currentDatabase()")).isEqualTo("2");
        }
    }

    @Test
    @Order(2)
    void makesWritesSynchronousOnTheCluster(Database db) {
        assertThat(one(db, "SELECT concat(toString(getSetting('mutations_sync')), ' ', toString(getSetting('alter_sync')),"
                + " ' ', toString(getSetting('insert_quorum')))")).isEqualTo("2 2 2");
    }

    @Test
    @Order(3)
    void insertsThroughTheDistributedTableAndReadsOnAnyReplica(QuerySet<DistributedStudent> students,
                                                              @Alias("s2r2") QuerySet<DistributedStudent> onS2r2,
                                                              @Alias("s1r2") QuerySet<Student> localOnS1r2,
                                                              @Alias("s2r1") QuerySet<Student> localOnS2r1) {
        List<DistributedStudent> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            DistributedStudent s = new DistributedStudent();
            s.name = "s" + i;
            s.score = (byte) (i % 10);
            rows.add(s);
        }
        students.bulkCreate(rows);
        assertThat(onS2r2.count()).isEqualTo(100);
        assertThat(localOnS1r2.count() + localOnS2r1.count()).as("each row on one shard").isEqualTo(100);

        localOnS1r2.filter("score__in", List.of(1, 2, 3)).update(Map.of("name", "TCP"));
        localOnS2r1.filter("score__in", List.of(1, 2, 3)).update(Map.of("name", "TCP"));
        assertThat(onS2r2.filter("name", "TCP").count()).isEqualTo(30);
        localOnS1r2.filter("name", "TCP").delete();
        localOnS2r1.filter("name", "TCP").delete();
        assertThat(onS2r2.filter("name", "TCP").exists()).isFalse();
    }

    @Test
    @Order(4)
    void flushedTheRowsOfThePreviousMethodOnEveryShard(@Alias("s2r2") QuerySet<DistributedStudent> onS2r2) {
        assertThat(onS2r2.count()).isZero();
    }

    private static String one(Database db, String sql) {
        return db.query(sql).get(0).values().iterator().next().toString();
    }
}
