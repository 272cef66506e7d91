package dev.chorm.types;

import dev.chorm.types.annotation.BFloat16;
import dev.chorm.types.annotation.Date;
import dev.chorm.types.annotation.DateTime;
import dev.chorm.types.annotation.DateTime64;
import dev.chorm.types.annotation.Decimal;
import dev.chorm.types.annotation.Enum16;
import dev.chorm.types.annotation.Enum8;
import dev.chorm.types.annotation.EnumLabel;
import dev.chorm.types.annotation.EnumValue;
import dev.chorm.types.annotation.FixedString;
import dev.chorm.types.annotation.GenericIP;
import dev.chorm.types.annotation.IPv4;
import dev.chorm.types.annotation.IPv6;
import dev.chorm.types.annotation.Int128;
import dev.chorm.types.annotation.Int256;
import dev.chorm.types.annotation.Json;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.MultiPolygon;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.Polygon;
import dev.chorm.types.annotation.Ring;
import dev.chorm.types.annotation.SimpleAggregateFunction;
import dev.chorm.types.annotation.Tuple;
import dev.chorm.types.annotation.UInt128;
import dev.chorm.types.annotation.UInt16;
import dev.chorm.types.annotation.UInt256;
import dev.chorm.types.annotation.UInt32;
import dev.chorm.types.annotation.UInt64;
import dev.chorm.types.annotation.UInt8;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A row with one field per supported type, and rows of edge values for the engine round trip. */
@SuppressWarnings("checkstyle:VisibilityModifier")
class AllTypes {
    enum Fruit { @EnumValue(-128) BANANA, @EnumValue(value = 127, label = "pear 'P'") PEAR, @EnumValue(0) APPLE }

    enum Level { @EnumValue(-32768) LOW, @EnumValue(0) MID, @EnumValue(value = 32767, label = "high") HIGH }

    record Point(int x, @Nullable String label, List<@GenericIP InetAddress> hosts) { }

    @Tuple(named = false)
    record Pair(@UInt8 short a, String b) { }

    byte i8; short i16; int i32; long i64;
    @Int128 BigInteger i128; @Int256 BigInteger i256;
    @UInt8 short u8; @UInt16 int u16; @UInt32 long u32; @UInt64 BigInteger u64; @UInt64 long u64AsLong;
    @UInt128 BigInteger u128; @UInt256 BigInteger u256;
    float f32; double f64;
    @Decimal(precision = 9, scale = 2) BigDecimal d9; @Decimal(precision = 18, scale = 4) BigDecimal d18;
    @Decimal(precision = 38, scale = 10) BigDecimal d38; @Decimal(precision = 76, scale = 20) BigDecimal d76;
    boolean bool; String str; @FixedString(8) String fixed; UUID uuid;
    @Date LocalDate date; LocalDate date32;
    @DateTime Instant dt; @DateTime(timezone = "Europe/Paris") ZonedDateTime dtParis;
    @DateTime64(0) Instant dt0; @DateTime64(1) Instant dt1; @DateTime64(2) Instant dt2; @DateTime64(3) Instant dt3;
    @DateTime64(4) Instant dt4; @DateTime64(5) Instant dt5; Instant dt6; @DateTime64(7) Instant dt7;
    @DateTime64(8) Instant dt8; @DateTime64(9) Instant dt9;
    @DateTime64(value = 9, timezone = "Asia/Kolkata") ZonedDateTime dt9Kolkata; LocalDateTime local; OffsetDateTime offset;
    Fruit enum8; Level enum16;
    @Enum8({@EnumLabel(name = "banana", value = 1), @EnumLabel(name = "pear", value = 2)}) String enumLabel;
    @Enum16({@EnumLabel(name = "x", value = -300), @EnumLabel(name = "y", value = 300)}) int enumValue;
    Inet4Address ipv4; Inet6Address ipv6; InetAddress generic; @GenericIP String genericText; @IPv6 String ipv6Text;
    @IPv4 String ipv4Text;
    List<List<List<@Nullable Integer>>> deep; List<@Nullable String> strings; long[] longs; Set<String> set;
    Point point; Pair pair; List<Point> points;
    Map<String, Long> byString; Map<@UInt8 Short, @Nullable String> byInt; Map<UUID, List<Integer>> byUuid;
    Map<LocalDate, Fruit> byDate; Map<@LowCardinality String, @GenericIP InetAddress> hosts;
    @Json Map<String, Object> json;
    @LowCardinality String lc; @LowCardinality @Nullable String lcNull; @LowCardinality @FixedString(2) String lcFixed;
    @Nullable Integer nInt; @Nullable String nStr; @Nullable @Decimal(precision = 20, scale = 3) BigDecimal nDec;
    @Nullable Instant nTime; @Nullable UUID nUuid; @Nullable Fruit nEnum; @Nullable @UInt64 BigInteger nU64;
    @Nullable Double nF64; @Nullable LocalDate nDate; @Nullable Inet4Address nIp; @Nullable Boolean nBool;
    @BFloat16 float bf16; @BFloat16 @Nullable Float nBf16; @SimpleAggregateFunction("max") @Nullable Integer sMax;
    dev.chorm.types.geo.Point geo; @Ring List<dev.chorm.types.geo.Point> ring;
    @Polygon List<List<dev.chorm.types.geo.Point>> polygon; @MultiPolygon List<List<List<dev.chorm.types.geo.Point>>> multi;

