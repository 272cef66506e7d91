package dev.chorm.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import dev.chorm.types.annotation.Enum8;
import dev.chorm.types.annotation.EnumLabel;
import dev.chorm.types.annotation.GenericIP;
import dev.chorm.types.annotation.UInt64;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Convert the values clickhouse-jdbc 0.11 was observed to return (see the engine round trip). */
@SuppressWarnings("unused")
class ValueReaderTest {
    enum Fruit { BANANA, PEAR }

    record Point(int x, String y) { }

    static class Target {
        int count; @UInt64 long unsigned; Fruit fruit; String text; InetAddress generic; Inet6Address v6;
        @GenericIP String genericText; Instant at; LocalDateTime local; ZonedDateTime zoned; Point point;
        List<Integer> list; Set<String> set; int[] ints; Map<String, Object> json; String jsonText;
        @Enum8(value = {@EnumLabel(name = "a", value = 1)}, returnInt = true) Object enumInt;
        @Enum8({@EnumLabel(name = "a", value = 1)}) int enumValue; byte small;
    }

    @Test
    void refusesNullForAPrimitiveField() {
        assertThatThrownBy(() -> reader("count", "Nullable(Int32)").convert(null))
                .isInstanceOf(ChormException.class)
                .hasMessage("Event.count: cannot read NULL into the primitive int field; declare it Integer with @Nullable.");
    }

    @Test
    void keepsUInt64AboveLongMaxAsUnsignedBits() {
        assertThat(reader("unsigned", "UInt64").convert(new BigInteger("18446744073709551615"))).isEqualTo(-1L);
    }

    @Test
    void refusesValuesThatDoNotFitTheField() {
        assertThatThrownBy(() -> reader("small", "Int32").convert(300))
                .hasMessage("Event.small: cannot read 300 (Integer of Int32) into byte: out of range -128..127");
    }

    @Test
    void mapsEnumLabels() {
        assertThat(reader("fruit", "Enum8('BANANA' = 1, 'PEAR' = 2)").convert("PEAR")).isEqualTo(Fruit.PEAR);
        assertThat(reader("enumInt", "Enum8('a' = 1)").convert("a")).isEqualTo(1);
        assertThat(reader("enumValue", "Enum8('a' = 1)").convert("a")).isEqualTo(1);
        assertThatThrownBy(() -> reader("fruit", "Enum8('BANANA' = 1, 'KIWI' = 2)").convert("KIWI"))
                .hasMessage("Event.fruit: the enum Fruit has no constant for 'KIWI' of Enum8('BANANA' = 1, 'KIWI' = 2);"
                        + " add it or map it with @EnumValue.");
    }

    @Test
    void unpacksIpv4MappedAddressesOnlyForGenericFields() throws Exception {
        InetAddress mapped = InetAddress.getByName("::ffff:1.2.3.4");
        assertThat(mapped).isInstanceOf(Inet4Address.class);
        assertThat(reader("generic", "IPv6").convert(mapped)).isEqualTo(InetAddress.getByName("1.2.3.4"));
        assertThat(reader("genericText", "IPv6").convert(mapped)).isEqualTo("1.2.3.4");
        assertThat(reader("text", "IPv6").convert(mapped)).isEqualTo("::ffff:1.2.3.4");
        assertThat(reader("text", "IPv6").convert(InetAddress.getByName("2001:db8::1"))).isEqualTo("2001:db8::1");
        assertThat(reader("v6", "IPv6").convert(mapped)).isInstanceOf(Inet6Address.class);
    }

    @Test
    void trimsFixedStringPadding() {
        assertThat(reader("text", "FixedString(4)").convert("ab\0\0")).isEqualTo("ab");
    }

    @Test
    void readsTimestampsAsWallClockOfTheColumnZone() {
        Timestamp wall = Timestamp.valueOf(LocalDateTime.of(2020, 1, 1, 1, 0, 0, 5));
        assertThat(reader("at", "DateTime64(9, 'Europe/Paris')").convert(wall))
                .isEqualTo(Instant.parse("2020-01-01T00:00:00.000000005Z"));
        assertThat(reader("local", "DateTime64(9)").convert(wall)).isEqualTo(LocalDateTime.of(2020, 1, 1, 1, 0, 0, 5));
        ZonedDateTime utc = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC"));
        assertThat(reader("zoned", "DateTime('Europe/Paris')").convert(utc))
                .isEqualTo(utc.withZoneSameInstant(ZoneId.of("Europe/Paris")));
    }

    @Test
    void buildsRecordsCollectionsAndJson() {
        assertThat(reader("point", "Tuple(x Int32, y String)").convert(new Object[] {1, "a"})).isEqualTo(new Point(1, "a"));
        assertThat(reader("list", "Array(Int32)").convert(new Integer[] {1, 2})).isEqualTo(List.of(1, 2));
        assertThat(reader("set", "Array(String)").convert(List.of("b", "a"))).isEqualTo(Set.of("a", "b"));
        assertThat(reader("ints", "Array(Int32)").convert(new Integer[] {3})).isEqualTo(new int[] {3});
        Map<String, Object> flat = new LinkedHashMap<>();
        flat.put("b.c", "d");
        flat.put("a", List.of(1L));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", List.of(1L));
        nested.put("b", Map.of("c", "d"));
        assertThat(reader("json", "JSON").convert(flat)).isEqualTo(nested);
        assertThat(reader("jsonText", "JSON").convert(flat)).isEqualTo("{\"a\":[1],\"b\":{\"c\":\"d\"}}");
    }

    static ValueReader reader(String field, String type) {
        try {
            Field f = Target.class.getDeclaredField(field);
            return ValueReader.of(DataType.parse(type), f.getAnnotatedType(), f, "Event." + field);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}
