package dev.chorm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ModelDefinitionException;
import dev.chorm.migrations.fixtures.cluster.ClusterModels;
import dev.chorm.migrations.fixtures.cluster.DistributedStudent;
import dev.chorm.migrations.fixtures.cluster.Graphite;
import dev.chorm.migrations.fixtures.cluster.Replacing;
import dev.chorm.migrations.fixtures.cluster.Summing;
import dev.chorm.migrations.operations.AddField;
import dev.chorm.migrations.operations.CreateModel;
import dev.chorm.migrations.operations.Operation;
import dev.chorm.migrations.operations.ProjectState;
import dev.chorm.model.ColumnSpec;
import dev.chorm.model.EngineSpec;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.TableSpec;
import dev.chorm.schema.SqlExecutor;
import dev.chorm.schema.StorageProfile;
import dev.chorm.schema.StorageProfiles;
import dev.chorm.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One migration history rendered for each storage profile, without a database: sqlmigrate's SQL
 * for {@code cluster} (as declared: Replicated engines, ON CLUSTER, Distributed) and for
 * {@code single-node} (non-replicated twins, no ON CLUSTER, the Distributed model as a plain table).
 */
class ProfileRenderingTest {
    private static final Class<?>[] MODELS = ClusterModels.ALL.toArray(Class<?>[]::new);
    private static final String PATH = "'/clickhouse/tables/{uuid}/{shard}', '{replica}'";

    @TempDir
    Path dir;

    private Migrations migrations(StorageProfiles profiles, Class<?>... models) {
        return Migrations.builder().models(AppModels.of("cluster", models)).directory(dir).classLoader(null)
                .profiles(profiles).build();
    }

    private Migrations migrations(StorageProfile profile) {
        Class<?>[] all = java.util.Arrays.copyOf(MODELS, MODELS.length + 1);
        all[MODELS.length] = Graphite.class;
        return migrations(StorageProfiles.of(profile, "test"), all);
    }

    private static String script(List<String> statements) {
        return String.join(";\n", statements);
    }

    @Test
    void sqlmigrateRendersTheClusterProfileAsDeclared() {
        migrations(StorageProfile.CLUSTER).makeMigrations(MakeMigrationsOptions.defaults());
        assertThat(script(migrations(StorageProfile.CLUSTER).sqlMigrate("cluster", "0001", false))).isEqualTo("""
                -- Create model Aggregating (table aggregating);
                CREATE TABLE `aggregating` ON CLUSTER `cluster`
                (
                    `id` Int64,
                    `key` String,
                    `total` Int64
                )
                ENGINE = ReplicatedAggregatingMergeTree(%1$s)
                ORDER BY key;
                -- Create model Collapsing (table collapsing);
                CREATE TABLE `collapsing` ON CLUSTER `cluster`
                (
                    `id` Int64,
                    `name` String,
                    `sign` Int8
                )
                ENGINE = ReplicatedCollapsingMergeTree(%1$s, sign)
                ORDER BY id;
                -- Create model DistributedStudent (table distributed_student);
                CREATE TABLE `distributed_student` ON CLUSTER `cluster`
                (
                    `id` Int64,
                    `name` String,
                    `score` Int8
                )
                ENGINE = Distributed('cluster', currentDatabase(), 'student', rand());
                -- Create model Graphite (table graphite);
                CREATE TABLE `graphite` ON CLUSTER `cluster`
                (
                    `Path` String,
                    `Time` DateTime('UTC'),
                    `Value` Float64,
                    `Timestamp` UInt32
                )
                ENGINE = ReplicatedGraphiteMergeTree(%1$s, 'graphite_rollup')
                ORDER BY (Path, Time);
                -- Create model Replacing (table replacing);
                CREATE TABLE `replacing` ON CLUSTER `cluster`
                (
                    `id` Int64,
                    `name` String,
                    `version` UInt32
                )
                ENGINE = ReplicatedReplacingMergeTree(%1$s, version)
                ORDER BY id;
                -- Create model Student (table student);
                CREATE TABLE `student` ON CLUSTER `cluster`
                (
                    `id` Int64,
                    `name` String,
                    `address` String,
                    `score` Int8
                )
                ENGINE = ReplicatedMergeTree(%1$s)
                ORDER BY id;
                -- Create model Summing (table summing);
                CREATE TABLE `summing` ON CLUSTER `cluster`
                (
                    `id` Int64,
                    `key` String,
                    `amount` Int64,
                    `other` Int64
                )
                ENGINE = ReplicatedSummingMergeTree(%1$s, (amount))
                ORDER BY key;
                -- Create model VersionedCollapsing (table versioned_collapsing);
                CREATE TABLE `versioned_collapsing` ON CLUSTER `cluster`
                (
                    `id` Int64,
                    `name` String,
                    `sign` Int8,
                    `version` UInt32
                )
                ENGINE = ReplicatedVersionedCollapsingMergeTree(%1$s, sign, version)
                ORDER BY (id, version)
                PRIMARY KEY id""".formatted(PATH));
    }

