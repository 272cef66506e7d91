package dev.chorm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import dev.chorm.db.Database;
import dev.chorm.query.fixtures.GeoOnly;
import dev.chorm.query.fixtures.ShapeTypes;
import dev.chorm.query.fixtures.VariantTypes;
import dev.chorm.types.geo.Point;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BFloat16, Time/Time64, the geo types, Nested, Variant and Dynamic through the ORM and the real engine:
 * DDL, introspection, bulkCreate (Native or RowBinary) and fetch/values with edge values.
 */
class NewTypesEngineTest {
    private static final Duration TIME_MAX = Duration.ofSeconds(999 * 3600 + 59 * 60 + 59);
    private static Database db;

    /** Times inside SimpleAggregateFunction columns, read back through the same Time text as plain ones. */
    @dev.chorm.model.engine.MergeTree(orderBy = "row")
    public static class SimpleTimes {
        public int row;
        @dev.chorm.types.annotation.SimpleAggregateFunction("min") @dev.chorm.types.annotation.Time public Duration t;
        @dev.chorm.types.annotation.SimpleAggregateFunction("max") @dev.chorm.types.annotation.Nullable
        @dev.chorm.types.annotation.Time64(3) public Duration t3;
    }

    @BeforeAll
    static void open() {
        db = EngineSupport.open("newtypes");
        db.createTables(ShapeTypes.class, VariantTypes.class, GeoOnly.class, SimpleTimes.class);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void liveTablesMatchTheModels() {
        assertThat(db.compareTable(ShapeTypes.class).differences()).isEmpty();
        assertThat(db.compareTable(VariantTypes.class).differences()).isEmpty();
        assertThat(db.compareTable(GeoOnly.class).differences()).isEmpty();
        // Nested stays one column (chorm creates it with flatten_nested = 0).
        assertThat(db.query("SELECT type FROM system.columns WHERE database = currentDatabase() AND table = 'shape_types'"
                + " AND name LIKE 'items%'")).containsExactly(Map.of("type", "Nested(sku String, qty Nullable(Int32))"));
    }

    @Test
    void anAddedNestedColumnStaysOneColumn() {
        dev.chorm.model.TableSpec table = dev.chorm.model.ModelMeta.of(GeoOnly.class).table();
        db.schemaEditor().addColumn(table, dev.chorm.model.ColumnSpec.builder("extra",
                dev.chorm.types.DataType.parse("Nested(a String, b UInt8)")).build());
        try {
            assertThat(db.query("SELECT name, type FROM system.columns WHERE database = currentDatabase()"
                    + " AND table = 'geo_only' AND name LIKE 'extra%'"))
                    .containsExactly(Map.of("name", "extra", "type", "Nested(a String, b UInt8)"));
        } finally {
            db.schemaEditor().dropColumn(table, "extra");
        }
    }

    private static List<Point> square(double lo, double hi) {
        return List.of(new Point(lo, lo), new Point(hi, lo), new Point(hi, hi), new Point(lo, hi), new Point(lo, lo));
    }

    static List<ShapeTypes> shapeRows() {
        ShapeTypes min = new ShapeTypes();
        min.row = 0;
        min.bf = Float.intBitsToFloat(0xFF7F0000);
        min.t = TIME_MAX.negated();
        min.t3 = TIME_MAX.plusMillis(999).negated();
        min.tod = LocalTime.MIN;
        min.p = new Point(-Double.MAX_VALUE, Double.MIN_VALUE);
        ShapeTypes max = new ShapeTypes();
        max.row = 1;
        max.bf = Float.NaN;
        max.bfNull = Float.POSITIVE_INFINITY;
        max.t = TIME_MAX;
        max.t3 = TIME_MAX.plusMillis(999);
        max.t9 = TIME_MAX.plusNanos(999_999_999);
        max.tod = LocalTime.of(23, 59, 59);
        max.times = List.of(Duration.ofMillis(-1500), Duration.ofHours(100), Duration.ZERO, Duration.ofNanos(1000));
        max.p = new Point(1.5, -2.5);
        max.ring = square(0, 1);
        max.line = List.of(new Point(0, 0), new Point(1, 1));
        max.lines = List.of(List.of(new Point(0, 0), new Point(2, 2)), List.of());
        max.poly = List.of(square(0, 10), square(2, 3), square(5, 6));
        max.multi = List.of(List.of(square(0, 10), square(2, 3)), List.of(square(20, 30)), List.of());
        max.items = List.of(new ShapeTypes.Item("a", 1), new ShapeTypes.Item("", null));
        ShapeTypes other = new ShapeTypes();
        other.row = 2;
        other.bf = Float.NEGATIVE_INFINITY;
        other.bfNull = -0.0f;
        other.t = Duration.ZERO;
        other.t3 = Duration.ofMillis(-1);
        other.t9 = Duration.ofNanos(-1);
        other.tod = LocalTime.of(12, 34, 56);
        other.p = new Point(0, 0);
        other.items = List.of(new ShapeTypes.Item("only", Integer.MIN_VALUE));
        return List.of(min, max, other);
    }

    @Test
    void shapeTypesRoundTripThroughBulkCreateAndFetch() {
        db.execute("TRUNCATE TABLE shape_types");
        List<ShapeTypes> rows = shapeRows();
        db.objects(ShapeTypes.class).bulkCreate(rows);
        List<ShapeTypes> back = db.objects(ShapeTypes.class).orderBy("row").fetch();
        for (int i = 0; i < rows.size(); i++) {
            for (java.lang.reflect.Field f : ShapeTypes.class.getFields()) {
                try {
                    assertThat(f.get(back.get(i))).as("row %d %s", i, f.getName()).isEqualTo(f.get(rows.get(i)));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(Float.floatToRawIntBits(back.get(1).bf)).isEqualTo(Float.floatToRawIntBits(Float.NaN));
        assertThat(Float.floatToRawIntBits(back.get(2).bfNull)).isEqualTo(Float.floatToRawIntBits(-0.0f));
    }

    @Test
    void valuesAndLookupsReadTimesExactly() {
        db.execute("TRUNCATE TABLE shape_types");
        db.objects(ShapeTypes.class).bulkCreate(shapeRows());
        assertThat(db.objects(ShapeTypes.class).filter("row", 0).values("t", "t3", "times").fetch())
                .containsExactly(Map.of("t", TIME_MAX.negated(), "t3", TIME_MAX.plusMillis(999).negated(),
                        "times", List.of()));
        assertThat(db.objects(ShapeTypes.class).filter("t", TIME_MAX).values("row").fetch())
                .containsExactly(Map.of("row", 1));
        assertThat(db.objects(ShapeTypes.class).filter("t3__lt", Duration.ZERO).orderBy("row").values("row").fetch())
                .containsExactly(Map.of("row", 0), Map.of("row", 2));
        // A Duration with a fraction is a toTime64(..., 9) literal, which a Time64 of any precision compares with.
        assertThat(db.objects(ShapeTypes.class).filter("t3", Duration.ofMillis(-1)).values("row").fetch())
                .containsExactly(Map.of("row", 2));
        assertThat(db.objects(ShapeTypes.class).filter("t9", TIME_MAX.plusNanos(999_999_999)).values("row").fetch())
                .containsExactly(Map.of("row", 1));
    }

    @Test
    void extraFractionDigitsAreDroppedAsTheEngineDropsThem() {
        db.execute("TRUNCATE TABLE shape_types");
        ShapeTypes negative = new ShapeTypes();
        negative.row = 0;
        negative.t = Duration.ofMillis(-1500);
        negative.t3 = Duration.ofNanos(-1_239_900_000);
        negative.tod = LocalTime.MIDNIGHT;
        negative.p = new Point(0, 0);
        ShapeTypes positive = new ShapeTypes();
        positive.row = 1;
        positive.t = Duration.ofMillis(1500);
        positive.t3 = Duration.ofNanos(1_239_900_000);
        positive.tod = LocalTime.MIDNIGHT;
        positive.p = new Point(0, 0);
        db.objects(ShapeTypes.class).bulkCreate(List.of(negative, positive));
        // What the engine makes of the same values with extra digits (measured on 26.5: -1.5 s is -00:00:01 and
        // -1.2399 s is -00:00:01.239, towards zero, as a DateTime64 text drops its extra digits).
        assertThat(db.query("SELECT toString(t) AS t, toString(CAST(if(row = 0, -1.5, 1.5) AS Time))"
                + " AS engineT, toString(t3) AS t3, toString(CAST(if(row = 0, '-00:00:01.2399', '00:00:01.2399')"
                + " AS Time64(3))) AS engineT3 FROM shape_types ORDER BY row")).containsExactly(
                Map.of("t", "-00:00:01", "engineT", "-00:00:01", "t3", "-00:00:01.239", "engineT3", "-00:00:01.239"),
                Map.of("t", "00:00:01", "engineT", "00:00:01", "t3", "00:00:01.239", "engineT3", "00:00:01.239"));
    }

    @Test
    void simpleAggregateFunctionTimesReadExactly() {
        SimpleTimes s = new SimpleTimes();
        s.t = TIME_MAX.negated();
        s.t3 = Duration.ofHours(100).plusMillis(250);
        db.objects(SimpleTimes.class).bulkCreate(List.of(s));
        SimpleTimes back = db.objects(SimpleTimes.class).get();
        assertThat(List.of(back.t, back.t3)).containsExactly(s.t, s.t3);
        assertThat(db.objects(SimpleTimes.class).values("t", "t3").fetch()).containsExactly(Map.of("t", s.t, "t3", s.t3));
    }

    @Test
    void outOfRangeTimesAreRefusedNotClamped() {
        ShapeTypes r = shapeRows().get(0);
        r.t = TIME_MAX.plusSeconds(1);
        assertThatThrownBy(() -> db.objects(ShapeTypes.class).bulkCreate(List.of(r)))
                .isInstanceOf(ChormException.class)
                .hasMessageContaining("ShapeTypes.t: Cannot write PT1000H (Duration) as Time: out of range -999:59:59..999:59:59");
    }

    @Test
    void geoAndBFloat16ColumnsReadBackThroughNative() {
        db.execute("TRUNCATE TABLE geo_only");
        GeoOnly g = new GeoOnly();
        g.row = 1;
        g.bf = 1.1;
        g.p = new Point(3, 4);
        g.poly = List.of(square(0, 10), square(2, 3));
        db.objects(GeoOnly.class).bulkCreate(List.of(g));
        GeoOnly back = db.objects(GeoOnly.class).first().orElseThrow();
        // BFloat16 keeps the upper half of the Float32: 1.1 is stored as 1.09375, as ClickHouse's own CAST gives.
        assertThat(back.bf).isEqualTo(1.09375);
        assertThat(db.query("SELECT toFloat64(CAST(1.1 AS BFloat16)) AS x")).containsExactly(Map.of("x", 1.09375));
        assertThat(back.p).isEqualTo(new Point(3, 4));
        assertThat(back.poly).isEqualTo(g.poly);
        assertThat(db.query("SELECT pointInPolygon((2.5, 2.5), poly) AS hole, pointInPolygon((1, 1), poly) AS inside"
                + " FROM geo_only")).containsExactly(Map.of("hole", (short) 0, "inside", (short) 1));
    }

    @Test
    void variantsAndDynamicRoundTripThroughRowBinary() {
        db.execute("TRUNCATE TABLE variant_types");
        List<Object[]> values = List.of(
                new Object[] {"x", "str", 42L},
                new Object[] {42L, 42L, "s"},
                new Object[] {List.of("a", ""), 1.5, true},
                new Object[] {-0.5, true, null},
                new Object[] {null, null, List.of("a", "b")},
                new Object[] {"", LocalDate.of(2299, 12, 31), Arrays.asList(1L, null)},
                new Object[] {List.of(), java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"), -1});
        List<VariantTypes> rows = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            VariantTypes v = new VariantTypes();
            v.row = i;
            v.v = values.get(i)[0];
            v.d = values.get(i)[1];
            v.small = values.get(i)[2];
            rows.add(v);
        }
        db.objects(VariantTypes.class).bulkCreate(rows);
        assertThat(db.query("SELECT variantType(v) AS vt, dynamicType(d) AS dt, dynamicType(small) AS st FROM variant_types"
                + " ORDER BY row")).containsExactly(
                Map.of("vt", "String", "dt", "String", "st", "Int64"),
                Map.of("vt", "UInt64", "dt", "Int64", "st", "String"),
                Map.of("vt", "Array(String)", "dt", "Float64", "st", "Bool"),
                Map.of("vt", "Float64", "dt", "Bool", "st", "None"),
                Map.of("vt", "None", "dt", "None", "st", "Array(String)"),
                Map.of("vt", "String", "dt", "Date32", "st", "Array(Nullable(Int64))"),
                Map.of("vt", "Array(String)", "dt", "UUID", "st", "Int32"));
        List<VariantTypes> back = db.objects(VariantTypes.class).orderBy("row").fetch();
        // Values read as the driver reads the stored type: UInt64 as BigInteger, Arrays as Lists.
        assertThat(back).extracting(r -> r.v).containsExactly("x", BigInteger.valueOf(42), List.of("a", ""), -0.5, null, "",
                List.of());
        assertThat(back).extracting(r -> r.d).containsExactly("str", 42L, 1.5, true, null, LocalDate.of(2299, 12, 31),
                java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"));
        assertThat(back).extracting(r -> r.small).containsExactly(42L, "s", true, null, List.of("a", "b"),
                Arrays.asList(1L, null), -1);
    }

    @Test
    void concurrentInsertsShareAVariantEncoder() throws Exception {
        db.execute("TRUNCATE TABLE variant_types");
        // A UUID is no variant's own class: the encoder tries each variant in turn (Array(String) and Float64
        // refuse it, String takes its text), so every row goes through a trial encode of 37 bytes.
        int threads = 4;
        int perThread = 20_000;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> inserts = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * perThread;
                inserts.add(pool.submit(() -> {
                    List<VariantTypes> rows = new java.util.ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        VariantTypes v = new VariantTypes();
                        v.row = first + i;
                        v.v = new java.util.UUID(0, i % 2);
                        rows.add(v);
                    }
                    db.objects(VariantTypes.class).bulkCreate(rows);
                }));
            }
            for (java.util.concurrent.Future<?> f : inserts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(db.query("SELECT variantType(v) AS vt, v.String AS s, count() AS n FROM variant_types"
                + " GROUP BY vt, s ORDER BY s")).containsExactly(
                Map.of("vt", "String", "s", "00000000-0000-0000-0000-000000000000", "n",
                        BigInteger.valueOf(threads * perThread / 2)),
                Map.of("vt", "String", "s", "00000000-0000-0000-0000-000000000001", "n",
                        BigInteger.valueOf(threads * perThread / 2)));
    }

    @Test
    void aDynamicValueOfAnUnsupportedClassIsRefused() {
        VariantTypes v = new VariantTypes();
        v.d = new StringBuilder("x").append('y') instanceof CharSequence ? Map.of("k", 1) : null;
        assertThatThrownBy(() -> db.objects(VariantTypes.class).bulkCreate(List.of(v)))
                .isInstanceOf(ChormException.class)
                .hasMessageContaining("VariantTypes.d: Cannot write {k=1} (Map) as Dynamic: a Dynamic value must be a String,"
                        + " number, Boolean, UUID, LocalDate, Instant, BigDecimal or a List of those");
    }
}
