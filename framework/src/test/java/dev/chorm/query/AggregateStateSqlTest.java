package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.QueryException;
import dev.chorm.model.SelectText;
import dev.chorm.query.fixtures.Hit;
import dev.chorm.types.DataType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Render the -State and -Merge combinators and their order with -If and -OrNull. */
class AggregateStateSqlTest extends SqlTestSupport {
    static final QuerySet<Hit> HITS = QuerySet.of(Hit.class);

    @Test
    void statesDropOrNullAndPutIfAfterState() {
        assertSql(HITS.values("protocol").annotate(Map.of("s", Sum.of("bytes").state())),
                "SELECT `protocol`, sumState(`bytes`) AS `s` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.annotate("u", Aggregate.uniq("ip").state()).values("u"),
                "SELECT uniqState(`ip`) AS `u` FROM `hit`");
        assertSql(HITS.values("protocol").annotate("s", Sum.of("bytes").filter("port__gt", 1024).state()),
                "SELECT `protocol`, sumStateIf(`bytes`, `port` > 1024) AS `s` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("n", Count.all().filter("port", 80).state()),
                "SELECT `protocol`, countStateIf(`port` = 80) AS `n` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("n", Count.of("*").state()),
                "SELECT `protocol`, countState(*) AS `n` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("q", Aggregate.quantiles(List.of(0.5, 0.9), "bytes").state()),
                "SELECT `protocol`, quantilesState(0.5, 0.9)(`bytes`) AS `q` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("q", Aggregate.quantile(0.5, "bytes").state()),
                "SELECT `protocol`, quantileState(0.5)(`bytes`) AS `q` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("a", Aggregate.argMax("ip", "timestamp").state()),
                "SELECT `protocol`, argMaxState(`ip`, `timestamp`) AS `a` FROM `hit` GROUP BY `protocol`");
    }

    @Test
    void mergesStayNullOverNoRows() {
        // sumMergeOrNull is refused by ClickHouse (it wants a sumOrNull state); sumMergeIfOrNull(s, 1) is not.
        assertSql(HITS.values("protocol").annotate("b", Sum.of("bytes").merge()),
                "SELECT `protocol`, sumMergeIfOrNull(`bytes`, 1) AS `b` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("u", Aggregate.uniqMerge("ip")),
                "SELECT `protocol`, uniqMerge(`ip`) AS `u` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("u", Aggregate.uniq("ip").merge()),
                "SELECT `protocol`, uniqMerge(`ip`) AS `u` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("q", Aggregate.quantilesMerge(List.of(0.5, 0.9), "bytes")),
                "SELECT `protocol`, quantilesMerge(0.5, 0.9)(`bytes`) AS `q` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("q", Aggregate.quantile(0.9, "bytes").merge()),
                "SELECT `protocol`, quantileMergeIfOrNull(0.9)(`bytes`, 1) AS `q` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("p", Aggregate.argMax("ip", "timestamp").merge("note")),
                "SELECT `protocol`, argMaxMergeIfOrNull(`note`, 1) AS `p` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("n", Count.all().merge("bytes")),
                "SELECT `protocol`, countMerge(`bytes`) AS `n` FROM `hit` GROUP BY `protocol`");
    }

