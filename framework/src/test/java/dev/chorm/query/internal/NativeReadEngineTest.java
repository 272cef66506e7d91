package dev.chorm.query.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.db.Database;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.BFloat16;
import dev.chorm.types.annotation.Date;
import dev.chorm.types.annotation.LineString;
import dev.chorm.types.annotation.MultiPolygon;
import dev.chorm.types.annotation.DateTime;
import dev.chorm.types.annotation.DateTime64;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.SimpleAggregateFunction;
import dev.chorm.types.annotation.UInt16;
import dev.chorm.types.annotation.UInt32;
import dev.chorm.types.annotation.UInt8;
import dev.chorm.QueryException;
import dev.chorm.testing.TestEngine;
import dev.chorm.types.geo.Point;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Native read path against the real engine: every (column type, field type) pair it decodes,
 * with edge values, read in many small server blocks (LowCardinality with more distinct values than
 * a UInt8 index holds), gives exactly the objects the JDBC path builds; other shapes keep JDBC.
 */
class NativeReadEngineTest {
    private static final int ROWS = 1_000;
    private static Database db;

    @Table(name = "native_read")
    @MergeTree(orderBy = "id")
    static class Wide {
        public long id;
        public int i32;
        public short i16;
        public byte i8;
        @UInt32 public long u32;
        @UInt16 public int u16;
        @UInt8 public short u8;
        public double f64;
        public float f32;
        public boolean flag;
        public String text = "";
        @LowCardinality public String city = "";
        @LowCardinality @Nullable public String lcNull;
        @Nullable public Long nLong;
        @Nullable public Integer nInt;
        @Nullable public Double nDouble;
        @Nullable public Boolean nBool;
        @Nullable public String nText;
        public Instant micros = Instant.EPOCH;
        @DateTime64(9) public Instant nanos = Instant.EPOCH;
        @DateTime64(3) @Nullable public Instant nMillis;
        @DateTime public Instant seconds = Instant.EPOCH;
        @Date public LocalDate date = LocalDate.EPOCH;
        public LocalDate date32 = LocalDate.EPOCH;
        @Nullable public LocalDate nDate;
        public UUID uuid = new UUID(0, 0);
        @Nullable public UUID nUuid;
    }

    /**
     * SimpleAggregateFunction, BFloat16 and geo columns, whose values travel as their argument's, as half
     * a Float32 and as Tuples and Arrays of Float64.
     */
    @Table(name = "native_simple")
    @MergeTree(orderBy = "id")
    static class Simple {
        public long id;
        @SimpleAggregateFunction("sum") public long hits;
        @SimpleAggregateFunction("max") @Nullable public Integer peak;
        @SimpleAggregateFunction("anyLast") @LowCardinality public String browser = "";
        @SimpleAggregateFunction("anyLast") @LowCardinality @Nullable public String referrer;
        @SimpleAggregateFunction("groupArrayArray") public List<String> tags = List.of();
        @BFloat16 public float bf;
        @BFloat16 @Nullable public Float nBf;
        public Point p = new Point(0, 0);
        @LineString public List<Point> line = List.of();
        @MultiPolygon public List<List<List<Point>>> multi = List.of();
    }