    static List<AllTypes> rows() throws Exception {
        return List.of(minimum(), maximum(), empty());
    }

    private static AllTypes minimum() throws Exception {
        AllTypes r = new AllTypes();
        r.i8 = Byte.MIN_VALUE; r.i16 = Short.MIN_VALUE; r.i32 = Integer.MIN_VALUE; r.i64 = Long.MIN_VALUE;
        r.i128 = BigInteger.ONE.shiftLeft(127).negate(); r.i256 = BigInteger.ONE.shiftLeft(255).negate();
        r.u8 = 0; r.u16 = 0; r.u32 = 0; r.u64 = BigInteger.ZERO; r.u64AsLong = 0; r.u128 = BigInteger.ZERO;
        r.u256 = BigInteger.ZERO;
        r.f32 = Float.NEGATIVE_INFINITY; r.f64 = -0.0;
        r.d9 = new BigDecimal("-9999999.99"); r.d18 = new BigDecimal("-99999999999999.9999");
        r.d38 = new BigDecimal("-" + "9".repeat(28) + "." + "9".repeat(10));
        r.d76 = new BigDecimal("-" + "9".repeat(56) + "." + "9".repeat(20));
        r.bool = false; r.str = "a\0b\n\n'\"\\\t é😀"; r.fixed = "ab"; r.uuid = new UUID(0, 0);
        r.date = LocalDate.of(1970, 1, 1); r.date32 = LocalDate.of(1900, 1, 1);
        r.dt = Instant.EPOCH; r.dtParis = ZonedDateTime.of(2020, 10, 25, 2, 30, 0, 0, ZoneId.of("Europe/Paris"));
        Instant base = Instant.parse("1900-01-01T00:00:00Z");
        setTimes(r, base, "123456789");
        r.dt9Kolkata = ZonedDateTime.of(1900, 1, 1, 0, 0, 0, 1, ZoneId.of("Asia/Kolkata"));
        r.local = LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1000); r.offset = OffsetDateTime.of(1950, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        r.enum8 = Fruit.BANANA; r.enum16 = Level.LOW; r.enumLabel = "banana"; r.enumValue = -300;
        r.ipv4 = (Inet4Address) InetAddress.getByName("0.0.0.0");
        r.ipv6 = IpAddresses.ipv6(IpAddresses.toIpv6Bytes(InetAddress.getByName("1.2.3.4")));
        r.generic = InetAddress.getByName("1.2.3.4"); r.genericText = "1.2.3.4"; r.ipv6Text = "::ffff:1.2.3.4";
        r.ipv4Text = "255.255.255.255";
        r.deep = List.of(List.of(Arrays.asList(1, null, 3), List.of()), List.of(), List.of(List.of(Integer.MIN_VALUE)));
        r.strings = Arrays.asList(null, "", "x"); r.longs = new long[] {Long.MIN_VALUE, 0}; r.set = new LinkedHashSet<>(List.of("b", "a"));
        // One kind of address per list: clickhouse-jdbc 0.11 fails on an Array(IPv6) mixing IPv4-mapped and other addresses.
        r.point = new Point(-1, null, List.of(InetAddress.getByName("1.2.3.4"), InetAddress.getByName("5.6.7.8")));
        r.pair = new Pair((short) 255, "p"); r.points = List.of(r.point, new Point(2, "two", List.of()));
        r.byString = map("a", Long.MIN_VALUE, "", 0L); r.byInt = map((short) 0, null, (short) 255, "x");
        r.byUuid = map(new UUID(1, 2), List.of(1, 2)); r.byDate = map(LocalDate.of(1900, 1, 1), Fruit.PEAR);
        r.hosts = map("baidu", InetAddress.getByName("39.156.66.10"), "v6", InetAddress.getByName("2001:db8::1"));
        r.json = map("a", List.of(1L, 2L, 3L), "b", map("c", "d"));
        r.lc = "tcp"; r.lcNull = null; r.lcFixed = "ab";
        r.nInt = Integer.MIN_VALUE; r.nStr = ""; r.nDec = new BigDecimal("-99999999999999999.999");
        r.nTime = Instant.parse("2000-01-01T00:00:00.000001Z"); r.nUuid = UUID.randomUUID(); r.nEnum = Fruit.APPLE;
        r.nU64 = BigInteger.ZERO; r.nF64 = Double.NaN; r.nDate = LocalDate.of(2299, 12, 31);
        r.nIp = (Inet4Address) InetAddress.getByName("10.0.0.1"); r.nBool = false;
        r.bf16 = Float.intBitsToFloat(0xFF7F0000); r.nBf16 = Float.NEGATIVE_INFINITY; r.sMax = Integer.MIN_VALUE;
        r.geo = new dev.chorm.types.geo.Point(-Double.MAX_VALUE, Double.MIN_VALUE);
        r.ring = List.of(geo(0, 0), geo(1, 0), geo(1, 1), geo(0, 0));
        r.polygon = List.of(List.of(geo(0, 0), geo(10, 0), geo(10, 10), geo(0, 0)),
                List.of(geo(1, 1), geo(2, 1), geo(2, 2), geo(1, 1)));
        r.multi = List.of(r.polygon, List.of(r.ring), List.of());
        return r;
    }

