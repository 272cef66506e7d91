package dev.chorm.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ModelDefinitionException;
import dev.chorm.types.annotation.AggregateFunction;
import dev.chorm.types.annotation.LowCardinality;
import dev.chorm.types.annotation.Nullable;
import dev.chorm.types.annotation.SimpleAggregateFunction;
import dev.chorm.types.annotation.UInt32;
import dev.chorm.types.annotation.UInt64;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parse and render AggregateFunction and SimpleAggregateFunction types as system.columns prints them. */
class AggregateFunctionTypeTest {
    /** Every string here was printed by system.columns of the embedded engine (26.5). */
    @ParameterizedTest
    @ValueSource(strings = {
        "AggregateFunction(uniq, String)", "AggregateFunction(quantiles(0.5, 0.9), Float64)",
        "AggregateFunction(count)", "AggregateFunction(1, sumMap, Array(UInt8), Array(UInt64))",
        "AggregateFunction(sumMap, Map(UInt8, UInt64))", "AggregateFunction(argMax, String, DateTime64(3, 'UTC'))",
        "AggregateFunction(sequenceMatch('(?1)(?2)'), DateTime, UInt8, UInt8)", "AggregateFunction(uniqIf, String, UInt8)",
        "AggregateFunction(topK(10, 3, 'counts'), String)", "AggregateFunction(groupArray, Nullable(String))",
        "AggregateFunction(quantiles(1., 0, 1.), Float64)", "AggregateFunction(quantile(1e-10), Float64)",
        "AggregateFunction(quantile(0.12345678901234568), Float64)", "AggregateFunction(quantile(0.00001), Float64)",
        "AggregateFunction(quantiles(0.000001, 1e-7, 1e-8, 1.5e-9, 2.5e-7), Float64)",
        "AggregateFunction(quantiles(-0., 0.), Float64)", "AggregateFunction(groupArray(18446744073709551615), Float64)",
        "AggregateFunction(1, sumMapFiltered([1]), Array(UInt8), Array(UInt64))",
        "AggregateFunction(1, sumMapMerge, AggregateFunction(1, sumMap, Array(UInt8), Array(UInt64)))",
        "AggregateFunction(avg, Decimal(10, 2))", "SimpleAggregateFunction(sum, UInt64)",
        "SimpleAggregateFunction(max, Nullable(Int32))", "SimpleAggregateFunction(anyLast, LowCardinality(String))",
        "SimpleAggregateFunction(groupArrayArray, Array(String))"})
    void roundTripsWhatTheEnginePrints(String sql) {
        DataType t = DataType.parse(sql);
        assertThat(t.sql()).isEqualTo(sql);
        assertThat(DataType.parse(t.sql())).isEqualTo(t);
    }

