package dev.chorm.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.testing.TestEngine;
import dev.chorm.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Render values of every type as literals, then check that the engine reads each back unchanged. */
class ValueLiteralsTest {
    record Point(int x, String label) {
    }

    @Test
    void rendersEveryKindOfValue() throws Exception {
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("'a\\'b\\\\c\\n\\0\\t\\x01'", new Object[] {"a'b\\c\n\0\t\u0001", null});
        cases.put("true", new Object[] {true, null});
        cases.put("nan", new Object[] {Double.NaN, null});
        cases.put("-inf", new Object[] {Double.NEGATIVE_INFINITY, null});
        cases.put("toFloat32(1.5)", new Object[] {1.5f, null});
        cases.put("CAST('12.30' AS Decimal(10, 2))", new Object[] {new BigDecimal("12.30"), DataType.decimal(10, 2)});
        cases.put("CAST('170141183460469231731687303715884105727' AS Int128)",
                new Object[] {BigInteger.TWO.pow(127).subtract(BigInteger.ONE), DataType.int128()});
        cases.put("toUUID('00000000-0000-0000-0000-000000000001')", new Object[] {new UUID(0, 1), null});
        cases.put("toIPv4('1.2.3.4')", new Object[] {InetAddress.getByName("1.2.3.4"), null});
        cases.put("CAST('2024-01-02' AS Date)", new Object[] {LocalDate.of(2024, 1, 2), DataType.date()});
        cases.put("toDateTime64('2024-01-02 03:04:05.123', 3, 'UTC')",
                new Object[] {Instant.parse("2024-01-02T03:04:05.123Z"), null});
        cases.put("toDateTime64('2024-01-02 03:04:05.000000', 6)",
                new Object[] {LocalDateTime.of(2024, 1, 2, 3, 4, 5), DataType.dateTime64(6)});
        cases.put("[[1, 2], []]", new Object[] {List.of(List.of(1, 2), List.of()), null});
        cases.put("map('k', [1])", new Object[] {Map.of("k", List.of(1)), null});
        cases.put("tuple(1, 'p')", new Object[] {new Point(1, "p"), null});
        cases.put("CAST(map() AS Map(String, Int32))", new Object[] {Map.of(), DataType.map(DataType.string(), DataType.int32())});
        cases.put("NULL", new Object[] {null, null});
        try (Database db = Database.open("lit", TestEngine.shared().jdbcUrl(), TestEngine.shared().jdbcProperties(),
                Map.of())) {
            for (Map.Entry<String, Object[]> c : cases.entrySet()) {
                String sql = SqlLiterals.literal(c.getValue()[0], (DataType) c.getValue()[1]);
                assertThat(sql).isEqualTo(c.getKey());
                assertThat(db.query("SELECT " + sql + " AS v")).hasSize(1);
            }
            String text = "a'b\\c\n\0\t\u0001 é 😀 {x} ? % _";
            assertThat(db.query("SELECT " + SqlLiterals.literal(text, null) + " AS v").get(0).get("v")).isEqualTo(text);
        }
    }
}
