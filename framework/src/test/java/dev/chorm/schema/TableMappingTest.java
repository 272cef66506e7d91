package dev.chorm.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ModelDefinitionException;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.types.DataType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The single-node mapping of engines and tables, without a database. */
class TableMappingTest {
    private static final TableMapping SINGLE = TableMapping.of(StorageProfile.SINGLE_NODE, (db, name) -> Optional.empty(), "");

    @Test
    void replicatedEnginesLoseOnlyTheirKeeperPathAndReplicaName() {
        assertThat(EngineSpec.of("ReplicatedMergeTree", "'/t/{shard}'", "'{replica}'").nonReplicated().sql()).isEqualTo("MergeTree");
        assertThat(EngineSpec.of("ReplicatedMergeTree").nonReplicated().sql()).isEqualTo("MergeTree");
        assertThat(EngineSpec.of("ReplicatedReplacingMergeTree", "ver", "deleted").nonReplicated().sql())
                .isEqualTo("ReplacingMergeTree(ver, deleted)");
        assertThat(EngineSpec.of("ReplicatedGraphiteMergeTree", "'graphite_rollup'").nonReplicated().sql())
                .isEqualTo("GraphiteMergeTree('graphite_rollup')");
        assertThat(EngineSpec.of("ReplicatedGraphiteMergeTree", "'/t'", "'{replica}'", "'rollup'").nonReplicated().sql())
                .isEqualTo("GraphiteMergeTree('rollup')");
        assertThat(EngineSpec.of("Memory").nonReplicated().sql()).isEqualTo("Memory");
    }

    @Test
    void singleNodeDropsOnClusterAndIsIdempotent() {
        TableSpec t = TableSpec.builder("t").cluster("cluster").column(ColumnSpec.builder("id", DataType.int64()).build())
                .engine(EngineSpec.of("ReplicatedCollapsingMergeTree", "'/t/{shard}'", "'{replica}'", "sign")).orderBy("id")
                .build();
        TableSpec mapped = SINGLE.map(t);
        assertThat(new DdlRenderer().createTable(mapped, false)).isEqualTo("""
                CREATE TABLE `t`
                (
                    `id` Int64
                )
                ENGINE = CollapsingMergeTree(sign)
                ORDER BY id""");
        assertThat(SINGLE.map(mapped)).isEqualTo(mapped);
        assertThat(TableMapping.declared().map(t)).isSameAs(t);
    }

    @Test
    void aDistributedTableWithoutAnyModelInSightIsRefused() {
        TableSpec d = TableSpec.builder("d").column(ColumnSpec.builder("id", DataType.int64()).build())
                .engine(EngineSpec.of("Distributed", "'c'", "'other_db'", "'local'")).build();
        assertThatThrownBy(() -> SINGLE.map(d)).isInstanceOf(ModelDefinitionException.class).hasMessage(
                "Table d (engine Distributed('c', 'other_db', 'local')) cannot be rendered for the single-node profile:"
                        + " it reads table other_db.local, which no model of the project declares. Fix: declare"
                        + " other_db.local as a model of the project, or render it"
                        + " as declared with chorm.databases.<alias>.profile.<app>.<Model>=cluster.");
        assertThat(SINGLE.mapReference(d).engine()).isEqualTo(d.engine());
    }

    @Test
    void aDistributedTableOverAnotherDistributedTableIsRefused() {
        TableSpec local = TableSpec.builder("d2").column(ColumnSpec.builder("id", DataType.int64()).build())
                .engine(EngineSpec.of("Distributed", "'c'", "currentDatabase()", "'x'")).build();
        TableSpec d = local.toBuilder().name("d1").engine(EngineSpec.of("Distributed", "'c'", "currentDatabase()", "'d2'"))
                .build();
        TableMapping mapping = TableMapping.of(StorageProfile.SINGLE_NODE, (db, name) -> Optional.of(local), "app.D1");
        assertThatThrownBy(() -> mapping.map(d)).hasMessage("Model app.D1 (engine Distributed('c', currentDatabase(), 'd2'))"
                + " cannot be rendered for the single-node profile: its table d2 is Distributed too. Fix: point it at the"
                + " local table, or render it as declared with chorm.databases.<alias>.profile.app.D1=cluster.");
    }
}
