package dev.chorm.query.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.query.expr.F;
import dev.chorm.testing.TestEngine;
import dev.chorm.types.annotation.Decimal;
import dev.chorm.types.annotation.Enum16;
import dev.chorm.types.annotation.Enum8;
import dev.chorm.types.annotation.EnumLabel;
import dev.chorm.types.annotation.EnumValue;
import dev.chorm.types.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * values(), valuesList() and into() through the Native path, and the types it decodes beyond the
 * plain scalars (Enum8/Enum16 into Java enums, labels and values, Decimal of every width into
 * BigDecimal, Arrays of the decodable types, nested and with nulls), against the real engine in small
 * server blocks: each read gives exactly what the JDBC path gives and what was written.
 */
class NativeValuesEngineTest {
    private static final int ROWS = 300;
    private static Database db;

    enum Fruit { @EnumValue(-128) BANANA, @EnumValue(value = 127, label = "pear 'P'") PEAR, @EnumValue(0) APPLE }

    enum Level { @EnumValue(-32768) LOW, @EnumValue(0) MID, @EnumValue(value = 32767, label = "high") HIGH }

    @Table(name = "native_values")
    @MergeTree(orderBy = "id")
    static class Typed {
        public long id;
        public String text = "";
        public Instant at = Instant.EPOCH;
        public LocalDate day = LocalDate.EPOCH;
        @Nullable public Long maybe;
        public Fruit fruit = Fruit.APPLE;
        public Level level = Level.MID;
        @Nullable public Fruit maybeFruit;
        @Enum8({@EnumLabel(name = "banana", value = 1), @EnumLabel(name = "pear", value = 2)}) public String label = "banana";
        @Enum16({@EnumLabel(name = "x", value = -300), @EnumLabel(name = "y", value = 300)}) public int value = -300;
        @Decimal(precision = 9, scale = 2) public BigDecimal d9 = BigDecimal.ZERO.setScale(2);
        @Decimal(precision = 18, scale = 4) public BigDecimal d18 = BigDecimal.ZERO.setScale(4);
        @Decimal(precision = 38, scale = 10) public BigDecimal d38 = BigDecimal.ZERO.setScale(10);
        @Decimal(precision = 76, scale = 20) public BigDecimal d76 = BigDecimal.ZERO.setScale(20);
        @Nullable @Decimal(precision = 20, scale = 3) public BigDecimal maybeDec;
        public List<Integer> ints = List.of();
        public List<@Nullable String> strings = List.of();
        public long[] longs = {};
        public List<List<@Nullable Integer>> nested = List.of();
        public List<Fruit> fruits = List.of();
        public List<Instant> times = List.of();
    }

    record Picked(long id, Fruit fruit, BigDecimal d38, List<Integer> ints) { }

