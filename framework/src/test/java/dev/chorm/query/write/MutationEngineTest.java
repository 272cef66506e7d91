package dev.chorm.query.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.QueryException;
import dev.chorm.db.Database;
import dev.chorm.query.Func;
import dev.chorm.query.expr.F;
import dev.chorm.query.expr.Q;
import dev.chorm.query.write.WriteModels.Measurement;
import dev.chorm.query.write.WriteModels.Note;
import dev.chorm.query.write.WriteModels.Patched;
import dev.chorm.query.write.WriteModels.Point;
import dev.chorm.query.write.WriteModels.Reading;
import dev.chorm.sql.QueryPart;
import dev.chorm.sql.Settings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** update(), delete() and save() against the real engine, with mutations_sync from the configuration. */
class MutationEngineTest {
    private static Database db;

    @BeforeAll
    static void open() {
        db = WriteTesting.open("mutations", Map.of("mutations_sync", "2"), Reading.class, Measurement.class,
                Note.class, Patched.class);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void fill() {
        for (String table : List.of("reading", "measurement", "note", "patched")) {
            db.execute("TRUNCATE TABLE " + table);
        }
        ModelWriter.of(db, Note.class).bulkCreate(IntStream.rangeClosed(1, 5).mapToObj(i -> new Note(i, "n" + i))
                .toList());
    }

    private static List<String> texts() {
        return WriteTesting.readAll(db, Note.class, "id").stream().map(n -> n.text).toList();
    }

    @Test
    void theConfiguredMutationsSyncReachesTheClient() {
        assertThat(db.client().queryAll("SELECT getSetting('mutations_sync') AS v").get(0).getString("v"))
                .isEqualTo("2");
    }

    @Test
    void updateValuesMayContainSqlWords() {
        ModelWriter<Note> notes = ModelWriter.of(db, Note.class);
        notes.update(Q.of("id", 1), Map.of("text", "x WHERE 1 = 1"), MutationMode.ALTER);
        notes.update(Q.of("id", 2), Map.of("text", "where"), MutationMode.ALTER);
        notes.update(Q.of("id", 3), Map.of("text", "'; DELETE FROM note WHERE 1; --"), MutationMode.ALTER);
        assertThat(texts()).containsExactly("x WHERE 1 = 1", "where", "'; DELETE FROM note WHERE 1; --", "n4", "n5");
    }

    @Test
    void updateTakesSubqueryConditions() {
        db.execute("CREATE TABLE IF NOT EXISTS picked (id Int64) ENGINE = MergeTree ORDER BY id");
        db.execute("TRUNCATE TABLE picked");
        db.execute("INSERT INTO picked VALUES (2), (4)");
        QueryPart inPicked = ctx -> ctx.identifier("id").sql(" IN (SELECT ").identifier("id").sql(" FROM ")
                .identifier("picked").sql(")");
        ModelWriter.of(db, Note.class).update(inPicked, Map.of("text", "picked where"), MutationMode.ALTER);
        assertThat(texts()).containsExactly("n1", "picked where", "n3", "picked where", "n5");
    }

    @Test
    void updateWithExpressionsAndWithoutFilter() {
        ModelWriter<Note> notes = ModelWriter.of(db, Note.class);
        notes.update(null, Map.of("text", Func.concat(F.of("text"), Func.value("!"))), MutationMode.ALTER);
        assertThat(texts()).containsExactly("n1!", "n2!", "n3!", "n4!", "n5!");
    }

    @Test
    void defaultUpdateIsLightweightWhereTheTableAllowsItAndAlterElsewhere() {
        Patched p = new Patched();
        p.text = "before";
        ModelWriter<Patched> patched = ModelWriter.of(db, Patched.class);
        patched.create(p);
        patched.update(Q.of("id", p.id()), Map.of("text", "after", "n", F.of("n").plus(5)));
        assertThat(WriteTesting.readAll(db, Patched.class, "id")).extracting(x -> x.text + x.n).containsExactly("after5");
        assertThat(mutationCommands("patched")).isEmpty();

        ModelWriter.of(db, Note.class).update(Q.of("id", 5), Map.of("text", "altered"));
        assertThat(texts()).endsWith("altered");
        assertThat(mutationCommands("note")).anyMatch(c -> c.contains("UPDATE"));

        assertThatThrownBy(() -> ModelWriter.of(db, Note.class).update(null, Map.of("text", "x"),
                MutationMode.LIGHTWEIGHT)).isInstanceOf(QueryException.class)
                .satisfies(e -> assertThat(((QueryException) e).errorCode()).isEqualTo(48));
    }

    @Test
    void lightweightAndAlterDeletes() {
        ModelWriter<Note> notes = ModelWriter.of(db, Note.class);
        notes.delete(Q.of("id", 1));
        assertThat(mutationCommands("note")).containsExactly("(UPDATE _row_exists = 0 WHERE id = 1)");
        notes.delete(Q.of("id__in", List.of(2, 3)), MutationMode.ALTER);
        assertThat(mutationCommands("note")).endsWith("(DELETE WHERE id IN (2, 3))");
        assertThat(texts()).containsExactly("n4", "n5");
        notes.delete(null);
        assertThat(texts()).isEmpty();
    }

    @Test
    void settingsReachMutations() {
        ModelWriter<Note> notes = ModelWriter.of(db, Note.class).withSettings(Map.of("mutations_sync", 1));
        notes.update(Q.of("id", 1), Map.of("text", "synced"), MutationMode.ALTER);
        notes.delete(Q.of("id", 2));
        assertThat(texts()).containsExactly("synced", "n3", "n4", "n5");
        ModelWriter<Note> broken = ModelWriter.of(db, Note.class).withSettings(Map.of("mutations_sync", "never"));
        assertThatThrownBy(() -> broken.update(null, Map.of("text", "x"), MutationMode.ALTER))
                .isInstanceOf(QueryException.class).hasMessageContaining("mutations_sync");
        assertThatThrownBy(() -> broken.delete(null)).isInstanceOf(QueryException.class);
        assertThat(texts()).hasSize(4);
    }

    @Test
    void saveInsertsNewModelsAndUpdatesExistingOnes() throws Exception {
        ModelWriter<Reading> readings = ModelWriter.of(db, Reading.class);
        Reading r = BulkCreateTest.reading("s1", 1);
        readings.save(r);
        Instant firstSave = r.updatedAt;
        r.note = "changed where it matters";
        r.port = 8080;
        Thread.sleep(5);
        readings.save(r);

        List<Reading> back = WriteTesting.readAll(db, Reading.class, "id");
        assertThat(back).hasSize(1);
        assertThat(back.get(0).note).isEqualTo("changed where it matters");
        assertThat(back.get(0).port).isEqualTo(8080);
        assertThat(back.get(0).updatedAt).isAfter(firstSave).isEqualTo(r.updatedAt);
        assertThat(back.get(0).createdAt).isEqualTo(r.createdAt);

        r.sensor = "moved";
        assertThatThrownBy(() -> readings.save(r)).isInstanceOf(QueryException.class)
                .hasMessage("Cannot save Reading: one of [sensor, day] changed, but ClickHouse cannot update key"
                        + " columns. Delete the row and create it again.");
    }

    @Test
    void saveFindsRecordsByTheirSortingKey() {
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        ModelWriter<Measurement> m = ModelWriter.of(db, Measurement.class);
        m.save(new Measurement("k", 1, null, List.of(1), at, new Point(1, "a"), at));
        m.save(new Measurement("k", 2, 0.5, List.of(2, 3), at, new Point(2, "b"), at));
        m.save(new Measurement("other", 3, null, List.of(), at, new Point(3, "c"), at));
        assertThat(WriteTesting.readAll(db, Measurement.class, "key")).containsExactly(
                new Measurement("k", 2, 0.5, List.of(2, 3), at, new Point(2, "b"), at),
                new Measurement("other", 3, null, List.of(), at, new Point(3, "c"), at));
    }

    private static List<String> mutationCommands(String table) {
        return db.query("SELECT command FROM system.mutations WHERE database = currentDatabase() AND table = '"
                + table + "' ORDER BY create_time").stream().map(r -> r.get("command").toString()).toList();
    }

    @Test
    void theEngineParsesTheOnClusterMutationsOfADistributedModel() {
        // The embedded engine has no cluster to run them on (the it module does that); its parser checks the syntax.
        dev.chorm.model.ModelMeta student = dev.chorm.model.ModelMeta.of(dev.chorm.model.fixtures.DistributedStudent.class);
        Map<String, Object> score = Map.of("score", 1);
        for (String sql : List.of(MutationSql.update(student, score, null, Settings.empty(), false),
                MutationSql.update(student, score, null, Settings.empty(), true),
                MutationSql.delete(student, null, Settings.empty(), false),
                MutationSql.delete(student, null, Settings.empty(), true))) {
            assertThat(db.query("EXPLAIN AST " + sql)).as(sql).isNotEmpty();
        }
    }
}
