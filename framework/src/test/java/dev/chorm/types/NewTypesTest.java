package dev.chorm.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ModelDefinitionException;
import dev.chorm.types.annotation.BFloat16;
import dev.chorm.types.annotation.Dynamic;
import dev.chorm.types.annotation.LineString;
import dev.chorm.types.annotation.MultiLineString;
import dev.chorm.types.annotation.MultiPolygon;
import dev.chorm.types.annotation.Nested;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.Polygon;
import dev.chorm.types.annotation.Ring;
import dev.chorm.types.annotation.Time;
import dev.chorm.types.annotation.Time64;
import dev.chorm.types.annotation.Variant;
import dev.chorm.types.geo.Point;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parse, render, map and encode Nested, Variant, Dynamic, Time/Time64, BFloat16 and the geo types. */
class NewTypesTest {
    /** Every string here was printed by system.columns of the embedded engine (26.5). */
    @ParameterizedTest
    @ValueSource(strings = {
        "BFloat16", "Time", "Time64(6)", "Time64(0)", "Point", "Ring", "LineString", "MultiLineString", "Polygon",
        "MultiPolygon", "Dynamic", "Dynamic(max_types=10)", "Variant(Array(String), String, UInt64)",
        "Variant(Array(Nullable(String)), String, Tuple(a Int8), UInt64)", "Nested(a String, b Nullable(Int32))",
        "Array(Time64(3))", "Nullable(Time)", "Nullable(BFloat16)", "Map(String, Time)", "Array(Point)",
        "Nested(sku String, qty Nullable(Int32))"})
    void roundTripsWhatTheEnginePrints(String sql) {
        DataType t = DataType.parse(sql);
        assertThat(t.sql()).isEqualTo(sql);
        assertThat(DataType.parse(t.sql())).isEqualTo(t);
    }

    @Test
    void variantsAreOrderedByNameAsTheEngineDoes() {
        assertThat(DataType.parse("Variant(String, UInt64, Array(String))").sql())
                .isEqualTo("Variant(Array(String), String, UInt64)");
        assertThat(DataType.variant(List.of(DataType.uint64(), DataType.string())))
                .isEqualTo(DataType.variant(List.of(DataType.string(), DataType.uint64())));
    }

    @Test
    void exposesStructures() {
        assertThat(DataType.point().readType().sql()).isEqualTo("Tuple(Float64, Float64)");
        assertThat(DataType.polygon().readType().sql()).isEqualTo("Array(Ring)");
        assertThat(DataType.multiPolygon().readType().sql()).isEqualTo("Array(Polygon)");
        assertThat(DataType.parse("Nested(a String, b Int8)").readType().sql()).isEqualTo("Array(Tuple(a String, b Int8))");
        assertThat(DataType.time64(3).precision()).isEqualTo(3);
        assertThat(DataType.dynamic("max_types=3").dynamicParams()).isEqualTo("max_types=3");
    }

    @Test
    void rejectsBadText() {
        assertThatThrownBy(() -> DataType.parse("Nested(String)"))
                .hasMessage("Cannot parse ClickHouse type 'Nested(String)' at position 14: a Nested must name its columns.");
        assertThatThrownBy(() -> DataType.parse("Time64"))
                .hasMessage("Cannot parse ClickHouse type 'Time64' at position 6: expected '('.");
    }

    record Item(String sku, @Nullable Integer qty) { }

    record Shift(String who, @Time Duration length) { }

