package dev.chorm.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowBinaryWriterTest {
    enum Fruit { BANANA, PEAR }

    record Point(int x, String label) { }

    @Test
    void writesNumbersLittleEndian() {
        assertThat(hex("Int8", -1)).isEqualTo("ff");
        assertThat(hex("UInt16", 0xABCD)).isEqualTo("cdab");
        assertThat(hex("Int32", 1)).isEqualTo("01000000");
        assertThat(hex("UInt32", 0xFFFF_FFFFL)).isEqualTo("ffffffff");
        assertThat(hex("Int64", -2L)).isEqualTo("feffffffffffffff");
        assertThat(hex("UInt64", new BigInteger("18446744073709551615"))).isEqualTo("ffffffffffffffff");
        assertThat(hex("UInt64", -1L)).isEqualTo("ffffffffffffffff");
        assertThat(hex("Int128", BigInteger.valueOf(-2))).isEqualTo("fe" + "ff".repeat(15));
        assertThat(hex("UInt256", BigInteger.ONE.shiftLeft(255))).isEqualTo("00".repeat(31) + "80");
        assertThat(hex("Float32", 1.0f)).isEqualTo("0000803f");
        assertThat(hex("Float64", -0.0)).isEqualTo("0000000000000080");
        assertThat(hex("Float64", Double.NaN)).isEqualTo("000000000000f87f");
        assertThat(hex("Bool", true)).isEqualTo("01");
    }

    @Test
    void writesDecimalsByPrecision() {
        assertThat(hex("Decimal(9, 2)", new BigDecimal("-1.5"))).isEqualTo("6affffff");
        assertThat(hex("Decimal(18, 0)", new BigDecimal("1"))).isEqualTo("0100000000000000");
        assertThat(hex("Decimal(38, 1)", new BigDecimal("0.1"))).isEqualTo("01" + "00".repeat(15));
        assertThat(hex("Decimal(76, 0)", new BigDecimal("-1"))).isEqualTo("ff".repeat(32));
    }

    @Test
    void writesStringsWithVarIntLengths() {
        assertThat(hex("String", "a\0b")).isEqualTo("03610062");
        assertThat(hex("String", "é")).isEqualTo("02c3a9");
        assertThat(hex("String", "😀")).isEqualTo("04f09f9880");
        assertThat(hex("String", "x".repeat(200))).startsWith("c801").endsWith("7878");
        // As String.getBytes(UTF_8): an unpaired surrogate is '?', also where every other char is ASCII.
        assertThat(hex("String", "a\uD800")).isEqualTo("02613f");
        assertThat(hex("String", "\uDC00")).isEqualTo("013f");
        assertThat(hex("String", "abcé")).isEqualTo("05616263c3a9");
        assertThat(hex("String", "x".repeat(127) + "é")).startsWith("8101" + "78".repeat(127)).endsWith("c3a9");
        assertThat(hex("FixedString(4)", "ab")).isEqualTo("61620000");
        assertThat(hex("String", new byte[] {0, 1})).isEqualTo("020001");
    }

    @Test
    void writesDatesAndTimes() {
        assertThat(hex("Date", LocalDate.of(1970, 1, 2))).isEqualTo("0100");
        assertThat(hex("Date32", LocalDate.of(1969, 12, 31))).isEqualTo("ffffffff");
        assertThat(hex("DateTime('UTC')", Instant.ofEpochSecond(1))).isEqualTo("01000000");
        assertThat(hex("DateTime64(3, 'UTC')", Instant.ofEpochSecond(1, 2_000_000))).isEqualTo("ea03000000000000");
        assertThat(hex("DateTime64(3, 'UTC')", Instant.ofEpochSecond(-1, 999_000_000))).isEqualTo("ffffffffffffffff");
        assertThat(hex("DateTime64(0)", LocalDateTime.of(1970, 1, 1, 0, 0, 2))).isEqualTo("0200000000000000");
        assertThat(hex("DateTime64(0, 'Europe/Paris')", LocalDateTime.of(1970, 1, 1, 1, 0, 2)))
                .isEqualTo("0200000000000000");
    }

    @Test
    void writesUuidIpAndEnums() throws Exception {
        UUID u = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        assertThat(hex("UUID", u)).isEqualTo("7766554433221100ffeeddccbbaa9988");
        assertThat(hex("IPv4", InetAddress.getByName("1.2.3.4"))).isEqualTo("04030201");
        assertThat(hex("IPv4", "1.2.3.4")).isEqualTo("04030201");
        assertThat(hex("IPv6", "1.2.3.4")).isEqualTo("00000000000000000000ffff01020304");
        assertThat(hex("IPv6", "::1")).isEqualTo("00".repeat(15) + "01");
        assertThat(hex("Enum8('BANANA' = 1, 'PEAR' = 2)", Fruit.PEAR)).isEqualTo("02");
        assertThat(hex("Enum8('BANANA' = 1, 'PEAR' = 2)", "BANANA")).isEqualTo("01");
        assertThat(hex("Enum16('a' = -2)", -2)).isEqualTo("feff");
    }

    @Test
    void writesContainers() {
        assertThat(hex("Nullable(Int8)", null)).isEqualTo("01");
        assertThat(hex("Nullable(Int8)", 5)).isEqualTo("0005");
        assertThat(hex("LowCardinality(Nullable(String))", "a")).isEqualTo("000161");
        assertThat(hex("Array(Nullable(Int8))", Arrays.asList(1, null))).isEqualTo("02000101");
        assertThat(hex("Array(Int32)", new int[] {1})).isEqualTo("0101000000");
        assertThat(hex("Array(Array(UInt8))", List.of(List.of(1), List.of()))).isEqualTo("02010100");
        assertThat(hex("Tuple(x Int32, label String)", new Point(1, "a"))).isEqualTo("010000000161");
        assertThat(hex("Tuple(Int8, String)", List.of(1, "a"))).isEqualTo("010161");
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("a", 1);
        assertThat(hex("Map(String, UInt8)", m)).isEqualTo("01016101");
        assertThat(hex("JSON", Map.of("a", 1))).isEqualTo("077b2261223a317d");
    }

    @Test
    void rejectsValuesThatDoNotFit() {
        assertThatThrownBy(() -> hex("UInt8", 300)).isInstanceOf(ChormException.class)
                .hasMessage("Cannot write 300 (Integer) as UInt8: out of range 0..255.");
        assertThatThrownBy(() -> hex("Int32", null))
                .hasMessage("Cannot write null as Int32; the column is not Nullable.");
        assertThatThrownBy(() -> hex("Decimal(5, 2)", new BigDecimal("1.234")))
                .hasMessage("Cannot write 1.234 (BigDecimal) as Decimal(5, 2): it has more than 2 digits after the point;"
                        + " round it first or let the field round it with @Decimal(rounding = RoundingMode.HALF_EVEN).");
        assertThatThrownBy(() -> hex("Decimal(5, 2)", new BigDecimal("1234")))
                .hasMessage("Cannot write 1234 (BigDecimal) as Decimal(5, 2): it has more than 3 digits before the point.");
        assertThatThrownBy(() -> hex("UInt64", BigInteger.ONE.shiftLeft(64)))
                .hasMessage("Cannot write 18446744073709551616 (BigInteger) as UInt64: out of range 0..18446744073709551615.");
        assertThatThrownBy(() -> hex("Int128", BigInteger.ONE.shiftLeft(127)))
                .hasMessageStartingWith("Cannot write 170141183460469231731687303715884105728 (BigInteger) as Int128: out of range");
        assertThatThrownBy(() -> hex("FixedString(1)", "ab"))
                .hasMessage("Cannot write ab (String) as FixedString(1): it has 2 bytes.");
        assertThatThrownBy(() -> hex("Date32", LocalDate.of(1899, 12, 31)))
                .hasMessage("Cannot write 1899-12-31 (LocalDate) as Date32: out of range 1900-01-01..2299-12-31.");
        assertThatThrownBy(() -> hex("Enum8('a' = 1)", "b"))
                .hasMessage("Cannot write b (String) as Enum8('a' = 1): it is not one of its labels or values.");
        assertThatThrownBy(() -> hex("IPv4", "example.com"))
                .hasMessage("Cannot write example.com (String) as IPv4: it is not an IPv4 address; write four numbers"
                        + " 0..255 separated by dots, like 192.168.0.1.");
        assertThatThrownBy(() -> hex("Tuple(Int8, Int8)", List.of(1)))
                .hasMessage("Cannot write [1] (List) as Tuple(Int8, Int8): it has 1 elements instead of 2.");
    }

    @Test
    void flushesLargeValuesThroughASmallBuffer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String big = "ü".repeat(1000);
        try (RowBinaryWriter w = new RowBinaryWriter(out, 64)) {
            for (int i = 0; i < 100; i++) {
                w.write(DataType.string(), big);
                w.write(DataType.int64(), (long) i);
            }
        }
        assertThat(out.size()).isEqualTo(100 * (2 + 2000 + 8));
    }

    static String hex(String type, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowBinaryWriter w = new RowBinaryWriter(out)) {
            w.write(DataType.parse(type), value);
        }
        return HexFormat.of().formatHex(out.toByteArray());
    }
}
