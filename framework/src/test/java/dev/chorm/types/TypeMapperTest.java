package dev.chorm.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ModelDefinitionException;
import dev.chorm.types.annotation.ChType;
import dev.chorm.types.annotation.Date;
import dev.chorm.types.annotation.DateTime;
import dev.chorm.types.annotation.DateTime64;
import dev.chorm.types.annotation.Decimal;
import dev.chorm.types.annotation.Enum16;
import dev.chorm.types.annotation.Enum8;
import dev.chorm.types.annotation.EnumLabel;
import dev.chorm.types.annotation.EnumValue;
import dev.chorm.types.annotation.FixedString;
import dev.chorm.types.annotation.Float32;
import dev.chorm.types.annotation.GenericIP;
import dev.chorm.types.annotation.IPv6;
import dev.chorm.types.annotation.Int128;
import dev.chorm.types.annotation.Int256;
import dev.chorm.types.annotation.Int32;
import dev.chorm.types.annotation.Int8;
import dev.chorm.types.annotation.Json;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.Tuple;
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
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@SuppressWarnings("unused")
class TypeMapperTest {
    enum Action { PASS, DROP, ALERT }

    enum Level { @EnumValue(-1) LOW, @EnumValue(value = 1000, label = "high") HIGH }

    enum Half { @EnumValue(1) A, B }

    record Point(int x, @Nullable String label) { }

    @Tuple(named = false)
    record Pair(String a, @UInt8 int b) { }

    static class Defaults {
        int i; Integer boxed; long l; short s; byte b; float f; double d; boolean bool; String str; byte[] bytes;
        UUID uuid; Instant instant; LocalDateTime local; LocalDate date; OffsetDateTime offset; ZonedDateTime zoned;
        List<String> list; Set<Integer> set; long[] longs; Map<String, Long> map; Point point; Action action;
        Level level; Inet4Address v4; Inet6Address v6; InetAddress ip;
    }