    @BeforeAll
    static void open() {
        String name = TestEngine.freshDatabase("native_read");
        db = Database.open("test", TestEngine.shared().jdbcUrl(name), TestEngine.shared().jdbcProperties(), Map.of());
        db.createTables(Wide.class, Simple.class);
        db.objects(Wide.class).bulkCreate(IntStream.range(0, ROWS).mapToObj(NativeReadEngineTest::row).toList());
        db.objects(Simple.class).bulkCreate(IntStream.range(0, ROWS).mapToObj(NativeReadEngineTest::simple).toList());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Wide row(int i) {
        Wide w = new Wide();
        boolean low = i % 2 == 0;
        w.id = i == 0 ? Long.MIN_VALUE : i == 1 ? Long.MAX_VALUE : i;
        w.i32 = low ? Integer.MIN_VALUE + i : Integer.MAX_VALUE - i;
        w.i16 = low ? Short.MIN_VALUE : Short.MAX_VALUE;
        w.i8 = low ? Byte.MIN_VALUE : Byte.MAX_VALUE;
        w.u32 = low ? 0 : 4_294_967_295L;
        w.u16 = low ? 0 : 65_535;
        w.u8 = (short) (i % 256);
        w.f64 = switch (i % 5) {
            case 0 -> Double.NaN;
            case 1 -> Double.NEGATIVE_INFINITY;
            case 2 -> -0.0;
            case 3 -> Double.MIN_VALUE;
            default -> i / 7.0;
        };
        w.f32 = low ? Float.MAX_VALUE : -Float.MIN_VALUE;
        w.flag = i % 3 == 0;
        w.text = switch (i % 4) {
            case 0 -> "\n\n";
            case 1 -> "a\0b";
            case 2 -> "";
            default -> "é😀 'x' " + i;
        };
        w.city = "city-" + (i % 600);
        w.lcNull = i % 3 == 0 ? null : "v" + (i % 400);
        w.nLong = i % 2 == 0 ? null : (long) -i;
        w.nInt = i % 3 == 0 ? null : i;
        w.nDouble = i % 4 == 0 ? null : i * 1.5;
        w.nBool = i % 5 == 0 ? null : i % 2 == 0;
        w.nText = i % 2 == 0 ? null : "t" + i;
        w.micros = low ? Instant.parse("1900-01-01T00:00:00.000001Z") : Instant.parse("2299-12-31T23:59:59.999999Z");
        w.nanos = low ? Instant.parse("1900-01-01T00:00:00.000000001Z")
                : Instant.parse("2262-04-11T23:47:16.854775807Z");
        w.nMillis = i % 3 == 0 ? null : Instant.parse("1969-12-31T23:59:59.999Z").plusMillis(i);
        w.seconds = low ? Instant.EPOCH : Instant.parse("2106-02-07T06:28:15Z");
        w.date = low ? LocalDate.EPOCH : LocalDate.of(2149, 6, 6);
        w.date32 = low ? LocalDate.of(1900, 1, 1) : LocalDate.of(2299, 12, 31);
        w.nDate = i % 2 == 0 ? null : LocalDate.of(2024, 1, 1).plusDays(i);
        w.uuid = low ? new UUID(-1, -1) : new UUID(i, -i);
        w.nUuid = i % 2 == 0 ? null : new UUID(Long.MIN_VALUE, i);
        return w;
    }

    static Simple simple(int i) {
        Simple s = new Simple();
        s.id = i;
        s.hits = i % 2 == 0 ? Long.MIN_VALUE + i : Long.MAX_VALUE - i;
        s.peak = i % 3 == 0 ? null : -i;
        s.browser = "b" + (i % 300);
        s.referrer = i % 5 == 0 ? null : "r" + (i % 400);
        s.tags = i % 4 == 0 ? List.of() : List.of("t" + i, "");
        s.bf = Float.intBitsToFloat((i * 0x1357) << 16);
        s.nBf = i % 2 == 0 ? null : -s.bf;
        s.p = new Point(-i, i / 3.0);
        s.line = i % 3 == 0 ? List.of() : List.of(s.p, new Point(i, Double.MAX_VALUE));
        s.multi = i % 2 == 0 ? List.of() : List.of(List.of(List.of(s.p, new Point(1, 1), s.p)), List.of());
        return s;
    }

    @Test
    void nativeReadsGiveTheObjectsJdbcGivesInSmallBlocks() {
        assertSameRows(Wide.class, IntStream.range(0, ROWS).mapToObj(NativeReadEngineTest::row)
                .sorted(java.util.Comparator.comparingLong(w -> w.id)).toList());
    }

    @Test
    void simpleAggregateFunctionBFloat16AndGeoColumnsReadNative() {
        assertSameRows(Simple.class, IntStream.range(0, ROWS).mapToObj(NativeReadEngineTest::simple).toList());
    }

    /** Assert that the Native path, the JDBC path and fetch() (Native) read {@code written} (ordered by id) back. */
    private static <T> void assertSameRows(Class<T> model, List<T> written) {
        Query q = Query.of(ModelMeta.of(model));
        SqlCompiler.Compiled c = SqlCompiler.compile(q);
        String sql = c.sql() + " ORDER BY id SETTINGS max_block_size = 100";
        assertThat(NativeModelReads.applies(q.meta(), c)).isTrue();
        List<T> viaNative;
        try (Stream<T> rows = NativeModelReads.stream(db.client(), sql, q.meta(), c)) {
            assertThat(rows).isNotNull();
            viaNative = rows.toList();
        }
        List<T> viaJdbc = new QueryRunner(db.dataSource()).list(sql, q, c, RowShapes.model());
        List<T> viaApi = db.objects(model).orderBy("id").fetch(); // the Native path for this model
        assertThat(viaNative).hasSize(ROWS);
        assertThat(viaJdbc).hasSize(ROWS);
        assertThat(viaApi).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(viaJdbc.get(i)).as("JDBC row %d", i).usingRecursiveComparison()
                    .withEqualsForType(Double::equals, Double.class).withEqualsForType(Float::equals, Float.class)
                    .isEqualTo(written.get(i));
            assertThat(viaNative.get(i)).as("Native row %d", i).usingRecursiveComparison()
                    .withEqualsForType(Double::equals, Double.class).withEqualsForType(Float::equals, Float.class)
                    .isEqualTo(written.get(i));
            assertThat(viaApi.get(i)).as("fetch() row %d", i).usingRecursiveComparison()
                    .withEqualsForType(Double::equals, Double.class).withEqualsForType(Float::equals, Float.class)
                    .isEqualTo(written.get(i));
        }
    }

    @Test
    void aServerErrorNamesTheQueryAndCarriesTheCode() {
        Query q = Query.of(ModelMeta.of(Wide.class));
        SqlCompiler.Compiled c = SqlCompiler.compile(q);
        String sql = c.sql() + " SETTINGS max_rows_to_read = 10";
        assertThatThrownBy(() -> NativeModelReads.stream(db.client(), sql, q.meta(), c))
                .isInstanceOf(QueryException.class)
                .hasMessageStartingWith("ClickHouse rejected: " + sql + "\n")
                .hasMessageContaining("TOO_MANY_ROWS")
                .satisfies(e -> assertThat(((QueryException) e).errorCode()).isEqualTo(158));
    }

    @Test
    void shapesOtherThanPlainFieldsKeepTheJdbcPath() {
        var annotated = db.objects(Wide.class).annotate("next", dev.chorm.query.expr.F.of("i32").plus(1));
        Query q = Query.of(ModelMeta.of(Wide.class)).withAnnotation("next", dev.chorm.query.expr.F.of("i32").plus(1));
        assertThat(NativeModelReads.applies(q.meta(), SqlCompiler.compile(q))).isFalse();
        assertThat(annotated.orderBy("id").limit(2).fetch()).extracting(w -> w.id)
                .containsExactly(Long.MIN_VALUE, 2L);
    }
}
