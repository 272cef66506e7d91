package dev.chorm.query.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.QueryException;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.fixtures.DistributedStudent;
import dev.chorm.query.QuerySet;
import dev.chorm.query.expr.F;
import dev.chorm.query.expr.Q;
import dev.chorm.query.write.WriteModels.Measurement;
import dev.chorm.query.write.WriteModels.Reading;
import dev.chorm.sql.Settings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendered mutation statements, compared as strings. */
class MutationSqlTest {
    private static final ModelMeta READING = ModelMeta.of(Reading.class);

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void alterUpdateQuotesColumnsAndEscapesValues() {
        String sql = MutationSql.update(READING, values("note", "it's a 'where' \\ clause", "total", 7),
                Q.of("port", 80), Settings.empty(), false);
        assertThat(sql).isEqualTo("ALTER TABLE `reading` UPDATE `note` = 'it\\'s a \\'where\\' \\\\ clause',"
                + " `total` = 7 WHERE `port` = 80");
    }

    @Test
    void lightweightUpdateUsesUpdateSet() {
        String sql = MutationSql.update(READING, values("note", "x WHERE 1"), Q.of("port__gte", 1), Settings.empty(), true);
        assertThat(sql).isEqualTo("UPDATE `reading` SET `note` = 'x WHERE 1' WHERE `port` >= 1");
    }

    @Test
    void valuesMayBeExpressionsAndFieldsMayBeNamedByColumn() {
        String sql = MutationSql.update(READING, values("total", F.of("total").plus(F.of("port")).times(2),
                "with_default", "d"), null, Settings.empty(), false);
        assertThat(sql).isEqualTo(
                "ALTER TABLE `reading` UPDATE `total` = ((`total` + `port`) * 2), `with_default` = 'd' WHERE 1");
    }

    @Test
    void valuesAreTypedByTheirColumn() {
        String sql = MutationSql.update(READING, values("at", Instant.parse("2024-01-02T03:04:05.123456Z")), null,
                Settings.empty(), false);
        assertThat(sql).isEqualTo("ALTER TABLE `reading` UPDATE `at` = "
                + "toDateTime64('2024-01-02 03:04:05.123456', 6, 'UTC') WHERE 1");
    }

    @Test
    void deletesRenderBothForms() {
        assertThat(MutationSql.delete(READING, Q.of("note__isnull", true), Settings.empty(), true))
                .isEqualTo("DELETE FROM `reading` WHERE isNull(`note`)");
        assertThat(MutationSql.delete(READING, Q.of("note__isnull", true), Settings.empty(), false))
                .isEqualTo("ALTER TABLE `reading` DELETE WHERE isNull(`note`)");
    }

    @Test
    void aMutationWithoutFilterCoversTheWholeTable() {
        assertThat(MutationSql.delete(READING, null, Settings.empty(), true)).isEqualTo("DELETE FROM `reading` WHERE 1");
        assertThat(MutationSql.delete(READING, null, Settings.empty(), false))
                .isEqualTo("ALTER TABLE `reading` DELETE WHERE 1");
    }

    @Test
    void settingsBecomeTheSettingsClause() {
        Settings s = Settings.of(Map.of("mutations_sync", 2));
        assertThat(MutationSql.update(READING, values("port", 1), null, s, false))
                .isEqualTo("ALTER TABLE `reading` UPDATE `port` = 1 WHERE 1 SETTINGS mutations_sync = 2");
        assertThat(MutationSql.delete(READING, null, s, true))
                .isEqualTo("DELETE FROM `reading` WHERE 1 SETTINGS mutations_sync = 2");
    }

    @Test
    void lightweightDeletesWaitAsMutationsSyncSays() {
        MutationExecutor e = new MutationExecutor(null, READING, Settings.of(Map.of("mutations_sync", 2)));
        assertThat(e.lightweightDelete().asMap()).containsEntry("lightweight_deletes_sync", 2);
        MutationExecutor explicit = new MutationExecutor(null, READING,
                Settings.of(Map.of("mutations_sync", 2)).with("lightweight_deletes_sync", 0));
        assertThat(explicit.lightweightDelete().asMap()).containsEntry("lightweight_deletes_sync", 0);
        assertThat(new MutationExecutor(null, READING, Settings.empty()).lightweightDelete().isEmpty()).isTrue();
    }