    static class Explicit {
        @UInt16 int port; @UInt64 long big; @UInt64 BigInteger bigger; @Int256 BigInteger huge;
        @UInt256 BigInteger hugeU; @Int8 byte tiny; @UInt8 short ubyte; @Float32 double f;
        @Decimal(precision = 10, scale = 2) BigDecimal money; @FixedString(16) String code;
        @Date LocalDate day; @DateTime Instant secs; @DateTime(timezone = "Europe/Paris") ZonedDateTime paris;
        @DateTime64(3) Instant millis; @DateTime64(value = 9, timezone = "Asia/Kolkata") Instant nanos;
        @DateTime64(0) LocalDateTime localSecs;
        @Enum8({@EnumLabel(name = "banana", value = 1), @EnumLabel(name = "pear", value = 2)}) String fruit;
        @Enum16 Action wide; @IPv6 String ip6; @GenericIP InetAddress generic;
        @Json Map<String, Object> content; @LowCardinality String protocol;
        @LowCardinality @Nullable String note; @Nullable Integer maybe;
        List<@Nullable Integer> nullableElements; List<List<List<@Nullable @UInt32 Long>>> deep;
        @Nullable String[] nullableArray; Map<@LowCardinality String, @GenericIP InetAddress> hosts;
        @ChType("Map(LowCardinality(String), Array(Nullable(Float64)))") Map<String, List<Double>> raw;
        Pair pair; @Tuple(named = false) Point plainPoint; List<Point> points; @Nullable Action maybeAction;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i|Int32", "boxed|Int32", "l|Int64", "s|Int16", "b|Int8", "f|Float32", "d|Float64", "bool|Bool",
        "str|String", "bytes|String", "uuid|UUID", "instant|DateTime64(6, 'UTC')", "local|DateTime64(6)",
        "date|Date32", "offset|DateTime64(6, 'UTC')", "zoned|DateTime64(6, 'UTC')", "list|Array(String)",
        "set|Array(Int32)", "longs|Array(Int64)", "map|Map(String, Int64)",
        "point|Tuple(x Int32, label Nullable(String))", "action|Enum8('PASS' = 1, 'DROP' = 2, 'ALERT' = 3)",
        "level|Enum16('LOW' = -1, 'high' = 1000)", "v4|IPv4", "v6|IPv6", "ip|IPv6"})
    void mapsJavaTypesByDefault(String field, String expected) {
        assertThat(map(Defaults.class, field).sql()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port|UInt16", "big|UInt64", "bigger|UInt64", "huge|Int256", "hugeU|UInt256", "tiny|Int8", "ubyte|UInt8",
        "f|Float32", "money|Decimal(10, 2)", "code|FixedString(16)", "day|Date", "secs|DateTime('UTC')",
        "paris|DateTime('Europe/Paris')", "millis|DateTime64(3, 'UTC')", "nanos|DateTime64(9, 'Asia/Kolkata')",
        "localSecs|DateTime64(0)", "fruit|Enum8('banana' = 1, 'pear' = 2)",
        "wide|Enum16('PASS' = 1, 'DROP' = 2, 'ALERT' = 3)", "ip6|IPv6", "generic|IPv6", "content|JSON",
        "protocol|LowCardinality(String)", "note|LowCardinality(Nullable(String))", "maybe|Nullable(Int32)",
        "nullableElements|Array(Nullable(Int32))", "deep|Array(Array(Array(Nullable(UInt32))))",
        "nullableArray|Array(Nullable(String))", "hosts|Map(LowCardinality(String), IPv6)",
        "raw|Map(LowCardinality(String), Array(Nullable(Float64)))", "pair|Tuple(String, UInt8)",
        "plainPoint|Tuple(Int32, Nullable(String))", "points|Array(Tuple(x Int32, label Nullable(String)))",
        "maybeAction|Nullable(Enum8('PASS' = 1, 'DROP' = 2, 'ALERT' = 3))"})
    void mapsAnnotatedTypes(String field, String expected) {
        assertThat(map(Explicit.class, field).sql()).isEqualTo(expected);
    }

    static class Mistakes {
        @UInt16 String port; @UInt32 int count; @UInt64 int small; @Int128 long notBig; @Decimal(precision = 10) double d;
        BigDecimal amount; BigInteger big; @Nullable int primitive; @Nullable List<String> tags;
        @Nullable Map<String, String> attrs; @Nullable Point where; @LowCardinality @Decimal(precision = 10, scale = 2)
        BigDecimal lcDecimal; @LowCardinality @DateTime64(3) Instant lcTime; @LowCardinality List<String> lcArray;
        @FixedString String noLength; @FixedString(-1) String negative; Map<Double, String> floatKey;
        Map<@Nullable String, String> nullableKey; Map<List<String>, String> arrayKey;
        @Decimal(precision = 77, scale = 2) BigDecimal tooPrecise; @Decimal(precision = 5, scale = 6) BigDecimal bigScale;
        @Decimal(precision = 0) BigDecimal zeroPrecision; @DateTime64(10) Instant tooFine;
        @DateTime64(value = 3, timezone = "Mars/Base") Instant mars; @UInt16 @Int32 int twice;
        @Enum8({@EnumLabel(name = "a", value = 128)}) String enumRange;
        @Enum16({@EnumLabel(name = "a", value = -32769)}) String enum16Range;
        @Enum8({@EnumLabel(name = "a", value = 1), @EnumLabel(name = "b", value = 1)}) String dupValue;
        @Enum8({@EnumLabel(name = "a", value = 1), @EnumLabel(name = "a", value = 2)}) String dupLabel;
        @Enum8 String noLabels; @Enum8(@EnumLabel(name = "x", value = 1)) Action labelsOnEnum; @Enum8 Level narrow;
        Half half; Object object; List rawList; @ChType("Int33") int badRaw; @ChType("String") @Nullable String rawNull;
        @Json @Nullable Map<String, Object> nullJson; @Float32 String floatString; @Int8 Character ch;
        @DateTime64(3) LocalDate notTime; @Json Integer jsonInt; @IPv6 Inet4Address wrongIp; List<? extends Number> wild;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port|Event.port: @UInt16 needs an int or long field, found String.",
        "count|Event.count: @UInt32 needs a long field, found int.",
        "small|Event.small: @UInt64 needs a long or BigInteger field, found int.",
        "notBig|Event.notBig: @Int128 needs a BigInteger field, found long.",
        "d|Event.d: @Decimal needs a BigDecimal field, found double.",
        "amount|Event.amount: BigDecimal needs @Decimal(precision, scale), for example @Decimal(precision = 18, scale = 2).",
        "big|Event.big: BigInteger needs @Int128, @Int256, @UInt64, @UInt128 or @UInt256.",
        "primitive|Event.primitive: @Nullable needs a reference type, found int; use Integer.",
        "tags|Event.tags: Nullable(Array(String)) is not allowed: ClickHouse cannot wrap Array in Nullable. Remove @Nullable; an empty array stands for no value.",
        "attrs|Event.attrs: Nullable(Map(String, String)) is not allowed: ClickHouse cannot wrap Map in Nullable. Remove @Nullable; an empty map stands for no value.",
        "where|Event.where: Nullable(Tuple(x Int32, label Nullable(String))) is not allowed: ClickHouse cannot wrap Tuple in Nullable. Remove @Nullable; a Tuple of Nullable elements stands for no value.",
        "lcDecimal|Event.lcDecimal: LowCardinality(Decimal(10, 2)) is not allowed: LowCardinality wraps only strings, numbers, dates and DateTime, not Decimal. Remove @LowCardinality.",
        "lcTime|Event.lcTime: LowCardinality(DateTime64(3, 'UTC')) is not allowed: LowCardinality wraps only strings, numbers, dates and DateTime, not DateTime64. Remove @LowCardinality.",
        "lcArray|Event.lcArray: LowCardinality(Array(String)) is not allowed: LowCardinality wraps only strings, numbers, dates and DateTime, not Array. Remove @LowCardinality.",
        "noLength|Event.noLength: FixedString needs a length of at least 1, found 0. Write @FixedString(16).",
        "negative|Event.negative: FixedString needs a length of at least 1, found -1. Write @FixedString(16).",
        "floatKey|Event.floatKey: Map(Float64, String) has a key of type Float64; a Map key must be a string, an integer, a date, a UUID, an Enum or an IP address. Change the key type, for example to String.",
        "nullableKey|Event.nullableKey: Map(Nullable(String), String) has a key of type Nullable(String); a Map key must be a string, an integer, a date, a UUID, an Enum or an IP address. Change the key type, for example to String.",
        "arrayKey|Event.arrayKey: Map(Array(String), String) has a key of type Array(String); a Map key must be a string, an integer, a date, a UUID, an Enum or an IP address. Change the key type, for example to String.",
        "tooPrecise|Event.tooPrecise: Decimal precision must be 1..76, found 77; give @Decimal a precision in that range, such as @Decimal(precision = 18, scale = 2).",
        "bigScale|Event.bigScale: Decimal scale must be 0..5 (the precision), found 6; lower the scale or raise the precision.",
        "zeroPrecision|Event.zeroPrecision: Decimal precision must be 1..76, found 0; give @Decimal a precision in that range, such as @Decimal(precision = 18, scale = 2).",
        "tooFine|Event.tooFine: DateTime64 precision must be 0..9, found 10; use 3 for milliseconds, 6 for microseconds or 9 for nanoseconds.",
        "mars|Event.mars: unknown time zone 'Mars/Base'. Use a name of the tz database, such as 'UTC' or 'Europe/Paris'.",
        "twice|Event.twice: @UInt16 and @Int32 conflict; keep one.",
        "enumRange|Event.enumRange: Enum8 value 128 of 'a' is out of range -128..127. Use Enum16 (@Enum16) or smaller values.",
        "enum16Range|Event.enum16Range: Enum16 value -32769 of 'a' is out of range -32768..32767. Use smaller values.",
        "dupValue|Event.dupValue: Enum8 has the value 1 twice (again for 'b'); give each label its own value.",
        "dupLabel|Event.dupLabel: Enum8 has the label 'a' twice; give each value its own label.",
        "noLabels|Event.noLabels: @Enum8 on a String field needs its labels, for example @Enum8({@EnumLabel(name = \"a\", value = 1)}).",
        "labelsOnEnum|Event.labelsOnEnum: @Enum8 takes its labels from the enum Action; remove the labels from the annotation.",
        "narrow|Event.narrow: Enum8 value 1000 of 'high' is out of range -128..127. Use Enum16 (@Enum16) or smaller values.",
        "half|Half: annotate every constant with @EnumValue, or none.",
        "object|Event.object: cannot map Object to a ClickHouse type. Use a supported type or give the type with @ChType(\"...\").",
        "rawList|Event.rawList: List needs type arguments, such as List<String>.",
        "badRaw|Event.badRaw: @ChType(\"Int33\") is not a ClickHouse type. Cannot parse ClickHouse type 'Int33' at position 5: unknown type 'Int33'. Write the type as system.columns shows it, such as Array(String).",
        "rawNull|Event.rawNull: @ChType(\"String\") cannot be combined with @Nullable; write it inside the type.",
        "nullJson|Event.nullJson: Nullable(JSON) is not allowed: ClickHouse cannot wrap JSON in Nullable. Remove @Nullable; an empty JSON object stands for no value.",
        "floatString|Event.floatString: @Float32 needs a float or double field, found String.",
        "ch|Event.ch: @Int8 needs a byte, short, int or long field, found Character.",
        "notTime|Event.notTime: @DateTime64 needs an Instant, LocalDateTime, OffsetDateTime or ZonedDateTime field, found LocalDate.",
        "jsonInt|Event.jsonInt: @Json needs a Map, List, String or Object field, found Integer.",
        "wrongIp|Event.wrongIp: @IPv6 needs an InetAddress, Inet6Address or String field, found Inet4Address.",
        "wild|Event.wild: cannot map the type argument ? extends Number of List<? extends Number>; name a concrete type."})
    void reportsMistakes(String field, String message) {
        assertThatThrownBy(() -> map(Mistakes.class, field))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(message);
    }

    @Test
    void knowsWhichLowCardinalityTypesNeedTheSuspiciousSetting() {
        assertThat(TypeRules.needsSuspiciousLowCardinality(dev.chorm.types.DataType.parse("LowCardinality(Nullable(String))")))
                .isFalse();
        assertThat(TypeRules.needsSuspiciousLowCardinality(dev.chorm.types.DataType.parse("Map(String, LowCardinality(Int32))")))
                .isTrue();
    }

    static dev.chorm.types.DataType map(Class<?> type, String field) {
        try {
            return TypeMapper.map(type.getDeclaredField(field), "Event." + field);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}