    /** Left: as written in DDL; right: as system.columns of the embedded engine (26.5) printed it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AggregateFunction(quantiles(0.50,.9, 1e-1), Float64)|AggregateFunction(quantiles(0.5, 0.9, 0.1), Float64)",
        "AggregateFunction(  sum ,  UInt32 )|AggregateFunction(sum, UInt32)",
        "AggregateFunction(quantiles(1.0, 0, 1.), Float64)|AggregateFunction(quantiles(1., 0, 1.), Float64)",
        "AggregateFunction(histogram(+5), Float64)|AggregateFunction(histogram(5), Float64)",
        "AggregateFunction(quantile(0.123456789012345678), Float64)|AggregateFunction(quantile(0.12345678901234568), Float64)",
        "AggregateFunction(quantiles(0.0000001, 0.25e-6), Float64)|AggregateFunction(quantiles(1e-7, 2.5e-7), Float64)",
        "AggregateFunction(sumMap, Array(UInt8), Array(UInt64))|AggregateFunction(1, sumMap, Array(UInt8), Array(UInt64))",
        "AggregateFunction(sumMapIf, Array(UInt8), Array(UInt64), UInt8)|AggregateFunction(1, sumMapIf, Array(UInt8), Array(UInt64), UInt8)",
        "AggregateFunction(minMap, Array(UInt8), Array(UInt64))|AggregateFunction(1, minMap, Array(UInt8), Array(UInt64))",
        "AggregateFunction(argMax, String, DateTime64(3,'UTC'))|AggregateFunction(argMax, String, DateTime64(3, 'UTC'))",
        "SimpleAggregateFunction(sum,UInt64)|SimpleAggregateFunction(sum, UInt64)"})
    void normalizesAsTheEngineDoes(String written, String printed) {
        assertThat(DataType.parse(written).sql()).isEqualTo(printed);
        assertThat(DataType.parse(written)).isEqualTo(DataType.parse(printed));
    }

    @Test
    void factoriesRenderAndExposeTheirParts() {
        DataType q = DataType.aggregateFunction("quantiles(0.5,0.9)", DataType.float64());
        assertThat(q.sql()).isEqualTo("AggregateFunction(quantiles(0.5, 0.9), Float64)");
        assertThat(q.function()).isEqualTo("quantiles(0.5, 0.9)");
        assertThat(q.functionName()).isEqualTo("quantiles");
        assertThat(q.arguments()).containsExactly(DataType.float64());
        assertThat(q.version()).isZero();
        assertThat(DataType.aggregateFunction("count").sql()).isEqualTo("AggregateFunction(count)");
        DataType m = DataType.aggregateFunction("sumMap", DataType.array(DataType.uint8()), DataType.array(DataType.uint64()));
        assertThat(m.version()).isEqualTo(1);
        DataType m0 = DataType.aggregateFunction(0, "sumMap", List.of(DataType.array(DataType.uint8()), DataType.array(DataType.uint64())));
        assertThat(m0.sql()).isEqualTo("AggregateFunction(0, sumMap, Array(UInt8), Array(UInt64))");
        assertThat(DataType.parse(m0.sql())).isEqualTo(m0);
        DataType s = DataType.simpleAggregateFunction("max", DataType.nullable(DataType.int32()));
        assertThat(s.sql()).isEqualTo("SimpleAggregateFunction(max, Nullable(Int32))");
        assertThat(s.isNullable()).isTrue();
        assertThat(s.readType()).isEqualTo(DataType.nullable(DataType.int32()));
        assertThat(DataType.string().function()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AggregateFunction(uniq, String)|UInt64", "AggregateFunction(count)|UInt64",
        "AggregateFunction(sum, UInt32)|UInt64", "AggregateFunction(sum, Int8)|Int64", "AggregateFunction(sum, Float32)|Float64",
        "AggregateFunction(sum, Decimal(9, 2))|Decimal(38, 2)", "AggregateFunction(avg, Decimal(10, 2))|Float64",
        "AggregateFunction(quantile, UInt32)|Float64", "AggregateFunction(quantile, DateTime)|DateTime",
        "AggregateFunction(quantiles(0.5, 0.9), Float64)|Array(Float64)", "AggregateFunction(min, Nullable(UInt8))|Nullable(UInt8)",
        "AggregateFunction(argMax, String, UInt32)|String", "AggregateFunction(groupArray, String)|Array(String)",
        "AggregateFunction(sumIf, UInt64, UInt8)|UInt64", "AggregateFunction(uniqExact, UInt8)|UInt64",
        "AggregateFunction(sumOrNull, UInt8)|Nullable(UInt64)"})
    void knowsTheFinalizedTypeOfCommonFunctions(String type, String finalized) {
        assertThat(DataType.parse(type).readType().sql()).isEqualTo(finalized);
    }

    @SuppressWarnings("unused")
    static class Fields {
        @AggregateFunction(function = "uniq", args = "String") long visitors;
        @AggregateFunction(function = "quantiles(0.5,0.9)", args = "Float64") List<Double> latency;
        @AggregateFunction(function = "count") long rows;
        @AggregateFunction(function = "sumMap", args = {"Array(UInt8)", "Array(UInt64)"}) Object byCode;
        @SimpleAggregateFunction("sum") long hits;
        @SimpleAggregateFunction("max") @UInt32 long peak;
        @SimpleAggregateFunction("anyLast") @LowCardinality @Nullable String browser;
        @SimpleAggregateFunction("groupArrayArray") List<String> tags;
        @SimpleAggregateFunction(value = "sum", arg = "UInt256") BigInteger huge;
        @AggregateFunction(function = "uniq", args = "Strin") long badArg;
        @AggregateFunction(function = "quantiles(0.5", args = "Float64") List<Double> badFunction;
        @Nullable @AggregateFunction(function = "uniq", args = "String") Long nullableState;
        @Nullable @UInt64 @SimpleAggregateFunction(value = "sum", arg = "UInt64") Long argAndType;
        @SimpleAggregateFunction("") long noFunction;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "visitors|AggregateFunction(uniq, String)", "latency|AggregateFunction(quantiles(0.5, 0.9), Float64)",
        "rows|AggregateFunction(count)", "byCode|AggregateFunction(1, sumMap, Array(UInt8), Array(UInt64))",
        "hits|SimpleAggregateFunction(sum, Int64)", "peak|SimpleAggregateFunction(max, UInt32)",
        "browser|SimpleAggregateFunction(anyLast, LowCardinality(Nullable(String)))",
        "tags|SimpleAggregateFunction(groupArrayArray, Array(String))", "huge|SimpleAggregateFunction(sum, UInt256)"})
    void mapsAnnotatedFields(String field, String expected) {
        assertThat(TypeMapperTest.map(Fields.class, field).sql()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "badArg|Event.badArg: @AggregateFunction(args = \"Strin\") is not a ClickHouse type. Cannot parse ClickHouse type 'Strin' at position 5: unknown type 'Strin'. Write the argument type as system.columns shows it, such as String or Array(UInt64).",
        "badFunction|Event.badFunction: @AggregateFunction(function = \"quantiles(0.5\") is not an aggregate function with parameters: unbalanced parentheses in 'quantiles(0.5'. Write it as ClickHouse does, such as uniq or quantiles(0.5, 0.9).",
        "nullableState|Event.nullableState: Nullable(AggregateFunction(uniq, String)) is not allowed: ClickHouse cannot wrap AggregateFunction in Nullable. Remove @Nullable; the aggregate state of no rows stands for no value.",
        "argAndType|Event.argAndType: @SimpleAggregateFunction(arg = \"UInt64\") gives the whole value type; remove the other type annotations or write them inside arg.",
        "noFunction|Event.noFunction: @SimpleAggregateFunction(\"\") is not an aggregate function; name one such as sum, max or anyLast."})
    void reportsMistakes(String field, String message) {
        assertThatThrownBy(() -> TypeMapperTest.map(Fields.class, field))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsBadFunctions() {
        assertThatThrownBy(() -> DataType.parse("AggregateFunction(quantiles(0.5, Float64)"))
                .hasMessage("Cannot parse ClickHouse type 'AggregateFunction(quantiles(0.5, Float64)' at position 41:"
                        + " expected ')'.");
        assertThatThrownBy(() -> DataType.parse("AggregateFunction(quantiles(0.5"))
                .hasMessage("Cannot parse ClickHouse type 'AggregateFunction(quantiles(0.5' at position 31:"
                        + " unbalanced parentheses in the aggregate function.");
        assertThatThrownBy(() -> DataType.aggregateFunction("1uniq"))
                .hasMessage("not an aggregate function name: '1uniq'");
        assertThatThrownBy(() -> DataType.aggregateFunction("quantiles(0.5,)", DataType.float64()))
                .hasMessage("empty parameter in 'quantiles(0.5,)'");
    }
}
