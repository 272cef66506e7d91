package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.SelectText;
import dev.chorm.model.Table;
import dev.chorm.model.engine.AggregatingMergeTree;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.query.expr.Expression;
import dev.chorm.types.DataType;
import dev.chorm.types.annotation.AggregateFunction;
import dev.chorm.types.annotation.DateTime;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.UInt32;
import dev.chorm.types.annotation.UInt64;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Write aggregate states into an AggregatingMergeTree rollup with {@link QuerySet#insertFrom}, one
 * INSERT ... SELECT per batch of raw rows (so every minute has partial states in several parts), and
 * read them back with merges: the numbers must be those of the same aggregation over the raw rows.
 */
class RollupEngineTest {
    static final int BATCHES = 4;
    static final int ROWS_PER_BATCH = 1000;
    static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
    private static Database db;

    /** A page view, the raw rows. */
    @Table(name = "page_view")
    @MergeTree(orderBy = "ts")
    public static class PageView {
        @DateTime public Instant ts = Instant.EPOCH;
        public String user = "";
        @LowCardinality public String page = "";
        @UInt32 public long latency;
        @UInt64 public long bytes;
        public int batch;
    }

    /** The per-minute rollup: one AggregateFunction state per measure. */
    @Table(name = "page_view_minute")
    @AggregatingMergeTree(orderBy = "minute")
    public static class PageViewMinute {
        @DateTime public Instant minute = Instant.EPOCH;
        @AggregateFunction(function = "count") public long hits;
        @AggregateFunction(function = "uniqExact", args = "String") public long visitors;
        @AggregateFunction(function = "uniq", args = "String") public long approxVisitors;
        @AggregateFunction(function = "sum", args = "UInt64") public long totalBytes;
        @AggregateFunction(function = "sum", args = "UInt64") public long homeBytes;
        @AggregateFunction(function = "quantiles(0.5, 0.9)", args = "UInt32") public List<Double> latencyQ;
        @AggregateFunction(function = "avg", args = "UInt32") public double avgLatency;
        @AggregateFunction(function = "min", args = "UInt32") public long minLatency;
        @AggregateFunction(function = "max", args = "UInt32") public long maxLatency;
        @AggregateFunction(function = "argMax", args = {"String", "DateTime('UTC')"}) public String lastPage;
    }

    /** The same rollup, filled by a materialized view. */
    @Table(name = "page_view_minute_mv")
    @AggregatingMergeTree(orderBy = "minute")
    public static class ViewedMinute extends PageViewMinute {
    }

    /** An hourly rollup filled from the per-minute one. */
    @Table(name = "page_view_hour")
    @AggregatingMergeTree(orderBy = "hour")
    public static class PageViewHour {
        @DateTime public Instant hour = Instant.EPOCH;
        @AggregateFunction(function = "count") public long hits;
        @AggregateFunction(function = "uniqExact", args = "String") public long visitors;
        @AggregateFunction(function = "quantiles(0.5, 0.9)", args = "UInt32") public List<Double> latencyQ;
    }

    @BeforeAll
    static void fill() {
        db = EngineSupport.open("rollup");
        db.createTables(PageView.class, PageViewMinute.class, ViewedMinute.class, PageViewHour.class);
        // The same states written by a materialized view whose query is the QuerySet's embeddable SELECT.
        db.execute("CREATE MATERIALIZED VIEW page_view_minute_view TO page_view_minute_mv AS "
                + states(QuerySet.of(PageView.class)).asSelect().sql());
        Random random = new Random(11);
        for (int b = 0; b < BATCHES; b++) {
            List<PageView> rows = new ArrayList<>();
            for (int i = 0; i < ROWS_PER_BATCH; i++) {
                PageView v = new PageView();
                // Batches interleave second by second: each minute gets rows (and states) from every batch.
                v.ts = START.plusSeconds((long) i * BATCHES + b);
                v.user = "u" + random.nextInt(300);
                v.page = List.of("/", "/a", "/b", "/c").get(random.nextInt(4));
                v.latency = random.nextInt(5000);
                v.bytes = random.nextInt(100_000);
                v.batch = b;
                rows.add(v);
            }
            db.objects(PageView.class).bulkCreate(rows);
            long written = db.objects(PageViewMinute.class).insertFrom(states(db.objects(PageView.class).filter("batch", b)));
            assertThat(written).isBetween(60L, 70L);
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Return the rollup's states of {@code raw}, per minute: the query a materialized view would run. */
    static QuerySet<Map<String, Object>> states(QuerySet<PageView> raw) {
        return raw.annotate("minute", Func.toStartOfMinute("ts")).values("minute")
                .annotate("hits", Count.all().state())
                .annotate("visitors", Aggregate.uniqExact("user").state())
                .annotate("approx_visitors", Aggregate.uniq("user").state())
                .annotate("total_bytes", Sum.of("bytes").state())
                .annotate("home_bytes", Sum.of("bytes").filter("page", "/").state())
                .annotate("latency_q", Aggregate.quantiles(List.of(0.5, 0.9), "latency").state())
                .annotate("avg_latency", Avg.of("latency").state())
                .annotate("min_latency", Min.of("latency").state())
                .annotate("max_latency", Max.of("latency").state())
                .annotate("last_page", Aggregate.argMax("page", "ts").state());
    }

    /** Return the measures computed from the raw rows. */
    static Map<String, Expression> rawMeasures() {
        Map<String, Expression> m = new LinkedHashMap<>();
        m.put("hits", Count.all());
        m.put("visitors", Aggregate.uniqExact("user"));
        m.put("approx_visitors", Aggregate.uniq("user"));
        m.put("total_bytes", Sum.of("bytes"));
        m.put("home_bytes", Sum.of("bytes").filter("page", "/"));
        m.put("latency_q", Aggregate.quantiles(List.of(0.5, 0.9), "latency"));
        m.put("avg_latency", Avg.of("latency"));
        m.put("min_latency", Min.of("latency"));
        m.put("max_latency", Max.of("latency"));
        m.put("last_page", Aggregate.argMax("page", "ts"));
        return m;
    }

    /** Return the same measures merged from the rollup's states; each annotation takes its column's name. */
    static Map<String, Expression> mergedMeasures() {
        Map<String, Expression> m = new LinkedHashMap<>();
        m.put("hits", Count.of("hits").merge());
        m.put("visitors", Aggregate.uniqExactMerge("visitors"));
        m.put("approx_visitors", Aggregate.uniqMerge("approx_visitors"));
        m.put("total_bytes", Sum.of("total_bytes").merge());
        m.put("home_bytes", Sum.of("home_bytes").merge());
        m.put("latency_q", Aggregate.quantilesMerge(List.of(0.5, 0.9), "latency_q"));
        m.put("avg_latency", Avg.of("avg_latency").merge());
        m.put("min_latency", Min.of("min_latency").merge());
        m.put("max_latency", Max.of("max_latency").merge());
        m.put("last_page", Aggregate.argMax("page", "ts").merge("last_page"));
        return m;
    }

    /**
     * Return {@code measures} under new names: aggregate() (as annotate()) refuses a name of a field of
     * the model, so the totals of a rollup are named apart from its columns.
     */
    static Map<String, Expression> totals(Map<String, Expression> measures) {
        Map<String, Expression> m = new LinkedHashMap<>();
        measures.forEach((k, v) -> m.put("all_" + k, v));
        return m;
    }

    static QuerySet<Map<String, Object>> perMinute(QuerySet<Map<String, Object>> q, Map<String, Expression> measures) {
        for (Map.Entry<String, Expression> e : measures.entrySet()) {
            q = q.annotate(e.getKey(), e.getValue());
        }
        return q.orderBy("minute");
    }

    @Test
    void theStatesHaveTheRollupColumnTypes() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        for (ModelField f : ModelMeta.of(PageViewMinute.class).fields()) {
            columns.put(f.columnName(), f.column().type());
        }
        Map<String, DataType> selected = new LinkedHashMap<>();
        states(QuerySet.of(PageView.class)).asSelect().columns().forEach(c -> selected.put(c.name(), c.type()));
        // toStartOfMinute has no type chorm knows; every state has its column's.
        columns.put("minute", null);
        assertThat(selected).isEqualTo(columns);
        Map<String, DataType> merged = new LinkedHashMap<>();
        perMinute(QuerySet.of(PageViewMinute.class).values("minute"), mergedMeasures()).asSelect().columns()
                .forEach(c -> merged.put(c.name(), c.type()));
        assertThat(merged.get("total_bytes")).isEqualTo(DataType.nullable(DataType.uint64()));
        assertThat(merged.get("latency_q")).isEqualTo(DataType.array(DataType.float64()));
        assertThat(merged.get("hits")).isEqualTo(DataType.uint64());
        assertThat(merged.get("last_page")).isEqualTo(DataType.nullable(DataType.string()));
        // The engine gives the same types.
        assertEngineTypes(perMinute(QuerySet.of(PageViewMinute.class).values("minute"), mergedMeasures()).asSelect());
    }

    /** coalesce(merge, default) is never NULL: a merge with a default has the merged type without Nullable. */
    @Test
    void aMergeWithADefaultHasTheMergedTypeWithoutNullable() {
        Map<String, Expression> defaulted = new LinkedHashMap<>();
        defaulted.put("total_bytes", Sum.of("total_bytes").merge().defaultValue(0));
        defaulted.put("avg_latency", Avg.of("avg_latency").merge().defaultValue(0.0));
        defaulted.put("last_page", Aggregate.argMax("page", "ts").merge("last_page").defaultValue(""));
        SelectText select = perMinute(QuerySet.of(PageViewMinute.class).values("minute"), defaulted).asSelect();
        assertThat(select.columns()).extracting(SelectText.Column::type)
                .containsExactly(DataType.parse("DateTime('UTC')"), DataType.uint64(), DataType.float64(), DataType.string());
        assertEngineTypes(select);
    }

    /** Check that each column of {@code select} whose type chorm tells has that type on the engine ({@code toTypeName}). */
    private static void assertEngineTypes(SelectText select) {
        List<Map<String, Object>> typed = db.query("SELECT " + String.join(", ", select.columns().stream()
                .map(c -> "toTypeName(" + c.name() + ") AS " + c.name()).toList()) + " FROM (" + select.sql() + ") LIMIT 1");
        assertThat(typed).hasSize(1);
        for (SelectText.Column c : select.columns()) {
            if (c.type() != null) {
                assertThat(DataType.parse((String) typed.get(0).get(c.name()))).as(c.name()).isEqualTo(c.type());
            }
        }
    }

    @Test
    void mergedMinutesEqualTheRawAggregation() {
        List<Map<String, Object>> raw = perMinute(db.objects(PageView.class)
                .annotate("minute", Func.toStartOfMinute("ts")).values("minute"), rawMeasures()).fetch();
        List<Map<String, Object>> merged = perMinute(db.objects(PageViewMinute.class).values("minute"),
                mergedMeasures()).fetch();
        assertThat(raw).hasSize((BATCHES * ROWS_PER_BATCH + 59) / 60);
        assertThat(merged).isEqualTo(raw);
        assertThat(perMinute(db.objects(ViewedMinute.class).values("minute"), mergedMeasures()).fetch()).isEqualTo(raw);
        // Each minute's states are spread over one part per batch, not yet merged by the table.
        assertThat(db.objects(PageViewMinute.class).count()).isGreaterThan(raw.size());
    }

    @Test
    void anHourlyRollupMadeFromMergedStatesEqualsTheRawHours() {
        long written = db.objects(PageViewHour.class).insertFrom(db.objects(PageViewMinute.class)
                .annotate("hour", Func.toStartOfHour("minute")).values("hour")
                .annotate("hits", Count.of("hits").merge().state())
                .annotate("visitors", Aggregate.uniqExactMerge("visitors").state())
                .annotate("latency_q", Aggregate.quantilesMerge(List.of(0.5, 0.9), "latency_q").state()));
        List<Map<String, Object>> raw = db.objects(PageView.class).annotate("hour", Func.toStartOfHour("ts"))
                .values("hour").annotate("hits", Count.all()).annotate("visitors", Aggregate.uniqExact("user"))
                .annotate("latency_q", Aggregate.quantiles(List.of(0.5, 0.9), "latency")).orderBy("hour").fetch();
        assertThat(written).isEqualTo(raw.size()).isGreaterThan(1);
        assertThat(db.objects(PageViewHour.class).values("hour").annotate("hits", Count.of("hits").merge())
                .annotate("visitors", Aggregate.uniqExactMerge("visitors"))
                .annotate("latency_q", Aggregate.quantilesMerge(List.of(0.5, 0.9), "latency_q")).orderBy("hour").fetch())
                .isEqualTo(raw);
    }

    @Test
    void mergedTotalsEqualTheRawTotals() {
        Map<String, Object> raw = db.objects(PageView.class).aggregate(totals(rawMeasures()));
        assertThat(raw.get("all_hits")).isEqualTo((long) BATCHES * ROWS_PER_BATCH);
        assertThat(db.objects(PageViewMinute.class).aggregate(totals(mergedMeasures()))).isEqualTo(raw);
    }

    @Test
    void filtersPickTheStoredRowsOrTheMergedOnes() {
        Instant half = START.plusSeconds(60L * 30);
        assertThat(db.objects(PageViewMinute.class).filter("minute__lt", half).aggregate(totals(mergedMeasures())))
                .isEqualTo(db.objects(PageView.class).filter("ts__lt", half).aggregate(totals(rawMeasures())));
        Map<String, Object> both = db.objects(PageViewMinute.class).aggregate(Map.of(
                "early", Sum.of("total_bytes").merge().filter("minute__lt", half),
                "users", Aggregate.uniqExact("visitors").merge().filter("minute__gte", half)));
        assertThat(both).isEqualTo(db.objects(PageView.class).aggregate(Map.of(
                "early", Sum.of("bytes").filter("ts__lt", half), "users", Aggregate.uniqExact("user").filter("ts__gte", half))));
    }

    /** A filtered merge's state (countMergeStateIf, quantilesMergeStateIf) holds the matching stored rows' states only. */
    @Test
    void aFilteredMergeStateHoldsTheMatchingStoredRowsOnly() {
        Instant half = START.plusSeconds(60L * 30);
        Map<String, Object> merged = db.objects(PageViewMinute.class).aggregate(Map.of(
                "early_hits", Func.of("finalizeAggregation", Count.of("hits").merge().filter("minute__lt", half).state()),
                "early_q", Func.of("finalizeAggregation", Aggregate.quantilesMerge(List.of(0.5, 0.9), "latency_q")
                        .filter("minute__lt", half).state())));
        assertThat(merged).isEqualTo(db.objects(PageView.class).filter("ts__lt", half).aggregate(Map.of(
                "early_hits", Count.all(), "early_q", Aggregate.quantiles(List.of(0.5, 0.9), "latency"))));
        assertThat(merged.get("early_hits")).isEqualTo(30L * 60); // one raw row per second
    }

    @Test
    void overNoRowsAMergeIsNullLikeTheAggregate() {
        Map<String, Object> none = db.objects(PageViewMinute.class).filter("minute__lt", START)
                .aggregate(Map.of("sum", Sum.of("total_bytes").merge(), "count", Count.of("hits").merge(),
                        "zero", Sum.of("total_bytes").merge().defaultValue(0)));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("sum", null);
        expected.put("count", 0L);
        expected.put("zero", 0L);
        assertThat(none).isEqualTo(expected);
    }
}
