package dev.chorm.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.model.Model;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.Table;
import dev.chorm.model.engine.Distributed;
import dev.chorm.model.engine.ReplicatedMergeTree;
import dev.chorm.types.annotation.Int8;
import dev.chorm.query.QuerySet;
import dev.chorm.query.write.MutationMode;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@code update()} and {@code delete()} of a Distributed model on a real cluster: ClickHouse refuses
 * mutations of the Distributed table, so they run on the local table ON CLUSTER, in every
 * {@link MutationMode}, while reads and inserts go through the Distributed table.
 */
class ClusterMutationTest {

    @Table(name = "it_mut_student", cluster = ComposeCluster.CLUSTER)
    @ReplicatedMergeTree(zooPath = "/clickhouse/tables/{uuid}/{shard}", replicaName = "{replica}", orderBy = "id")
    public static class Student extends Model {
        public String name = "";
        @Int8 public byte score;
    }

    @Table(name = "it_mut_distributed_student", cluster = ComposeCluster.CLUSTER)
    @Distributed(cluster = ComposeCluster.CLUSTER, table = "it_mut_student", shardingKey = "rand()")
    public static class DistributedStudent extends Model {
        public String name = "";
        @Int8 public byte score;
    }

    @Test
    void mutationsOfTheDistributedModelReachEveryShard() throws InterruptedException {
        ComposeCluster.assumeRunning();
        try (Database db = Database.open("cluster", ComposeCluster.jdbcUrl(8123), new Properties(), Map.of())) {
            db.schemaEditor().dropTable(ModelMeta.of(DistributedStudent.class).table(), true, true);
            db.schemaEditor().dropTable(ModelMeta.of(Student.class).table(), true, true);
            db.createTables(Student.class, DistributedStudent.class);
            db.execute("INSERT INTO it_mut_distributed_student (id, name, score) SELECT number, toString(number),"
                    + " number % 10 FROM numbers(1000) SETTINGS insert_distributed_sync = 1");
            QuerySet<DistributedStudent> students = db.objects(DistributedStudent.class)
                    .settings(Map.of("mutations_sync", 2));

            students.filter("score", 0).update(Map.of("name", "zero"), MutationMode.ALTER);
            awaitCount(() -> db.objects(DistributedStudent.class).filter("name", "zero").count(), 100);
            students.filter("score", 1).update(Map.of("name", "one"));
            awaitCount(() -> db.objects(DistributedStudent.class).filter("name", "one").count(), 100);

            students.filter("score", 2).delete(MutationMode.ALTER);
            students.filter("score", 3).delete(MutationMode.LIGHTWEIGHT);
            students.filter("score", 4).delete();
            awaitCount(() -> db.objects(DistributedStudent.class).count(), 700);
            assertThat(db.objects(DistributedStudent.class).filter("score__in", java.util.List.of(2, 3, 4)).exists())
                    .isFalse();
            db.dropTables(DistributedStudent.class, Student.class);
        }
    }

    /** Wait up to 30 s for {@code actual} to reach {@code expected}: replicas apply mutations asynchronously. */
    private static void awaitCount(LongSupplier actual, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (actual.getAsLong() != expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(actual.getAsLong()).isEqualTo(expected);
    }
}
