package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.query.expr.F;
import dev.chorm.query.fixtures.Pupil;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Django's aggregation idioms, rendered and run: what gets grouped, annotation names, {@code *} arguments. */
class AggregationIdiomsEngineTest {
    private static Database db;

    @BeforeAll
    static void load() {
        db = EngineSupport.open("aggidioms");
        db.createTables(Pupil.class);
        db.execute("INSERT INTO pupil (id, name, age) VALUES (1, 'Ann', 10), (2, 'Ann', 10), (3, 'Ann', 12),"
                + " (4, 'Bob', 7)");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static QuerySet<Pupil> pupils() {
        return db.objects(Pupil.class);
    }

    @Test
    void aFieldAnAnnotationReferencesOutsideAnAggregateIsGrouped() {
        QuerySet<Map<String, Object>> qs = pupils().values("name").annotate("x", Sum.of("age").plus(F.of("age")))
                .orderBy("name", "x");
        assertThat(qs.toSql()).isEqualTo("SELECT `name`, (sumOrNull(`age`) + `age`) AS `x` FROM `pupil`"
                + " GROUP BY `name`, `age` ORDER BY `name` ASC, `x` ASC");
        assertThat(qs.fetch()).containsExactly(Map.of("name", "Ann", "x", 24L), Map.of("name", "Ann", "x", 30L),
                Map.of("name", "Bob", "x", 14L));
    }

    @Test
    void aConstantCallBesideAnAggregateIsNotGrouped() {
        QuerySet<Map<String, Object>> qs = pupils().values("name")
                .annotate("top", Func.of("greatest", Max.of("age"), Func.of("plus", Func.value(9), 2)))
                .orderBy("name");
        assertThat(qs.toSql()).isEqualTo("SELECT `name`, greatest(maxOrNull(`age`), plus(9, 2)) AS `top`"
                + " FROM `pupil` GROUP BY `name` ORDER BY `name` ASC");
        assertThat(qs.fetch()).containsExactly(Map.of("name", "Ann", "top", 12), Map.of("name", "Bob", "top", 11));
    }

    @Test
    void anAnnotationMayTakeTheNameOfAFieldValuesDidNotSelect() {
        QuerySet<Map<String, Object>> qs = pupils().values("name").annotate("age", Sum.of("age")).orderBy("name");
        assertThat(qs.toSql()).isEqualTo("SELECT `name`, sumOrNull(`age`) AS `age` FROM `pupil` GROUP BY `name`"
                + " ORDER BY `name` ASC");
        assertThat(qs.fetch()).containsExactly(Map.of("name", "Ann", "age", 32L), Map.of("name", "Bob", "age", 7L));
        assertThat(pupils().values("name").annotate("age", Max.of("age")).having("age__gt", 10).fetch())
                .containsExactly(Map.of("name", "Ann", "age", 12));
    }

    @Test
    void starArgumentsCountRows() {
        assertThat(pupils().aggregate("n", Aggregate.uniq("*")).get("n")).isEqualTo(4L);
        assertThat(pupils().aggregate(Map.of("rows", Count.of("*"))).get("rows")).isEqualTo(4L);
        QuerySet<Map<String, Object>> qs = pupils().values("name").annotate("rows", Count.of("*"))
                .annotate("ages", Aggregate.uniq("age")).annotate("pairs", Aggregate.uniq("name", "age"))
                .orderBy("name");
        assertThat(qs.toSql()).isEqualTo("SELECT `name`, count(*) AS `rows`, uniq(`age`) AS `ages`,"
                + " uniq(`name`, `age`) AS `pairs` FROM `pupil` GROUP BY `name` ORDER BY `name` ASC");
        assertThat(qs.fetch()).containsExactly(Map.of("name", "Ann", "rows", 3L, "ages", 2L, "pairs", 2L),
                Map.of("name", "Bob", "rows", 1L, "ages", 1L, "pairs", 1L));
    }

    @Test
    void limitByWithAnOffsetSkipsRowsPerKey() {
        assertThat(pupils().orderBy("name", "id").limitBy(1, 1, List.of("name")).valuesList("id", Long.class).fetch())
                .containsExactly(2L);
    }
}
