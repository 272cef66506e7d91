package dev.chorm.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.types.DataType;
import dev.chorm.types.RowBinaryWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LowCardinality dictionaries through the codec itself: blocks written by {@link NativeBlock} and read
 * back by {@link NativeBlockReader} give every row its own value, with repeated, equal-but-distinct
 * and mutated-after-add keys, more keys than the table's first size and than a UInt8 index holds,
 * and a fresh dictionary per block.
 */
class LowCardinalityColumnTest {
    @Test
    void everyRowKeepsItsValueAcrossGrowingDictionariesAndBlocks() throws Exception {
        NativeBlock block = new NativeBlock(List.of("s", "n", "f"), List.of(
                NativeColumn.of(DataType.parse("LowCardinality(String)")),
                NativeColumn.of(DataType.parse("LowCardinality(Nullable(String))")),
                NativeColumn.of(DataType.parse("LowCardinality(FixedString(2))"))));
        List<List<Object>> expected = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RowBinaryWriter out = new RowBinaryWriter(bytes)) {
            for (int i = 0; i < 1_500; i++) {
                String s = i % 3 == 0 ? "same" : new String("k" + (i % 700)); // equal, not identical
                String n = i % 4 == 0 ? null : "n" + (i % 5);
                byte[] f = {(byte) ('a' + i % 20), (byte) ('a' + i % 7)};
                block.column(0).add(s);
                block.column(1).add(n);
                block.column(2).add(f);
                String fixed = new String(f, java.nio.charset.StandardCharsets.US_ASCII);
                f[0] = 'Z'; // the dictionary holds its own copy
                block.endRow();
                expected.add(Arrays.asList(s, n, fixed));
                if (i == 999) {
                    block.writeTo(out); // 1,000 rows with 701 keys (UInt16 indexes), then 500 more with new dictionaries
                }
            }
            block.writeTo(out);
        }
        NativeBlockReader reader = new NativeBlockReader(new ByteArrayInputStream(bytes.toByteArray()));
        List<List<Object>> read = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        while (reader.next()) {
            sizes.add(reader.rows());
            for (int r = 0; r < reader.rows(); r++) {
                read.add(Arrays.asList(reader.column(0).value(r), reader.column(1).value(r), reader.column(2).value(r)));
            }
        }
        assertThat(sizes).containsExactly(1_000, 500);
        assertThat(read).isEqualTo(expected);
    }
}
