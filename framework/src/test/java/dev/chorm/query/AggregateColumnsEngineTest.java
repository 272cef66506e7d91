package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import dev.chorm.db.Database;
import dev.chorm.query.fixtures.DefaultedState;
import dev.chorm.query.fixtures.PageRollup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AggregateFunction and SimpleAggregateFunction columns: DDL, introspection, reads of finalized states, writes. */
class AggregateColumnsEngineTest {
    private static Database db;

    @BeforeAll
    static void load() {
        db = EngineSupport.open("aggcols");
        db.createTables(PageRollup.class, DefaultedState.class);
        // States are written by -State functions, as a materialized view would.
        db.execute("""
                INSERT INTO page_rollup SELECT 'home', 3, 70000, 'firefox', 404, ['a', 'b'],
                  uniqState(toString(number % 2)), quantilesState(0.5, 0.9)(toFloat64(number)), countState(),
                  argMaxState(concat('u', toString(number)), toUInt32(number)), sumMapState([toUInt8(1)], [toUInt64(2)])
                FROM numbers(11)""");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void liveTableMatchesTheModel() {
        assertThat(db.compareTable(PageRollup.class).differences()).isEmpty();
        assertThat(db.compareTable(DefaultedState.class).differences()).isEmpty();
    }

    @Test
    void fetchReadsFinalizedStatesAndPlainSimpleAggregates() {
        PageRollup r = db.objects(PageRollup.class).filter("page", "home").first().orElseThrow();
        assertThat(r.visitors).isEqualTo(2);
        assertThat(r.latency).containsExactly(5.0, 9.0);
        assertThat(r.rows).isEqualTo(11);
        assertThat(r.lastUser).isEqualTo("u10");
        assertThat(r.hits).isEqualTo(3);
        assertThat(r.peak).isEqualTo(70000);
        assertThat(r.browser).isEqualTo("firefox");
        assertThat(r.lastStatus).isEqualTo(404);
        assertThat(r.tags).containsExactly("a", "b");
    }

    @Test
    void valuesReadFinalizedStates() {
        List<Map<String, Object>> rows = db.objects(PageRollup.class).filter("page", "home")
                .values("visitors", "rows", "hits").fetch();
        assertThat(rows).containsExactly(Map.of("visitors", 2L, "rows", 11L, "hits", 3L));
    }

    @Test
    void createOfAModelWithAStateFieldFailsBeforeAnySql() {
        PageRollup r = new PageRollup();
        r.page = "x";
        assertThatThrownBy(() -> db.objects(PageRollup.class).bulkCreate(List.of(r)))
                .isInstanceOf(ChormException.class)
                .hasMessage("PageRollup.visitors is AggregateFunction(uniq, String): an aggregation state cannot be"
                        + " inserted from Java objects, so PageRollup rows cannot be created with create() or"
                        + " bulkCreate(). Write the states with -State functions through a materialized view or"
                        + " INSERT ... SELECT (for example uniqState(...)), or give the field @Default or @Materialized.");
        assertThat(db.objects(PageRollup.class).filter("page", "x").count()).isZero();
    }

    @Test
    void defaultedStateIsLeftToTheServerAndSimpleAggregatesAreWritten() {
        DefaultedState a = new DefaultedState();
        a.page = "p";
        a.hits = Long.MIN_VALUE;
        a.browser = "";
        a.tags = List.of("x", "");
        DefaultedState b = new DefaultedState();
        b.page = "q";
        b.hits = Long.MAX_VALUE;
        b.browser = "edge";
        b.lastStatus = -1;
        db.objects(DefaultedState.class).bulkCreate(List.of(a, b));
        List<DefaultedState> back = db.objects(DefaultedState.class).filter("page__in", List.of("p", "q"))
                .orderBy("page").fetch();
        assertThat(back).extracting(s -> s.pages).containsExactly(1L, 1L);
        assertThat(back).extracting(s -> s.hits).containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(back).extracting(s -> s.browser).containsExactly("", "edge");
        assertThat(back).extracting(s -> s.lastStatus).containsExactly(null, -1);
        assertThat(back).extracting(s -> s.tags).containsExactly(List.of("x", ""), List.of());
    }
}
