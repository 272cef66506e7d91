package dev.chorm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.model.ColumnSpec;
import dev.chorm.model.ConstraintSpec;
import dev.chorm.model.DefaultKind;
import dev.chorm.model.IndexSpec;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.ProjectionSpec;
import dev.chorm.model.TableSpec;
import dev.chorm.model.fixtures.DistributedStudent;
import dev.chorm.model.fixtures.Event;
import dev.chorm.model.fixtures.Student;
import dev.chorm.sql.SqlLiterals;
import dev.chorm.types.DataType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendered DDL compared with expected text, without an engine. */
class DdlRendererTest {
    private final DdlRenderer ddl = new DdlRenderer();

    private static String create(Class<?> model) {
        return new DdlRenderer().createTable(ModelMeta.of(model).table(), false);
    }

    @Test
    void rendersTheReadmeEvent() {
        assertThat(create(Event.class)).isEqualTo("""
                CREATE TABLE `event`
                (
                    `id` Int64,
                    `ip` IPv6,
                    `ipv4` IPv4,
                    `ip_nullable` Nullable(IPv6),
                    `port` UInt16,
                    `protocol` LowCardinality(String),
                    `content` JSON,
                    `timestamp` DateTime64(6, 'UTC'),
                    `created_at` DateTime64(6, 'UTC') DEFAULT now64(6),
                    `action` Enum8('PASS' = 1, 'DROP' = 2, 'ALERT' = 3),
                    INDEX `ip_set_idx` ip TYPE set(1000) GRANULARITY 4,
                    INDEX `ipv4_bloom_idx` ipv4 TYPE bloom_filter(0.001) GRANULARITY 1,
                    CONSTRAINT `port_range` CHECK port >= 0 AND port <= 65535
                )
                ENGINE = MergeTree
                ORDER BY (timestamp, id)
                PARTITION BY toYYYYMMDD(timestamp)
                PRIMARY KEY timestamp
                SETTINGS index_granularity = 1024, index_granularity_bytes = 1048576, enable_mixed_granularity_parts = 1""");
    }

    @Test
    void rendersReplicatedStudentOnCluster() {
        assertThat(create(Student.class)).isEqualTo("""
                CREATE TABLE `student` ON CLUSTER `cluster`
                (
                    `id` Int64,
                    `name` String,
                    `address` String,
                    `score` Int8
                )
                ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}')
                ORDER BY id""");
    }

    @Test
    void rendersDistributedStudentOnCluster() {
        assertThat(create(DistributedStudent.class)).isEqualTo("""
                CREATE TABLE `distributed_student` ON CLUSTER `cluster`
                (
                    `id` Int64,
                    `name` String,
                    `score` Int8
                )
                ENGINE = Distributed('cluster', currentDatabase(), 'student', rand())""");
    }

    @Test
    void rendersEveryColumnOptionAndClause() {
        assertThat(create(EngineModels.Options.class)).isEqualTo("""
                CREATE TABLE `options`
                (
                    `id` Int64,
                    `day` Date32,
                    `name` String COMMENT 'the user\\'s name' CODEC(ZSTD(3)),
                    `source` String DEFAULT 'unknown',
                    `year` UInt32 MATERIALIZED toYear(day),
                    `shout` String ALIAS concat(name, '!'),
                    `raw` String EPHEMERAL '',
                    `temporary` String TTL day + INTERVAL 7 DAY,
                    `counter` Int64 CODEC(Delta(8), ZSTD(1)),
                    `updated_at` DateTime64(6, 'UTC') DEFAULT now64(6),
                    INDEX `name_set` name TYPE set(100) GRANULARITY 2,
                    INDEX `name_bloom` lower(name) TYPE bloom_filter(0.01) GRANULARITY 1,
                    INDEX `name_ngram` name TYPE ngrambf_v1(3, 256, 2, 0) GRANULARITY 1,
                    INDEX `name_token` name TYPE tokenbf_v1(256, 2, 0) GRANULARITY 1,
                    INDEX `id_minmax` id TYPE minmax GRANULARITY 1,
                    CONSTRAINT `id_positive` CHECK id >= 0 AND id < 1000000,
                    CONSTRAINT `name_short` ASSUME length(name) < 100,
                    PROJECTION `by_name` (SELECT name, count() GROUP BY name)
                )
                ENGINE = MergeTree
                ORDER BY (day, id)
                PARTITION BY toYYYYMM(day)
                PRIMARY KEY day
                TTL day + INTERVAL 1 YEAR, day + INTERVAL 30 DAY DELETE WHERE id = 0
                SETTINGS index_granularity = 1024, merge_with_ttl_timeout = 3600
                COMMENT 'every column option'""");
    }

