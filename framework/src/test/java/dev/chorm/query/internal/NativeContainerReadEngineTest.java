package dev.chorm.query.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.model.ModelMeta;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.testing.TestEngine;
import dev.chorm.types.DataType;
import dev.chorm.types.annotation.FixedString;
import dev.chorm.types.annotation.Int128;
import dev.chorm.types.annotation.Int256;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.UInt128;
import dev.chorm.types.annotation.UInt256;
import dev.chorm.types.annotation.UInt64;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Native read path for the types that used to fall back to JDBC: UInt64 into long and BigInteger,
 * the 128/256-bit integers, FixedString, IPv4/IPv6, Maps, Tuples into records, Arrays of
 * LowCardinality (with more keys in a block than a UInt8 index holds) and their Nullable forms, with
 * edge values in small server blocks: objects and values() rows are exactly what JDBC gives.
 */
class NativeContainerReadEngineTest {
    private static final int ROWS = 600;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static Database db;

    record Pair(int a, @Nullable String b) { }

    @Table(name = "native_more")
    @MergeTree(orderBy = "id")
    static class More {
        public long id;
        @UInt64 public long u64;
        @UInt64 public BigInteger u64Big = BigInteger.ZERO;
        @Nullable @UInt64 public Long nU64;
        @Int128 public BigInteger i128 = BigInteger.ZERO;
        @Int256 public BigInteger i256 = BigInteger.ZERO;
        @UInt128 public BigInteger u128 = BigInteger.ZERO;
        @UInt256 public BigInteger u256 = BigInteger.ZERO;
        @FixedString(6) public String fixed = "";
        @Nullable @FixedString(3) public String nFixed;
        @LowCardinality @FixedString(2) public String lcFixed = "";
        public Inet4Address ip4;
        public InetAddress ip6;
        @Nullable public Inet4Address nIp4;
        public Map<String, @Nullable Long> counters = Map.of();
        public Map<@LowCardinality String, List<Integer>> lists = Map.of();
        public Pair pair = new Pair(0, null);
        public List<Pair> pairs = List.of();
        public List<@LowCardinality String> tags = List.of();
        public List<@LowCardinality @Nullable String> nTags = List.of();
    }

    /** A field whose element keeps the driver's value (Integer) where Native would give a Long. */
    @SuppressWarnings("unused")
    private List<Object> objects;