    @Test
    void sqlmigrateRendersTheSingleNodeProfileFromTheSameFile() {
        migrations(StorageProfile.CLUSTER).makeMigrations(MakeMigrationsOptions.defaults());
        assertThat(script(migrations(StorageProfile.SINGLE_NODE).sqlMigrate("cluster", "0001", false))).isEqualTo("""
                -- Create model Aggregating (table aggregating);
                CREATE TABLE `aggregating`
                (
                    `id` Int64,
                    `key` String,
                    `total` Int64
                )
                ENGINE = AggregatingMergeTree
                ORDER BY key;
                -- Create model Collapsing (table collapsing);
                CREATE TABLE `collapsing`
                (
                    `id` Int64,
                    `name` String,
                    `sign` Int8
                )
                ENGINE = CollapsingMergeTree(sign)
                ORDER BY id;
                -- Create model DistributedStudent (table distributed_student);
                CREATE TABLE `distributed_student`
                (
                    `id` Int64,
                    `name` String,
                    `score` Int8
                )
                ENGINE = MergeTree
                ORDER BY id;
                -- Create model Graphite (table graphite);
                CREATE TABLE `graphite`
                (
                    `Path` String,
                    `Time` DateTime('UTC'),
                    `Value` Float64,
                    `Timestamp` UInt32
                )
                ENGINE = GraphiteMergeTree('graphite_rollup')
                ORDER BY (Path, Time);
                -- Create model Replacing (table replacing);
                CREATE TABLE `replacing`
                (
                    `id` Int64,
                    `name` String,
                    `version` UInt32
                )
                ENGINE = ReplacingMergeTree(version)
                ORDER BY id;
                -- Create model Student (table student);
                CREATE TABLE `student`
                (
                    `id` Int64,
                    `name` String,
                    `address` String,
                    `score` Int8
                )
                ENGINE = MergeTree
                ORDER BY id;
                -- Create model Summing (table summing);
                CREATE TABLE `summing`
                (
                    `id` Int64,
                    `key` String,
                    `amount` Int64,
                    `other` Int64
                )
                ENGINE = SummingMergeTree((amount))
                ORDER BY key;
                -- Create model VersionedCollapsing (table versioned_collapsing);
                CREATE TABLE `versioned_collapsing`
                (
                    `id` Int64,
                    `name` String,
                    `sign` Int8,
                    `version` UInt32
                )
                ENGINE = VersionedCollapsingMergeTree(sign, version)
                ORDER BY (id, version)
                PRIMARY KEY id""");
    }

    @Test
    void theMigrationFileRecordsTheModelsAsDeclared() throws Exception {
        migrations(StorageProfile.SINGLE_NODE).makeMigrations(MakeMigrationsOptions.defaults());
        String file = Files.readString(dir.resolve("cluster/0001_initial.json"));
        assertThat(file).contains("\"ReplicatedReplacingMergeTree\"", "\"Distributed\"", "\"cluster\": \"cluster\"")
                .doesNotContain("single-node");
        for (StorageProfile profile : StorageProfile.values()) {
            assertThat(migrations(profile).makeMigrations(MakeMigrationsOptions.defaults().withCheck(true))
                    .changesDetected()).as("makemigrations --check under %s", profile).isFalse();
            assertThat(migrations(profile).check()).as("check under %s", profile).isEmpty();
        }
    }

    @Test
    void backwardsDropsWithSyncOnlyWhereTablesAreReplicated() {
        migrations(StorageProfile.CLUSTER).makeMigrations(MakeMigrationsOptions.defaults());
        assertThat(migrations(StorageProfile.CLUSTER).sqlMigrate("cluster", "0001", true))
                .contains("DROP TABLE IF EXISTS `student` ON CLUSTER `cluster` SYNC",
                        "DROP TABLE IF EXISTS `distributed_student` ON CLUSTER `cluster`");
        assertThat(migrations(StorageProfile.SINGLE_NODE).sqlMigrate("cluster", "0001", true))
                .contains("DROP TABLE IF EXISTS `student`", "DROP TABLE IF EXISTS `distributed_student`");
    }

    @Test
    void alterStatementsLoseOnClusterUnderSingleNode() {
        Operation addNote = new AddField("Replacing", ColumnSpec.builder("note", DataType.string()).build(), "version");
        assertThat(afterCreatingReplacing(addNote, StorageProfile.CLUSTER)).containsExactly(
                "-- Add field note to Replacing",
                "ALTER TABLE `replacing` ON CLUSTER `cluster` ADD COLUMN `note` String AFTER `version`");
        assertThat(afterCreatingReplacing(addNote, StorageProfile.SINGLE_NODE)).containsExactly(
                "-- Add field note to Replacing",
                "ALTER TABLE `replacing` ADD COLUMN `note` String AFTER `version`");
    }