    @Test
    void keyAndComputedColumnsAndUnknownFieldsAreRefused() {
        assertThatThrownBy(() -> MutationSql.update(READING, values("sensor", "x"), null, Settings.empty(), false))
                .isInstanceOf(QueryException.class).hasMessage("Reading.sensor is part of the table's sorting,"
                        + " primary or partition key, which ClickHouse cannot update. Delete the rows and create"
                        + " them again instead.");
        assertThatThrownBy(() -> MutationSql.update(READING, values("day", null), null, Settings.empty(), false))
                .hasMessageStartingWith("Reading.day is part of the table's sorting");
        assertThatThrownBy(() -> MutationSql.update(READING, values("sensorLength", 1), null, Settings.empty(), false))
                .hasMessage("Reading.sensorLength is a MATERIALIZED column, which ClickHouse computes; it cannot be updated.");
        assertThatThrownBy(() -> MutationSql.update(READING, values("nope", 1), null, Settings.empty(), false))
                .hasMessageStartingWith("Reading has no field 'nope'. Choices: id, sensor, port,");
        assertThatThrownBy(() -> MutationSql.update(READING, Map.of(), null, Settings.empty(), false))
                .hasMessage("update() on Reading needs at least one field.");
    }

    @Test
    void identifiersAreQuotedEvenWhenTheyAreOdd() {
        assertThat(MutationSql.update(ModelMeta.of(Measurement.class), values("value", -1), Q.of("key", "a`b"),
                Settings.empty(), true)).isEqualTo("UPDATE `measurement` SET `value` = -1 WHERE `key` = 'a`b'");
    }

    @Test
    void keyColumnsAreFoundInsideExpressions() {
        assertThat(KeyColumns.of(READING.table())).contains("sensor", "id", "day").doesNotContain("port");
        assertThat(KeyColumns.plainSortingKey(READING.table())).containsExactly("sensor", "id");
    }

    @Test
    void mutationsOfADistributedModelGoToTheLocalTableOnCluster() {
        ModelMeta student = ModelMeta.of(DistributedStudent.class);
        assertThat(MutationSql.update(student, values("score", 5), Q.of("name", "Ann"), Settings.empty(), false))
                .isEqualTo("ALTER TABLE `student` ON CLUSTER `cluster` UPDATE `score` = 5 WHERE `name` = 'Ann'");
        assertThat(MutationSql.update(student, values("score", 5), null, Settings.empty(), true))
                .isEqualTo("UPDATE `student` ON CLUSTER `cluster` SET `score` = 5 WHERE 1");
        assertThat(MutationSql.delete(student, Q.of("score__lt", 3), Settings.empty(), true))
                .isEqualTo("DELETE FROM `student` ON CLUSTER `cluster` WHERE `score` < 3");
        assertThat(MutationSql.delete(student, Q.of("score__lt", 3), Settings.of(Map.of("mutations_sync", 2)), false))
                .isEqualTo("ALTER TABLE `student` ON CLUSTER `cluster` DELETE WHERE `score` < 3 SETTINGS mutations_sync = 2");
        assertThat(MutationSql.delete(ModelMeta.of(WriteModels.ShardView.class), null, Settings.empty(), false))
                .isEqualTo("ALTER TABLE `shards`.`local_view` ON CLUSTER `two shards` DELETE WHERE 1");
    }

    @Test
    void underSingleNodeADistributedModelIsAPlainTableAndChangesItself() {
        ModelMeta student = ModelMeta.of(DistributedStudent.class);
        assertThat(MutationSql.update(student, values("score", 5), Q.of("name", "Ann"), Settings.empty(), true,
                dev.chorm.schema.StorageProfile.SINGLE_NODE)).isEqualTo("UPDATE `distributed_student` SET `score` = 5 WHERE `name` = 'Ann'");
        assertThat(MutationSql.delete(student, null, Settings.empty(), false, dev.chorm.schema.StorageProfile.SINGLE_NODE))
                .isEqualTo("ALTER TABLE `distributed_student` DELETE WHERE 1");
    }

    @Test
    void readsOfADistributedModelStayOnTheDistributedTable() {
        assertThat(QuerySet.of(DistributedStudent.class).filter("score__gt", 1).toSql())
                .isEqualTo("SELECT `id`, `name`, `score` FROM `distributed_student` WHERE `score` > 1");
    }
}
