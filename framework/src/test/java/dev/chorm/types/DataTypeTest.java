package dev.chorm.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DataTypeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LowCardinality(String)|String|true",
            "String|LowCardinality(String)|true",
            "UInt64|SimpleAggregateFunction(sum, UInt64)|true",
            "Array(LowCardinality(Nullable(String)))|Array(Nullable(String))|true",
            "Map(LowCardinality(String), UInt8)|Map(String, UInt8)|true",
            "UInt32|UInt64|false",
            "Nullable(String)|String|false",
            "UInt64|SimpleAggregateFunction(sum, Int64)|false",
            "UInt64|AggregateFunction(sum, UInt64)|false"})
    void aQueryColumnInsertsIntoAColumnOfTheSameValues(String query, String column, boolean inserts) {
        assertThat(DataType.parse(query).insertsInto(DataType.parse(column))).as("%s into %s", query, column).isEqualTo(inserts);
    }

    @Test
    void rendersFactories() {
        assertThat(DataType.nullable(DataType.string()).sql()).isEqualTo("Nullable(String)");
        assertThat(DataType.dateTime64(6, "UTC").sql()).isEqualTo("DateTime64(6, 'UTC')");
        assertThat(DataType.dateTime64(3).sql()).isEqualTo("DateTime64(3)");
        assertThat(DataType.array(DataType.array(DataType.nullable(DataType.int32()))).sql())
                .isEqualTo("Array(Array(Nullable(Int32)))");
        assertThat(DataType.lowCardinality(DataType.nullable(DataType.string())).sql())
                .isEqualTo("LowCardinality(Nullable(String))");
        assertThat(DataType.map(DataType.string(), DataType.uint64()).sql()).isEqualTo("Map(String, UInt64)");
        assertThat(DataType.tuple(List.of("a", "b"), List.of(DataType.string(), DataType.int32())).sql())
                .isEqualTo("Tuple(a String, b Int32)");
        assertThat(DataType.tuple(DataType.string(), DataType.int32()).sql()).isEqualTo("Tuple(String, Int32)");
        assertThat(DataType.enum8(List.of(new DataType.EnumEntry("a", 1), new DataType.EnumEntry("b", 2))).sql())
                .isEqualTo("Enum8('a' = 1, 'b' = 2)");
        assertThat(DataType.decimal(10, 2).sql()).isEqualTo("Decimal(10, 2)");
        assertThat(DataType.fixedString(16).sql()).isEqualTo("FixedString(16)");
        assertThat(DataType.json().sql()).isEqualTo("JSON");
        assertThat(DataType.dateTime("Europe/Paris").sql()).isEqualTo("DateTime('Europe/Paris')");
        assertThat(DataType.dateTime().sql()).isEqualTo("DateTime");
        assertThat(DataType.of(TypeKind.IPV6).sql()).isEqualTo("IPv6");
    }

    @Test
    void quotesEnumLabelsAndTupleNamesLikeTheEngine() {
        DataType e = DataType.enum16(List.of(new DataType.EnumEntry("x'y", -1000), new DataType.EnumEntry("z\\w", 3000)));
        assertThat(e.sql()).isEqualTo("Enum16('x\\'y' = -1000, 'z\\\\w' = 3000)");
        DataType t = DataType.tuple(List.of("select", "a b", "a`b", "ä", "key"),
                List.of(DataType.int32(), DataType.int8(), DataType.int8(), DataType.int8(), DataType.int8()));
        assertThat(t.sql()).isEqualTo("Tuple(`select` Int32, `a b` Int8, `a\\`b` Int8, `ä` Int8, key Int8)");
        assertThat(DataType.parse(t.sql())).isEqualTo(t);
        assertThat(DataType.parse(e.sql())).isEqualTo(e);
    }

    /** Every string here was printed by system.columns of the embedded engine (26.5). */
    @ParameterizedTest
    @ValueSource(strings = {
        "Decimal(10, 2)", "Decimal(76, 10)", "DateTime64(6, 'UTC')", "DateTime('Europe/Paris')", "DateTime",
        "DateTime64(3)", "Enum8('a' = 1, 'b' = 2)", "Enum16('x\\'y' = -1000, 'z\\\\w' = 3000)",
        "Tuple(a String, b Int32)", "Tuple(String, Int32)", "Map(String, UInt64)", "LowCardinality(Nullable(String))",
        "Array(Array(Nullable(Int32)))", "JSON", "Bool", "IPv4", "IPv6", "UUID", "FixedString(16)", "Date32", "Date",
        "Nullable(Decimal(38, 5))", "Tuple(`a b` String, c Int8)", "Enum8('a,b' = 1, '(c)' = 2)", "Int256", "UInt256",
        "Float32", "Float64", "Tuple(a Tuple(b Int8, c Array(String)))",
        "Map(LowCardinality(String), Array(Nullable(Float64)))", "JSON(max_dynamic_paths=10, `a.b` UInt32, SKIP c)",
        "Enum8('é\\n\\t' = 1)", "Tuple(Int8)", "Tuple(a Int8)", "DateTime64(9, 'Asia/Kolkata')",
        "Tuple(`from` Int32, Int32 String, key Int8, `Null` Int8, `all` Int8)", "Nullable(Enum8('a' = 1))"})
    void roundTripsWhatTheEngineprints(String sql) {
        DataType t = DataType.parse(sql);
        assertThat(t.sql()).isEqualTo(sql);
        assertThat(DataType.parse(t.sql())).isEqualTo(t);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Decimal32(3)|Decimal(9, 3)", "Decimal64(4)|Decimal(18, 4)", "Decimal128(5)|Decimal(38, 5)",
        "Decimal256(6)|Decimal(76, 6)", "Decimal(3)|Decimal(3, 0)", "DateTime32|DateTime",
        "Enum('a'=1,'b'=2)|Enum8('a' = 1, 'b' = 2)", "Enum('x' = 1000)|Enum16('x' = 1000)", "Boolean|Bool",
        "  Array( Nullable( Int32 ) ) |Array(Nullable(Int32))", "Enum8('it''s' = 1)|Enum8('it\\'s' = 1)"})
    void normalizesAliases(String written, String canonical) {
        assertThat(DataType.parse(written).sql()).isEqualTo(canonical);
    }

    @Test
    void ordersEnumEntriesByValueAsTheEngineDoes() {
        DataType t = DataType.enum8(List.of(new DataType.EnumEntry("b", 2), new DataType.EnumEntry("a", -1)));
        assertThat(t.sql()).isEqualTo("Enum8('a' = -1, 'b' = 2)");
        assertThat(DataType.parse("Enum8('b' = 2, 'a' = -1)")).isEqualTo(t);
    }

    @Test
    void exposesParts() {
        DataType t = DataType.parse("LowCardinality(Nullable(String))");
        assertThat(t.isNullable()).isTrue();
        assertThat(t.base()).isEqualTo(DataType.string());
        DataType m = DataType.parse("Map(String, Array(UInt8))");
        assertThat(m.keyType()).isEqualTo(DataType.string());
        assertThat(m.valueType().inner()).isEqualTo(DataType.uint8());
        assertThat(DataType.parse("DateTime64(9, 'UTC')").precision()).isEqualTo(9);
        assertThat(DataType.parse("DateTime64(9, 'UTC')").timezone()).contains("UTC");
        assertThat(DataType.parse("FixedString(3)").length()).isEqualTo(3);
        assertThat(DataType.parse("Decimal(10, 2)").scale()).isEqualTo(2);
    }

    @Test
    void rejectsBadText() {
        assertThatThrownBy(() -> DataType.parse("Int33"))
                .hasMessage("Cannot parse ClickHouse type 'Int33' at position 5: unknown type 'Int33'.");
        assertThatThrownBy(() -> DataType.parse("Array(Int8"))
                .hasMessage("Cannot parse ClickHouse type 'Array(Int8' at position 10: expected ')'.");
        assertThatThrownBy(() -> DataType.parse("Int8 x"))
                .hasMessage("Cannot parse ClickHouse type 'Int8 x' at position 5: unexpected 'x'.");
        assertThatThrownBy(() -> DataType.parse("Tuple(a Int8, String)"))
                .hasMessageContaining("a Tuple must name all of its elements or none");
    }
}
