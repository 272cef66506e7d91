package dev.chorm.query.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.QueryException;
import dev.chorm.db.Database;
import dev.chorm.query.QuerySet;
import dev.chorm.query.expr.F;
import dev.chorm.query.write.WriteModels.Note;
import dev.chorm.query.write.WriteModels.Patched;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write methods of {@link QuerySet}, end to end on the engine (the database runs with mutations_sync = 1). */
class QuerySetWriteTest {
    private static Database db;
    private QuerySet<Note> notes;

    @BeforeAll
    static void open() {
        db = WriteTesting.open("qs_write", Map.of("mutations_sync", "1"), Note.class, Patched.class);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void fill() {
        db.execute("TRUNCATE TABLE note");
        notes = db.objects(Note.class);
        notes.bulkCreate(IntStream.rangeClosed(1, 6).mapToObj(i -> new Note(i, "n" + i)).toList(), 4);
    }

    private List<String> texts() {
        return notes.orderBy("id").valuesList("text", String.class).fetch();
    }

    @Test
    void updateValuesContainingWhereAreKeptVerbatim() {
        notes.filter("text", "n1").update(Map.of("text", "a WHERE b = 'c'"));
        notes.filter("id__gte", 5).update(Map.of("text", "where"), MutationMode.ALTER);
        assertThat(texts()).containsExactly("a WHERE b = 'c'", "n2", "n3", "n4", "where", "where");
    }

    @Test
    void updateAndDeleteTakeSubqueryConditions() {
        QuerySet<Long> evenIds = notes.filter(F.of("id").mod(2).eq(0)).valuesList("id", Long.class);
        notes.filter("id__in", evenIds).update(Map.of("text", F.of("text")), MutationMode.ALTER);
        notes.filter("id__in", evenIds).exclude("id", 6).update(Map.of("text", "even where"));
        assertThat(texts()).containsExactly("n1", "even where", "n3", "even where", "n5", "n6");
        notes.filter("id__in", notes.filter("text__startswith", "even").valuesList("id", Long.class)).delete();
        assertThat(texts()).containsExactly("n1", "n3", "n5", "n6");
    }

    @Test
    void deleteDefaultsToLightweightAndTakesAlterOnRequest() {
        notes.filter("id", 1).delete();
        notes.filter("id", 2).delete(MutationMode.ALTER);
        assertThat(texts()).containsExactly("n3", "n4", "n5", "n6");
        notes.delete();
        assertThat(notes.count()).isZero();
    }

    @Test
    void createSaveAndBulkCreateFromAStream() {
        notes.create(new Note(10, "created"));
        notes.save(new Note(10, "saved"));
        notes.save(new Note(11, "new"));
        assertThat(notes.bulkCreate(Stream.of(new Note(12, "s1"), new Note(13, "s2")), 1)).isEqualTo(2);
        assertThat(notes.filter("id__gte", 10).orderBy("id").valuesList("text", String.class).fetch())
                .containsExactly("saved", "new", "s1", "s2");
    }

    @Test
    void settingsOfTheQuerySetReachInsertsAndMutations() {
        QuerySet<Note> strict = notes.settings(Map.of("mutations_sync", 2, "max_insert_threads", 1));
        strict.create(new Note(20, "x"));
        strict.filter("id", 20).update(Map.of("text", "y"), MutationMode.ALTER);
        assertThat(notes.get("id", 20).text).isEqualTo("y");
        strict.filter("id", 20).delete();
        assertThat(notes.filter("id", 20).exists()).isFalse();
        QuerySet<Note> bogus = notes.settings(Map.of("mutations_sync", "nope"));
        assertThatThrownBy(() -> bogus.filter("id", 1).delete()).isInstanceOf(QueryException.class);
        assertThatThrownBy(() -> bogus.create(new Note(21, "x"))).hasMessageContaining("nope");
    }

    @Test
    void slicedOrReshapedQuerySetsCannotBeMutated() {
        assertThatThrownBy(() -> notes.limit(2).update(Map.of("text", "x"))).isInstanceOf(QueryException.class)
                .hasMessage("Cannot update a sliced QuerySet of Note (limit/offset): ClickHouse mutations change every"
                        + " matching row. Filter on the rows instead.");
        assertThatThrownBy(() -> notes.distinct().delete()).isInstanceOf(QueryException.class)
                .hasMessageStartingWith("Cannot delete a QuerySet of Note that groups");
        assertThat(notes.count()).isEqualTo(6);
    }

    @Test
    void updatesOnLightweightTablesAreVisibleAtOnce() {
        QuerySet<Patched> patched = db.objects(Patched.class);
        Patched p = patched.create(new Patched());
        patched.filter("id", p.id()).update(Map.of("n", F.of("n").plus(41), "text", "it's {x} ?"));
        Patched back = patched.get("id", p.id());
        assertThat(back.n).isEqualTo(41);
        assertThat(back.text).isEqualTo("it's {x} ?");
    }
}