    @SuppressWarnings("unused")
    static class Fields {
        @BFloat16 float bf; @BFloat16 @Nullable Double bfNull; @Time Duration t; @Time64(3) LocalTime t3;
        List<@Time64(9) Duration> times; Point p; @Ring List<Point> ring; @LineString List<Point> line;
        @MultiLineString List<List<Point>> lines; @Polygon List<List<Point>> poly; @MultiPolygon List<List<List<Point>>> multi;
        @Nested List<Item> items; @Variant({"UInt64", "String"}) Object v; @Dynamic Object d;
        @Dynamic("max_types=3") Object small; List<Point> points;
        @BFloat16 int badBf; @Time long badTime; @Time64(10) Duration fineTime; @Polygon List<Point> flatPolygon;
        @Ring Point notRing; @Nested List<String> nestedStrings; @Variant({"Int64", "UInt32"}) Object similar;
        @Variant({"String", "Nullable(Int64)"}) Object nullableVariant; @Variant("String") Object single;
        @Variant({"String", "Strin"}) Object badVariant; @Dynamic String dynamicString; @Nullable @Variant({"String", "UInt8"}) Object nullVariant;
        @Nullable Point nullPoint; @Variant({"String", "Time"}) Object timeVariant; @Nested List<Shift> shifts; @Variant({"Date", "DateTime"}) Object dates; @Variant({"Array(Int32)", "Array(Int64)"}) Object arrays;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bf|BFloat16", "bfNull|Nullable(BFloat16)", "t|Time", "t3|Time64(3)", "times|Array(Time64(9))", "p|Point",
        "ring|Ring", "line|LineString", "lines|MultiLineString", "poly|Polygon", "multi|MultiPolygon",
        "items|Nested(sku String, qty Nullable(Int32))",
        "v|Variant(String, UInt64)", "d|Dynamic", "small|Dynamic(max_types=3)", "points|Array(Point)"})
    void mapsFields(String field, String expected) {
        assertThat(TypeMapperTest.map(Fields.class, field).sql()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "badBf|Event.badBf: @BFloat16 needs a float or double field, found int.",
        "badTime|Event.badTime: @Time needs a Duration or LocalTime field, found long.",
        "fineTime|Event.fineTime: Time64 precision must be 0..9, found 10; use 3 for milliseconds or 6 for microseconds.",
        "flatPolygon|Event.flatPolygon: @Polygon needs a List<List<Point>> field (dev.chorm.types.geo.Point), found List<Point>.",
        "notRing|Event.notRing: @Ring needs a List<Point> field (dev.chorm.types.geo.Point), found Point.",
        "nestedStrings|Event.nestedStrings: @Nested needs a List of records, one component per column, such as List<Item> with record Item(String sku, int qty); found List<String>.",
        "similar|Event.similar: Variant(Int64, UInt32) has the similar variants Int64 and UInt32, which ClickHouse refuses as ambiguous (unless allow_suspicious_variant_types = 1); keep one of them.",
        "dates|Event.dates: Variant(Date, DateTime) has the similar variants Date and DateTime, which ClickHouse refuses as ambiguous (unless allow_suspicious_variant_types = 1); keep one of them.",
        "arrays|Event.arrays: Variant(Array(Int32), Array(Int64)) has the similar variants Array(Int32) and Array(Int64), which ClickHouse refuses as ambiguous (unless allow_suspicious_variant_types = 1); keep one of them.",
        "nullableVariant|Event.nullableVariant: Variant(Nullable(Int64), String) is not allowed: a Variant cannot hold Nullable(Int64). Remove the Nullable; a Variant holds NULL itself.",
        "single|Event.single: @Variant needs at least two types, such as @Variant({\"String\", \"UInt64\"}).",
        "badVariant|Event.badVariant: @Variant(\"Strin\") is not a ClickHouse type. Cannot parse ClickHouse type 'Strin' at position 5: unknown type 'Strin'. Write each variant as system.columns shows it, such as Array(String).",
        "dynamicString|Event.dynamicString: @Dynamic needs an Object field, found String.",
        "nullVariant|Event.nullVariant: Nullable(Variant(String, UInt8)) is not allowed: ClickHouse cannot wrap Variant in Nullable. Remove @Nullable; its own NULL stands for no value.",
        "timeVariant|Event.timeVariant: Variant(String, Time) holds a Time: the JDBC driver (clickhouse-jdbc 0.11) cannot read a Time inside a Variant correctly; store the time in its own Time or Time64 column, or as an Int64 of seconds.",
        "shifts|Event.shifts: Nested(who String, length Time) holds a Time: the JDBC driver (clickhouse-jdbc 0.11) cannot read a Time inside a Nested correctly; store the time in its own Time or Time64 column, or as an Int64 of seconds.",
        "nullPoint|Event.nullPoint: Nullable(Point) is not allowed: ClickHouse cannot wrap Point in Nullable. Remove @Nullable; an empty or zero shape stands for no value."})
    void reportsMistakes(String field, String message) {
        assertThatThrownBy(() -> TypeMapperTest.map(Fields.class, field))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(message);
    }

    /** The expected bytes are what the embedded engine (26.5) gives for the same values in RowBinary. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BFloat16|1.1|8c3f", "BFloat16|-2.5|20c0", "Time|-PT1H|f0f1ffff", "Time64(3)|-PT1.5S|24faffffffffffff",
        "Dynamic|42|0a2a00000000000000", "Dynamic|ab|150261 62", "Variant(String, UInt64)|x|000178"})
    void encodesAsTheEngine(String type, String value, String hex) {
        Object v = switch (type) {
            case "BFloat16" -> Float.parseFloat(value);
            case "Time", "Time64(3)" -> Duration.parse(value);
            case "Dynamic" -> value.equals("42") ? (Object) 42L : value;
            default -> value;
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RowBinaryWriter w = new RowBinaryWriter(bytes)) {
            RowBinaryWriter.encoder(DataType.parse(type)).encode(w, v);
        }
        assertThat(HexFormat.of().formatHex(bytes.toByteArray())).isEqualTo(hex.replace(" ", ""));
    }

    @Test
    void parsesTimeTextAsTheEnginePrintsIt() {
        assertThat(TimeValues.parse("-01:00:00")).isEqualTo(Duration.ofHours(-1));
        assertThat(TimeValues.parse("100:00:00.250")).isEqualTo(Duration.ofHours(100).plusMillis(250));
        assertThat(TimeValues.parse("-00:00:01.500")).isEqualTo(Duration.ofMillis(-1500));
        assertThat(TimeValues.parse("-999:59:59.999999999")).isEqualTo(Duration.ofSeconds(-3_599_999, -999_999_999));
    }
}