    @BeforeAll
    static void open() {
        String name = TestEngine.freshDatabase("native_values");
        db = Database.open("test", TestEngine.shared().jdbcUrl(name), TestEngine.shared().jdbcProperties(), Map.of());
        db.createTables(Typed.class);
        db.objects(Typed.class).bulkCreate(IntStream.range(0, ROWS).mapToObj(NativeValuesEngineTest::row).toList());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Typed row(int i) {
        Typed t = new Typed();
        boolean low = i % 2 == 0;
        t.id = i;
        t.text = i % 3 == 0 ? "\n\n" : "a\0é😀" + i;
        t.at = Instant.ofEpochSecond(1_700_000_000L + i, i * 1000L);
        t.day = LocalDate.of(2024, 1, 1).plusDays(i);
        t.maybe = i % 4 == 0 ? null : (long) -i;
        t.fruit = Fruit.values()[i % 3];
        t.level = Level.values()[i % 3];
        t.maybeFruit = i % 4 == 1 ? null : Fruit.values()[(i + 1) % 3];
        t.label = low ? "banana" : "pear";
        t.value = low ? -300 : 300;
        if (i % 5 == 0) {
            t.d9 = new BigDecimal(low ? "-9999999.99" : "9999999.99");
            t.d18 = new BigDecimal((low ? "-" : "") + "99999999999999.9999");
            t.d38 = new BigDecimal((low ? "-" : "") + "9".repeat(28) + "." + "9".repeat(10));
            t.d76 = new BigDecimal((low ? "-" : "") + "9".repeat(56) + "." + "9".repeat(20));
        } else {
            t.d9 = BigDecimal.valueOf(i * 101L - 15_000, 2);
            t.d18 = BigDecimal.valueOf(-i * 1_000_003L, 4);
            t.d38 = new BigDecimal(java.math.BigInteger.valueOf(i).shiftLeft(70).negate(), 10);
            t.d76 = new BigDecimal(java.math.BigInteger.valueOf(i + 1).shiftLeft(200), 20);
        }
        t.maybeDec = i % 3 == 0 ? null : BigDecimal.valueOf(i * 7L - 1000, 3);
        t.ints = i % 6 == 0 ? List.of() : List.of(Integer.MIN_VALUE, i, Integer.MAX_VALUE);
        t.strings = i % 4 == 0 ? List.of() : Arrays.asList("", null, "\n" + i);
        t.longs = i % 5 == 0 ? new long[0] : new long[] {Long.MIN_VALUE, i, Long.MAX_VALUE};
        t.nested = i % 7 == 0 ? List.of() : List.of(List.of(), Arrays.asList(null, i), List.of(-i));
        t.fruits = i % 2 == 0 ? List.of(Fruit.PEAR, Fruit.BANANA) : List.of();
        t.times = List.of(Instant.ofEpochSecond(i, 999_999_000L));
        return t;
    }

    private static List<Typed> written() {
        return IntStream.range(0, ROWS).mapToObj(NativeValuesEngineTest::row).sorted(Comparator.comparingLong(t -> t.id))
                .toList();
    }

    /** Return the rows of {@code shape} over all fields, via the Native path (which must apply) and via JDBC. */
    private static <R> List<List<R>> both(RowShape<R> shape, String... paths) {
        Query q = Query.of(ModelMeta.of(Typed.class)).withValues(List.of(paths));
        SqlCompiler.Compiled c = SqlCompiler.compile(q);
        String sql = c.sql() + " ORDER BY id SETTINGS max_block_size = 7";
        assertThat(NativeModelReads.applies(q.meta(), c, shape)).as("Native applies").isTrue();
        List<R> viaNative;
        try (Stream<R> rows = NativeModelReads.stream(db.client(), sql, q.meta(), c, shape)) {
            assertThat(rows).isNotNull();
            viaNative = rows.toList();
        }
        List<R> viaJdbc = new QueryRunner(db.dataSource()).list(sql, q, c, shape);
        return List.of(viaNative, viaJdbc);
    }

    @Test
    void valuesGiveWhatJdbcGivesAndWhatWasWritten() throws Exception {
        List<List<Map<String, Object>>> both = both(RowShapes.map());
        List<Map<String, Object>> viaApi = db.objects(Typed.class).orderBy("id").values().fetch();
        List<Typed> written = written();
        ModelMeta meta = ModelMeta.of(Typed.class);
        for (List<Map<String, Object>> rows : List.of(both.get(0), both.get(1), viaApi)) {
            assertThat(rows).hasSize(ROWS);
            for (int i = 0; i < ROWS; i++) {
                Map<String, Object> row = rows.get(i);
                assertThat(row.keySet()).containsExactlyElementsOf(meta.fields().stream()
                        .map(dev.chorm.model.ModelField::javaName).toList());
                for (var f : meta.fields()) {
                    assertThat(row.get(f.javaName())).as("row %d, %s", i, f.javaName()).usingRecursiveComparison()
                            .isEqualTo(f.get(written.get(i)));
                }
            }
        }
        assertThat(both.get(0)).usingRecursiveComparison().isEqualTo(both.get(1));
    }

    @Test
    void valuesListFlatListsAndIntoGiveWhatJdbcGives() {
        List<List<List<Object>>> lists = both(RowShapes.list(), "id", "level", "d76", "nested", "maybeFruit");
        assertThat(lists.get(0)).hasSize(ROWS).usingRecursiveComparison().isEqualTo(lists.get(1));
        assertThat(lists.get(0).get(4)).usingRecursiveComparison().isEqualTo(List.of(4L, Level.MID,
                written().get(4).d76, List.of(List.of(), Arrays.asList(null, 4), List.of(-4)), Fruit.APPLE));

        List<List<BigDecimal>> flat = both(RowShapes.single(BigDecimal.class), "maybeDec");
        assertThat(flat.get(0)).hasSize(ROWS).isEqualTo(flat.get(1))
                .isEqualTo(written().stream().map(t -> t.maybeDec).toList());

        List<List<Picked>> picked = both(RowShapes.into(Picked.class), "id", "fruit", "d38", "ints");
        assertThat(picked.get(0)).hasSize(ROWS).isEqualTo(picked.get(1));
        assertThat(db.objects(Typed.class).orderBy("id").values("id", "fruit", "d38", "ints").into(Picked.class).fetch())
                .isEqualTo(picked.get(0));
        assertThat(db.objects(Typed.class).orderBy("id").valuesList("fruits", List.class).fetch())
                .isEqualTo(written().stream().map(t -> t.fruits).toList());
    }

    @Test
    void modelObjectsWithEnumsDecimalsAndArraysComeThroughNative() {
        Query q = Query.of(ModelMeta.of(Typed.class));
        SqlCompiler.Compiled c = SqlCompiler.compile(q);
        String sql = c.sql() + " ORDER BY id SETTINGS max_block_size = 7";
        assertThat(NativeModelReads.applies(q.meta(), c)).isTrue();
        List<Typed> viaNative;
        try (Stream<Typed> rows = NativeModelReads.stream(db.client(), sql, q.meta(), c)) {
            viaNative = rows.toList();
        }
        List<Typed> viaJdbc = new QueryRunner(db.dataSource()).list(sql, q, c, RowShapes.model());
        List<Typed> viaApi = db.objects(Typed.class).orderBy("id").fetch();
        List<Typed> written = written();
        for (List<Typed> rows : List.of(viaNative, viaJdbc, viaApi)) {
            assertThat(rows).hasSize(ROWS);
            for (int i = 0; i < ROWS; i++) {
                assertThat(rows.get(i)).as("row %d", i).usingRecursiveComparison().isEqualTo(written.get(i));
            }
        }
    }

    @Test
    void valuesWithAnExpressionKeepTheJdbcPath() {
        Query q = Query.of(ModelMeta.of(Typed.class)).withValues(List.of("id")).withAnnotation("next", F.of("id").plus(1));
        assertThat(NativeModelReads.applies(q.meta(), SqlCompiler.compile(q), RowShapes.map())).isFalse();
        List<Map<String, Object>> rows = db.objects(Typed.class).orderBy("id").limit(2).values("id")
                .annotate("next", F.of("id").plus(1)).fetch();
        assertThat(rows).extracting(r -> r.get("next")).containsExactly(1L, 2L);
        List<Object> kept = new ArrayList<>(rows.stream().map(r -> r.get("id")).toList());
        assertThat(kept).containsExactly(0L, 1L);
    }
}