    @Test
    void theStateOfMergedStatesFillsACoarserRollup() {
        assertSql(HITS.values("protocol").annotate("b", Sum.of("bytes").merge().state()),
                "SELECT `protocol`, sumMergeState(`bytes`) AS `b` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("q", Aggregate.quantilesMerge(List.of(0.5), "bytes")
                        .filter("port", 80).state()),
                "SELECT `protocol`, quantilesMergeStateIf(0.5)(`bytes`, `port` = 80) AS `q` FROM `hit` GROUP BY `protocol`");
    }

    @Test
    void mergeFiltersTheStoredRowsAndTakesADefault() {
        assertSql(HITS.values("protocol").annotate("b", Sum.of("bytes").merge().filter("port", 80)),
                "SELECT `protocol`, sumMergeIfOrNull(`bytes`, `port` = 80) AS `b` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.values("protocol").annotate("n", Count.of("bytes").merge().filter("port", 80)),
                "SELECT `protocol`, countMergeIf(`bytes`, `port` = 80) AS `n` FROM `hit` GROUP BY `protocol`");
        assertSql(HITS.filter("port", 80).annotate("b", Sum.of("bytes").merge().defaultValue(0)).values("b"),
                "SELECT coalesce(sumMergeIfOrNull(`bytes`, 1), 0) AS `b` FROM `hit` WHERE `port` = 80");
    }

    @Test
    void statesHaveTheirAggregateFunctionType() {
        List<SelectText.Column> columns = HITS.values("protocol")
                .annotate("u", Aggregate.uniq("protocol").state())
                .annotate("n", Count.all().filter("port", 80).state())
                .annotate("rows", Count.of("*").state())
                .annotate("q", Aggregate.quantiles(List.of(0.5, 0.9), "port").state())
                .annotate("p", Aggregate.argMax("port", "timestamp").state())
                .annotate("x", Aggregate.uniq("*").state())
                .asSelect().columns();
        assertThat(columns).containsExactly(
                new SelectText.Column("protocol", DataType.lowCardinality(DataType.string())),
                // LowCardinality is not part of a state's argument types: ClickHouse aggregates the plain values.
                new SelectText.Column("u", DataType.aggregateFunction("uniq", DataType.string())),
                new SelectText.Column("n", DataType.aggregateFunction("count")),
                new SelectText.Column("rows", DataType.aggregateFunction("count")),
                new SelectText.Column("q", DataType.aggregateFunction("quantiles(0.5, 0.9)", DataType.uint16())),
                new SelectText.Column("p", DataType.aggregateFunction("argMax", DataType.uint16(),
                        DataType.dateTime64(6, "UTC"))),
                new SelectText.Column("x", null));
    }

    @Test
    void misuseIsRefusedWithTheFix() {
        assertThatThrownBy(() -> Sum.of("bytes").state().merge()).isInstanceOf(QueryException.class)
                .hasMessage("Cannot merge sum(bytes): it is already a state (sumState). Call merge() on the plain"
                        + " aggregate, such as Sum.of(\"hits\").merge().");
        assertThatThrownBy(() -> Sum.of("bytes").state().state()).isInstanceOf(QueryException.class)
                .hasMessage("Cannot take the state of sum(bytes): it is already a state (sumState). Call"
                        + " state() on the plain aggregate, such as Sum.of(\"hits\").state().");
        assertThatThrownBy(() -> Sum.of("bytes").merge().state().merge()).isInstanceOf(QueryException.class)
                .hasMessage("Cannot merge sum(bytes): it is already a state (sumMergeState). Call merge() on the plain"
                        + " aggregate, such as Sum.of(\"hits\").merge().");
        assertThatThrownBy(() -> Sum.of("bytes").merge().merge()).isInstanceOf(QueryException.class)
                .hasMessage("Cannot merge sum(bytes): it is already a merge (sumMergeIfOrNull). Call merge() on the"
                        + " plain aggregate, such as Sum.of(\"hits\").merge().");
        assertThatThrownBy(() -> Sum.of("bytes").merge().defaultValue(0).state()).isInstanceOf(QueryException.class)
                .hasMessage("Cannot take the state of sum(bytes) with a defaultValue: a state has no value to replace."
                        + " Give the defaultValue to the merge that reads it back.");
        assertThatThrownBy(() -> Aggregate.argMax("ip", "timestamp").merge()).isInstanceOf(QueryException.class)
                .hasMessage("Cannot merge argMax(ip, timestamp): a merge reads one column of states and this aggregate"
                        + " has 2 arguments. Name the state column: argMax(...).merge(\"column\").");
        assertThatThrownBy(() -> Count.all().merge()).isInstanceOf(QueryException.class)
                .hasMessage("Cannot merge count(): a merge reads one column of states and this aggregate has 0"
                        + " arguments. Name the state column: count(...).merge(\"column\").");
        assertThatThrownBy(() -> Avg.of("port").defaultValue(0).state()).isInstanceOf(QueryException.class)
                .hasMessage("Cannot take the state of avg(port) with a defaultValue: a state has no value to replace."
                        + " Give the defaultValue to the merge that reads it back.");
        assertThatThrownBy(() -> Avg.of("port").state().defaultValue(0)).isInstanceOf(QueryException.class)
                .hasMessage("Cannot give avg(port) a defaultValue: a state has no value to replace. Give the"
                        + " defaultValue to the merge that reads it back.");
    }
}