    private static dev.chorm.types.geo.Point geo(double x, double y) {
        return new dev.chorm.types.geo.Point(x, y);
    }

    private static AllTypes maximum() throws Exception {
        AllTypes r = minimum();
        r.i8 = Byte.MAX_VALUE; r.i16 = Short.MAX_VALUE; r.i32 = Integer.MAX_VALUE; r.i64 = Long.MAX_VALUE;
        r.i128 = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
        r.i256 = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);
        r.u8 = 255; r.u16 = 65535; r.u32 = 4294967295L; r.u64 = new BigInteger("18446744073709551615");
        r.u64AsLong = -1L; r.u128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        r.u256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        r.f32 = Float.NaN; r.f64 = Double.POSITIVE_INFINITY;
        r.d9 = r.d9.negate(); r.d18 = r.d18.negate(); r.d38 = r.d38.negate(); r.d76 = r.d76.negate();
        r.bool = true; r.str = "\n\n"; r.fixed = "12345678"; r.uuid = new UUID(-1, -1);
        r.date = LocalDate.of(2149, 6, 6); r.date32 = LocalDate.of(2299, 12, 31);
        r.dt = Instant.parse("2106-02-07T06:28:15Z");
        r.dtParis = ZonedDateTime.of(2020, 10, 25, 2, 30, 0, 0, ZoneId.of("Europe/Paris")).plusHours(1);
        setTimes(r, Instant.parse("2261-12-31T23:59:59Z"), "999999999");
        r.dt9Kolkata = ZonedDateTime.of(2261, 12, 31, 23, 59, 59, 999_999_999, ZoneId.of("Asia/Kolkata"));
        r.local = LocalDateTime.of(2299, 12, 31, 23, 59, 59, 999_999_000);
        r.enum8 = Fruit.PEAR; r.enum16 = Level.HIGH; r.enumLabel = "pear"; r.enumValue = 300;
        r.ipv4 = (Inet4Address) InetAddress.getByName("255.255.255.255");
        r.ipv6 = (Inet6Address) InetAddress.getByName("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        r.generic = InetAddress.getByName("2001:db8::1"); r.genericText = "2001:db8::1"; r.ipv6Text = "2001:db8::1";
        r.u64AsLong = -1L; r.nU64 = new BigInteger("18446744073709551615"); r.nF64 = Double.NEGATIVE_INFINITY;
        r.lcNull = "x"; r.nBool = true;
        r.bf16 = Float.NaN; r.nBf16 = Float.intBitsToFloat(0x7F7F0000); r.sMax = Integer.MAX_VALUE;
        r.geo = geo(Double.NaN, Double.POSITIVE_INFINITY);
        return r;
    }

    private static AllTypes empty() throws Exception {
        AllTypes r = minimum();
        r.str = ""; r.fixed = ""; r.deep = List.of(); r.strings = List.of(); r.longs = new long[0]; r.set = Set.of();
        r.points = List.of(); r.byString = Map.of(); r.byInt = Map.of(); r.byUuid = Map.of(); r.byDate = Map.of();
        r.hosts = Map.of(); r.json = Map.of(); r.lc = ""; r.lcFixed = "";
        r.nInt = null; r.nStr = null; r.nDec = null; r.nTime = null; r.nUuid = null; r.nEnum = null; r.nU64 = null;
        r.nF64 = null; r.nDate = null; r.nIp = null; r.nBool = null;
        r.bf16 = -0.0f; r.nBf16 = null; r.sMax = null; r.geo = geo(0, 0); r.ring = List.of(); r.polygon = List.of();
        r.multi = List.of();
        return r;
    }

    /** Set dt0..dt9 to {@code base} plus the first p digits of {@code fraction} as sub-second part. */
    private static void setTimes(AllTypes r, Instant base, String fraction) {
        Instant[] t = new Instant[10];
        for (int p = 0; p <= 9; p++) {
            String digits = (fraction.substring(0, p) + "000000000").substring(0, 9);
            t[p] = base.plusNanos(Long.parseLong(digits));
        }
        r.dt0 = t[0]; r.dt1 = t[1]; r.dt2 = t[2]; r.dt3 = t[3]; r.dt4 = t[4]; r.dt5 = t[5]; r.dt6 = t[6];
        r.dt7 = t[7]; r.dt8 = t[8]; r.dt9 = t[9];
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> map(Object... kv) {
        Map<K, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((K) kv[i], (V) kv[i + 1]);
        }
        return m;
    }
}