    @Test
    void mutatingAltersLoseOnClusterUnderSingleNodeToo() {
        Operation widen = new dev.chorm.migrations.operations.AlterField("Replacing",
                ColumnSpec.builder("version", DataType.parse("UInt64")).build());
        assertThat(String.join("\n", afterCreatingReplacing(widen, StorageProfile.CLUSTER)))
                .contains("ALTER TABLE `replacing` ON CLUSTER `cluster` MODIFY COLUMN `version` UInt64");
        assertThat(String.join("\n", afterCreatingReplacing(widen, StorageProfile.SINGLE_NODE)))
                .contains("ALTER TABLE `replacing` MODIFY COLUMN `version` UInt64").doesNotContain("ON CLUSTER");
    }

    /** Return the SQL, under {@code profile}, of a migration running {@code change} after one creating Replacing. */
    private static List<String> afterCreatingReplacing(Operation change, StorageProfile profile) {
        Migration first = Migration.of(new MigrationKey("cluster", "0001_initial"), List.of(),
                List.of(new CreateModel("Replacing", ModelMeta.of(Replacing.class).table())), true);
        Migration second = Migration.of(new MigrationKey("cluster", "0002_change"), List.of(first.key()),
                List.of(change), false);
        MigrationGraph graph = new MigrationGraph(List.of(first, second));
        return MigrationExecutor.builder(NO_DATABASE, graph).profiles(StorageProfiles.of(profile, "test")).build()
                .collectSql(second.key(), false);
    }

    @Test
    void appAndModelOverridesWinOverTheAliasProfile() {
        migrations(StorageProfile.CLUSTER).makeMigrations(MakeMigrationsOptions.defaults());
        StorageProfiles studentLocal = new StorageProfiles(StorageProfile.CLUSTER, "test",
                Map.of("cluster.student", StorageProfile.SINGLE_NODE));
        List<String> sql = migrations(studentLocal, MODELS).sqlMigrate("cluster", "0001", false);
        assertThat(sql).anyMatch(s -> s.startsWith("CREATE TABLE `student`\n") && s.contains("ENGINE = MergeTree\n"));
        assertThat(sql).anyMatch(s -> s.startsWith("CREATE TABLE `replacing` ON CLUSTER `cluster`"));

        StorageProfiles appLocal = new StorageProfiles(StorageProfile.CLUSTER, "test",
                Map.of("CLUSTER", StorageProfile.SINGLE_NODE, "cluster.Replacing", StorageProfile.CLUSTER));
        List<String> app = migrations(appLocal, MODELS).sqlMigrate("cluster", "0001", false);
        assertThat(app).anyMatch(s -> s.startsWith("CREATE TABLE `student`\n"));
        assertThat(app).anyMatch(s -> s.startsWith("CREATE TABLE `replacing` ON CLUSTER `cluster`"));
    }

    @Test
    void aDistributedModelWithoutItsLocalModelIsRefusedNamingModelEngineAndFix() {
        migrations(StorageProfiles.of(StorageProfile.CLUSTER, "test"), DistributedStudent.class)
                .makeMigrations(MakeMigrationsOptions.defaults());
        String message = "Model cluster.DistributedStudent (engine Distributed('cluster', currentDatabase(), 'student',"
                + " rand())) cannot be rendered for the single-node profile: it reads table student, which no model of"
                + " the project declares. Fix: declare student as a model of the project,"
                + " or render it as declared with chorm.databases.<alias>.profile.cluster.DistributedStudent=cluster.";
        Migrations single = migrations(StorageProfiles.of(StorageProfile.SINGLE_NODE, "test"), DistributedStudent.class);
        assertThat(single.check()).containsExactly(message);
        assertThatThrownBy(() -> single.sqlMigrate("cluster", "0001", false))
                .isInstanceOf(ModelDefinitionException.class).hasMessage(message);
        assertThat(migrations(StorageProfiles.of(StorageProfile.CLUSTER, "test"), DistributedStudent.class).check())
                .isEmpty();
    }

    @Test
    void aDistributedModelLackingAColumnOfItsLocalKeysIsRefused() {
        TableSpec summing = ModelMeta.of(Summing.class).table();
        TableSpec distributed = TableSpec.builder("distributed_summing").columns(List.of(summing.columns().get(0),
                summing.columns().get(2))).engine(EngineSpec.of("Distributed", "'cluster'", "currentDatabase()",
                "'summing'")).build();
        ProjectState state = new ProjectState();
        state.putModel("cluster", "Summing", summing);
        state.putModel("cluster", "DistributedSumming", distributed);
        assertThat(ProfileMappings.problems(StorageProfiles.of(StorageProfile.SINGLE_NODE, "test"), state)).containsExactly(
                "Model cluster.DistributedSumming (engine Distributed('cluster', currentDatabase(), 'summing')) cannot be"
                        + " rendered for the single-node profile: on one node it becomes a table like summing, whose keys,"
                        + " TTL or engine use key, which it does not declare. Fix: add those fields to it, or render it as"
                        + " declared with chorm.databases.<alias>.profile.cluster.DistributedSumming=cluster.");
    }

    private static final SqlExecutor NO_DATABASE = new SqlExecutor() {
        @Override
        public void execute(String sql) {
            throw new IllegalStateException("collecting only: " + sql);
        }

        @Override
        public List<Map<String, Object>> query(String sql) {
            throw new IllegalStateException("collecting only: " + sql);
        }
    };
}
