package dev.chorm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsNumbersRightAndTextLeftAndCutsLongResults() {
        List<Map<String, Object>> rows = IntStream.range(0, 12).mapToObj(i -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("protocol", i == 0 ? "TCP" : "UDP-" + i);
            row.put("events", 1_000_000L / (i + 1));
            row.put("p50", List.of(0.5 * i, 1.25));
            return row;
        }).toList();

        assertThat(TextTable.of(rows.subList(0, 2)).indent("> ")).isEqualTo("""
                > protocol |    events | p50
                > ---------+-----------+-----------
                > TCP      | 1,000,000 | [0.0, 1.3]
                > UDP-1    |   500,000 | [0.5, 1.3]
                """);
        assertThat(TextTable.of(rows).indent("").lines()).hasSize(2 + TextTable.MAX_ROWS + 1).last()
                .isEqualTo("... 2 more rows");
        assertThat(TextTable.of(List.of()).indent("  ")).isEqualTo("  (no rows)\n");
    }
}