    @Test
    void rendersEngineArguments() {
        assertThat(engineOf(EngineModels.Replacing.class)).isEqualTo("ReplacingMergeTree(ver, deleted)");
        assertThat(engineOf(EngineModels.Summing.class)).isEqualTo("SummingMergeTree((total))");
        assertThat(engineOf(EngineModels.Aggregating.class)).isEqualTo("AggregatingMergeTree");
        assertThat(engineOf(EngineModels.Collapsing.class)).isEqualTo("CollapsingMergeTree(sign)");
        assertThat(engineOf(EngineModels.VersionedCollapsing.class)).isEqualTo("VersionedCollapsingMergeTree(sign, ver)");
        assertThat(engineOf(EngineModels.Buffered.class)).isEqualTo(
                "Buffer(currentDatabase(), 'in_memory', 16, 10, 100, 10000, 1000000, 10000000, 100000000)");
        assertThat(engineOf(EngineModels.Merged.class)).isEqualTo("Merge(currentDatabase(), '^in_mem')");
        assertThat(engineOf(EngineModels.InMemory.class)).isEqualTo("Memory");
        assertThat(engineOf(EngineModels.NullTable.class)).isEqualTo("Null");
        assertThat(engineOf(EngineModels.LogTable.class)).isEqualTo("Log");
        assertThat(engineOf(EngineModels.TinyLogTable.class)).isEqualTo("TinyLog");
        assertThat(engineOf(EngineModels.StripeLogTable.class)).isEqualTo("StripeLog");
        assertThat(engineOf(ReplicatedModels.Replacing.class)).isEqualTo(
                "ReplicatedReplacingMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}', ver)");
        assertThat(engineOf(ReplicatedModels.DefaultPath.class)).isEqualTo("ReplicatedCollapsingMergeTree(sign)");
        assertThat(engineOf(ReplicatedModels.Graphite.class)).isEqualTo(
                "ReplicatedGraphiteMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}', 'graphite_rollup')");
        assertThat(engineOf(ReplicatedModels.Sharded.class)).isEqualTo(
                "Distributed('cluster', 'logs', 'hits', cityHash64(id), 'fast')");
    }

    private static String engineOf(Class<?> model) {
        return ModelMeta.of(model).table().engine().sql();
    }

    @Test
    void rendersSampleByAndVersionedSortingKey() {
        assertThat(create(EngineModels.Sampled.class)).endsWith(
                "ORDER BY (id, intHash32(id))\nSAMPLE BY intHash32(id)");
        assertThat(create(EngineModels.VersionedCollapsing.class)).endsWith("ORDER BY (id, ver)\nPRIMARY KEY id");
    }

    @Test
    void rendersDropAndRenameWithCluster() {
        TableSpec t = ModelMeta.of(Student.class).table();
        assertThat(ddl.dropTable(t, true, true)).isEqualTo("DROP TABLE IF EXISTS `student` ON CLUSTER `cluster` SYNC");
        assertThat(ddl.dropTable(t.toBuilder().cluster("").database("app").build(), false, false))
                .isEqualTo("DROP TABLE `app`.`student`");
        assertThat(ddl.renameTable(t, "pupil")).isEqualTo("RENAME TABLE `student` TO `pupil` ON CLUSTER `cluster`");
        assertThat(ddl.exchangeTables(t, "student_new"))
                .isEqualTo("EXCHANGE TABLES `student` AND `student_new` ON CLUSTER `cluster`");
        assertThat(ddl.createDatabase("app", "{cluster}")).isEqualTo("CREATE DATABASE IF NOT EXISTS `app` ON CLUSTER '{cluster}'");
        assertThat(ddl.createTableAs("test_1", "student", "tpl", "student", "cluster"))
                .isEqualTo("CREATE TABLE `test_1`.`student` ON CLUSTER `cluster` AS `tpl`.`student`");
        assertThat(ddl.truncateTable("test_1", "student", "")).isEqualTo("TRUNCATE TABLE IF EXISTS `test_1`.`student`");
    }

