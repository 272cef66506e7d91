package dev.chorm.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.testing.TestEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The type chorm reads an AggregateFunction column as ({@link DataType#readType()}) is the type the
 * engine's {@code finalizeAggregation} gives: with Nullable arguments (ClickHouse's Null combinator) and
 * for the quantile kinds that do not answer Float64.
 */
class AggregateFinalizedTypeEngineTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "AggregateFunction(sum, Nullable(UInt64))", "AggregateFunction(avg, Nullable(Int32))",
        "AggregateFunction(sumIf, Nullable(UInt32), UInt8)", "AggregateFunction(sum, Nullable(Decimal(10, 2)))",
        "AggregateFunction(quantile(0.5), Nullable(Float64))", "AggregateFunction(argMax, String, Nullable(UInt64))",
        "AggregateFunction(groupArray, Nullable(String))", "AggregateFunction(topK(3), Nullable(UInt8))",
        "AggregateFunction(uniq, Nullable(String))", "AggregateFunction(uniqCombined, Nullable(String))",
        "AggregateFunction(countIf, Nullable(UInt8), UInt8)", "AggregateFunction(max, Nullable(Int32))",
        "AggregateFunction(quantileExact(0.5), Int32)", "AggregateFunction(medianExact, Int32)",
        "AggregateFunction(quantilesExact(0.5), Int32)", "AggregateFunction(quantileGK(100, 0.5), Int32)",
        "AggregateFunction(quantileTiming(0.5), Nullable(UInt32))", "AggregateFunction(quantilesTDigest(0.5), Int32)",
        "AggregateFunction(quantileTDigest(0.5), DateTime)", "AggregateFunction(groupBitmap, UInt32)",
        "AggregateFunction(quantile(0.5), UInt8)", "AggregateFunction(sum, Decimal(10, 2))"})
    void readTypeIsTheEnginesFinalizedType(String state) throws Exception {
        String db = TestEngine.freshDatabase("finalized");
        try (Connection c = DriverManager.getConnection(TestEngine.shared().jdbcUrl(db), TestEngine.shared().jdbcProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT toTypeName(finalizeAggregation(defaultValueOfTypeName('" + state
                     + "')))")) {
            rs.next();
            assertThat(DataType.parse(state).readType().sql()).isEqualTo(rs.getString(1));
        }
    }
}