    @BeforeAll
    static void open() {
        String name = TestEngine.freshDatabase("native_more");
        db = Database.open("test", TestEngine.shared().jdbcUrl(name), TestEngine.shared().jdbcProperties(), Map.of());
        db.createTables(More.class);
        db.objects(More.class).bulkCreate(IntStream.range(0, ROWS).mapToObj(NativeContainerReadEngineTest::row).toList());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static More row(int i) {
        More m = new More();
        boolean low = i % 2 == 0;
        m.id = i;
        m.u64 = low ? 0 : -1L; // -1: UInt64 18446744073709551615, kept as its 64 bits
        m.u64Big = low ? BigInteger.ZERO : TWO_64.subtract(BigInteger.valueOf(i));
        m.nU64 = i % 3 == 0 ? null : Long.MIN_VALUE + i;
        m.i128 = low ? BigInteger.ONE.shiftLeft(127).negate() : BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
        m.i256 = low ? BigInteger.ONE.shiftLeft(255).negate() : BigInteger.valueOf(-i);
        m.u128 = low ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(128).subtract(BigInteger.valueOf(i));
        m.u256 = low ? BigInteger.valueOf(i) : BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        m.fixed = switch (i % 4) {
            case 0 -> "";
            case 1 -> "a\0b";
            case 2 -> "é😀"; // 6 bytes: the whole width
            default -> "123456";
        };
        m.nFixed = i % 3 == 0 ? null : "x" + (i % 10);
        m.lcFixed = "k" + (i % 7);
        m.ip4 = (Inet4Address) address(low ? "0.0.0.0" : "255.255.255." + (i % 256));
        m.ip6 = address(switch (i % 3) {
            case 0 -> "1.2.3." + (i % 256); // IPv4-mapped: read as an Inet4Address
            case 1 -> "2001:db8::" + Integer.toHexString(i);
            default -> "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
        });
        m.nIp4 = i % 2 == 0 ? null : (Inet4Address) address("10.0.0." + (i % 256));
        Map<String, Long> counters = new LinkedHashMap<>();
        if (i % 5 != 0) {
            counters.put("k" + i, Long.MIN_VALUE + i);
            counters.put("none", null);
            counters.put("", 0L);
        }
        m.counters = counters;
        m.lists = i % 4 == 0 ? Map.of() : Map.of("l" + (i % 9), List.of(), "m", List.of(i, Integer.MIN_VALUE));
        m.pair = new Pair(i, low ? null : "p\n\n" + i);
        m.pairs = i % 3 == 0 ? List.of() : List.of(new Pair(-i, null), new Pair(i, ""));
        // Three new keys a row: a block of 100 rows has more than 256, so its index is UInt16.
        m.tags = i % 7 == 0 ? List.of() : List.of("t" + i, "v" + i, "w" + i, "same");
        m.nTags = i % 4 == 0 ? List.of() : Arrays.asList(null, "n" + (i % 3), null);
        return m;
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void objectsReadThroughNativeAreWhatJdbcGives() {
        Query q = Query.of(ModelMeta.of(More.class));
        SqlCompiler.Compiled c = SqlCompiler.compile(q);
        String sql = c.sql() + " ORDER BY id SETTINGS max_block_size = 100";
        assertThat(NativeModelReads.applies(q.meta(), c)).as("Native applies").isTrue();
        List<More> viaNative;
        try (Stream<More> rows = NativeModelReads.stream(db.client(), sql, q.meta(), c)) {
            assertThat(rows).as("every block decoded").isNotNull();
            viaNative = rows.toList();
        }
        List<More> viaJdbc = new QueryRunner(db.dataSource()).list(sql, q, c, RowShapes.model());
        List<More> written = IntStream.range(0, ROWS).mapToObj(NativeContainerReadEngineTest::row).toList();
        List<More> viaApi = db.objects(More.class).orderBy("id").fetch();
        assertThat(viaNative).hasSize(ROWS);
        assertThat(viaJdbc).hasSize(ROWS);
        assertThat(viaApi).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(viaJdbc.get(i)).as("JDBC row %d", i).usingRecursiveComparison().isEqualTo(written.get(i));
            assertThat(viaNative.get(i)).as("Native row %d", i).usingRecursiveComparison().isEqualTo(viaJdbc.get(i));
            assertThat(viaApi.get(i)).as("fetch() row %d", i).usingRecursiveComparison().isEqualTo(written.get(i));
            assertThat(viaNative.get(i).ip6.getClass()).as("row %d ip6", i).isEqualTo(viaJdbc.get(i).ip6.getClass());
        }
    }

    @Test
    void valuesRowsReadThroughNativeAreWhatJdbcGives() {
        Query q = Query.of(ModelMeta.of(More.class)).withValues(List.of());
        SqlCompiler.Compiled c = SqlCompiler.compile(q);
        String sql = c.sql() + " ORDER BY id SETTINGS max_block_size = 64";
        RowShape<Map<String, Object>> shape = RowShapes.map();
        assertThat(NativeModelReads.applies(q.meta(), c, shape)).as("Native applies").isTrue();
        List<Map<String, Object>> viaNative;
        try (Stream<Map<String, Object>> rows = NativeModelReads.stream(db.client(), sql, q.meta(), c, shape)) {
            assertThat(rows).isNotNull();
            viaNative = rows.toList();
        }
        List<Map<String, Object>> viaJdbc = new QueryRunner(db.dataSource()).list(sql, q, c, shape);
        assertThat(viaNative).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(viaNative.get(i)).as("values() row %d", i).usingRecursiveComparison().isEqualTo(viaJdbc.get(i));
        }
        assertThat(viaNative.get(1).get("u64")).isEqualTo(-1L);
        assertThat(viaNative.get(1).get("u64Big")).isEqualTo(TWO_64.subtract(BigInteger.ONE));
    }

    @Test
    void fieldsKeepingTheDriversValueStayOnJdbc() throws Exception {
        var objectList = NativeContainerReadEngineTest.class.getDeclaredField("objects").getAnnotatedType();
        var pairs = More.class.getField("pairs").getAnnotatedType();
        var lists = More.class.getField("lists").getAnnotatedType();
        assertThat(NativeModelReads.sameValues(DataType.parse("Array(Int32)"), objectList)).isFalse();
        assertThat(NativeModelReads.sameValues(DataType.parse("Array(Tuple(Int32, Nullable(String)))"), pairs)).isTrue();
        assertThat(NativeModelReads.sameValues(DataType.parse("Array(Tuple(Int32, String, String))"), pairs)).isFalse();
        assertThat(NativeModelReads.sameValues(DataType.parse("Map(LowCardinality(String), Array(Int32))"), lists))
                .isTrue();
        assertThat(NativeModelReads.sameValues(DataType.parse("Array(Int32)"), lists)).isFalse();
    }
}