    @Test
    void collectsEveryAlterWithCluster() {
        TableSpec t = ModelMeta.of(Student.class).table();
        SchemaEditor editor = SchemaEditor.collecting();
        ColumnSpec note = ColumnSpec.builder("note", DataType.string()).defaultExpression(DefaultKind.DEFAULT, "''").build();
        editor.addColumn(t, note);
        editor.addColumn(t, note, "name");
        editor.dropColumn(t, "note");
        editor.modifyColumn(t, note.toBuilder().codec("ZSTD(3)").build());
        editor.removeColumnProperty(t, "note", "CODEC");
        editor.renameColumn(t, "note", "remark");
        editor.commentColumn(t, "remark", "it's free text");
        editor.addIndex(t, IndexSpec.of("name_idx", "name", "bloom_filter(0.01)", 1));
        editor.materializeIndex(t, "name_idx");
        editor.dropIndex(t, "name_idx");
        editor.addConstraint(t, ConstraintSpec.check("score_ok", "score >= 0"));
        editor.dropConstraint(t, "score_ok");
        editor.addProjection(t, ProjectionSpec.of("by_score", "SELECT score, count() GROUP BY score"));
        editor.materializeProjection(t, "by_score");
        editor.dropProjection(t, "by_score");
        editor.modifySettings(t, Map.of("merge_with_ttl_timeout", "60"));
        editor.resetSettings(t, List.of("merge_with_ttl_timeout"));
        editor.modifyOrderBy(t, List.of("id", "score"));
        editor.modifyTtl(t, List.of("toDate(id) + INTERVAL 1 DAY"));
        editor.removeTtl(t);
        editor.modifyComment(t, "students");
        String on = "ALTER TABLE `student` ON CLUSTER `cluster` ";
        assertThat(editor.collectedStatements()).containsExactly(
                on + "ADD COLUMN `note` String DEFAULT ''",
                on + "ADD COLUMN `note` String DEFAULT '' AFTER `name`",
                on + "DROP COLUMN `note`",
                on + "MODIFY COLUMN `note` String DEFAULT '' CODEC(ZSTD(3))",
                on + "MODIFY COLUMN `note` REMOVE CODEC",
                on + "RENAME COLUMN `note` TO `remark`",
                on + "COMMENT COLUMN `remark` 'it\\'s free text'",
                on + "ADD INDEX `name_idx` name TYPE bloom_filter(0.01) GRANULARITY 1",
                on + "MATERIALIZE INDEX `name_idx`",
                on + "DROP INDEX `name_idx`",
                on + "ADD CONSTRAINT `score_ok` CHECK score >= 0",
                on + "DROP CONSTRAINT `score_ok`",
                on + "ADD PROJECTION `by_score` (SELECT score, count() GROUP BY score)",
                on + "MATERIALIZE PROJECTION `by_score`",
                on + "DROP PROJECTION `by_score`",
                on + "MODIFY SETTING merge_with_ttl_timeout = 60",
                on + "RESET SETTING merge_with_ttl_timeout",
                on + "MODIFY ORDER BY (id, score)",
                on + "MODIFY TTL toDate(id) + INTERVAL 1 DAY",
                on + "REMOVE TTL",
                on + "MODIFY COMMENT 'students'");
    }

    @Test
    void quotesIdentifiersAndStrings() {
        assertThat(SqlLiterals.quoteIdentifier("we`ird\\")).isEqualTo("`we\\`ird\\\\`");
        assertThat(SqlLiterals.quoteString("it's\n\0")).isEqualTo("'it\\'s\\n\\0'");
        assertThat(SqlLiterals.unquoteString("'it\\'s\\n'")).isEqualTo("it's\n");
    }

    @Test
    void rendersTheFormsThatARunRepeatingAStatementSends() {
        ColumnSpec note = ColumnSpec.builder("note", DataType.string()).build();
        assertThat(List.of(ddl.addColumn(note, "id", true), ddl.dropColumn("note", true), ddl.renameColumn("a", "b", true),
                ddl.addIndex(IndexSpec.of("i", "note", "bloom_filter(0.01)", 1), true), ddl.dropIndex("i", true),
                ddl.addConstraint(ConstraintSpec.check("c", "id > 0"), true), ddl.dropConstraint("c", true),
                ddl.addProjection(ProjectionSpec.of("p", "SELECT id ORDER BY id"), true), ddl.dropProjection("p", true)))
                .containsExactly("ADD COLUMN IF NOT EXISTS `note` String AFTER `id`", "DROP COLUMN IF EXISTS `note`",
                        "RENAME COLUMN IF EXISTS `a` TO `b`", "ADD INDEX IF NOT EXISTS `i` note TYPE bloom_filter(0.01) GRANULARITY 1",
                        "DROP INDEX IF EXISTS `i`", "ADD CONSTRAINT IF NOT EXISTS `c` CHECK id > 0", "DROP CONSTRAINT IF EXISTS `c`",
                        "ADD PROJECTION IF NOT EXISTS `p` (SELECT id ORDER BY id)", "DROP PROJECTION IF EXISTS `p`");
        TableSpec t = TableSpec.builder("t").column(note).build();
        assertThat(ddl.renameTable(t, "u", true)).isEqualTo("RENAME TABLE IF EXISTS `t` TO `u`");
        assertThat(ddl.inBackground(ddl.alter(t, ddl.modifyColumn(note))))
                .isEqualTo("ALTER TABLE `t` MODIFY COLUMN `note` String SETTINGS alter_sync = 0, mutations_sync = 0");
        assertThat(ddl.merges(t, false)).isEqualTo("SYSTEM STOP MERGES `t`");
    }
}
